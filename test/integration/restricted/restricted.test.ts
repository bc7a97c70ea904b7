// Restricted Mode in the real VS Code: this window's folder is untrusted (run.mjs
// starts a server of its own with workspace trust on). Validation must work;
// every command that runs ssomanage, ssoconfig or net must refuse before any
// program starts; the workspace's own values of the restricted settings that
// choose those programs must not apply.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { FakeTools } from '../fakeTools';
import { api, codeOf, hasUiBridge, mssProblems, openDocument, poll, ui, workspaceDir } from '../helpers';

type Problem = { line: number; character: number; severity: string; code: string; message: string };
type Progress = Record<string, { done: boolean; exitCode?: number; at?: string }>;

const KEYS = ['installFolder', 'ssomanagePath', 'ssoconfigPath', 'netPath'] as const;

const mss = mssProblems;
const open = openDocument;

suite('Restricted Mode (untrusted workspace)', () => {
  const fakes = new FakeTools();
  /** What the user (Global) settings point at: the fakes. */
  const fromUser: Record<(typeof KEYS)[number], string> = {
    installFolder: fakes.dir,
    ssomanagePath: fakes.path('ssomanage'),
    ssoconfigPath: fakes.path('ssoconfig'),
    netPath: fakes.path('net'),
  };
  let restore: (() => Promise<void>) | undefined;

  suiteSetup(async () => {
    await api();
    restore = await fakes.use();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restore?.();
  });
  setup(() => fakes.clear());

  test('the window is in Restricted Mode: its folder (the copy the runner made) is not trusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'vscode.workspace.isTrusted');
    const expected = process.env.MSS_TEST_WORKSPACE;
    assert.ok(expected, 'MSS_TEST_WORKSPACE is set by the runner');
    assert.strictEqual(path.resolve(workspaceDir()), path.resolve(expected));
  });

  test('the user settings, where the fakes are chosen, apply in Restricted Mode, and the fakes record their calls', () => {
    const c = vscode.workspace.getConfiguration('mss');
    for (const k of KEYS) {
      assert.strictEqual(c.inspect<string>(k)?.globalValue, fromUser[k], `mss.${k}: user value written`);
      assert.strictEqual(c.get<string>(k), fromUser[k], `mss.${k}: user value applied`);
    }
    // So "no call recorded" below means "not run", not "the fake is broken".
    execFileSync(fakes.path('ssomanage'), ['-displaydb'], { cwd: fakes.dir });
    assert.deepStrictEqual(fakes.calls().map((x) => [x.tool, x.args]), [['ssomanage', ['-displaydb']]]);
  });

  test('the workspace values of the restricted settings mss.* are not applied', () => {
    const file = path.join(workspaceDir(), '.vscode', 'settings.json');
    const inWorkspace = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const c = vscode.workspace.getConfiguration('mss');
    for (const k of KEYS) {
      assert.strictEqual(typeof inWorkspace[`mss.${k}`], 'string', `${file} sets mss.${k}`);
      const i = c.inspect<string>(k);
      assert.strictEqual(i?.workspaceValue, undefined, `mss.${k}: no workspace value`);
      assert.strictEqual(i?.workspaceFolderValue, undefined, `mss.${k}: no folder value`);
      assert.strictEqual(c.get<string>(k), fromUser[k], `mss.${k}: the user value wins`);
      assert.notStrictEqual(c.get<string>(k), inWorkspace[`mss.${k}`]);
    }
    // Controls: VS Code reads this file in this window (an unrestricted setting applies)...
    assert.strictEqual(inWorkspace['editor.tabSize'], 3);
    assert.strictEqual(vscode.workspace.getConfiguration('editor').inspect<number>('tabSize')?.workspaceValue, 3, 'editor.tabSize from the same file applies');
    // ...and leaves out the restricted ones: markdown.styles (restricted by the built-in
    // Markdown extension, resource scope, so only the restriction can leave it out).
    assert.deepStrictEqual(inWorkspace['markdown.styles'], ['chosen-by-the-workspace.css']);
    assert.strictEqual(vscode.workspace.getConfiguration('markdown').inspect('styles')?.workspaceValue, undefined, 'markdown.styles is left out too');
  });

  test('every task command rejects with an Error naming Restricted Mode; no tool runs, no task starts, nothing is recorded', async () => {
    const ws = workspaceDir();
    const xml = path.join(ws, 'NewMSSServer.xml');
    assert.deepStrictEqual(await vscode.commands.executeCommand<Problem[]>('mss.validateUpdateXml', xml), [], 'a valid update file: only the trust can stop -updatedb');
    const backup = path.join(ws, 'backups', 'new backup.bak');
    const existing = path.join(ws, 'existing backup.bak');
    fs.writeFileSync(existing, 'not a real backup');
    const calls: Array<[string, unknown]> = [
      ['mss.runUpdateDb', xml],
      ['mss.runServerAll', { server: 'SSOCLUSTER' }],
      ['mss.backupSecret', { file: backup }],
      ['mss.backupSecret', { file: existing }],  // trust is checked first, before "exists already"
      ['mss.restoreSecret', { file: path.join(ws, 'SSO backup.bak') }],
      ['mss.restartService', undefined],
      ['mss.showSsoDatabase', undefined],
      ['mss.showSsoServer', undefined],
      ['mss.verifyMove', { procedure: 'moveToServer' }],
    ];
    const started: string[] = [];
    const sub = vscode.tasks.onDidStartTask((e) => { started.push(e.execution.task.name); });
    try {
      for (const [command, arg] of calls) {
        const run = arg === undefined ? vscode.commands.executeCommand(command) : vscode.commands.executeCommand(command, arg);
        await assert.rejects(Promise.resolve(run), (e: unknown) => {
          assert.ok(e instanceof Error, `${command} rejects with an Error, not ${String(e)}`);
          assert.match(e.message, /Restricted Mode/, `${command}: ${e.message}`);
          return true;
        }, `${command} resolved`);
      }
      await new Promise((r) => setTimeout(r, 500)); // a task or a fake started by mistake would show by now
    } finally {
      sub.dispose();
    }
    assert.deepStrictEqual(fakes.calls(), [], 'no fake tool ran');
    assert.deepStrictEqual(started, [], 'no task started');
    assert.strictEqual(fs.existsSync(backup), false);
    for (const id of ['moveToServer', 'moveToCluster']) {
      const p = await vscode.commands.executeCommand<Progress>('mss.getProgress', id);
      for (const [step, r] of Object.entries(p)) assert.deepStrictEqual({ step, ...r }, { step, done: false }, `${id}: nothing recorded`);
    }
  });

  test('validation works: problems with source "mss" on open, a quick fix, and mss.validateUpdateXml returns the same problems', async () => {
    const file = path.join(workspaceDir(), 'xml', 'typo.xml');
    const doc = await open(file);
    const typo = await poll('the mss global-info-typo problem on typo.xml', () => mss(doc.uri).find((d) => codeOf(d) === 'global-info-typo'));
    assert.strictEqual(typo.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(doc.getText(typo.range), 'globalnfo');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, typo.range);
    assert.ok(actions.some((a) => a.kind?.value === 'quickfix' && /globalInfo/.test(a.title)), `a quick fix for the typo: ${JSON.stringify(actions.map((a) => [a.title, a.kind?.value, a.diagnostics?.map(codeOf)]))}`);

    const problems = await vscode.commands.executeCommand<Problem[]>('mss.validateUpdateXml', file);
    const same = problems.find((p) => p.code === 'global-info-typo');
    assert.deepStrictEqual(same && [same.severity, same.line, same.character], ['error', typo.range.start.line, typo.range.start.character]);
    assert.deepStrictEqual(problems.map((p) => p.code).sort(), mss(doc.uri).map(codeOf).sort(), 'the command and the Problems agree');
  });

  test('mss.generateUpdateXml writes a file, which validates clean (writing files is not running tools)', async () => {
    const target = path.join(workspaceDir(), 'gen', 'NewMSSServer.xml');
    assert.strictEqual(await vscode.commands.executeCommand<string>('mss.generateUpdateXml', { server: 'BTSMSS03', target }), target);
    assert.match(fs.readFileSync(target, 'utf8'), /<secretServer>BTSMSS03<\/secretServer>/);
    assert.deepStrictEqual(await vscode.commands.executeCommand<Problem[]>('mss.validateUpdateXml', target), []);
    assert.deepStrictEqual(fakes.calls(), []);
  });

  test('the lenses of an update file offer Validate, but no "Run ssomanage -updatedb"', async () => {
    const doc = await open(path.join(workspaceDir(), 'NewMSSServer.xml'));
    const lenses = await poll('the Validate lens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return found.some((l) => l.command?.command === 'mss.validateUpdateXml') && found;
    });
    assert.deepStrictEqual(lenses.filter((l) => l.command?.command?.startsWith('mss.')).map((l) => l.command!.command), ['mss.validateUpdateXml']);
  });

  // Last, since it ends Restricted Mode: the refusals above came from the trust alone.
  test('once the folder is trusted (the Trust button of the Workspace Trust editor), the Run lens comes back and the same command runs its tool', async function () {
    if (!hasUiBridge()) this.skip(); // needs the browser to click the button
    let granted = false;
    const sub = vscode.workspace.onDidGrantWorkspaceTrust(() => { granted = true; });
    try {
      await vscode.commands.executeCommand('workbench.trust.manage');
      await ui({ op: 'click', selector: '.workspace-trust-buttons .monaco-button:text-is("Trust")' });
      await poll('onDidGrantWorkspaceTrust', () => granted);
    } finally {
      sub.dispose();
    }
    assert.strictEqual(vscode.workspace.isTrusted, true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    const doc = await open(path.join(workspaceDir(), 'NewMSSServer.xml'));
    await poll('the Run ssomanage -updatedb lens', async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)).some((l) => l.command?.command === 'mss.runUpdateDb'));
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runServerAll', { server: 'SSOCLUSTER' }), 0);
    assert.deepStrictEqual(fakes.calls().map((x) => [x.tool, x.args]), [['ssomanage', ['-serverall', 'SSOCLUSTER']]]);

    // What the restriction of the settings adds in VS Code 1.100: markdown.styles (restricted,
    // resource scope) now applies from the workspace; mss.* do not, trusted or not, because
    // they are machine-scoped, and machine settings never apply from a workspace.
    const styles = await poll('markdown.styles from the workspace', () => vscode.workspace.getConfiguration('markdown').inspect('styles')?.workspaceValue);
    assert.deepStrictEqual(styles, ['chosen-by-the-workspace.css']);
    const c = vscode.workspace.getConfiguration('mss');
    for (const k of KEYS) {
      assert.strictEqual(c.inspect<string>(k)?.workspaceValue, undefined, `mss.${k}: still no workspace value`);
      assert.strictEqual(c.get<string>(k), fromUser[k]);
    }
  });
});
