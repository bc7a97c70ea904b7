// Keystroke to diagnostics in the real VS Code (npm run bench): from just before an edit that
// breaks the server name (or puts it right again) to the moment languages.getDiagnostics(uri)
// shows the change, polled every millisecond (onDidChangeDiagnostics is itself debounced by
// VS Code, by about 50 ms, and cannot measure below that). In a real-sized update file and in a
// 100 KB one. The edits are made through the API (TextEditor.edit), so each one also crosses
// from the extension host to the window and back, as a keystroke crosses the other way.
// No timing is asserted: the figures go to BENCHMARKS.md.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { BAD_NAME, GOOD_NAME, REAL_FILE, updateXmlOfSize } from '../../../../scripts/bench/inputs';
import { EXTENSION_ID } from '../../helpers';
import { record } from '../record';

const EDITS = Number(process.env.MSS_BENCH_EDITS || 20);
const tick = () => new Promise((r) => setTimeout(r, 1));

const mssProblems = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mss');

/** Milliseconds from `edit()` (called at once, not awaited first) until `done()` holds, polled every ms. */
async function timeUntil(edit: () => Thenable<boolean>, done: () => boolean, ms = 10_000): Promise<number> {
  const t0 = performance.now();
  const applied = edit();
  while (!done()) {
    if (performance.now() - t0 > ms) throw new Error(`no change of the diagnostics within ${ms} ms`);
    await tick();
  }
  const t = performance.now() - t0;
  assert.ok(await applied, 'the edit was applied');
  return t;
}

suite('bench: keystroke to diagnostics', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-bench-'));
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [label, text] of [['real file', REAL_FILE], ['100 KB', updateXmlOfSize(100 * 1024)]] as const) {
    test(`${label} (${text.length} characters): ${EDITS} edits that add an error, ${EDITS} that remove it`, async () => {
      const file = path.join(dir, label.replace(/\W/g, ''), 'NewMSSServer.xml');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      const doc = await vscode.workspace.openTextDocument(file);
      const editor = await vscode.window.showTextDocument(doc);
      await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
      const at = doc.getText().indexOf(GOOD_NAME);
      const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + GOOD_NAME.length));
      // The file is valid and checked: wait until the extension has looked at it.
      const t0 = Date.now();
      while (Date.now() - t0 < 1000) await tick();
      assert.deepStrictEqual(mssProblems(doc.uri), [], 'the file starts valid');
      const add: number[] = [];
      const remove: number[] = [];
      for (let i = 0; i < EDITS; i++) {
        add.push(await timeUntil(() => editor.edit((e) => e.replace(range, BAD_NAME)), () => mssProblems(doc.uri).length > 0));
        await new Promise((r) => setTimeout(r, 20));
        remove.push(await timeUntil(() => editor.edit((e) => e.replace(range, GOOD_NAME)), () => mssProblems(doc.uri).length === 0));
        await new Promise((r) => setTimeout(r, 20));
      }
      record('keystroke', { size: label, chars: text.length, add, remove });
    });
  }
});
