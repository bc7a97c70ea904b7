// `npm run test:integration`: runs the integration tests inside a real VS Code
// 1.100.3 (code-server's Node extension host, driven by headless chromium), one
// window (a new extension host) per phase. The phases, what each opens and with
// which settings, are in phases.mjs (shared with electron.mjs); MSS_TEST_PHASES
// picks some (default main,reload,multiroot,empty,restricted,packaged). Here a phase
// runs in the shared server and browser (main, reload: the same profile, as after
// "Developer: Reload Window"), in a browser of its own (empty, packaged) or in a
// server and browser of their own (multiroot, and restricted with workspace trust on,
// whose copy of the workspace, with test/fixtures/restricted laid over it, opens
// untrusted: Restricted Mode). `packaged` loads the extension as `npm run package`
// ships it (the files of the package, the production bundle).
// Prints each test, then "integration: N passed, N failed" and exits 0 only when
// every phase passed and at least one test ran.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVER_VERSION, ensureInstalled, VSCODE_VERSION } from './install.mjs';
import { makePackageFolder } from './packageFolder.mjs';
import { copyWorkspace as copyFixture, multiRootWorkspace as makeMultiRoot, orderWarnings, selectPhases } from './phases.mjs';
import { killTrees, startServer } from './server.mjs';
import { openBrowser } from './workbench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const say = (s) => process.stderr.write(`[vscode-test] ${s}\n`);
const timeoutMs = Number(process.env.MSS_VSCODE_TIMEOUT || 900) * 1000;
// The tests play a Windows server named BTSMSS01 (the extension reads COMPUTERNAME, as on Windows).
const TEST_ENV = { COMPUTERNAME: 'BTSMSS01' };
let phases;
try {
  phases = selectPhases(process.env.MSS_TEST_PHASES);
} catch (e) {
  say(e.message);
  process.exit(2);
}
for (const w of orderWarnings(phases)) say(`warning: ${w}`);
// MSS_TEST_DRY_RUN=1: print the phases and where each would run, and stop (the unit tests read it).
if (process.env.MSS_TEST_DRY_RUN === '1') {
  const where = (p) => (p.server === 'own' ? 'own server' : p.browser === 'own' ? 'own browser' : 'shared');
  console.log(JSON.stringify({ runner: 'code-server', phases: phases.map((p) => ({ name: p.name, tests: p.tests, workspace: p.workspace, extension: p.extension, trust: p.trust, where: where(p) })) }));
  process.exit(0);
}
// `npm run screenshots` runs the phase "screenshots": scenes that save PNGs of the real workbench.

for (const p of ['dist/extension.js', 'out/test/integration/index.js']) {
  if (!fs.existsSync(path.join(root, p))) { say(`missing ${p}: run "npm run build && npm run compile" first`); process.exit(2); }
}
ensureInstalled();

/** A fresh copy of the fixture workspace (the tests write files into it), with `overlay` (relative to root) copied over it. */
const copyWorkspace = (overlay) => copyFixture(root, overlay);
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
/** The own server and browser of a phase with `server: 'own'` (multiroot, restricted), stopped as soon as it ends. */
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
  const { tests } = phase;
  say(`phase "${phase.name}": opening a VS Code ${VSCODE_VERSION} window with extensionTestsPath=${tests}`);
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

/** The multiroot phase's workspace (phases.mjs): its .code-workspace file. */
function multiRootWorkspace() {
  const { dir, file } = makeMultiRoot(root);
  workspaces.push(dir);
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
    say(`phase "${phase.name}": ${e && e.stack ? e.stack : e}`);
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
    say(`phase "${phase.name}": ${e && e.stack ? e.stack : e}`);
    return 'error';
  } finally {
    await stopOwn();
  }
}

/** The folder or workspace a phase opens (phases.mjs): the shared copy, a copy of its own, a multi-root workspace or none. */
function targetOf(phase) {
  switch (phase.workspace) {
    case 'shared': return workspace;
    case 'none': return null;
    case 'multiroot': return { workspaceFile: multiRootWorkspace() };
    case 'copy': {
      const folder = copyWorkspace(phase.overlay);
      workspaces.push(folder);
      return folder;
    }
    default: throw new Error(`phase "${phase.name}": unknown workspace "${phase.workspace}"`);
  }
}

/** The extension a phase loads: this folder, or the files of its package (packageFolder.mjs). */
function extensionOf(phase) {
  if (phase.extension !== 'package') return root;
  const dir = makePackageFolder(root);
  workspaces.push(dir);
  say(`phase "${phase.name}": the package's files in ${dir}`);
  return dir;
}

/** Runs one phase where the table says: a server of its own, a browser of its own, or the shared ones. */
function runPhase(phase) {
  const extensionDir = extensionOf(phase);
  const target = targetOf(phase);
  if (phase.server === 'own') {
    if (extensionDir !== root) throw new Error(`phase "${phase.name}": a server of its own loads the extension from this folder`);
    return runInOwnServer(phase, target, { trust: phase.trust, settings: phase.settings });
  }
  if (phase.browser === 'own') return runInOwnBrowser(phase, target, extensionDir);
  return runWindow(phase, server, browser, target, extensionDir);
}

try {
  if (phases.some((p) => p.server !== 'own')) {
    server = await startServer({ env: { ...TEST_ENV, MSS_TEST_RESULTS_DIR: resultsDir, MSS_TEST_WORKSPACE: workspace, MSS_SCREENSHOT_DIR: path.join(root, 'media', 'screenshots') }, keep: process.env.MSS_VSCODE_KEEP === '1' });
    browser = await openBrowser({ profileDir: path.join(server.runDir, 'chromium-profile') });
  }
  let passed = 0, failed = 0, allOk = true;
  for (const phase of phases) {
    const code = await runPhase(phase);
    const resultFile = path.join(resultsDir, `${phase.name}.json`);
    const r = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : { passed: 0, failed: 0 };
    fs.rmSync(resultFile, { force: true });  // a phase listed twice (npm run bench) must not count the first run again
    passed += r.passed; failed += r.failed;
    say(`phase "${phase.name}": exit code ${code}, ${r.passed} passed, ${r.failed} failed`);
    if (code !== 0 || r.failed > 0 || r.passed === 0) allOk = false;
    if (code === 'timeout') { say(`phase "${phase.name}" timed out after ${timeoutMs / 1000} s`); break; }
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
