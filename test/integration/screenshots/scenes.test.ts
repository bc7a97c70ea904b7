import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { FakeTools, READ_BEFORE_UPDATEDB } from '../fakeTools';
import { displayDb, E10520, E10534, events, SC_STATES, scQuery } from '../../unit/verification/samples';
import { answerPrompts, api, clickInlineRunButton, entssoProblems, openDocument, INLINE_RUN_BUTTON, poll, treeStepRow, ui, withTerminalText, workspaceDir } from '../helpers';

const out = (name: string) => path.join(process.env.MSS_SCREENSHOT_DIR ?? '/tmp', name);
const settle = (ms = 1500) => new Promise((r) => setTimeout(r, ms));

async function shot(name: string): Promise<void> {
  await settle();
  await ui({ op: 'screenshot', path: out(name) });
  assert.ok(fs.statSync(out(name)).size > 10_000, `${name} was written`);
}

suite('screenshots of the real workbench', () => {
  suiteSetup(async () => {
    const a = await api();
    await a.progress.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('walkthrough: move to another server', async () => {
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'install', done: true });
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'configure', done: true });
    await vscode.commands.executeCommand('mss.openWalkthrough', 'moveToServer');
    await settle(2500);
    await ui({ op: 'click', selector: '.getting-started-step:has-text("Back up") >> nth=0' }).catch(() => undefined);
    await shot('walkthrough-move-to-server.png');
  });

  test('walkthrough: move to a cluster', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await settle(500);
    await vscode.commands.executeCommand('mss.openWalkthrough', 'moveToCluster');
    await settle(2500);
    await shot('walkthrough-move-to-cluster.png');
  });

  test('tree: move to another server', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('mss.moveToServer.focus');
    const { provider, view } = (await api()).trees.get('moveToServer')!;
    const steps = provider.getChildren();
    await poll('the tree to be visible', () => view.visible);
    // A side bar wide enough to read the step titles (the scenes after this one keep it).
    await ui({ op: 'drag', selector: '.part.sidebar', dx: 200 });
    await settle(1000);
    await view.reveal(steps[3], { expand: true, focus: false, select: true });
    await shot('tree-move-to-server.png');
  });

  test('tree: move to a cluster, with machines', async () => {
    const a = await api();
    await a.progress.setMachines('moveToCluster', 'copyBackup', ['SSONODE1', 'SSONODE2']);
    await a.progress.setMachineDone('moveToCluster', 'copyBackup', 'SSONODE1', true);
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToCluster', step: 'clusterSetup', done: true });
    await vscode.commands.executeCommand('mss.moveToCluster.focus');
    const { provider, view } = a.trees.get('moveToCluster')!;
    await view.reveal(provider.getChildren()[1], { expand: true, focus: false, select: true });
    await shot('tree-move-to-cluster.png');
  });

  test('a squiggle and its quick fix in NewMSSServer.xml', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const file = path.join(workspaceDir(), 'xml', 'typo.xml');
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    const diags = await poll('the mss problem', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'mss');
      return d.length > 0 && d;
    });
    editor.selection = new vscode.Selection(diags[0].range.start, diags[0].range.start);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await settle(800);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.quickFix');
    await shot('xml-quick-fix.png');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a -updatedb task started with the tree\'s inline button', async () => {
    const a = await api();
    const fakes = new FakeTools();
    const restore = await fakes.use();
    const answers = answerPrompts(a, 'Run ssomanage -updatedb');
    // The DOM renderer puts the terminal's text in the page, where the scene can wait for it.
    try {
      await withTerminalText(async () => {
        const file = path.join(workspaceDir(), 'NewMSSServer.xml');
        await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'backup', done: true });
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await openDocument(file);
        const lens = '.monaco-editor .codelens-decoration a[role="button"]:has-text("Run ssomanage -updatedb on this file")';
        await poll('the CodeLens on the file', async () => (await ui<unknown[]>({ op: 'query', selector: lens })).length === 1);
        await vscode.commands.executeCommand('mss.moveToServer.focus');
        await vscode.commands.executeCommand('workbench.actions.treeView.mss.moveToServer.collapseAll');
        await vscode.commands.executeCommand('workbench.actions.treeView.mss.moveToCluster.collapseAll');
        // The real clicks: the inline button of step 4, then its action in the quick pick.
        await clickInlineRunButton(a, 'moveToServer', 'updateDb');
        const choice = '.quick-input-widget .quick-input-list .monaco-list-row[aria-label="Run ssomanage -updatedb"]';
        await poll('the quick pick of the step\'s actions', async () => (await ui<unknown[]>({ op: 'query', selector: choice })).length === 1);
        await ui({ op: 'click', selector: choice });
        await poll('the step to be done', () => a.progress.record('moveToServer', 'updateDb').done, 45_000);
        assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [READ_BEFORE_UPDATEDB, ['ssomanage', ['-updatedb', file]]]);
        assert.strictEqual(answers.asked.length, 1);
        await poll('the tree to show step 4 done', async () => (await ui<{ ariaChecked: string }[]>({ op: 'query', selector: `${treeStepRow(a, 'moveToServer', 'updateDb')} .custom-view-tree-node-item-checkbox` }))[0]?.ariaChecked === 'true');
        await poll('the terminal to show the output', async () => (await ui<{ text: string }[]>({ op: 'query', selector: '.terminal .xterm-rows' })).some((r) => r.text.includes('The operation completed successfully.')));
        await poll('the CodeLens, still there', async () => (await ui<unknown[]>({ op: 'query', selector: lens })).length === 1);
        await vscode.commands.executeCommand('notifications.clearAll');
        await ui({ op: 'hover', selector: `${treeStepRow(a, 'moveToServer', 'updateDb')} ${INLINE_RUN_BUTTON}` });  // the button that started it
        await shot('task-updatedb.png');
      });
    } finally {
      answers.restore();
      await restore();
    }
  });

  test('a failed run: the ENTSSO error in Problems, in the tree and in the notification', async () => {
    const a = await api();
    const fakes = new FakeTools();
    const restore = await fakes.use();
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await a.progress.reset('moveToCluster');
      await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToCluster', step: 'clusterSetup', done: true });
      await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToCluster', step: 'copyBackup', done: true });
      fakes.exitWith('ssomanage', 1);
      await vscode.commands.executeCommand('mss.moveToCluster.focus');
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runServerAll', { server: 'SSOCLUSTER' }), 1);
      await poll('the ENTSSO problem', () => entssoProblems().length > 0);
      const { provider, view } = a.trees.get('moveToCluster')!;
      await view.reveal(provider.getChildren()[2], { expand: true, focus: false, select: true });
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await poll('the notification', async () => (await ui<{ text: string }[]>({ op: 'query', selector: '.notification-toast .notification-list-item-message' })).some((n) => n.text.includes('0xC0002A0F')));
      await ui({ op: 'hover', selector: '.markers-panel .monaco-list-row' });  // not on the tree's buttons
      await shot('task-failed-entsso-error.png');
    } finally {
      await vscode.commands.executeCommand('notifications.clearAll');
      await restore();
    }
  });

  test('a verification: the Verification view and the verdict under step 4', async () => {
    const a = await api();
    const fakes = new FakeTools();
    const restore = await fakes.use();
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await a.progress.reset('moveToServer');
      for (const step of ['install', 'configure', 'backup', 'updateDb', 'restartService']) {
        await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step, done: true });
      }
      await a.progress.setNewServer('moveToServer', 'updateDb', 'BTSMSS02');
      await a.progress.addRun('moveToServer', 'restartService', { commandLine: 'net stop ENTSSO, then net start ENTSSO', exitCode: 0, startedAt: '2026-12-01T09:40:00.000Z', endedAt: '2026-12-01T09:41:20.000Z', computer: 'BTSMSS02', user: 'CONTOSO\\btsadmin' });
      // After the restart, before the restore: the database names the new server and ENTSSO runs; no restore yet.
      fakes.print('ssomanage', displayDb('BTSMSS02'), '-displaydb');
      fakes.print('sc', scQuery(SC_STATES.RUNNING), 'query');
      fakes.print('wevtutil', events([E10520('2026-12-01T09:41:12.000Z'), E10534('2026-12-01T09:41:10.000Z')]));
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.commands.executeCommand('workbench.actions.treeView.mss.moveToCluster.collapseAll');
      await vscode.commands.executeCommand('workbench.actions.treeView.mss.moveToServer.collapseAll');
      await vscode.commands.executeCommand('mss.verifyMove', { procedure: 'moveToServer', computer: 'BTSMSS02', show: true });
      const { provider, view } = a.trees.get('moveToServer')!;
      await view.reveal(provider.getChildren()[3], { expand: true, focus: false, select: false });
      const checks = a.verification.getChildren(a.verification.getChildren()[0]);
      await a.verification.view.reveal(checks[3], { expand: true, focus: false, select: true });
      await poll('the verdict rows', async () => (await ui<unknown[]>({ op: 'query', selector: '.monaco-list-row[aria-label^="Restore of the master secret is logged on BTSMSS02: unverified"]' })).length === 1);
      await shot('verification.png');
    } finally {
      await vscode.commands.executeCommand('notifications.clearAll');
      await restore();
    }
  });
});
