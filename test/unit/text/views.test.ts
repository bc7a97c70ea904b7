import * as assert from 'node:assert/strict';
import { localTime, stepStatusLine } from '../../../src/procedures/text';
import { renderWalkthroughs } from '../../../src/procedures/walkthroughs';
import { explainError } from '../../../src/ssoTools/errors';
import { explanationHtml, inlineMarkdownToHtml } from '../../../src/ssoTools/explanationHtml';
import { readDependents, restartQuestion, RESTART_CONFIRM } from '../../../src/ssoTools/dependents';

// What sc prints for `sc enumdepend ENTSSO 65536` on a BizTalk server with two host instances.
const ENUM_DEPEND = [
  '[SC] EnumDependentServices: entries: 2',
  '',
  'SERVICE_NAME: BTSSvc$BizTalkServerApplication',
  'DISPLAY_NAME: BizTalk Service BizTalk Group : BizTalkServerApplication',
  '        TYPE               : 10  WIN32_OWN_PROCESS',
  '        STATE              : 4  RUNNING',
  '',
  'SERVICE_NAME: BTSSvc$BizTalkServerIsolatedHost',
  'DISPLAY_NAME: BizTalk Service BizTalk Group : BizTalkServerIsolatedHost',
  '        TYPE               : 10  WIN32_OWN_PROCESS',
  '        STATE              : 1  STOPPED',
  '',
].join('\r\n');

describe('the restart question', () => {
  it('reads the services that depend on ENTSSO from sc enumdepend', () => {
    assert.deepEqual(readDependents(ENUM_DEPEND), [
      { name: 'BTSSvc$BizTalkServerApplication', displayName: 'BizTalk Service BizTalk Group : BizTalkServerApplication' },
      { name: 'BTSSvc$BizTalkServerIsolatedHost', displayName: 'BizTalk Service BizTalk Group : BizTalkServerIsolatedHost' },
    ]);
    assert.deepEqual(readDependents('[SC] EnumDependentServices: entries: 0\r\n'), []);
    assert.equal(readDependents('[SC] EnumDependentServices FAILED 1060:\r\n\r\nThe specified service does not exist as an installed service.'), undefined);
    assert.equal(readDependents('something else'), undefined);
  });

  it('names the host instances that stop, the commands, and warns first when this is not the step\'s computer', () => {
    const q = restartQuestion({ commandLines: ['net stop ENTSSO', 'net start ENTSSO'], dependents: readDependents(ENUM_DEPEND)! });
    assert.equal(q.confirm, RESTART_CONFIRM);
    assert.equal(q.title, 'Restart the Enterprise SSO service (ENTSSO) on this computer?');
    assert.match(q.detail, /This runs:\nnet stop ENTSSO\nnet start ENTSSO/);
    assert.match(q.detail, /stop with it:\n- BizTalk Service BizTalk Group : BizTalkServerApplication \(BTSSvc\$BizTalkServerApplication\)\n- BizTalk Service BizTalk Group : BizTalkServerIsolatedHost/);
    const away = restartQuestion({ commandLines: ['net stop ENTSSO'], dependents: { reason: 'sc was not found on PATH.' }, elsewhere: 'Step 5 runs on NEWMSS, and this is BTSMSS01.' });
    assert.match(away.title, /not the one this step runs on/);
    assert.ok(away.detail.startsWith('WARNING: Step 5 runs on NEWMSS, and this is BTSMSS01.'), away.detail);
    assert.match(away.detail, /The BizTalk host instances on this computer depend on ENTSSO and stop with it.*could not be read: sc was not found on PATH\./s);
    assert.match(restartQuestion({ commandLines: [], dependents: [] }).detail, /No other service depends on ENTSSO/);
  });
});

describe('the Explain view', () => {
  it('shows meaning, cause, what to do and the sources as links, escaping the rest, with no script', () => {
    const e = explainError('0xC0002A0F')!;
    const html = explanationHtml(e);
    assert.match(html, /<h1>10767 ENTSSO_E_NO_SSO_SERVER \(0xC0002A0F\)<\/h1>/);
    for (const h of ['Meaning', 'Likely cause', 'What to do', 'Sources']) assert.ok(html.includes(`<h2>${h}</h2>`), h);
    assert.ok(html.includes('<a href="https://learn.microsoft.com/en-us/biztalk/core/single-sign-on-event-10767">Single Sign-On: Event 10767</a> <span class="kind">Microsoft documentation</span>'));
    assert.match(html, /Community report \(not Microsoft documentation\)/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /\]\(https:/, 'no Markdown link left unrendered');
  });

  it('renders the inline Markdown of the catalogue and escapes HTML', () => {
    assert.equal(inlineMarkdownToHtml('Run `ssoconfig -restoreSecret <file>` as **admin**, see [A & B](https://learn.microsoft.com/x).'),
      'Run <code>ssoconfig -restoreSecret &lt;file&gt;</code> as <strong>admin</strong>, see <a href="https://learn.microsoft.com/x">A &amp; B</a>.');
    assert.equal(inlineMarkdownToHtml('[bad](javascript:alert(1)) <b>'), '[bad](javascript:alert(1)) &lt;b&gt;');
  });
});

describe('times and the walkthrough card', () => {
  it('shows a stored time in the given locale, local time; the stored text when it is not a time', () => {
    const iso = '2025-03-12T13:05:00.000Z';
    assert.equal(localTime(iso, 'en-GB'), new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }));
    assert.notEqual(localTime(iso, 'en-GB'), iso);
    assert.notEqual(localTime(iso, 'de'), localTime(iso, 'en-US'));
    assert.equal(localTime('not a time'), 'not a time');
    assert.match(stepStatusLine({ done: true, at: iso, exitCode: 0 }, 'en-GB'), new RegExp(`^\\*\\*Done\\*\\* on ${localTime(iso, 'en-GB')}, exit code 0$`));
  });

  it('features the move to another server in a folder with NewMSSServer.xml', () => {
    const [server, cluster] = renderWalkthroughs().contribution;
    assert.deepEqual(server.featuredFor, ['**/NewMSSServer.xml']);
    assert.equal(cluster.featuredFor, undefined);
  });
});
