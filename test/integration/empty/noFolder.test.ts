import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { FakeTools, READ_BEFORE_RESTART } from '../fakeTools';
import { answerPrompts, api, codeOf, entssoProblems, hasUiBridge, poll, ui } from '../helpers';
import { RESTART_CONFIRM } from '../../../src/ssoTools/dependents';

// The runner opens this window with no folder: the tools must still run, as tasks
// of the user (global) scope, and the procedure must still be fed.
suite('a window with no folder open', () => {
  const fakes = new FakeTools();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mss no folder '));
  let restore: () => Promise<void>;

  suiteSetup(async () => {
    restore = await fakes.use();
    await (await api()).progress.reset();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restore();
    fs.rmSync(scratch, { recursive: true, force: true });
  });
  setup(() => fakes.clear());

  test('no folder is open, and the extension is active', async () => {
    assert.strictEqual(vscode.workspace.workspaceFolders, undefined);
    assert.ok(await api());
    await vscode.commands.executeCommand('mss.openWalkthrough', 'moveToServer');
    if (hasUiBridge()) {
      const first = (await api()).trees.get('moveToServer')!.provider.procedure.steps[0].title;
      await poll('the walkthrough with its six steps', async () => {
        const steps = await ui<Array<{ text: string }>>({ op: 'query', selector: '.getting-started-step' });
        return steps.length === 6 && steps[0].text.includes(first.slice(0, 20));
      });
    }
  });

  test('-updatedb, -serverall, the backup and the restart run and feed the procedure', async () => {
    const file = path.join(scratch, 'NewMSSServer.xml');
    assert.strictEqual(await vscode.commands.executeCommand<string>('mss.generateUpdateXml', { server: 'BTSMSS02', target: file }), file);
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runUpdateDb', file), 0);
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runServerAll', { server: 'SSOCLUSTER' }), 0);
    const bak = path.join(scratch, 'SSO backup.bak');
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.backupSecret', { file: bak }), 0);
    const restart = answerPrompts(await api(), RESTART_CONFIRM);
    try {
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.restartService'), 0);
    } finally {
      restart.restore();
    }
    assert.strictEqual(restart.asked.length, 1, 'the restart asked first');
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [
      ['ssomanage', ['-updatedb', file]],
      ['ssomanage', ['-serverall', 'SSOCLUSTER']],
      ['ssoconfig', ['-backupSecret', bak]],
      READ_BEFORE_RESTART,
      ['net', ['stop', 'ENTSSO']],
      ['net', ['start', 'ENTSSO']],
    ]);
    const p = await vscode.commands.executeCommand<Record<string, { done: boolean; exitCode?: number }>>('mss.getProgress', 'moveToServer');
    assert.deepStrictEqual([p.updateDb.done, p.backup.done, p.restartService.done], [true, true, true]);
  });

  test('a failing run still gets its ENTSSO problem, filed under the user\'s home (no folder to file it under)', async () => {
    fakes.exitWith('ssomanage', 1);
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runServerAll', { server: 'SSOCLUSTER' }), 1);
    const found = await poll('the ENTSSO problem', () => {
      const f = entssoProblems();
      return f.length > 0 && f;
    });
    assert.strictEqual(codeOf(found[0].d), '0xC0002A0F');
    assert.strictEqual(path.dirname(found[0].uri.fsPath), os.homedir());
    assert.deepStrictEqual((await api()).progress.record('moveToCluster', 'serverAll').lastErrors, [`0xC0002A0F: ${found[0].d.message}`]);
  });
});
