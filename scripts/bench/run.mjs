// `npm run bench` (after `npm run build && npm run compile`, which the npm script runs first):
// measures the budgets of BENCHMARKS.md and writes BENCHMARKS.md and bench/results.json, then prints
// the budgets table. Not part of `npm test`: nothing here asserts a timing.
//   1. validation against the floor, in one Node.js process (out/scripts/bench/validation.js),
//      and a --cpu-prof profile of it, summarised by function of src/updateXml;
//   2. the sizes of the production bundles (with esbuild's account of their bytes) and the .vsix;
//   3. in the real VS Code (scripts/vscode-test/run.mjs, phases benchActivation and
//      benchKeystroke; under flock /tmp/mss-vscode.lock, one VS Code run on the machine at a
//      time): activate() in fresh windows, and keystroke to diagnostics.
// Flags: --no-vscode (skip 3). Env: MSS_BENCH_ACTIVATIONS (fresh windows, default 5),
// MSS_BENCH_EDITS (edits of each kind per file, default 20).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { VSCODE_VERSION } from '../vscode-test/install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOCK = '/tmp/mss-vscode.lock';
const hasFlock = spawnSync('sh', ['-c', 'command -v flock'], { stdio: 'ignore' }).status === 0;
// The whole run holds the lock of the VS Code runs (one on the machine at a time): on a
// 2-core machine a test run beside it would make every figure here slower.
if (hasFlock && process.env.MSS_BENCH_LOCKED !== '1') {
  process.stderr.write(`[bench] waiting for ${LOCK} (no other VS Code test run may share the machine)\n`);
  const r = spawnSync('flock', [LOCK, process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, MSS_BENCH_LOCKED: '1' } });
  process.exit(r.status ?? 1);
}
const require = createRequire(import.meta.url);
const say = (s) => process.stderr.write(`[bench] ${s}\n`);
const noVscode = process.argv.includes('--no-vscode');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-bench-'));

for (const p of ['out/scripts/bench/validation.js', 'out/scripts/bench/report.js', 'out/test/integration/bench/keystroke/index.js', 'dist/extension.js']) {
  if (!fs.existsSync(path.join(root, p))) { say(`missing ${p}: run "npm run build && npm run compile" first (npm run bench does)`); process.exit(2); }
}
const { renderBenchmarks, budgets } = require(path.join(root, 'out/scripts/bench/report.js'));
const { summarizeProfile } = require(path.join(root, 'out/scripts/bench/profile.js'));

function node(args, opts = {}) {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'], ...opts });
}

try {
  // 1. Validation against the floor, and where its time goes.
  say('validation against fast-xml-parser alone (about 10 s)');
  const validation = JSON.parse(node(['out/scripts/bench/validation.js']));
  const profDir = path.join(tmp, 'prof');
  node(['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval', '100', 'out/scripts/bench/validation.js', '--profile']);
  const profFile = path.join(profDir, fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile')));
  const profile = summarizeProfile(profFile, '/out/src/updateXml/', `${root}/`);
  profile.entries = profile.entries.slice(0, 20);

  // 2. Sizes: the production bundles as the package ships them, and the .vsix.
  say('sizes of the production bundles and the .vsix');
  const sizes = await measureSizes();

  // 3. The real VS Code.
  let keystroke, activation;
  if (!noVscode) {
    const out = path.join(tmp, 'vscode');
    fs.mkdirSync(out);
    const windows = Number(process.env.MSS_BENCH_ACTIVATIONS || 5);
    const phases = [...Array(windows).fill('benchActivation'), 'benchKeystroke'].join(',');
    say(`the real VS Code: ${windows} fresh windows for activation, one for keystrokes`);
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'vscode-test', 'run.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, MSS_TEST_PHASES: phases, MSS_BENCH_OUT: out } });
    if (r.status !== 0) throw new Error(`the VS Code part failed (exit ${r.status}); its output is above`);
    const lines = (name) => fs.readFileSync(path.join(out, `${name}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    keystroke = lines('keystroke');
    activation = lines('activation');
  }

  const results = {
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU', cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()} ${os.arch()}`, node: process.versions.node, vscode: VSCODE_VERSION },
    validation, profile, keystroke, activation, sizes,
  };
  // A run without VS Code keeps the VS Code figures of the last full run.
  const resultsFile = path.join(root, 'bench', 'results.json');
  if (noVscode && fs.existsSync(resultsFile)) {
    const old = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    if (old.keystroke && old.activation) { results.keystroke = old.keystroke; results.activation = old.activation; results.vscodeMeasuredOn = old.vscodeMeasuredOn ?? old.date; say('kept the VS Code figures of the last full run'); }
  } else if (!noVscode) results.vscodeMeasuredOn = results.date;
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const advice = fs.readFileSync(path.join(root, 'scripts', 'bench', 'validation-advice.md'), 'utf8').trim();
  fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), renderBenchmarks(results, { validationAdvice: advice }));
  console.log(`Benchmarks of ${results.date.slice(0, 10)} on ${results.machine.cpu} (${results.machine.cores} cores):`);
  for (const b of budgets(results)) console.log(`  ${b.verdict.padEnd(12)} ${b.budget}: ${b.measured}`);
  console.log('wrote BENCHMARKS.md and bench/results.json');
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** The production bundles' sizes with what their bytes are (esbuild's metafile), and the .vsix's. */
async function measureSizes() {
  const common = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify: true, write: true, metafile: true, logLevel: 'warning', absWorkingDir: root };
  const dist = path.join(tmp, 'dist');
  const ext = await esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: path.join(dist, 'extension.js'), external: ['vscode'] });
  const cli = await esbuild.build({ ...common, entryPoints: ['src/cli.ts'], outfile: path.join(dist, 'cli.js'), banner: { js: '#!/usr/bin/env node' } });
  const inputs = (meta) => {
    const by = {};
    for (const o of Object.values(meta.outputs)) {
      for (const [file, { bytesInOutput }] of Object.entries(o.inputs)) {
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
        const what = m ? `node_modules/${m[1]}` : file.split('/').slice(0, 2).join('/');
        by[what] = (by[what] ?? 0) + bytesInOutput;
      }
    }
    return Object.entries(by).sort((a, b) => b[1] - a[1]).map(([what, bytes]) => ({ what, bytes }));
  };
  // The .vsix as `npm run package` makes it (vsce runs vscode:prepublish, the production build,
  // into dist/); dist/ is then built again as `npm run build` left it.
  const vsix = path.join(tmp, 'master-secret-mover.vsix');
  const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
  execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const shipped = { extension: fs.statSync(path.join(root, 'dist', 'extension.js')).size, cli: fs.statSync(path.join(root, 'dist', 'cli.js')).size };
  const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter(Boolean);
  const byFolder = {};
  for (const f of files) {
    const parts = f.split('/');
    const depth = f.startsWith('media/') ? 2 : 1;
    const top = parts.length > depth ? `${parts.slice(0, depth).join('/')}/` : f;
    byFolder[top] = (byFolder[top] ?? 0) + fs.statSync(path.join(root, f)).size;
  }
  node(['scripts/build.mjs']);
  return {
    extension: shipped.extension, cli: shipped.cli, vsix: fs.statSync(vsix).size,
    extensionInputs: inputs(ext.metafile), cliInputs: inputs(cli.metafile),
    vsixFiles: Object.entries(byFolder).sort((a, b) => b[1] - a[1]).map(([what, bytes]) => ({ what, bytes })),
  };
}
