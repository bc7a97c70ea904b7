// `npm run test:windows` (the last phase of `npm test`): the tests on Windows' own runtime, the
// official Windows node.exe under Wine, installed on first use by install.mjs.
//   1. unit:    the whole unit suite (out/test/unit/**/*.test.js) on node.exe;
//   2. runtime: the Windows-runtime suite (out/test/windows/**/*.test.js): dist/cli.js (mss-xml),
//               the read-only runner and program lookup on a Windows file system, with fake
//               Windows tools built here with MinGW from test/windows/fakes/fake.c.
// Facts of Wine that shape this file: node.exe cannot use a Linux pipe as its stdio (its output
// goes to files, read after it ends); the exit status seen from Linux keeps only 8 bits (the
// tests assert exit codes inside node.exe, and report their counts in a file).
// Prints each suite's output, then "windows: N passed, N failed" and exits 0 only when both
// suites ran, none failed and each passed at least one test.
// Env: MSS_WINDOWS_SUITES=unit,runtime (default both), MSS_WINDOWS_GREP (mocha --grep),
// MSS_WINDOWS_TIMEOUT (seconds per suite, default 1200).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled, MINGW_GCC, NODE_WIN_VERSION, nodeExe, WINE, wineEnv } from './install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const say = (s) => process.stderr.write(`[windows-test] ${s}\n`);
const SUITES = {
  unit: { glob: 'out/test/unit/**/*.test.js', title: 'the unit suite on Windows node' },
  runtime: { glob: 'out/test/windows/**/*.test.js', title: 'the Windows-runtime suite' },
};
/** The fake tools, one program copied under each name (it acts by the name it was started as). */
const FAKE_TOOLS = ['ssomanage', 'ssoconfig', 'net', 'sc', 'wevtutil', 'powershell', 'reg'];

/** The Windows path Wine gives a Linux path (drive Z: is the Linux root). */
const winPath = (p) => `Z:${path.resolve(p).replace(/\//g, '\\')}`;

for (const p of ['dist/cli.js', 'out/test/windows/reporter.js']) {
  if (!fs.existsSync(path.join(root, p))) { say(`missing ${p}: run "npm run build && npm run compile" first`); process.exit(2); }
}
const wanted = (process.env.MSS_WINDOWS_SUITES || 'unit,runtime').split(',').map((s) => s.trim()).filter(Boolean);
for (const s of wanted) if (!(s in SUITES)) { say(`unknown suite "${s}" (unit, runtime)`); process.exit(2); }

const t0 = Date.now();
ensureInstalled();
const installed = Date.now();

/** Builds the fake tools into out/windows-fakes (out/ is emptied by every compile). */
function buildFakes() {
  const dir = path.join(root, 'out', 'windows-fakes');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const exe = path.join(dir, 'fake.exe');
  execFileSync(MINGW_GCC, ['-municode', '-O2', '-s', '-Wall', '-Wextra', '-Werror', '-o', exe, path.join(root, 'test', 'windows', 'fakes', 'fake.c')], { stdio: 'inherit' });
  for (const t of FAKE_TOOLS) fs.copyFileSync(exe, path.join(dir, `${t}.exe`));
  return dir;
}
const fakes = buildFakes();

/** Runs one suite in node.exe under Wine; resolves with its counts, or undefined when it reported none. */
function runSuite(name) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `mss-windows-${name}-`));
  const results = path.join(work, 'results.json');
  const out = path.join(work, 'stdout.txt');
  const err = path.join(work, 'stderr.txt');
  const args = [nodeExe, 'node_modules/mocha/bin/mocha.js', '--ui', 'bdd', '--timeout', '120000',
    '--reporter', 'out/test/windows/reporter.js', ...(process.env.MSS_WINDOWS_GREP ? ['--grep', process.env.MSS_WINDOWS_GREP] : []), SUITES[name].glob];
  const env = wineEnv({ MSS_WINDOWS_RESULTS: winPath(results), MSS_WINDOWS_FAKES: winPath(fakes), MSS_WINDOWS_TEMP: winPath(work) });
  const started = Date.now();
  say(`${name}: ${SUITES[name].title} (node.exe ${NODE_WIN_VERSION} under Wine)`);
  return new Promise((resolve) => {
    const outFd = fs.openSync(out, 'w');
    const errFd = fs.openSync(err, 'w');
    const child = spawn(WINE, args, { cwd: root, env, stdio: ['ignore', outFd, errFd], detached: true });
    const limit = Number(process.env.MSS_WINDOWS_TIMEOUT || 1200) * 1000;
    const timer = setTimeout(() => {
      say(`${name}: no end after ${limit / 1000} s, stopping it`);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, limit);
    const finish = (status) => {
      clearTimeout(timer);
      fs.closeSync(outFd);
      fs.closeSync(errFd);
      process.stdout.write(fs.readFileSync(out, 'utf8'));
      const stderr = fs.readFileSync(err, 'utf8');
      if (stderr.trim()) process.stderr.write(stderr);
      const r = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : undefined;
      fs.rmSync(work, { recursive: true, force: true });
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      if (!r) say(`${name}: node.exe ended (Linux status ${status}) without reporting its counts`);
      else say(`${name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped.length} skipped in ${seconds} s (${r.platform}, node ${r.node})`);
      resolve(r);
    };
    child.on('error', (e) => { say(`${name}: ${e.message}`); finish('error'); });
    child.on('exit', (code) => finish(code));
  });
}

let passed = 0, failed = 0, ok = true;
const skipped = [];
for (const name of wanted) {
  const r = await runSuite(name);
  if (!r || r.platform !== 'win32' || r.failed > 0 || r.passed === 0) ok = false;
  if (r) { passed += r.passed; failed += r.failed; skipped.push(...r.skipped); }
}
for (const s of skipped) say(`skipped on Windows: ${s}`);
console.log(`windows tests ran on node.exe ${NODE_WIN_VERSION} under Wine in ${((Date.now() - installed) / 1000).toFixed(0)} s (install check ${((installed - t0) / 1000).toFixed(0)} s)`);
console.log(`windows: ${passed} passed, ${failed} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`);
process.exit(ok ? 0 : 1);
