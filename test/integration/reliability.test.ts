// Tools that cannot surprise: batch files refused, ${...} in a task's file refused (what runs is the path written),
// the file of a task checked when VS Code resolves it and again each time it starts (Rerun Last
// Task too), each task running its own command line, and a backup from tasks.json that never
// overwrites a file. With the fake tools of fakeTools.ts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { NOT_RUN_EXIT_CODE } from '../../src/ssoTools/commandLines';
import { FakeTools } from './fakeTools';
import { api, hasUiBridge, poll, runTaskToEnd, terminalText, ui, withTasksJsonTask, withTerminalText, workspaceDir } from './helpers';

const GOOD_XML = '<sso>\n  <globalInfo>\n    <secretServer>BTSMSS02</secretServer>\n  </globalInfo>\n</sso>\n';
const BAD_XML = '<sso>\n  <globalInfo>\n    <secretServer>local host</secretServer>\n  </globalInfo>\n</sso>\n';

/** The exit code of the next end of a task named `name` (not one of a restart's two net tasks), or a rejection after 60 s. */
function nextEnd(name: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`"${name}" did not end within 60 s`)); }, 60_000);
    const sub = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution.task.name === name && e.execution.task.definition.part === undefined) { clearTimeout(timer); sub.dispose(); resolve(e.exitCode); }
    });
  });
}

/** "Tasks: Rerun Last Task", as the admin runs it (VS Code runs its last task again without asking the extension), to the end of `name`. */
async function rerunLastTask(name: string): Promise<number | undefined> {
  await new Promise((r) => setTimeout(r, 500));  // VS Code takes a task as its last one once the task has ended
  const ended = nextEnd(name);
  await vscode.commands.executeCommand('workbench.action.tasks.reRunTask');
  return ended;
}

/** Writes .vscode/tasks.json with these tasks, waits until VS Code lists them all, and removes the file afterwards. */
async function withTasksJson<T>(entries: Array<{ label: string; type: string } & Record<string, unknown>>, body: (tasks: vscode.Task[]) => Promise<T>): Promise<T> {
  const vscodeDir = path.join(workspaceDir(), '.vscode');
  fs.mkdirSync(vscodeDir, { recursive: true });
  fs.writeFileSync(path.join(vscodeDir, 'tasks.json'), JSON.stringify({ version: '2.0.0', tasks: entries }, null, 2));
  try {
    const tasks = await poll('the tasks.json tasks', async () => {
      const all = await vscode.tasks.fetchTasks();
      const found = entries.map((e) => all.find((t) => t.name === e.label));
      return found.every((t) => t !== undefined) && (found as vscode.Task[]);
    });
    return await body(tasks);
  } finally {
    fs.rmSync(vscodeDir, { recursive: true, force: true });
  }
}

/** The provided (Run Task) -updatedb task of a file. */
function providedUpdateDb(file: string): Promise<vscode.Task> {
  return poll(`the Run Task -updatedb of ${file}`, async () => (await vscode.tasks.fetchTasks({ type: 'ssomanage' })).find((t) => t.definition.command === 'updatedb' && t.definition.file === file && t.source === 'Master Secret'));
}


