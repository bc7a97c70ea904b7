import * as assert from 'assert';
import * as vscode from 'vscode';
import { answerPrompts, api, clickCheckbox, EXTENSION_ID, hasUiBridge, poll, ui, WALKTHROUGH_STEP_ICONS } from './helpers';

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

  test('a real checkbox click marks the step done, sets its context key and ticks the walkthrough step', async function () {
    if (!hasUiBridge()) this.skip();
    const a = await api();
    await vscode.commands.executeCommand('mss.resetProgress', 'moveToServer');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The walkthrough in the editor, the tree in the side bar: tick in the tree.
    await vscode.commands.executeCommand('mss.openWalkthrough', 'moveToServer');
    await vscode.commands.executeCommand('mss.moveToServer.focus');
    const title = a.trees.get('moveToServer')!.provider.procedure.steps[0].title;
    const checkbox = `.monaco-list-row[aria-label^="Step 1, ${title}"] .custom-view-tree-node-item-checkbox`;
    await clickCheckbox(checkbox, 'false', () => a.progress.record('moveToServer', 'install').done);
    const p = await vscode.commands.executeCommand<Record<string, { done: boolean }>>('mss.getProgress', 'moveToServer');
    assert.strictEqual(p.install.done, true);
    // The walkthrough step completes on the context key mss.done.moveToServer.install.
    const icons = WALKTHROUGH_STEP_ICONS;
    const states = await poll('the walkthrough to show step 1 checked', async () => {
      const found = await ui<{ className: string; ariaLabel: string }[]>({ op: 'query', selector: icons });
      return found.length === 6 && found[0].className.includes('getting-started-step-checked') && found;
    });
    assert.ok(states.slice(1).every((x) => x.className.includes('unchecked')), 'only step 1 is checked');
    // Unticking (here: the same checkbox) un-ticks the walkthrough step too.
    await clickCheckbox(checkbox, 'true', () => !a.progress.record('moveToServer', 'install').done);
    await poll('the walkthrough to show step 1 unchecked', async () => {
      const found = await ui<{ className: string }[]>({ op: 'query', selector: icons });
      return found.length === 6 && found.every((x) => x.className.includes('unchecked'));
    });
  });

  test('ticks made back to back all show in the walkthrough (no older state applied after a newer one)', async function () {
    if (!hasUiBridge()) this.skip();
    await vscode.commands.executeCommand('mss.resetProgress', 'moveToServer');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('mss.openWalkthrough', 'moveToServer');
    for (const step of ['install', 'configure', 'backup']) {
      await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step, done: true });
    }
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'backup', done: false });
    const icons = WALKTHROUGH_STEP_ICONS;
    const expected = [true, true, false, false, false, false];
    let last: boolean[] = [];
    await poll(`the walkthrough to show ${JSON.stringify(expected)}`, async () => {
      last = (await ui<{ className: string }[]>({ op: 'query', selector: icons })).map((x) => !x.className.includes('unchecked'));
      return JSON.stringify(last) === JSON.stringify(expected);
    }).catch((e: Error) => { throw new Error(`${e.message}; last seen ${JSON.stringify(last)}`); });
    // And it stays so: a late, stale sync would flip a tick after the first match.
    await new Promise((r) => setTimeout(r, 1000));
    last = (await ui<{ className: string }[]>({ op: 'query', selector: icons })).map((x) => !x.className.includes('unchecked'));
    assert.deepStrictEqual(last, expected);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a sub-step has a checkbox of its own: a real click ticks it, the step shows how many are done, and stays open', async function () {
    if (!hasUiBridge()) this.skip();
    const a = await api();
    await vscode.commands.executeCommand('mss.resetProgress', 'moveToServer');
    await vscode.commands.executeCommand('mss.moveToServer.focus');
    const { provider, view } = a.trees.get('moveToServer')!;
    const step = provider.getChildren().find((n) => n.step.id === 'updateDb')!;
    await view.reveal(step, { expand: true, select: false, focus: false });
    const sub = step.step.subSteps[1];
    const checkbox = `.monaco-list-row[aria-label^="Sub-step 4.${sub.number}, "] .custom-view-tree-node-item-checkbox`;
    await clickCheckbox(checkbox, 'false', () => JSON.stringify(a.progress.record('moveToServer', 'updateDb').subStepsDone) === '[2]');
    assert.strictEqual(a.progress.record('moveToServer', 'updateDb').done, false);
    assert.match(String(provider.getTreeItem(step).description), /1 of 4 sub-steps$/);
    const box = await ui<{ ariaChecked: string }[]>({ op: 'query', selector: checkbox });
    assert.strictEqual(box[0].ariaChecked, 'true');
    // The same by command, with the tree's id of a sub-step; an unknown one is refused.
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'updateDb.4', done: true });
    assert.deepStrictEqual(a.progress.record('moveToServer', 'updateDb').subStepsDone, [2, 4]);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'updateDb.9', done: true })), /there is no updateDb\.9/);
    const p = await vscode.commands.executeCommand<Record<string, unknown>>('mss.getProgress', 'moveToServer');
    assert.deepStrictEqual(p.updateDb, { done: false }, 'getProgress keeps the contract shape');
    // Leave the tree as found: the next tests click rows further down.
    await vscode.commands.executeCommand('workbench.actions.treeView.mss.moveToServer.collapseAll');
  });

  test('ticking a step before the steps it depends on asks; No leaves it open, Yes records it', async function () {
    if (!hasUiBridge()) this.skip();
    const a = await api();
    await vscode.commands.executeCommand('mss.resetProgress', 'moveToServer');
    await vscode.commands.executeCommand('mss.moveToServer.focus');
    const title = a.trees.get('moveToServer')!.provider.procedure.steps[5].title;
    const checkbox = `.monaco-list-row[aria-label^="Step 6, ${title}"] .custom-view-tree-node-item-checkbox`;
    const no = answerPrompts(a, undefined);
    try {
      await clickCheckbox(checkbox, 'false', () => no.asked.length === 1);
      await new Promise((r) => setTimeout(r, 500));
      assert.strictEqual(a.progress.record('moveToServer', 'restore').done, false);
      const box = await ui<{ ariaChecked: string }[]>({ op: 'query', selector: checkbox });
      assert.strictEqual(box[0].ariaChecked, 'false', 'the checkbox is cleared again');
    } finally {
      no.restore();
    }
    const yes = answerPrompts(a, 'Mark Done Anyway');
    try {
      await clickCheckbox(checkbox, 'false', () => a.progress.record('moveToServer', 'restore').done);
      assert.match(yes.asked[0], /comes after steps that are not done/);
      const r = a.progress.record('moveToServer', 'restore');
      assert.ok(r.outOfOrder?.missing.includes('backup'), JSON.stringify(r));
    } finally {
      yes.restore();
    }
  });

  test('steps done once per machine: list the machines, tick each, the step is done when all are', async () => {
    const a = await api();
    await vscode.commands.executeCommand('mss.resetProgress', 'moveToCluster');
    await a.progress.setMachines('moveToCluster', 'copyBackup', ['SSONODE1', 'SSONODE2']);
    const { provider } = a.trees.get('moveToCluster')!;
    const step = provider.getChildren()[1];
    const machines = provider.getChildren(step).filter((n) => n.kind === 'machine');
    assert.deepStrictEqual(machines.map((n) => provider.getTreeItem(n).label), ['SSONODE1', 'SSONODE2']);
    assert.ok(machines.every((n) => provider.getTreeItem(n).checkboxState === vscode.TreeItemCheckboxState.Unchecked));
    await a.progress.setMachineDone('moveToCluster', 'copyBackup', 'SSONODE1', true);
    assert.strictEqual(provider.getTreeItem(provider.getChildren()[1]).checkboxState, vscode.TreeItemCheckboxState.Unchecked);
    assert.match(String(provider.getTreeItem(provider.getChildren()[1]).description), /1 of 2 machines/);
    await a.progress.setMachineDone('moveToCluster', 'copyBackup', 'SSONODE2', true);
    assert.strictEqual(provider.getTreeItem(provider.getChildren()[1]).checkboxState, vscode.TreeItemCheckboxState.Checked);
    const p = await vscode.commands.executeCommand<Record<string, { done: boolean }>>('mss.getProgress', 'moveToCluster');
    assert.strictEqual(p.copyBackup.done, true);
  });

  test('resetProgress clears one procedure or both', async () => {
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'install', done: true });
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToCluster', step: 'clusterSetup', done: true });
    await vscode.commands.executeCommand('mss.resetProgress', 'moveToCluster');
    let s = await vscode.commands.executeCommand<Record<string, { done: boolean }>>('mss.getProgress', 'moveToServer');
    const c = await vscode.commands.executeCommand<Record<string, { done: boolean }>>('mss.getProgress', 'moveToCluster');
    assert.deepStrictEqual([s.install.done, c.clusterSetup.done], [true, false]);
    await vscode.commands.executeCommand('mss.resetProgress');
    s = await vscode.commands.executeCommand<Record<string, { done: boolean }>>('mss.getProgress', 'moveToServer');
    assert.strictEqual(s.install.done, false);
  });
});
