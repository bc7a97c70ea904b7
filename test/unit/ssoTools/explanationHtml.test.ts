import * as assert from 'node:assert/strict';
import { explainError } from '../../../src/ssoTools/errors';
import { explanationHtml, inlineMarkdownToHtml } from '../../../src/ssoTools/explanationHtml';

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
