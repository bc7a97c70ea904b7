import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, hasUiBridge, poll, ui, WALKTHROUGH_STEP_ICONS } from '../helpers';

// Runs in a new window after the main phase: a new extension host, the same
// VS Code profile, as after "Developer: Reload Window".
suite('after a reload of the window', () => {
  test('progress is still there', async () => {
    const p = await vscode.commands.executeCommand<Record<string, { done: boolean; at?: string }>>('mss.getProgress', 'moveToServer');
    assert.strictEqual(p.install.done, true);
    assert.strictEqual(p.configure.done, true);
    assert.ok(p.configure.at);
    assert.strictEqual(p.backup.done, false);
  });

  test('the per-machine ticks and the tree are restored', async () => {
    const a = await api();
    const r = a.progress.record('moveToCluster', 'serverAll');
    assert.deepStrictEqual(r.machines?.map((m) => [m.name, m.done]), [['BTS01', true], ['BTS02', false]]);
    const { provider, view } = a.trees.get('moveToServer')!;
    assert.strictEqual(provider.getTreeItem(provider.getChildren()[1]).checkboxState, vscode.TreeItemCheckboxState.Checked);
    // The count is made when the view is shown (not while the extension activates).
    await vscode.commands.executeCommand('mss.moveToServer.focus');
    await poll('the moveToServer view to count the steps done', () => view.visible && view.description);
    assert.strictEqual(view.description, '2 of 6 done');
  });

  test('the walkthrough shows the stored ticks, and a tick made before it was ever opened in this window', async function () {
    if (!hasUiBridge()) this.skip();
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'backup', done: true });
    await vscode.commands.executeCommand('mss.openWalkthrough', 'moveToServer');
    const icons = WALKTHROUGH_STEP_ICONS;
    const states = await poll('the walkthrough steps', async () => {
      const found = await ui<{ className: string }[]>({ op: 'query', selector: icons });
      return found.length === 6 && found;
    });
    assert.deepStrictEqual(states.map((x) => !x.className.includes('unchecked')), [true, true, true, false, false, false]);
  });
});
