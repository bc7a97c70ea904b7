import * as assert from 'assert';
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
