// Update XML files in the real VS Code: problems, quick fixes, completion, hover, lenses and
// the commands mss.generateUpdateXml / mss.validateUpdateXml (README.md, "Commands").
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { checkServerName } from '../../src/ssoTools/serverName';
import { validateUpdateXml } from '../../src/updateXml';
import { answerPrompts, api, codeOf, hasUiBridge, mssProblems, openDocument, poll, ui, workspaceDir } from './helpers';

type Problem = { line: number; character: number; severity: string; code: string; message: string };

const fixture = (name: string) => path.join(workspaceDir(), 'xml', name);
const scratch = (name: string) => path.join(workspaceDir(), 'gen', name);

const mss = mssProblems;
const open = openDocument;

/**
 * Puts a file's text back. Through its document when one is open: a write on disk
 * behind an open document's back makes the next save through it fail (File Modified Since).
 */
async function putBack(file: string, text: string): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
  if (!doc) { fs.writeFileSync(file, text); return; }
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, [
    vscode.TextEdit.setEndOfLine(text.includes('\r\n') ? vscode.EndOfLine.CRLF : vscode.EndOfLine.LF),
    vscode.TextEdit.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text),
  ]);
  assert.ok(await vscode.workspace.applyEdit(edit) && await doc.save(), `${file} was put back`);
  assert.strictEqual(fs.readFileSync(file, 'utf8'), text, `${file} has its old bytes again`);
}