suite('reliability: tools that cannot surprise', () => {
  const fakes = new FakeTools();
  let restore: () => Promise<void>;
  const dir = path.join(workspaceDir(), 'reliability');

  suiteSetup(async () => {
    restore = await fakes.use();
    fs.mkdirSync(dir, { recursive: true });
  });
  suiteTeardown(async () => {
    await restore();
    fs.rmSync(dir, { recursive: true, force: true });
    delete process.env.MSS_TEST_EVIL;
    await (await api()).progress.reset();
  });
  setup(() => fakes.clear());

  test('a .bat or .cmd tool setting is refused with the setting to change, and nothing runs', async () => {
    const c = vscode.workspace.getConfiguration('mss');
    for (const name of ['ssomanage.bat', 'ssomanage.cmd']) {
      const bat = path.join(fakes.dir, name);
      fs.copyFileSync(fakes.path('ssomanage'), bat);
      await c.update('ssomanagePath', bat, vscode.ConfigurationTarget.Global);
      try {
        await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.showSsoDatabase')),
          (e: Error) => e.message.startsWith(`${bat} is a batch file: Windows runs it through cmd.exe`) && e.message.includes('Set mss.ssomanagePath (or mss.installFolder) to ssomanage.exe.'));
      } finally {
        await c.update('ssomanagePath', fakes.path('ssomanage'), vscode.ConfigurationTarget.Global);
      }
    }
    assert.deepStrictEqual(fakes.calls(), [], 'nothing ran');
  });

  test('a task file with a VS Code variable (one that would resolve to a switch, one not set, ${workspaceFolder}) is refused and never reaches ssomanage', async () => {
    // (${input:...} in tasks.json is refused by VS Code itself, which starts no task then.)
    process.env.MSS_TEST_EVIL = '-displaydb';
    for (const file of ['${env:MSS_TEST_EVIL}', '${env:MSS_TEST_NOT_SET}/x.xml', '${workspaceFolder}/NewMSSServer.xml']) {
      await withTasksJsonTask({ label: `updatedb ${file}`, type: 'ssomanage', command: 'updatedb', file }, async (task) => {
        assert.strictEqual(await runTaskToEnd(task), 1, file);
      });
    }
    assert.deepStrictEqual(fakes.calls(), [], 'ssomanage never ran');
  });

  test('a tasks.json -updatedb task whose file has errors is refused when VS Code resolves it, and ssomanage never runs', async () => {
    const file = path.join(dir, 'Broken.xml');
    fs.writeFileSync(file, BAD_XML);
    await withTasksJsonTask({ label: 'updatedb broken', type: 'ssomanage', command: 'updatedb', file }, async (task) => {
      assert.strictEqual(await runTaskToEnd(task), 1);
    });
    assert.deepStrictEqual(fakes.calls(), [], 'ssomanage never ran');
  });

  test('a tasks.json backup never overwrites an existing file', async () => {
    const bak = path.join(dir, 'SSO.bak');
    fs.writeFileSync(bak, 'the backup ssoconfig wrote\n');
    await withTasksJsonTask({ label: 'backup over a file', type: 'ssoconfig', command: 'backupSecret', file: bak }, async (task) => {
      assert.strictEqual(await runTaskToEnd(task), 1);
    });
    assert.strictEqual(fs.readFileSync(bak, 'utf8'), 'the backup ssoconfig wrote\n');
    assert.deepStrictEqual(fakes.calls(), [], 'ssoconfig never ran');
  });

  test('Rerun Last Task of a tasks.json -updatedb checks the file again when it starts: once it has errors, and once it is gone, ssomanage never runs', async () => {
    const file = path.join(dir, 'Rerun.xml');
    fs.writeFileSync(file, GOOD_XML);
    await withTasksJsonTask({ label: 'updatedb rerun', type: 'ssomanage', command: 'updatedb', file }, async (task) => {
      assert.strictEqual(await runTaskToEnd(task), 0);
      assert.strictEqual(await rerunLastTask(task.name), 0, 'a rerun of the good file runs');
      fs.writeFileSync(file, BAD_XML);
      assert.strictEqual(await rerunLastTask(task.name), NOT_RUN_EXIT_CODE, 'a rerun once the file has errors');
      fs.rmSync(file);
      assert.strictEqual(await rerunLastTask(task.name), NOT_RUN_EXIT_CODE, 'a rerun once the file is gone');
    });
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['ssomanage', ['-updatedb', file]], ['ssomanage', ['-updatedb', file]]], 'only the runs of the good file reached ssomanage');
  });

  test('Rerun Last Task of a -updatedb from Run Task is checked too, and its refusal is not recorded as a run', async () => {
    const file = path.join(dir, 'RerunProvided.xml');
    fs.writeFileSync(file, GOOD_XML);
    const task = await providedUpdateDb(file);
    const a = await api();
    await a.progress.reset();
    assert.strictEqual(await runTaskToEnd(task), 0);
    await poll('the run to be recorded', () => a.progress.record('moveToServer', 'updateDb').runs?.some((r) => r.file?.path === file));
    const runs = a.progress.record('moveToServer', 'updateDb').runs?.length;
    fs.writeFileSync(file, BAD_XML);
    assert.strictEqual(await rerunLastTask(task.name), NOT_RUN_EXIT_CODE);
    await new Promise((r) => setTimeout(r, 500));
    assert.strictEqual(a.progress.record('moveToServer', 'updateDb').runs?.length, runs, 'the refused rerun is not recorded as a run');
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['ssomanage', ['-updatedb', file]]]);
    fs.rmSync(file);
  });

  test('Rerun Last Task of a tasks.json backup never overwrites the backup the first run made', async () => {
    const bak = path.join(dir, 'Rerun.bak');
    fs.rmSync(bak, { force: true });
    await withTasksJsonTask({ label: 'backup then rerun', type: 'ssoconfig', command: 'backupSecret', file: bak }, async (task) => {
      assert.strictEqual(await runTaskToEnd(task), 0);
      fs.writeFileSync(bak, 'the backup ssoconfig wrote\n');  // the fake does not write one
      assert.strictEqual(await rerunLastTask(task.name), NOT_RUN_EXIT_CODE);
    });
    assert.strictEqual(fs.readFileSync(bak, 'utf8'), 'the backup ssoconfig wrote\n');
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['ssoconfig', ['-backupSecret', bak]]]);
  });

  test('several tasks side by side each run their own command line: a refused tasks.json task, a tasks.json and a Run Task -updatedb, the restart (its rerun the whole restart); runs and reruns', async () => {
    const bad = path.join(dir, 'Refused.xml');
    const mine = path.join(dir, 'Mine.xml');
    const provided = path.join(dir, 'Provided.xml');
    fs.writeFileSync(bad, BAD_XML);
    fs.writeFileSync(mine, GOOD_XML);
    fs.writeFileSync(provided, GOOD_XML);
    try {
      await withTasksJson([
        { label: 'refused updatedb', type: 'ssomanage', command: 'updatedb', file: bad },
        { label: 'my updatedb', type: 'ssomanage', command: 'updatedb', file: mine },
      ], async ([refused, own]) => {
        const fromRunTask = await providedUpdateDb(provided);
        const restart = (await vscode.tasks.fetchTasks({ type: 'entsso' })).find((t) => t.definition.command === 'restart')!;
        const expect: string[][] = [];
        const step = async (what: string, code: Promise<number | undefined>, expected: number, ran?: string[]) => {
          assert.strictEqual(await code, expected, what);
          if (ran) expect.push(ran);
          assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, ...c.args]), expect, what);
        };
        await step('the refused task', runTaskToEnd(refused), 1);
        await step('the Run Task -updatedb', runTaskToEnd(fromRunTask), 0, ['ssomanage', '-updatedb', provided]);
        await step('its rerun', rerunLastTask(fromRunTask.name), 0, ['ssomanage', '-updatedb', provided]);
        expect.push(['net', 'stop', 'ENTSSO']);
        await step('the restart', runTaskToEnd(restart), 0, ['net', 'start', 'ENTSSO']);
        // Rerun Last Task after the restart reruns all of it, not net start ENTSSO alone.
        expect.push(['net', 'stop', 'ENTSSO']);
        await step('its rerun: the whole restart', rerunLastTask(restart.name), 0, ['net', 'start', 'ENTSSO']);
        await step('the tasks.json -updatedb', runTaskToEnd(own), 0, ['ssomanage', '-updatedb', mine]);
        await step('its rerun', rerunLastTask(own.name), 0, ['ssomanage', '-updatedb', mine]);
        await step('the refused task again', runTaskToEnd(refused), 1);
        await step('its rerun', rerunLastTask(refused.name), 1);
        await step('the Run Task -updatedb again', runTaskToEnd(fromRunTask), 0, ['ssomanage', '-updatedb', provided]);
      });
    } finally {
      for (const f of [bad, mine, provided]) fs.rmSync(f, { force: true });
    }
  });

  test('a file Run Task listed as refused, once put right, runs from the command: the explanation task does not stand in for the tool', async () => {
    // VS Code keys a CustomExecution's callback by the task's definition, and the command's run of
    // the same file has the same definition (see RELIABILITY.md): the tool must run all the same.
    const file = path.join(dir, 'FixedLater.xml');
    fs.writeFileSync(file, BAD_XML);
    try {
      await providedUpdateDb(file);  // the explanation, registered by VS Code under this definition
      fs.writeFileSync(file, GOOD_XML);
      await vscode.commands.executeCommand('notifications.clearAll');
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runUpdateDb', file), 0);
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['ssomanage', ['-updatedb', file]]]);
      if (hasUiBridge()) {
        await new Promise((r) => setTimeout(r, 1000));
        const shown = (await ui<Array<{ text: string }>>({ op: 'query', selector: '.notification-toast .notification-list-item-message' })).map((n) => n.text);
        assert.ok(!shown.some((t) => t.includes('did not run')), shown.join(' | '));
      }
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  test('a refusal that quotes the file says ${...} as written: VS Code never replaces it (a ${command:...} there would run)', async function () {
    if (!hasUiBridge()) this.skip();
    const file = path.join(dir, 'Variables.xml');
    fs.writeFileSync(file, '<sso>\n  <globalInfo>${env:HOME}</globalInfo>\n</sso>\n');
    try {
      await withTerminalText(async () => {
        const task = await providedUpdateDb(file);
        assert.strictEqual(await runTaskToEnd(task), 1);
        assert.deepStrictEqual(fakes.calls(), [], 'ssomanage did not run');
        const text = await poll('the refusal in the terminal', async () => { const t = await terminalText(); return t.includes('Variables.xmlhas') && t; });
        assert.ok(text.includes('${env:HOME}'), text);
        assert.ok(!text.includes(String(process.env.HOME).replace(/\s/g, '') + '</'), text);
      });
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  test('a -updatedb from Run Task is recorded once, with the file it ran, and the server it named', async () => {
    const a = await api();
    await a.progress.reset();
    const file = path.join(dir, 'Recorded.xml');
    fs.writeFileSync(file, GOOD_XML);
    await withTasksJsonTask({ label: 'updatedb recorded', type: 'ssomanage', command: 'updatedb', file }, async (task) => {
      assert.strictEqual(await runTaskToEnd(task), 0);
    });
    await poll('the run to be recorded', () => a.progress.record('moveToServer', 'updateDb').done);
    await new Promise((r) => setTimeout(r, 500));
    const record = a.progress.record('moveToServer', 'updateDb');
    assert.strictEqual(record.runs?.length, 1, JSON.stringify(record.runs));
    assert.strictEqual(record.runs?.[0].file?.path, file);
    await poll('the server it named', () => a.progress.record('moveToServer', 'updateDb').newServer === 'BTSMSS02');
  });

  test('a tasks.json run whose command is not spelled the canonical way ("UpdateDb", "BackupSecret") is recorded by its parsed definition: ticked, with its run and the server it named', async () => {
    const a = await api();
    await a.progress.reset();
    const file = path.join(dir, 'Spelled.xml');
    fs.writeFileSync(file, GOOD_XML);
    const bak = path.join(dir, 'Spelled.bak');
    fs.rmSync(bak, { force: true });
    await withTasksJsonTask({ label: 'UpdateDb spelled', type: 'ssomanage', command: 'UpdateDb', file }, async (task) => {
      assert.strictEqual(await runTaskToEnd(task), 0);
    });
    await withTasksJsonTask({ label: 'BackupSecret spelled', type: 'ssoconfig', command: 'BackupSecret', file: bak }, async (task) => {
      assert.strictEqual(await runTaskToEnd(task), 0);
    });
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args[0]]), [['ssomanage', '-updatedb'], ['ssoconfig', '-backupSecret']], 'both ran');
    await poll('the -updatedb run to tick step 4', () => a.progress.record('moveToServer', 'updateDb').done);
    await poll('the backup run to tick step 3', () => a.progress.record('moveToServer', 'backup').done);
    await poll('the server it named', () => a.progress.record('moveToServer', 'updateDb').newServer === 'BTSMSS02');
    assert.strictEqual(a.progress.record('moveToServer', 'updateDb').runs?.length, 1);
    assert.strictEqual(a.progress.record('moveToServer', 'backup').runs?.length, 1);
    fs.rmSync(bak, { force: true });
  });
});
