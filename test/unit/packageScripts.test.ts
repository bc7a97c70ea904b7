import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'fs';
import * as path from 'path';
import { mainFiles, RUN_LAST } from '../integration/index';
import { phaseFiles } from '../integration/mochaRun';

const ROOT = path.join(__dirname, '..', '..', '..');

/** A .vscode/*.json file: JSON with whole-line // comments. */
function readJsonc<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as T;
}

/** Runs a node script of this repository with env and returns its standard output. */
function node(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('package.json scripts', () => {
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it('name only files that exist (compiled ones by their TypeScript source)', () => {
    const missing: string[] = [];
    for (const [name, line] of Object.entries(scripts)) {
      for (const m of line.matchAll(/(?:^|\s)node\s+((?:out\/)?scripts\/[\w./-]+\.m?js)/g)) {
        const file = m[1].startsWith('out/') ? m[1].replace(/^out\//, '').replace(/\.js$/, '.ts') : m[1];
        if (!fs.existsSync(path.join(ROOT, file))) missing.push(`${name}: ${m[1]} (${file})`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('the test script runs lint, the unit tests, the integration tests and the Windows phase last (built by the integration run)', () => {
    assert.match(scripts.test, /npm run lint && npm run test:unit && npm run test:integration && node scripts\/windows-test\/run\.mjs$/);
    assert.match(scripts['test:windows'], /^npm run build && npm run compile && node scripts\/windows-test\/run\.mjs$/);
  });

  it('package builds once: vsce runs vscode:prepublish, the production build', () => {
    assert.match(scripts['vscode:prepublish'], /^node scripts\/build\.mjs --production$/);
    assert.match(scripts.package, /^vsce package /);
    assert.doesNotMatch(scripts.package, /build/);
  });

  it('watch rebuilds the bundle and the tests (build.mjs --watch, which runs tsc --watch)', () => {
    assert.equal(scripts.watch, 'node scripts/build.mjs --watch');
    const build = fs.readFileSync(path.join(ROOT, 'scripts', 'build.mjs'), 'utf8');
    assert.match(build, /\.watch\(\)/);
    assert.match(build, /'--watch', '--preserveWatchOutput'/);
  });

  it('compile starts from an empty out/ (no compiled test of a moved or deleted file is left to run)', () => {
    assert.match(scripts.precompile, /rmSync\('out'/);
  });
});

describe('.vscode: launch configurations and tasks', () => {
  interface Launch { configurations: Array<{ name: string; type: string; args?: string[]; preLaunchTask?: string }> }
  interface Task { label: string; type?: string; script?: string; command?: string; args?: string[]; dependsOn?: string[] }
  const launch = readJsonc<Launch>('.vscode/launch.json');
  const tasks = readJsonc<{ tasks: Task[] }>('.vscode/tasks.json').tasks;
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const byName = (name: string) => {
    const c = launch.configurations.find((x) => x.name === name);
    assert.ok(c, `launch configuration "${name}"`);
    return c;
  };
  const arg = (args: string[] | undefined, name: string) => args?.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

  it('"Run Extension" loads this folder after building the bundle', () => {
    const c = byName('Run Extension');
    assert.equal(c.type, 'extensionHost');
    assert.equal(arg(c.args, 'extensionDevelopmentPath'), '${workspaceFolder}');
    const task = tasks.find((t) => t.label === c.preLaunchTask);
    assert.deepEqual([task?.type, task?.script], ['npm', 'build']);
  });

  it('"Extension Tests" runs the main phase\'s entry point, after build, compile and a fresh workspace', () => {
    const c = byName('Extension Tests');
    assert.equal(c.type, 'extensionHost');
    assert.equal(arg(c.args, 'extensionDevelopmentPath'), '${workspaceFolder}');
    assert.equal(arg(c.args, 'extensionTestsPath'), '${workspaceFolder}/out/test/integration/index.js');
    const pretest = tasks.find((t) => t.label === c.preLaunchTask);
    assert.deepEqual(pretest?.dependsOn, ['build', 'compile', 'test workspace']);
  });

  it('every path a configuration or task names exists (compiled ones after npm run compile)', () => {
    const missing: string[] = [];
    const check = (where: string, p: string) => {
      const rel = p.replace(/^\$\{workspaceFolder\}\/?/, '');
      // .vscode-test/ is made by the "test workspace" task (debugWorkspace.mjs) before the launch.
      if (rel.startsWith('.vscode-test/')) return;
      if (!fs.existsSync(path.join(ROOT, rel))) missing.push(`${where}: ${p}`);
    };
    for (const c of launch.configurations) {
      for (const a of c.args ?? []) {
        const value = a.startsWith('--') ? a.replace(/^--[\w-]+=/, '') : a;
        if (value.startsWith('${workspaceFolder}')) check(c.name, value);
      }
    }
    for (const t of tasks) for (const a of t.args ?? []) if (a.startsWith('${workspaceFolder}')) check(t.label, a);
    assert.deepEqual(missing, []);
  });

  it('every task a configuration or task needs is there, and every npm task names a script', () => {
    const labels = new Set(tasks.map((t) => t.label));
    const needed = [...launch.configurations.flatMap((c) => (c.preLaunchTask ? [c.preLaunchTask] : [])), ...tasks.flatMap((t) => t.dependsOn ?? [])];
    assert.deepEqual(needed.filter((l) => !labels.has(l)), []);
    assert.deepEqual(tasks.filter((t) => t.type === 'npm' && !(t.script! in scripts)).map((t) => t.label), []);
  });

  it('the test workspace task lays its folders where the configurations open them', () => {
    const made = fs.readFileSync(path.join(ROOT, 'scripts', 'vscode-test', 'debugWorkspace.mjs'), 'utf8');
    assert.match(made, /'\.vscode-test', 'workspace'/);
    assert.match(made, /'\.vscode-test', 'user-data'/);
    for (const c of launch.configurations.filter((x) => x.name.startsWith('Extension Tests'))) {
      assert.equal(c.args?.[0], '${workspaceFolder}/.vscode-test/workspace', c.name);
      assert.equal(arg(c.args, 'user-data-dir'), '${workspaceFolder}/.vscode-test/user-data', c.name);
    }
  });

  it('the package leaves .vscode/ and .vscode-test/ out (vsce ls)', () => {
    // vsce's own script run by this node (node_modules/.bin/vsce is a shell script on Linux and a .cmd on Windows).
    const vscePackage = path.join(ROOT, 'node_modules', '@vscode', 'vsce');
    const bin = (JSON.parse(fs.readFileSync(path.join(vscePackage, 'package.json'), 'utf8')) as { bin: { vsce: string } }).bin.vsce;
    const files = execFileSync(process.execPath, [path.join(vscePackage, bin), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter(Boolean);
    assert.ok(files.includes('package.json'), files.join(', '));
    assert.deepEqual(files.filter((f) => f.startsWith('.vscode')), []);
  });
});

describe('the integration phases: one table for both runners', () => {
  interface Phase { name: string; tests: string; workspace: string; extension: string; trust: boolean }
  const table = JSON.parse(node(['--input-type=module', '-e',
    "const { PHASES, DEFAULT_PHASES } = await import('./scripts/vscode-test/phases.mjs'); console.log(JSON.stringify({ phases: Object.values(PHASES), defaults: DEFAULT_PHASES }));"])) as { phases: Phase[]; defaults: string[] };
  const dryRun = (runner: string, env: Record<string, string> = {}) =>
    JSON.parse(node([path.join('scripts', 'vscode-test', runner)], { MSS_TEST_DRY_RUN: '1', MSS_TEST_PHASES: '', ...env })) as { runner: string; phases: Phase[] };
  const pick = (p: Phase) => [p.name, p.tests, p.workspace, p.extension, p.trust];

  it('has the phases run.mjs runs by default, screenshots, and the bench phases (npm run bench only)', () => {
    assert.deepEqual(table.defaults, ['main', 'reload', 'multiroot', 'empty', 'restricted', 'packaged']);
    assert.deepEqual(table.phases.map((p) => p.name), [...table.defaults, 'screenshots', 'benchActivation', 'benchKeystroke']);
  });

  it('npm test runs no benchmark; npm run bench builds, compiles and runs scripts/bench/run.mjs', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.doesNotMatch(scripts.test, /bench/);
    assert.equal(scripts.bench, 'npm run build && npm run compile && node scripts/bench/run.mjs');
    assert.deepEqual(table.defaults.filter((n) => n.startsWith('bench')), []);
  });

  it('every phase\'s entry point is compiled (out/test/integration/…/index.js)', () => {
    assert.deepEqual(table.phases.filter((p) => !fs.existsSync(path.join(ROOT, p.tests))).map((p) => p.tests), []);
  });

  it('both runners import it and define no phases of their own', () => {
    for (const runner of ['run.mjs', 'electron.mjs']) {
      const source = fs.readFileSync(path.join(ROOT, 'scripts', 'vscode-test', runner), 'utf8');
      assert.match(source, /from '\.\/phases\.mjs'/, runner);
      assert.doesNotMatch(source, /out\/test\/integration\/\w+\//, `${runner} names no phase's folder of tests`);
      assert.doesNotMatch(source, /security\.workspace\.trust/, `${runner} keeps no phase settings`);
    }
  });

  it('both runners run its phases (a dry run of each: MSS_TEST_DRY_RUN=1)', () => {
    const expected = table.phases.filter((p) => table.defaults.includes(p.name)).map(pick);
    for (const runner of ['run.mjs', 'electron.mjs']) {
      assert.deepEqual(dryRun(runner).phases.map(pick), expected, runner);
    }
    assert.deepEqual(dryRun('run.mjs', { MSS_TEST_PHASES: 'screenshots' }).phases.map((p) => p.name), ['screenshots']);
  });

  it('a runner refuses a phase the table does not know', () => {
    assert.throws(() => dryRun('run.mjs', { MSS_TEST_PHASES: 'main,nosuchphase' }), /unknown test phase\(s\) nosuchphase/);
  });

  it('the main phase runs reload/prepare.js after its suites, named, not by sort order', () => {
    const files = mainFiles().map((f) => path.relative(path.join(ROOT, 'out', 'test', 'integration'), f));
    assert.equal(files.at(-1), path.join('reload', 'prepare.js'));
    assert.deepEqual(RUN_LAST.filter((f) => !fs.existsSync(f)), []);
    assert.deepEqual(files.slice(0, -1).filter((f) => path.dirname(f) !== '.' || !f.endsWith('.test.js')), []);
    assert.ok(files.length > 5, files.join(', '));
  });

  it('the reload phase runs only its own suites, not the preparation', () => {
    const files = phaseFiles(path.join(ROOT, 'out', 'test', 'integration', 'reload')).map((f) => path.basename(f));
    assert.deepEqual(files, ['persisted.test.js']);
  });
});