/** The range of the `nth` occurrence of `needle` (a single line) in the document. */
function rangeOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Range {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" not found in ${doc.fileName}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

async function waitForCode(doc: vscode.TextDocument, code: string, ms = 15_000): Promise<vscode.Diagnostic> {
  return poll(`an mss "${code}" diagnostic on ${path.basename(doc.fileName)}`, () => mss(doc.uri).find((d) => codeOf(d) === code), ms);
}

async function replace(doc: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, range, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
}

/** Reverts what the tests changed in open editors (no save prompt), then closes every editor. */
async function closeAll(): Promise<void> {
  for (const d of vscode.workspace.textDocuments.filter((x) => x.isDirty && x.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(d);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

const generated = (server: string) => `<sso>\r\n  <globalInfo>\r\n    <secretServer>${server}</secretServer>\r\n  </globalInfo>\r\n</sso>\r\n`;

suite('updateXml: problems, quick fixes, completion, hover, lenses and commands', () => {
  suiteSetup(async () => {
    await api();
    fs.mkdirSync(path.join(workspaceDir(), 'gen'), { recursive: true });
  });
  teardown(closeAll);

  test('a bad file shows its problem with the contract code and the exact range within seconds of opening', async () => {
    const cases: Array<{ file: string; code: string; needle: string; nth?: number; message: RegExp }> = [
      { file: 'typo.xml', code: 'global-info-typo', needle: 'globalnfo', message: /typo/ },
      { file: 'space.xml', code: 'invalid-server-name', needle: 'BTS MSS02', message: /space/ },
      { file: 'timeout.xml', code: 'out-of-range', needle: '600000', message: /1 to 525600/ },
    ];
    for (const c of cases) {
      const doc = await open(fixture(c.file));
      console.log(`      ${c.file} opened with languageId "${doc.languageId}"`);
      assert.ok(['xml', 'plaintext'].includes(doc.languageId), `unexpected language ${doc.languageId}`);
      const started = Date.now();
      const d = await waitForCode(doc, c.code);
      console.log(`      ${c.code} after ${Date.now() - started} ms`);
      assert.deepStrictEqual(mss(doc.uri).map(codeOf), [c.code], 'exactly the expected problem');
      assert.ok(d.range.isEqual(rangeOf(doc, c.needle, c.nth)), `${c.code} range ${JSON.stringify(d.range)} is the ${c.needle} text`);
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d.message, c.message);
    }
  });

  test('editing re-validates the document and closing it clears its problems', async () => {
    const doc = await open(fixture('space.xml'));
    const original = doc.getText();
    try {
      await waitForCode(doc, 'invalid-server-name');
      await replace(doc, rangeOf(doc, 'BTS MSS02'), 'BTSMSS02');
      await poll('the problem to go after the fix', () => mss(doc.uri).length === 0);
      await replace(doc, rangeOf(doc, 'BTSMSS02'), 'BTS_MSS02');
      const w = await waitForCode(doc, 'invalid-server-name');
      assert.strictEqual(w.severity, vscode.DiagnosticSeverity.Warning, 'an underscore is only a warning');
      assert.ok(w.range.isEqual(rangeOf(doc, 'BTS_MSS02')));
      await replace(doc, rangeOf(doc, 'globalInfo'), 'globalnfo');
      await poll('the typo diagnostic (XML now malformed)', () => mss(doc.uri).some((d) => codeOf(d) === 'global-info-typo'));
      // File: Revert acts on the active editor: make sure it is this one.
      await vscode.window.showTextDocument(doc, { preview: false });
      await poll('the edited file to be the active editor', () => vscode.window.activeTextEditor?.document === doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await poll('the original problem after revert', () => {
        const now = mss(doc.uri);
        return !doc.isDirty && now.length === 1 && codeOf(now[0]) === 'invalid-server-name' && now[0].severity === vscode.DiagnosticSeverity.Error;
      });
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await poll('the problems to be cleared when the document closes', () => mss(doc.uri).length === 0);
    } finally {
      // Whatever failed above, later tests need the fixture as it was on disk.
      if (doc.isDirty) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
        await vscode.workspace.applyEdit(edit);
        await doc.save();
      }
    }
  });

  test('a .xml update file opened as plain text is checked too; hover works there', async () => {
    const doc = await open(fixture('timeout.xml'));
    await waitForCode(doc, 'out-of-range');
    const plain = await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    assert.strictEqual(plain.languageId, 'plaintext');
    const d = await waitForCode(plain, 'out-of-range');
    assert.ok(d.range.isEqual(rangeOf(plain, '600000')));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', plain.uri, rangeOf(plain, 'ticketTimeout').start.translate(0, 2));
    assert.match(hoverText(hovers), /525600|525,600/, 'the hover gives the allowed range');
  });

  test('the preferred quick fix, applied through the API, leaves a clean file', async () => {
    const doc = await open(fixture('typo.xml'));
    const d = await waitForCode(doc, 'global-info-typo');
    // executeCodeActionProvider does not hand back an action's diagnostics: the actions are
    // recognised by the titles of the core's fixes for this problem.
    const expected = validateUpdateXml(doc.getText()).find((c) => c.code === 'global-info-typo')!.fixes;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const ours = actions.filter((a) => expected.some((f) => f.title === a.title));
    assert.strictEqual(ours.length, expected.length, `the core's fixes are offered; got ${actions.map((a) => a.title).join(', ')}`);
    const fix = ours.find((a) => a.isPreferred);
    assert.ok(fix?.edit, 'the fix is preferred and carries an edit');
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), 'it is a quick fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.doesNotMatch(doc.getText(), /globalnfo/, 'both tags were renamed');
    await poll('no problems after the fix', () => mss(doc.uri).length === 0);
    assert.deepStrictEqual(await vscode.commands.executeCommand('mss.validateUpdateXml', doc.uri.fsPath), [], 'the command agrees (editor text)');
  });

  test('each quick fix of an out-of-range ticketTimeout gives a valid file', async () => {
    const doc = await open(fixture('timeout.xml'));
    const d = await waitForCode(doc, 'out-of-range');
    const titles = validateUpdateXml(doc.getText()).find((c) => c.code === 'out-of-range')!.fixes.map((f) => f.title);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range))
      .filter((a) => titles.includes(a.title));
    assert.ok(actions.length >= 2, `two fixes (the maximum, the default); got ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(actions.filter((a) => a.isPreferred).length, 1, 'exactly one preferred fix');
    const other = actions.find((a) => !a.isPreferred)!;
    assert.ok(await vscode.workspace.applyEdit(other.edit!));
    assert.match(doc.getText(), /<ticketTimeout>\d+<\/ticketTimeout>/);
    assert.doesNotMatch(doc.getText(), /600000/);
    await poll('no problems after the fix', () => mss(doc.uri).length === 0);
  });

  test('completion inside <globalInfo> offers secretServer, with its meaning', async () => {
    const doc = await open(fixture('complete.xml'));
    const inside = new vscode.Position(2, 4);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, inside);
    const item = list.items.find((i) => labelOf(i) === 'secretServer');
    assert.ok(item, `secretServer is offered; got ${list.items.map(labelOf).join(', ')}`);
    assert.strictEqual(item.kind, vscode.CompletionItemKind.Property, 'from our provider (word-based suggestions are Text)');
    const doc1 = item.documentation instanceof vscode.MarkdownString ? item.documentation.value : String(item.documentation);
    assert.match(doc1, /master secret server/i);
    assert.ok(list.items.some((i) => labelOf(i) === 'ticketTimeout'), 'the other settings too');
    assert.ok(!list.items.some((i) => labelOf(i) === 'sso'), 'not the root element inside <globalInfo>');

    // After a typed "<" the name alone is inserted; the result validates clean.
    await replace(doc, new vscode.Range(inside, inside), '<');
    const afterLt = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, inside.translate(0, 1), '<');
    const named = afterLt.items.find((i) => labelOf(i) === 'secretServer' && i.kind === vscode.CompletionItemKind.Property);
    assert.ok(named, 'secretServer after "<"');
    const insert = typeof named.insertText === 'string' ? named.insertText : named.insertText?.value;
    assert.strictEqual(insert, 'secretServer');
    await replace(doc, new vscode.Range(inside, inside.translate(0, 1)), '<secretServer>BTSMSS02</secretServer>');
    await poll('a clean file once secretServer is filled in', () => mss(doc.uri).length === 0);

    // Other XML gets nothing from us (VS Code may still offer words of other open files, as Text).
    const other = await open(fixture('project.xml'));
    const none = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', other.uri, new vscode.Position(2, 2));
    const leaked = none.items.filter((i) => ['secretServer', 'globalInfo', 'ticketTimeout'].includes(labelOf(i)) && i.kind !== vscode.CompletionItemKind.Text);
    assert.deepStrictEqual(leaked.map(labelOf), [], 'no update-XML completion in other XML');
  });

  test('hover on secretServer explains what it is; other XML gets no hover from us', async () => {
    const doc = await open(fixture('hover.xml'));
    const name = rangeOf(doc, 'secretServer');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, name.start.translate(0, 3));
    const text = hoverText(hovers);
    assert.match(text, /master secret server/i, text);
    const ours = hovers.find((h) => hoverText([h]).includes('secretServer'));
    assert.ok(ours?.range?.isEqual(name), 'the hover covers the element name');

    const other = await open(fixture('project.xml'));
    const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', other.uri, rangeOf(other, 'secret').start.translate(0, 2));
    assert.doesNotMatch(hoverText(none), /master secret/i);
  });

  test('lenses at the top of an update file run ssomanage -updatedb (trusted only) and validate it', async () => {
    const doc = await open(fixture('hover.xml'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const commands = lenses.map((l) => l.command?.command);
    assert.ok(lenses.every((l) => l.range.start.line === 0), 'at the top');
    assert.ok(commands.includes('mss.validateUpdateXml'), 'a Validate lens');
    const run = lenses.find((l) => l.command?.command === 'mss.runUpdateDb');
    assert.strictEqual(Boolean(run), vscode.workspace.isTrusted, `the run lens exists exactly when the workspace is trusted (trusted: ${vscode.workspace.isTrusted})`);
    if (run) assert.strictEqual((run.command!.arguments![0] as vscode.Uri).fsPath, doc.uri.fsPath, 'it runs this file');
    const validate = lenses.find((l) => l.command?.command === 'mss.validateUpdateXml')!;
    assert.match(validate.command!.title, /1 warning/, 'the lens shows the current counts');

    const other = await open(fixture('project.xml'));
    const none = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', other.uri);
    assert.ok(!none.some((l) => l.command?.command?.startsWith('mss.')), 'no lenses on other XML');
  });

  test('mss.generateUpdateXml writes a CRLF file that validates clean and opens it', async () => {
    const target = scratch('BTSMSS03.xml');
    const result = await vscode.commands.executeCommand<string>('mss.generateUpdateXml', { server: 'BTSMSS03', target });
    assert.strictEqual(result, target);
    assert.ok(fs.existsSync(result));
    assert.strictEqual(fs.readFileSync(result, 'utf8'), generated('BTSMSS03'));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, target, 'the file is open in the editor');
    assert.deepStrictEqual(await vscode.commands.executeCommand('mss.validateUpdateXml', result), []);
    assert.deepStrictEqual(mss(vscode.Uri.file(result)), []);

    // Overwriting the file while it is open updates the editor too (no stale text, not dirty).
    const again = await vscode.commands.executeCommand<string>('mss.generateUpdateXml', { server: 'BTSMSS05', target, overwrite: true });
    assert.strictEqual(again, target);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), generated('BTSMSS05'));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === target)!;
    assert.strictEqual(doc.getText(), generated('BTSMSS05'));
    assert.strictEqual(doc.isDirty, false);
  });

  test('mss.generateUpdateXml refuses a bad server name, says why and writes nothing', async () => {
    const before = fs.readFileSync(path.join(workspaceDir(), 'NewMSSServer.xml'), 'utf8');
    for (const [i, server] of ['SSO&CLUSTER', 'has space', '-x'].entries()) {
      const target = scratch(`bad-${i}.xml`);
      const why = checkServerName(server).message!;
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.generateUpdateXml', { server, target })), (e: Error) => e.message === why);
      assert.ok(!fs.existsSync(target), `nothing written for ${server}`);
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.generateUpdateXml', { server, overwrite: true })), (e: Error) => e.message === why);
    }
    assert.strictEqual(fs.readFileSync(path.join(workspaceDir(), 'NewMSSServer.xml'), 'utf8'), before, 'the default file was not touched');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.generateUpdateXml', { target: scratch('x.xml') })), /server/);
  });

  test('mss.generateUpdateXml refuses to overwrite an existing file unless overwrite: true', async () => {
    const defaultFile = path.join(workspaceDir(), 'NewMSSServer.xml');
    const before = fs.readFileSync(defaultFile, 'utf8');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.generateUpdateXml', { server: 'BTSMSS04' })), /already exists.*overwrite: true/);
    assert.strictEqual(fs.readFileSync(defaultFile, 'utf8'), before);
    const explicit = fixture('hover.xml');
    const hoverBefore = fs.readFileSync(explicit, 'utf8');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.generateUpdateXml', { server: 'BTSMSS04', target: explicit, overwrite: false })), /already exists/);
    assert.strictEqual(fs.readFileSync(explicit, 'utf8'), hoverBefore);

    const written = await vscode.commands.executeCommand<string>('mss.generateUpdateXml', { server: 'BTSMSS04', overwrite: true });
    assert.strictEqual(written, defaultFile, 'the default target is NewMSSServer.xml in the workspace folder');
    assert.strictEqual(fs.readFileSync(defaultFile, 'utf8'), generated('BTSMSS04'));
    await putBack(defaultFile, before);
  });

  test('mss.generateUpdateXml from the palette: the name is checked as it is typed, and replacing asks first', async function () {
    if (!hasUiBridge()) this.skip(); // needs the browser that drives the workbench
    const a = await api();
    const defaultFile = path.join(workspaceDir(), 'NewMSSServer.xml');
    const before = fs.readFileSync(defaultFile, 'utf8');
    const answers = answerPrompts(a, 'Replace');
    const visible = '.quick-input-widget:not([style*="display: none"])';
    const type = async (text: string) => { for (const c of text) await ui({ op: 'press', key: c === ' ' ? 'Space' : c }); };
    const message = async () => (await ui<{ text: string }[]>({ op: 'query', selector: `${visible} .quick-input-message` })).map((m) => m.text).join(' ');
    try {
      const pending = Promise.resolve(vscode.commands.executeCommand<string | undefined>('mss.generateUpdateXml'));
      await poll('the server name input box', async () => (await ui<{ text: string }[]>({ op: 'query', selector: `${visible} .quick-input-title` })).some((t) => /NewMSSServer\.xml/.test(t.text)));
      await type('has space');
      await poll('the name error while typing', async () => /whitespace/.test(await message()));
      await ui({ op: 'press', key: 'Enter' });
      await new Promise((r) => setTimeout(r, 500));
      assert.ok((await ui<unknown[]>({ op: 'query', selector: `${visible} .quick-input-title` })).length > 0, 'Enter is refused while the name has an error');
      assert.deepStrictEqual(answers.asked, []);
      for (let i = 0; i < 'has space'.length; i++) await ui({ op: 'press', key: 'Backspace' });
      await type('BTSMSS07');
      await poll('the error to go', async () => !/whitespace/.test(await message()));
      await ui({ op: 'press', key: 'Enter' });
      const written = await pending;
      assert.strictEqual(written, defaultFile);
      assert.strictEqual(answers.asked.length, 1, 'one confirmation before replacing the existing file');
      assert.match(answers.asked[0], /already exists/);
      assert.strictEqual(fs.readFileSync(defaultFile, 'utf8'), generated('BTSMSS07'));
    } finally {
      answers.restore();
      await putBack(defaultFile, before);
    }
  });

  test('mss.validateUpdateXml resolves the contract shape for a file path (bytes on disk, or the open editor text)', async () => {
    const file = scratch('shape.xml');
    fs.writeFileSync(file, '<sso>\n  <globalInfo>\n    <secretServer>has space</secretServer>\n    <ticketTimeout>0</ticketTimeout>\n  </globalInfo>\n</sso>\n');
    const problems = await vscode.commands.executeCommand<Problem[]>('mss.validateUpdateXml', file);
    assert.ok(Array.isArray(problems));
    for (const p of problems) {
      assert.deepStrictEqual(Object.keys(p).sort(), ['character', 'code', 'line', 'message', 'severity']);
      assert.ok(typeof p.message === 'string' && p.message.length > 0);
      assert.ok(['error', 'warning', 'information'].includes(p.severity));
    }
    const errors = problems.filter((p) => p.severity === 'error').map(({ line, character, code }) => ({ line, character, code }));
    assert.deepStrictEqual(errors, [
      { line: 2, character: 18, code: 'invalid-server-name' },
      { line: 3, character: 19, code: 'out-of-range' },
    ]);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file), 'a programmatic call does not open the file');

    // UTF-16 (Notepad's "Unicode") is decoded by the core: same problems, plus the encoding note.
    const utf16 = scratch('shape-utf16.xml');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(file, 'utf8'), 'utf16le')]));
    const fromUtf16 = await vscode.commands.executeCommand<Problem[]>('mss.validateUpdateXml', utf16);
    assert.deepStrictEqual(fromUtf16.filter((p) => p.code !== 'encoding'), problems);
    assert.ok(fromUtf16.some((p) => p.code === 'encoding'));

    // An open editor's unsaved text wins over the bytes on disk.
    const doc = await open(fixture('space.xml'));
    await replace(doc, rangeOf(doc, 'BTS MSS02'), 'BTSMSS02');
    assert.deepStrictEqual(await vscode.commands.executeCommand('mss.validateUpdateXml', doc.uri.fsPath), []);
    assert.deepStrictEqual(await vscode.commands.executeCommand('mss.validateUpdateXml'), [], 'no argument: the active editor');

    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.validateUpdateXml', scratch('missing.xml'))), /Cannot read .*missing\.xml/);
  });

  test('mss.validateUpdateXml without a target and without an editor says what to do', async () => {
    await closeAll();
    await poll('no active editor', () => vscode.window.activeTextEditor === undefined);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.validateUpdateXml')), /Open the update XML file/);
  });

  test('other XML files get no mss problems, even while they are edited', async () => {
    const other = await open(fixture('project.xml'));
    const bad = await open(fixture('typo.xml'));
    await waitForCode(bad, 'global-info-typo'); // the checker is live
    await replace(other, new vscode.Range(2, 2, 2, 2), '<globalnfo/>');
    await new Promise((r) => setTimeout(r, 800)); // beyond the debounce
    assert.deepStrictEqual(mss(other.uri), [], 'no mss diagnostics on <project>');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(other.uri).filter((d) => d.source === 'mss'), []);
  });
});
