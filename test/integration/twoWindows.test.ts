// Two windows of the real VS Code on one progress file: the second is a window of the same
// folder, opened in the same browser by the runner (UI bridge op openWindow), with the extension
// and the same user data (so the same global storage and progress.json). A tick in one window
// must survive the other's writes, and show in the other's tree.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, hasUiBridge, poll, ui } from './helpers';

interface Found { text: string; ariaLabel: string | null; ariaChecked: string | null }

const WAIT = 60_000;  // a second workbench loading on a slow, busy machine

suite('two windows share one progress file', () => {
  let second: number | undefined;

  suiteSetup(async function () {
    if (!hasUiBridge()) this.skip();
    await (await api()).progress.reset();
  });

  suiteTeardown(async () => {
    if (second !== undefined) await ui({ op: 'closeWindow', window: second }).catch(() => undefined);
    await (await api()).progress.reset();
  });

  test('a tick in each window is kept by the other, and each tree shows both', async function () {
    this.timeout(240_000);
    const a = await api();
    const procedure = a.trees.get('moveToServer')!.provider.procedure;
    const title = (id: string) => procedure.steps.find((s) => s.id === id)!.title;
    const row = (n: number, id: string) => `.monaco-list-row[aria-label^="Step ${n}, ${title(id)}, "]`;
    const query = (selector: string, window: number) => ui<Found[]>({ op: 'query', selector, window });

    // Window 2: the same folder; its Master Secret Mover side bar, read while nothing is done.
    second = await ui<number>({ op: 'openWindow' });
    const container = '.activitybar .action-item a[aria-label^="Master Secret Mover"]';
    await poll('the second window\'s workbench', async () => (await query(container, second!)).length === 1, WAIT);
    // Its side bar may come up showing the container already (the workbench restores the last
    // view): a click on an active container would close the side bar, so click only when needed.
    const box = (n: number, id: string) => `${row(n, id)} .custom-view-tree-node-item-checkbox`;
    if ((await query(box(1, 'install'), second)).length === 0) {
      const active = (await query('.activitybar .action-item.checked a[aria-label^="Master Secret Mover"]', second)).length === 1;
      if (!active) await ui({ op: 'click', selector: container, window: second });
    }
    const box3 = `${row(3, 'backup')} .custom-view-tree-node-item-checkbox`;  // a step that needs none before it
    await poll('step 3 in the second window, not done', async () => (await query(box3, second!))[0]?.ariaChecked === 'false', WAIT);

    // Window 1 (the tests') ticks step 1; right after, window 2 ticks step 3 with a real click,
    // from the copy it read before: its write must not drop step 1.
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'install', done: true });
    await ui({ op: 'click', selector: box3, window: second });
    // Window 1 learns of it from the file (its watcher), and keeps its own step 1.
    await poll('window 1 to see step 3 done', () => a.progress.record('moveToServer', 'backup').done, WAIT);
    assert.strictEqual(a.progress.record('moveToServer', 'install').done, true, 'step 1, ticked here, survived the other window\'s write');

    // Window 1 ticks step 2; window 2's tree shows it, and shows 1 and 3.
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'configure', done: true });
    await poll('step 2 done in the second window\'s tree', async () => (await query(`${row(2, 'configure')} .custom-view-tree-node-item-checkbox`, second!))[0]?.ariaChecked === 'true', WAIT);
    await poll('step 1 done in the second window\'s tree', async () => (await query(`${row(1, 'install')} .custom-view-tree-node-item-checkbox`, second!))[0]?.ariaChecked === 'true', WAIT);
    for (const [n, id] of [[1, 'install'], [3, 'backup']] as const) {
      assert.strictEqual((await query(`${row(n, id)} .custom-view-tree-node-item-checkbox`, second))[0]?.ariaChecked, 'true', `step ${n} still done in window 2`);
    }
    assert.deepStrictEqual(a.progress.counts('moveToServer'), { done: 3, total: 6 });
  });
});
