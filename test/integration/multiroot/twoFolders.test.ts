import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { FakeTools } from '../fakeTools';
import { api, entssoProblems, poll, runTaskToEnd } from '../helpers';

// A workspace of two folders: each update file runs in its own folder's scope, and the
// tasks that belong to no file run in the first folder's (${workspaceFolder} must resolve).
suite('a workspace of two folders', () => {
  const fakes = new FakeTools();
  let restore: (() => Promise<void>) | undefined;
  const folder = (name: string) => vscode.workspace.workspaceFolders!.find((f) => f.name === name)!;

  suiteSetup(async () => {
    // The web workbench can start the extension host before it has read the .code-workspace
    // file: the folders then arrive a moment later (onDidChangeWorkspaceFolders).
    await poll('the two folders of the workspace', () => (vscode.workspace.workspaceFolders?.length ?? 0) === 2, 30_000);
    restore = await fakes.use();
    await (await api()).progress.reset();
  });
  suiteTeardown(async () => { if (restore) await restore(); });
  setup(() => fakes.clear());

  test('two folders are open', () => {
    assert.deepStrictEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['Server A', 'Server B']);
  });

  test('Run Task offers -updatedb for the update file of each folder, scoped to that folder, and the checks', async () => {
    const tasks = (await vscode.tasks.fetchTasks({ type: 'ssomanage' })).filter((t) => t.source === 'Master Secret');
    const updatedb = tasks.filter((t) => t.definition.command === 'updatedb');
    for (const name of ['Server A', 'Server B']) {
      const file = path.join(folder(name).uri.fsPath, 'NewMSSServer.xml');
      const t = updatedb.find((x) => x.definition.file === file);
      assert.ok(t, `a task for ${file}`);
      assert.strictEqual((t.scope as vscode.WorkspaceFolder).name, name);
    }
    assert.ok(tasks.some((t) => t.definition.command === 'displaydb'));
  });

  test('the tasks run: -updatedb of the second folder, a read-only check and the restart from Run Task', async () => {
    const file = path.join(folder('Server B').uri.fsPath, 'NewMSSServer.xml');
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runUpdateDb', file), 0);
    const run = runTaskToEnd;
    const displaydb = (await vscode.tasks.fetchTasks({ type: 'ssomanage' })).find((t) => t.definition.command === 'displaydb')!;
    assert.strictEqual(await run(displaydb), 0);
    const restart = (await vscode.tasks.fetchTasks({ type: 'entsso' })).find((t) => t.definition.command === 'restart')!;
    assert.strictEqual(await run(restart), 0);
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [
      ['ssomanage', ['-updatedb', file]], ['ssomanage', ['-displaydb']], ['net', ['stop', 'ENTSSO']], ['net', ['start', 'ENTSSO']],
    ]);
  });

  test('tasks.json tasks of the two folders with the same relative file, next to Run Task ones: each runs its own folder\'s file, on a run and on Rerun Last Task', async () => {
    // VS Code gives tasks of equal definitions one id, whatever their folder: each must still run its own command line.
    const label = 'updatedb of this folder';
    const dirs = ['Server A', 'Server B'].map((n) => path.join(folder(n).uri.fsPath, '.vscode'));
    for (const d of dirs) {
      fs.mkdirSync(d, { recursive: true });
      fs.writeFileSync(path.join(d, 'tasks.json'), JSON.stringify({ version: '2.0.0', tasks: [{ label, type: 'ssomanage', command: 'updatedb', file: 'NewMSSServer.xml' }] }, null, 2));
    }
    try {
      const ofFolder = (name: string) => poll(`the tasks.json task of ${name}`, async () => (await vscode.tasks.fetchTasks({ type: 'ssomanage' }))
        .find((t) => t.name === label && typeof t.scope === 'object' && t.scope.name === name));
      const fileOf = (name: string) => path.join(folder(name).uri.fsPath, 'NewMSSServer.xml');
      const rerun = async () => {
        await new Promise((r) => setTimeout(r, 500));
        const ended = new Promise<number | undefined>((resolve) => {
          const sub = vscode.tasks.onDidEndTaskProcess((e) => { if (e.execution.task.definition.part === undefined) { sub.dispose(); resolve(e.exitCode); } });
        });
        await vscode.commands.executeCommand('workbench.action.tasks.reRunTask');
        return ended;
      };
      const providedA = (await vscode.tasks.fetchTasks({ type: 'ssomanage' })).find((t) => t.source === 'Master Secret' && t.definition.command === 'updatedb' && t.definition.file === fileOf('Server A'))!;
      const restart = (await vscode.tasks.fetchTasks({ type: 'entsso' })).find((t) => t.definition.command === 'restart')!;
      const a = await ofFolder('Server A');
      const b = await ofFolder('Server B');
      const runs: Array<[string, () => Promise<number | undefined>, string[][]]> = [
        ['A', () => runTaskToEnd(a), [['ssomanage', '-updatedb', fileOf('Server A')]]],
        ['A rerun', rerun, [['ssomanage', '-updatedb', fileOf('Server A')]]],
        ['B', () => runTaskToEnd(b), [['ssomanage', '-updatedb', fileOf('Server B')]]],
        ['B rerun', rerun, [['ssomanage', '-updatedb', fileOf('Server B')]]],
        ['the restart', () => runTaskToEnd(restart), [['net', 'stop', 'ENTSSO'], ['net', 'start', 'ENTSSO']]],
        ['Run Task -updatedb of A', () => runTaskToEnd(providedA), [['ssomanage', '-updatedb', fileOf('Server A')]]],
        ['B again', () => runTaskToEnd(b), [['ssomanage', '-updatedb', fileOf('Server B')]]],
      ];
      for (const [what, run, ran] of runs) {
        fakes.clear();
        assert.strictEqual(await run(), 0, what);
        assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, ...c.args]), ran, what);
      }
    } finally {
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    }
  });

  test('a failing run files its ENTSSO problem under the folder of its file', async () => {
    fakes.exitWith('ssomanage', 1);
    const file = path.join(folder('Server B').uri.fsPath, 'NewMSSServer.xml');
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runUpdateDb', file), 1);
    const found = await poll('the ENTSSO problem', () => {
      const f = entssoProblems();
      return f.length > 0 && f;
    });
    assert.strictEqual(path.dirname(found[0].uri.fsPath), folder('Server B').uri.fsPath);
  });
});
