// `npm run test:electron`: the same integration suites in desktop VS Code,
// downloaded and cached by @vscode/test-electron (needs access to VS Code's
// download server, which this project's CI machine does not have; there
// `npm run test:integration` runs them in code-server instead). Tests that click
// the workbench through the browser bridge skip themselves here and are reported
// as pending, not passed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-workspace-'));
fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-user-data-'));
const version = process.env.MSS_VSCODE_VERSION || '1.100.3';
let failed = false;
for (const entry of ['out/test/integration/index.js', 'out/test/integration/reload/index.js']) {
  try {
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, entry),
      launchArgs: [workspace, '--user-data-dir', userData, '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (e) {
    console.error(`test-electron: ${entry} failed: ${e && e.message ? e.message : e}`);
    failed = true;
    break;
  }
}
fs.rmSync(workspace, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
