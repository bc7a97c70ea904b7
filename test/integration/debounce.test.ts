// When an edited update XML file is validated again (src/features/updateXml/debounce.ts): a file
// whose validation costs nothing after every edit, a big one once at the end of a burst of edits.
// Behaviour only (how many validations, what they show), no timing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { BAD_NAME, GOOD_NAME, REAL_FILE, updateXmlOfSize } from '../../scripts/bench/inputs';
import { debounceMs } from '../../src/features/updateXml/debounce';
import { MAX_TEXT_LENGTH } from '../../src/updateXml';
import { api, mssProblems, openDocument, poll, workspaceDir } from './helpers';

async function replaceName(doc: vscode.TextDocument, name: string): Promise<void> {
  const text = doc.getText();
  const at = Math.max(text.indexOf(GOOD_NAME), text.indexOf(BAD_NAME));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + name.length)), name);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
}

suite('updateXml: when an edited file is validated again', () => {
  const dir = path.join(workspaceDir(), 'gen', 'debounce');
  suiteSetup(() => fs.mkdirSync(dir, { recursive: true }));
  suiteTeardown(async () => {
    for (const d of vscode.workspace.textDocuments.filter((x) => x.isDirty && x.uri.fsPath.startsWith(dir))) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a real update file is validated after every edit, with no wait', async () => {
    const a = await api();
    const file = path.join(dir, 'small', 'NewMSSServer.xml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, REAL_FILE);
    const doc = await openDocument(file);
    assert.strictEqual(debounceMs(doc.getText().length), 0);
    await poll('the first validation', () => a.validations(doc.uri) >= 1);
    const before = a.validations(doc.uri);
    for (let i = 1; i <= 4; i++) {
      const name = i % 2 ? BAD_NAME : GOOD_NAME;
      await replaceName(doc, name);
      await poll(`validation ${i} after edit ${i}`, () => a.validations(doc.uri) === before + i);
      assert.strictEqual(mssProblems(doc.uri).length > 0, name === BAD_NAME, `after edit ${i}, the problems show ${name}`);
    }
  });

  test('a file near the size cap is validated once, at the end of a burst of edits', async () => {
    const a = await api();
    const file = path.join(dir, 'big', 'NewMSSServer.xml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, updateXmlOfSize(MAX_TEXT_LENGTH - 1024));
    const doc = await openDocument(file);
    const wait = debounceMs(doc.getText().length);
    assert.strictEqual(wait, 300, 'a file near the cap waits as long as the fixed debounce did');
    await poll('the first validation', () => a.validations(doc.uri) >= 1);
    await new Promise((r) => setTimeout(r, 2 * wait));
    const before = a.validations(doc.uri);
    // Five edits in a row, each applied before the next; the last one breaks the name.
    for (const name of [BAD_NAME, GOOD_NAME, BAD_NAME, GOOD_NAME, BAD_NAME]) await replaceName(doc, name);
    await poll('the validation after the burst', () => a.validations(doc.uri) > before);
    await new Promise((r) => setTimeout(r, 3 * wait));
    assert.strictEqual(a.validations(doc.uri), before + 1, 'one validation for the whole burst');
    assert.ok(mssProblems(doc.uri).length > 0, 'it checked the text after the last edit');
  });
});
