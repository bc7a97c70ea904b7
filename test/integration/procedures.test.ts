import * as assert from 'assert';
import * as vscode from 'vscode';
import { answerPrompts, api, EXTENSION_ID, poll, ui } from './helpers';

suite('procedures: views, walkthroughs and progress', () => {
  suiteSetup(async () => {
    const a = await api();
    await a.progress.reset();
  });

  test('the extension activates and registers both views and walkthroughs', async () => {
    await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.strictEqual(ext.isActive, true);
    const walkthroughs = (ext.packageJSON.contributes.walkthroughs as { id: string; steps: { id: string }[] }[]);
    assert.deepStrictEqual(walkthroughs.map((w) => w.id), ['moveToServer', 'moveToCluster']);
    assert.deepStrictEqual(walkthroughs[0].steps.map((s) => s.id), ['install', 'configure', 'backup', 'updateDb', 'restartService', 'restore']);
    assert.deepStrictEqual(walkthroughs[1].steps.map((s) => s.id), ['clusterSetup', 'copyBackup', 'serverAll', 'bringOnline', 'groupSsoServer', 'cycleResource', 'restoreEachNode']);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['mss.moveToServer.focus', 'mss.moveToCluster.focus', 'mss.openWalkthrough', 'mss.getProgress', 'mss.setStepDone', 'mss.resetProgress']) {
      assert.ok(commands.includes(c), `command ${c} is not registered`);
    }
    await vscode.commands.executeCommand('mss.moveToServer.focus');
    const a = await api();
    await poll('the moveToServer view to be visible', () => a.trees.get('moveToServer')!.view.visible);
  });

  test('the tree shows every step with a checkbox, where it runs and its sub-steps', async () => {
    const a = await api();
    const { provider } = a.trees.get('moveToServer')!;
    const steps = provider.getChildren();
    assert.deepStrictEqual(steps.map((n) => provider.getTreeItem(n).id), ['install', 'configure', 'backup', 'updateDb', 'restartService', 'restore']);
    const backup = provider.getTreeItem(steps[2]);
    assert.strictEqual(backup.checkboxState, vscode.TreeItemCheckboxState.Unchecked);
    assert.match(String(backup.label), /^3\. /);
    assert.ok(backup.description, 'a step says where it runs');
    assert.ok(backup.tooltip instanceof vscode.MarkdownString);
    const configureKids = provider.getChildren(steps[1]).filter((n) => n.kind === 'subStep');
    assert.deepStrictEqual(configureKids.map((n) => provider.getTreeItem(n).id), ['configure.1', 'configure.2', 'configure.3', 'configure.4', 'configure.5', 'configure.6', 'configure.7', 'configure.8']);
    const warnings = provider.getChildren(steps[1]).filter((n) => n.kind === 'remark' && n.level === 'warning');
    assert.ok(warnings.length > 0 || provider.getChildren(steps[1]).some((n) => n.kind === 'subStep' && (provider.getTreeItem(n).iconPath as vscode.ThemeIcon | undefined)?.id === 'warning'), 'configure shows its domain-account warning');
    assert.strictEqual(a.trees.get('moveToServer')!.view.description, '0 of 6 done');
  });

  test('setStepDone and getProgress follow the contract and the view counts it', async () => {
    const a = await api();
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'install', done: true });
    const p = await vscode.commands.executeCommand<Record<string, { done: boolean; at?: string }>>('mss.getProgress', 'moveToServer');
    assert.deepStrictEqual(Object.keys(p), ['install', 'configure', 'backup', 'updateDb', 'restartService', 'restore']);
    assert.strictEqual(p.install.done, true);
    assert.ok(p.install.at && !Number.isNaN(Date.parse(p.install.at)), 'done steps carry an ISO time');
    assert.strictEqual(p.configure.done, false);
    assert.strictEqual(a.trees.get('moveToServer')!.view.description, '1 of 6 done');
    const { provider } = a.trees.get('moveToServer')!;
    assert.strictEqual(provider.getTreeItem(provider.getChildren()[0]).checkboxState, vscode.TreeItemCheckboxState.Checked);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'nope', done: true })), /Unknown step "nope"/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.getProgress', 'elsewhere')), /Unknown procedure/);
  });

  test('DOM probe', async () => {
    await vscode.commands.executeCommand('mss.moveToServer.focus');
    await new Promise((r) => setTimeout(r, 1500));
    const rows = await ui<unknown[]>({ op: 'query', selector: '.pane-body .monaco-list-row' });
    console.log('ROWS', JSON.stringify(rows).slice(0, 3000));
    const cbs = await ui<unknown[]>({ op: 'query', selector: '.pane-body .monaco-list-row [role=checkbox], .pane-body .monaco-list-row input, .pane-body .monaco-list-row .custom-view-tree-node-item-checkbox' });
    console.log('CBS', JSON.stringify(cbs).slice(0, 3000));
    await ui({ op: 'screenshot', path: '/tmp/probe.png' });
    void answerPrompts;
  });
});
