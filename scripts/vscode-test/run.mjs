// `npm run test:integration`: runs the integration tests inside a real VS Code
// 1.100.3 (code-server's Node extension host, driven by headless chromium).
// Two phases in the same server and browser profile: `main` (all suites), then a
// fresh window (a new extension host, as after "Developer: Reload Window") that
// runs `reload`, which checks what must survive a reload.
// Prints each test, then "integration: N passed, N failed" and exits 0 only when
// every phase passed and at least one test ran.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVER_VERSION, ensureInstalled, VSCODE_VERSION } from './install.mjs';
import { startServer } from './server.mjs';
import { openBrowser } from './workbench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const say = (s) => process.stderr.write(`[vscode-test] ${s}\n`);
const timeoutMs = Number(process.env.MSS_VSCODE_TIMEOUT || 900) * 1000;
const phases = (process.env.MSS_TEST_PHASES || 'main,reload').split(',');
// `npm run screenshots` runs the phase "screenshots": scenes that save PNGs of the real workbench.

for (const p of ['dist/extension.js', 'out/test/integration/index.js']) {
  if (!fs.existsSync(path.join(root, p))) { say(`missing ${p}: run "npm run build && npm run compile" first`); process.exit(2); }
}
ensureInstalled();

// A fresh copy of the fixture workspace: the tests write files into it.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-workspace-'));
fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-results-'));

let server, browser;
let exitCode = 1;
const cleanup = async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
};
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { void cleanup().then(() => process.exit(130)); });

try {
  server = await startServer({ env: { MSS_TEST_RESULTS_DIR: resultsDir, MSS_TEST_WORKSPACE: workspace, MSS_SCREENSHOT_DIR: path.join(root, 'media', 'screenshots') }, keep: process.env.MSS_VSCODE_KEEP === '1' });
  browser = await openBrowser({ profileDir: path.join(server.runDir, 'chromium-profile') });
  let passed = 0, failed = 0, allOk = true;
  for (const phase of phases) {
    const tests = phase === 'main' ? 'out/test/integration/index.js' : `out/test/integration/${phase}/index.js`;
    say(`phase "${phase}": opening a VS Code ${VSCODE_VERSION} window with extensionTestsPath=${tests}`);
    const stopUi = browser.serveUiRequests(path.join(resultsDir, 'ui'));
    const code = await browser.runUntilExit(server.workbenchUrl(workspace, [
      ['extensionDevelopmentPath', server.remote(root)],
      ['extensionTestsPath', server.remote(path.join(root, tests))],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]), timeoutMs);
    stopUi();
    const resultFile = path.join(resultsDir, `${phase}.json`);
    const r = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : { passed: 0, failed: 0 };
    passed += r.passed; failed += r.failed;
    say(`phase "${phase}": exit code ${code}, ${r.passed} passed, ${r.failed} failed`);
    if (code !== 0 || r.failed > 0 || r.passed === 0) allOk = false;
    if (code === 'timeout') { say(`phase "${phase}" timed out after ${timeoutMs / 1000} s`); break; }
  }
  if (process.env.MSS_FINAL_SCREENSHOT) await browser.page.screenshot({ path: process.env.MSS_FINAL_SCREENSHOT });
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
