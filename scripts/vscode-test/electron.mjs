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
import { makePackageFolder } from './packageFolder.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = process.env.MSS_VSCODE_VERSION || '1.100.3';

/** A fresh copy of the fixture workspace, with `overlay` copied over it. */
function copyWorkspace(overlay) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-workspace-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  if (overlay) fs.cpSync(overlay, dir, { recursive: true });
  return dir;
}

/** A user data folder with these user settings. */
function userDataWith(settings) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-user-data-'));
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dir;
}

const workspace = copyWorkspace();
const userData = userDataWith({});
// The restricted phase, as in run.mjs: workspace trust on, no start-up prompt, an untrusted copy.
const restrictedWorkspace = copyWorkspace(path.join(root, 'test', 'fixtures', 'restricted'));
const restrictedUserData = userDataWith({
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
});
const emptyUserData = userDataWith({ 'window.restoreWindows': 'none' });
// Two folders in a .code-workspace file, as run.mjs makes them.
const multiRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-multiroot-'));
fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), path.join(multiRoot, 'Server A'), { recursive: true });
fs.mkdirSync(path.join(multiRoot, 'Server B'));
fs.writeFileSync(path.join(multiRoot, 'Server B', 'NewMSSServer.xml'), '<sso>\n  <globalInfo>\n    <secretServer>BTSMSS09</secretServer>\n  </globalInfo>\n</sso>\n');
fs.writeFileSync(path.join(multiRoot, 'mss.code-workspace'), JSON.stringify({ folders: [{ path: 'Server A' }, { path: 'Server B' }] }, null, 2));
const multiRootUserData = userDataWith({});
const packaged = makePackageFolder(root);
const packagedWorkspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-workspace-'));
fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), packagedWorkspace, { recursive: true });
const packagedUserData = userDataWith({});
const phases = [
  { entry: 'out/test/integration/index.js', args: [workspace, '--user-data-dir', userData, '--disable-workspace-trust'] },
  { entry: 'out/test/integration/reload/index.js', args: [workspace, '--user-data-dir', userData, '--disable-workspace-trust'] },
  // No folder: a window as File > New Window opens it.
  { entry: 'out/test/integration/empty/index.js', args: ['--user-data-dir', emptyUserData, '--disable-workspace-trust'] },
  { entry: 'out/test/integration/multiroot/index.js', args: [path.join(multiRoot, 'mss.code-workspace'), '--user-data-dir', multiRootUserData, '--disable-workspace-trust'] },
  { entry: 'out/test/integration/restricted/index.js', args: [restrictedWorkspace, '--user-data-dir', restrictedUserData], env: { MSS_TEST_WORKSPACE: restrictedWorkspace } },
  // The extension as its package ships it (see packageFolder.mjs).
  { entry: 'out/test/integration/packaged/index.js', args: [packagedWorkspace, '--user-data-dir', packagedUserData, '--disable-workspace-trust'], extension: packaged },
];
let failed = false;
for (const phase of phases) {
  try {
    await runTests({
      version,
      extensionDevelopmentPath: phase.extension ?? root,
      extensionTestsPath: path.join(root, phase.entry),
      launchArgs: [...phase.args, '--disable-extensions'],
      // The tests play a Windows server named BTSMSS01 (the extension reads COMPUTERNAME, as on Windows).
      extensionTestsEnv: { COMPUTERNAME: 'BTSMSS01', ...phase.env },
    });
  } catch (e) {
    console.error(`test-electron: ${phase.entry} failed: ${e && e.message ? e.message : e}`);
    failed = true;
    break;
  }
}
for (const dir of [workspace, userData, emptyUserData, multiRoot, multiRootUserData, restrictedWorkspace, restrictedUserData, packaged, packagedWorkspace, packagedUserData]) fs.rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
