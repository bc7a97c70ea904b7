// Going on with a procedure on another computer: the record written by
// mss.exportReport carries the progress, and mss.importProgress reads it back.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ProcedureProgress } from '../../src/procedures/progress';
import { answerPrompts, api, hasUiBridge, poll, THIS_COMPUTER, ui } from './helpers';

type Imported = { procedure: string; mode: 'merge' | 'replace'; done: number; total: number } | undefined;

suite('progress transfer: the record of a move carries its progress to the next computer', () => {
  let dir: string;
  const importProgress = (arg?: unknown) => Promise.resolve(vscode.commands.executeCommand<Imported>('mss.importProgress', ...(arg === undefined ? [] : [arg])));

  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-records-'));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await (await api()).progress.reset();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Progress as on the original master secret server after the backup and a failed -updatedb. */
  async function progressOfTheOriginalServer(): Promise<ProcedureProgress> {
    const a = await api();
    await a.progress.reset();
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'install', done: true });
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'configure', done: true });
    await a.progress.recordRun('moveToServer', 'backup', 0);
    await a.progress.recordRun('moveToServer', 'updateDb', 1, undefined, ['0xC0002A0F: Could not contact the SSO server \'x\'. -->']);
    await a.progress.setSubStepDone('moveToServer', 'updateDb', 2, true);
    return a.progress.read('moveToServer');
  }

  async function exportRecord(name: string): Promise<string> {
    const target = path.join(dir, name);
    assert.strictEqual(await vscode.commands.executeCommand<string>('mss.exportReport', { procedure: 'moveToServer', target }), target);
    return target;
  }

  test('a record exported here and imported on the next computer gives the same progress: steps, times, exit codes, errors and sub-steps', async () => {
    const a = await api();
    const original = await progressOfTheOriginalServer();
    const record = await exportRecord('carry.md');
    const text = fs.readFileSync(record, 'utf8');
    assert.ok(text.includes(`Record written by Master Secret Mover on ${THIS_COMPUTER} at `), 'the record names the computer it was written on');
    assert.ok(text.includes('open it with **Master Secret: Import Progress from a Record**'), 'the record says how to go on elsewhere');

    await a.progress.reset();  // the next computer: nothing done there yet
    assert.deepStrictEqual(await importProgress({ file: record }), { procedure: 'moveToServer', mode: 'merge', done: 3, total: 6 });
    assert.deepStrictEqual(a.progress.read('moveToServer'), original);
    const p = await vscode.commands.executeCommand<Record<string, { done: boolean; exitCode?: number }>>('mss.getProgress', 'moveToServer');
    assert.deepStrictEqual([p.backup.done, p.backup.exitCode, p.updateDb.done, p.updateDb.exitCode], [true, 0, false, 1]);
    // The tree shows the imported ticks and the error of the failed run.
    const { provider } = a.trees.get('moveToServer')!;
    const steps = provider.getChildren();
    assert.deepStrictEqual(steps.map((n) => provider.getTreeItem(n).checkboxState), [1, 1, 1, 0, 0, 0].map((c) => (c ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked)));
    assert.match(String(provider.getTreeItem(steps[3]).description), /1 of 4 sub-steps/);
  });

  test('from the palette, the record open in the editor is imported after a question with the counts of both and of a merge; Cancel keeps this computer\'s progress', async () => {
    const a = await api();
    await progressOfTheOriginalServer();
    const record = await exportRecord('palette.md');
    await a.progress.reset();
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'install', done: true });
    const here = a.progress.read('moveToServer');
    await vscode.window.showTextDocument(vscode.Uri.file(record));
    // Earlier notifications (resets with their Undo) could hide the one this test clicks.
    await vscode.commands.executeCommand('notifications.clearAll');

    const no = answerPrompts(a, undefined);
    try {
      assert.strictEqual(await importProgress(), undefined);
      assert.deepStrictEqual(no.asked, ['Import the progress of "Move the master secret server to another server" from palette.md?']);
      assert.deepStrictEqual(no.buttons, [['Merge', 'Replace']]);
      const detail = no.details[0];
      assert.ok(detail.includes(`This computer (${THIS_COMPUTER}): 1 of 6 steps done.`), detail);
      assert.match(detail, new RegExp(`The record \\(written on ${THIS_COMPUTER} at \\d{4}-\\d\\d-\\d\\dT[^)]+\\): 3 of 6 steps done\\.`));
      assert.ok(detail.includes('Merge: 3 of 6 steps done. A step done on either computer is done'), detail);
      assert.ok(detail.includes('Replace: 3 of 6 steps done, only what the record says.'), detail);
      assert.deepStrictEqual(a.progress.read('moveToServer'), here, 'Cancel changes nothing');
    } finally {
      no.restore();
    }

    const yes = answerPrompts(a, 'Replace');
    try {
      assert.deepStrictEqual(await importProgress(), { procedure: 'moveToServer', mode: 'replace', done: 3, total: 6 });
      assert.strictEqual(a.progress.counts('moveToServer').done, 3);
    } finally {
      yes.restore();
    }
    if (hasUiBridge()) {
      // Undo in the notification puts back this computer's progress (clicked in the
      // notification center, where it is listed whether or not its toast is showing).
      await vscode.commands.executeCommand('notifications.showList');
      const undo = '.notifications-center .notification-list-item:has-text("replaced by palette.md") .monaco-button:has-text("Undo")';
      await poll('the notification with Undo', async () => (await ui<unknown[]>({ op: 'query', selector: undo })).length === 1)
        .catch(async (e: Error) => { throw new Error(`${e.message}; notifications: ${JSON.stringify(await ui({ op: 'query', selector: '.notification-list-item' }))}`); });
      await ui({ op: 'click', selector: undo });
      await poll('the progress of this computer to be back', () => JSON.stringify(a.progress.read('moveToServer')) === JSON.stringify(here));
      await vscode.commands.executeCommand('notifications.hideList');
    }
  });

  test('a file that is not a record, or a record changed by hand, is refused with what to do, and nothing changes', async () => {
    const a = await api();
    const notes = path.join(dir, 'notes.md');
    fs.writeFileSync(notes, '# My notes\n\nNothing exported here.\n');
    await assert.rejects(importProgress({ file: notes }), /^Error: notes\.md: This file holds no progress of Master Secret Mover\. Export the record with "Master Secret: Export a Record of the Move"/);

    await progressOfTheOriginalServer();
    const record = await exportRecord('changed.md');
    await a.progress.reset();
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'install', done: true });
    const here = a.progress.read('moveToServer');
    await assert.rejects(importProgress({ file: notes }), /^Error: notes\.md: This file holds no progress of Master Secret Mover\. Export the record with "Master Secret: Export a Record of the Move"/);
    fs.writeFileSync(record, fs.readFileSync(record, 'utf8').replace('"backup":{"done":true', '"backup":{"done":"yes"'));
    await assert.rejects(importProgress({ file: record }), /changed\.md: The progress in this record cannot be imported: step backup\.done has a wrong value: "yes"\. Export the record again/);

    await assert.rejects(importProgress({ file: path.join(dir, 'missing.md') }), /Cannot read .*missing\.md\. Check the path of the record\./);
    await assert.rejects(importProgress({ file: 42 }), /mss\.importProgress takes \{ file: string, mode\?: "merge" \| "replace" \}/);
    assert.deepStrictEqual(a.progress.read('moveToServer'), here);
  });

  test('the walkthrough links to the import where the move changes computer: a real click, the open dialog, the question, and the progress is imported', async function () {
    if (!hasUiBridge()) this.skip();
    const a = await api();
    await progressOfTheOriginalServer();
    const record = await exportRecord('walkthrough.md');
    await a.progress.reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('mss.openWalkthrough', 'moveToServer');
    const step = '.getting-started-step[data-step-id="ssotools.master-secret-mover#moveToServer#restartService"]';
    await poll('the walkthrough step 5', async () => (await ui<unknown[]>({ op: 'query', selector: step })).length === 1);
    await ui({ op: 'click', selector: `${step} .step-title` });
    const link = `${step} a:has-text("Import the record of the move")`;
    await poll('the import link', async () => (await ui<unknown[]>({ op: 'query', selector: `${link}:visible` })).length === 1);
    const yes = answerPrompts(a, 'Merge');
    try {
      await ui({ op: 'click', selector: link });
      // No record is in the editor (the walkthrough is): the open dialog asks for one.
      const title = '.quick-input-widget .quick-input-title:visible';
      await poll('the open dialog', async () => (await ui<Array<{ text: string }>>({ op: 'query', selector: title })).some((t) => t.text === 'Import progress from a record of the move'), 30_000);
      await ui({ op: 'press', key: 'Control+A' });
      await ui({ op: 'type', text: record });
      await ui({ op: 'press', key: 'Enter' });
      await poll('the progress to be imported', () => a.progress.counts('moveToServer').done === 3, 30_000);
      assert.deepStrictEqual(yes.asked, ['Import the progress of "Move the master secret server to another server" from walkthrough.md?']);
    } finally {
      yes.restore();
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
  });

  test('cluster nodes each restore on their own: merge keeps the machines of both and the step is done; replace keeps the record\'s only', async () => {
    const a = await api();
    await a.progress.reset();
    await a.progress.setMachines('moveToCluster', 'restoreEachNode', ['SSONODE1', 'SSONODE2']);
    await a.progress.setMachineDone('moveToCluster', 'restoreEachNode', 'SSONODE1', true, 0);
    const target = path.join(dir, 'node1.md');
    assert.strictEqual(await vscode.commands.executeCommand<string>('mss.exportReport', { procedure: 'moveToCluster', target }), target);
    // Node 2: its own restore only.
    await a.progress.reset();
    await a.progress.setMachineDone('moveToCluster', 'restoreEachNode', 'SSONODE2', true, 0);
    const node2 = a.progress.read('moveToCluster');
    assert.deepStrictEqual(await importProgress({ file: target }), { procedure: 'moveToCluster', mode: 'merge', done: 1, total: 7 });
    const merged = a.progress.record('moveToCluster', 'restoreEachNode');
    assert.deepStrictEqual(merged.machines?.map((m) => [m.name, m.done]), [['SSONODE2', true], ['SSONODE1', true]]);
    assert.strictEqual(merged.done, true);
    await a.progress.restore('moveToCluster', node2);
    assert.deepStrictEqual(await importProgress({ file: target, mode: 'replace' }), { procedure: 'moveToCluster', mode: 'replace', done: 0, total: 7 });
    assert.deepStrictEqual(a.progress.record('moveToCluster', 'restoreEachNode').machines?.map((m) => [m.name, m.done]), [['SSONODE1', true], ['SSONODE2', false]]);
    await assert.rejects(importProgress({ file: target, mode: 'add' }), /mode\?: "merge" \| "replace"/);
  });
});

