import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { FakeTools } from '../fakeTools';
import { api, poll, ui, workspaceDir } from '../helpers';

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

  test('a task run from the tree', async () => {
    const fakes = new FakeTools();
    const restore = await fakes.use();
    try {
      const file = path.join(workspaceDir(), 'NewMSSServer.xml');
      await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'backup', done: true });
      await vscode.commands.executeCommand('mss.moveToServer.focus');
      const code = await vscode.commands.executeCommand<number>('mss.runUpdateDb', file);
      assert.strictEqual(code, 0);
      await poll('the step to be done', async () => (await vscode.commands.executeCommand<Record<string, { done: boolean }>>('mss.getProgress', 'moveToServer')).updateDb.done);
      await shot('task-updatedb.png');
    } finally {
      await restore();
    }
  });
});
