// `npm run test:integration`: runs the integration tests inside a real VS Code
// 1.100.3 (code-server's Node extension host, driven by headless chromium).
// Two phases in the same server and browser profile: `main` (all suites), then a
// fresh window (a new extension host, as after "Developer: Reload Window") that
// runs `reload`, which checks what must survive a reload, then `multiroot`, a
// workspace of two folders, and `empty`, a window with no folder open (File > New
// Window): multiroot in a server of its own, empty in a browser of its own. Then
// `restricted`, in a
// second server with workspace trust on and its own browser, user data and copy
// of the workspace (with test/fixtures/restricted laid over it), whose folder
// opens untrusted: Restricted Mode. Last `packaged`: the extension as
// `npm run package` ships it (the files of the package, the production bundle).
// Prints each test, then "integration: N passed, N failed" and exits 0 only when
// every phase passed and at least one test ran.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVER_VERSION, ensureInstalled, VSCODE_VERSION } from './install.mjs';
import { makePackageFolder } from './packageFolder.mjs';
import { killTrees, startServer } from './server.mjs';
import { openBrowser } from './workbench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const say = (s) => process.stderr.write(`[vscode-test] ${s}\n`);
const timeoutMs = Number(process.env.MSS_VSCODE_TIMEOUT || 900) * 1000;
// The tests play a Windows server named BTSMSS01 (the extension reads COMPUTERNAME, as on Windows).
const TEST_ENV = { COMPUTERNAME: 'BTSMSS01' };
const phases = (process.env.MSS_TEST_PHASES || 'main,reload,multiroot,empty,restricted,packaged').split(',');
// `npm run screenshots` runs the phase "screenshots": scenes that save PNGs of the real workbench.

for (const p of ['dist/extension.js', 'out/test/integration/index.js']) {
  if (!fs.existsSync(path.join(root, p))) { say(`missing ${p}: run "npm run build && npm run compile" first`); process.exit(2); }
}
ensureInstalled();

// Phases with a server of their own; every other phase runs in the shared one.
const OWN_SERVER = new Set(['restricted', 'multiroot']);
// The restricted phase: workspace trust on, and nothing that asks about it in a
// modal dialog (no start-up prompt; files from outside the folder just open), so
// the folder, in a fresh user data folder and browser profile that trust
// nothing, opens in Restricted Mode and the tests run undisturbed.
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
};

/** A fresh copy of the fixture workspace (the tests write files into it), with `overlay` copied over it. */
function copyWorkspace(overlay) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-workspace-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  if (overlay) fs.cpSync(overlay, dir, { recursive: true });
  return dir;
}
const workspace = copyWorkspace();
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-results-'));
const workspaces = [workspace];

/** Chromium processes that use this profile folder (left over when closing it failed). */
function chromiumPids(profileDir) {
  let table = '';
  try { table = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }); } catch { return []; }
  return table.split('\n').filter((l) => l.includes(`--user-data-dir=${profileDir}`)).map((l) => Number(l.trim().split(/\s+/)[0])).filter((p) => p && p !== process.pid);
}

/** Closes a browser, then kills what is left of its process tree. */
async function closeBrowser(b, profileDir) {
  let timer;
  await Promise.race([b.close(), new Promise((r) => { timer = setTimeout(r, 15_000); })]);
  clearTimeout(timer);
  await killTrees(...chromiumPids(profileDir));
}

let server, browser;
/** The restricted phase's own server and browser, stopped as soon as the phase ends. */
let own = {};
const stopOwn = async () => {
  const { server: s, browser: b, profileDir } = own;
  own = {};
  if (b) await closeBrowser(b, profileDir);
  if (s) await s.stop();
};
let exitCode = 1;
const cleanup = async () => {
  await stopOwn();
  if (browser) await browser.close();
  if (server) await server.stop();
  for (const w of workspaces) fs.rmSync(w, { recursive: true, force: true });
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { void cleanup().then(() => process.exit(130)); });

/** Opens the window of one phase and resolves with the exit code its tests report, or 'timeout'. */
async function runWindow(phase, srv, brw, folder, extensionDir = root) {
  const tests = phase === 'main' ? 'out/test/integration/index.js' : `out/test/integration/${phase}/index.js`;
  say(`phase "${phase}": opening a VS Code ${VSCODE_VERSION} window with extensionTestsPath=${tests}`);
  const stopUi = brw.serveUiRequests(path.join(resultsDir, 'ui'));
  try {
    return await brw.runUntilExit(srv.workbenchUrl(folder, [
      ['extensionDevelopmentPath', srv.remote(extensionDir)],
      ['extensionTestsPath', srv.remote(path.join(root, tests))],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]), timeoutMs);
  } finally {
    stopUi();
  }
}

/**
 * The multiroot phase's workspace: two folders, "Server A" (the fixture workspace) and
 * "Server B" (an update file of its own), in a .code-workspace file beside them.
 */
function multiRootWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-multiroot-'));
  workspaces.push(dir);
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), path.join(dir, 'Server A'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'Server B'));
  fs.writeFileSync(path.join(dir, 'Server B', 'NewMSSServer.xml'), '<sso>\n  <globalInfo>\n    <secretServer>BTSMSS09</secretServer>\n  </globalInfo>\n</sso>\n');
  const file = path.join(dir, 'mss.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: 'Server A' }, { path: 'Server B' }] }, null, 2));
  return file;
}

/**
 * A phase in the shared server but a browser of its own: the web workbench keeps what
 * it last opened in the browser's storage, and a window for another folder, workspace
 * or none at all, opened in the same browser, sometimes came up without its folders.
 */
async function runInOwnBrowser(phase, target, extensionDir = root) {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-chromium-'));
  let b;
  try {
    b = await openBrowser({ profileDir });
    return await runWindow(phase, server, b, target, extensionDir);
  } catch (e) {
    say(`phase "${phase}": ${e && e.stack ? e.stack : e}`);
    return 'error';
  } finally {
    if (b) await closeBrowser(b, profileDir);
    fs.rmSync(profileDir, { recursive: true, force: true });
  }
}

/** A phase in a server and browser of its own (its own user data), both stopped when it ends, also on failure. */
async function runInOwnServer(phase, target, serverOptions = {}) {
  const folder = typeof target === 'string' ? target : undefined;
  try {
    own.server = await startServer({ ...serverOptions, env: { ...TEST_ENV, MSS_TEST_RESULTS_DIR: resultsDir, ...(folder ? { MSS_TEST_WORKSPACE: folder } : {}) }, keep: process.env.MSS_VSCODE_KEEP === '1' });
    own.profileDir = path.join(own.server.runDir, 'chromium-profile');
    own.browser = await openBrowser({ profileDir: own.profileDir });
    return await runWindow(phase, own.server, own.browser, target);
  } catch (e) {
    say(`phase "${phase}": ${e && e.stack ? e.stack : e}`);
    return 'error';
  } finally {
    await stopOwn();
  }
}

/** The packaged phase: the extension loaded from the files of its package (packageFolder.mjs). */
function runPackaged() {
  const dir = makePackageFolder(root);
  workspaces.push(dir);
  say(`phase "packaged": the package's files in ${dir}`);
  const folder = copyWorkspace();
  workspaces.push(folder);
  return runInOwnBrowser('packaged', folder, dir);
}

/** The restricted phase: trust on, an untrusted copy of the workspace with test/fixtures/restricted laid over it. */
function runRestricted() {
  const folder = copyWorkspace(path.join(root, 'test', 'fixtures', 'restricted'));
  workspaces.push(folder);
  return runInOwnServer('restricted', folder, { trust: true, settings: RESTRICTED_SETTINGS });
}

try {
  if (phases.some((p) => !OWN_SERVER.has(p))) {
    server = await startServer({ env: { ...TEST_ENV, MSS_TEST_RESULTS_DIR: resultsDir, MSS_TEST_WORKSPACE: workspace, MSS_SCREENSHOT_DIR: path.join(root, 'media', 'screenshots') }, keep: process.env.MSS_VSCODE_KEEP === '1' });
    browser = await openBrowser({ profileDir: path.join(server.runDir, 'chromium-profile') });
  }
  let passed = 0, failed = 0, allOk = true;
  for (const phase of phases) {
    const code = phase === 'restricted' ? await runRestricted()
      : phase === 'packaged' ? await runPackaged()
      // In a server of its own: after the other windows, a multi-root window of the shared server
      // sometimes read its .code-workspace file with no folders (and never again).
      : phase === 'multiroot' ? await runInOwnServer(phase, { workspaceFile: multiRootWorkspace() })
        : phase === 'empty' ? await runInOwnBrowser(phase, null)
          : await runWindow(phase, server, browser, workspace);
    const resultFile = path.join(resultsDir, `${phase}.json`);
    const r = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : { passed: 0, failed: 0 };
    passed += r.passed; failed += r.failed;
    say(`phase "${phase}": exit code ${code}, ${r.passed} passed, ${r.failed} failed`);
    if (code !== 0 || r.failed > 0 || r.passed === 0) allOk = false;
    if (code === 'timeout') { say(`phase "${phase}" timed out after ${timeoutMs / 1000} s`); break; }
  }
  if (process.env.MSS_FINAL_SCREENSHOT && browser) await browser.page.screenshot({ path: process.env.MSS_FINAL_SCREENSHOT });
  console.log(`integration tests ran in VS Code ${VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION}), ${phases.length} window(s)`);
  console.log(`integration: ${passed} passed, ${failed} failed`);
  exitCode = allOk && passed > 0 ? 0 : 1;
} catch (e) {
  say(`error: ${e && e.stack ? e.stack : e}`);
  exitCode = 2;
} finally {
  await cleanup();
  fs.rmSync(resultsDir, { recursive: true, force: true });
}
process.exit(exitCode);
