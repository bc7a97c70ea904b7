import * as assert from 'node:assert/strict';
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
