import * as assert from 'node:assert/strict';
import * as ssoTools from '../../../src/ssoTools';

describe('ssoTools index', () => {
  it('re-exports the command lines, the explainer, the output parser and the server-name rules', () => {
    for (const name of ['planCommand', 'parseTaskDefinition', 'resolveExecutable', 'checkExecutable', 'settingFor', 'displayCommandLine', 'proposeBackupFileName', 'explainError', 'findToolErrors', 'checkServerName']) {
      assert.equal(typeof (ssoTools as Record<string, unknown>)[name], 'function', name);
    }
    assert.equal(typeof ssoTools.ERROR_LINE_REGEXP, 'string');
    assert.equal(typeof ssoTools.DEFAULT_INSTALL_FOLDER, 'string');
  });
});
