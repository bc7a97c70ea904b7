// The one-click paths, clicked for real in the workbench through the browser
// bridge (helpers.ui): the tree's inline "Run This Step" button, a walkthrough
// button, the CodeLens and the editor title button on an update XML file, and
// the command palette. Each run goes to the fake tools, which record argv.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { MasterSecretMoverApi } from '../../src/extension';
import { answerPrompts, clickInlineRunButton, clickUntil, hasUiBridge, notificationWith, INLINE_RUN_BUTTON, poll, treeStepRow, ui, workspaceDir } from './helpers';
import { READ_BEFORE_RESTART, READ_BEFORE_UPDATEDB } from './fakeTools';
import { UiSandbox } from './uiSandbox';

type Progress = Record<string, { done: boolean; at?: string; exitCode?: number }>;
interface Found { text: string; className: string; ariaLabel: string | null; ariaChecked: string | null }

const RUN = 'Run ssomanage -updatedb';
const RUN_WAIT = 45_000;  // a task on a slow, busy machine: terminal, process, exit event

const progressOf = (procedure: string) => vscode.commands.executeCommand<Progress>('mss.getProgress', procedure);
const query = (selector: string) => ui<Found[]>({ op: 'query', selector });
/** How a command line is shown: an argument with white space in double quotes (paths here have no quotes). */
const shown = (arg: string) => (/\s/.test(arg) ? `"${arg}"` : arg);

/** Waits until the run of a step has been recorded (exit code set), whatever its outcome. */
async function ranStep(procedure: string, step: string): Promise<Progress> {
  return poll(`a run of ${procedure}.${step} to be recorded`, async () => {
    const p = await progressOf(procedure);
    return p[step].exitCode !== undefined && p;
  }, RUN_WAIT);
}

async function openXml(file: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), { preview: false });
  await poll('the XML editor to be active', () => vscode.window.activeTextEditor?.document.uri.fsPath === file);
  return editor;
}

/** Waits for an error notification whose text includes `text`: the end of a command that failed in the UI. */
const notification = (text: string) => notificationWith(text);

suite('one-click: the tree\'s inline button, the walkthrough, the CodeLens, the editor title and the palette run the tools', () => {
  const sandbox = new UiSandbox();
  const fakes = sandbox.fakes;
  let a: MasterSecretMoverApi;
  let otherXml: string | undefined;
  const rootXml = () => path.join(workspaceDir(), 'NewMSSServer.xml');
  /** What the confirmation must show for `file`: the exact command line and its folder. */
  const commandLine = (file: string) => `${shown(fakes.path('ssomanage'))} -updatedb ${shown(file)}`;

  suiteSetup(async function () {
    if (!hasUiBridge()) this.skip();
    a = await sandbox.enter();
  });

  suiteTeardown(async () => {
    if (otherXml) fs.rmSync(path.dirname(otherXml), { recursive: true, force: true });
    await sandbox.leave();
  });

  setup(async () => {
    fakes.clear();
    await a.progress.reset();
    await vscode.commands.executeCommand('notifications.clearAll');
    // No toast of an earlier test may stand for the end of this one's command.
    await poll('the notifications to be cleared', async () => !(await query('.notification-toast .notification-list-item-message')).some((n) => n.text.includes('Cancelled')));
  });

  test('the inline button of a tree step runs its one action: net stop ENTSSO, net start ENTSSO, and the step is done', async () => {
    // Steps without an action have no inline button.
    await vscode.commands.executeCommand('mss.moveToServer.focus');
    await poll('the install row', async () => (await query(treeStepRow(a, 'moveToServer', 'install'))).length === 1);
    assert.deepStrictEqual(await query(`${treeStepRow(a, 'moveToServer', 'install')} ${INLINE_RUN_BUTTON}`), [], 'install has no action');

    const answers = answerPrompts(a, 'Restart ENTSSO');
    let p: Progress | undefined;
    try {
      await clickInlineRunButton(a, 'moveToServer', 'restartService');
      p = await ranStep('moveToServer', 'restartService');
    } finally {
      answers.restore();
    }
    assert.deepStrictEqual(answers.asked, ['Restart the Enterprise SSO service (ENTSSO) on this computer?'], 'the restart asks first');
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [READ_BEFORE_RESTART, ['net', ['stop', 'ENTSSO']], ['net', ['start', 'ENTSSO']]]);
    assert.deepStrictEqual([p.restartService.done, p.restartService.exitCode], [true, 0]);
    assert.ok(p.restartService.at && !Number.isNaN(Date.parse(p.restartService.at)));
    // The tree shows it: the row's checkbox is ticked.
    const checkbox = `${treeStepRow(a, 'moveToServer', 'restartService')} .custom-view-tree-node-item-checkbox`;
    await poll('the restart row to be ticked', async () => (await query(checkbox))[0]?.ariaChecked === 'true');
  });

  test('the inline button of a step with three actions asks which one; "Run ssomanage -updatedb" runs it on the active XML file', async () => {
    const file = rootXml();
    await openXml(file);
    const answers = answerPrompts(a, RUN);
    try {
      await clickInlineRunButton(a, 'moveToServer', 'updateDb');
      const rows = '.quick-input-widget .quick-input-list .monaco-list-row';
      const items = await poll('the quick pick of the three actions', async () => {
        const found = await query(rows);
        return found.length === 3 && found;
      });
      assert.deepStrictEqual(items.map((r) => r.ariaLabel), ['Create NewMSSServer.xml', RUN, 'Check with ssomanage -displaydb']);
      await ui({ op: 'click', selector: `${rows}[aria-label="${RUN}"]` });
      const p = await ranStep('moveToServer', 'updateDb');
      assert.strictEqual(answers.asked.length, 1, 'asked once before running');
      assert.ok(answers.details[0].includes(commandLine(file)), answers.details[0]);
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [READ_BEFORE_UPDATEDB, ['ssomanage', ['-updatedb', file]]]);
      assert.deepStrictEqual([p.updateDb.done, p.updateDb.exitCode], [true, 0]);
    } finally {
      answers.restore();
    }
  });

  test('the walkthrough button "Restart the Enterprise SSO service" runs the restart and ticks the walkthrough step', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('mss.openWalkthrough', 'moveToServer');
    const step = '.getting-started-step[data-step-id="ssotools.master-secret-mover#moveToServer#restartService"]';
    await poll('the walkthrough step', async () => (await query(step)).length === 1);
    await ui({ op: 'click', selector: `${step} .step-title` });
    await poll('the step to expand', async () => (await query(`${step}[aria-expanded="true"]`)).length === 1);
    const button = `${step} .button-container a.monaco-button:has-text("Restart the Enterprise SSO service")`;
    await poll('its button', async () => (await query(`${button}:visible`)).length === 1);
    const answers = answerPrompts(a, 'Restart ENTSSO');
    let p: Progress | undefined;
    try {
      await ui({ op: 'click', selector: button });
      p = await ranStep('moveToServer', 'restartService');
    } finally {
      answers.restore();
    }
    assert.strictEqual(answers.asked.length, 1, 'the restart asks first');
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [READ_BEFORE_RESTART, ['net', ['stop', 'ENTSSO']], ['net', ['start', 'ENTSSO']]]);
    assert.deepStrictEqual([p.restartService.done, p.restartService.exitCode], [true, 0]);
    // The walkthrough completes the step on mss.done.moveToServer.restartService.
    await poll('the walkthrough to tick step 5', async () => (await query(`${step} .codicon[data-done-step-id]`))[0]?.className.includes('getting-started-step-checked'));
  });

  test('the CodeLens asks with the exact command line, the new server name and the backup warning, then runs ssomanage -updatedb FILE', async () => {
    const file = rootXml();
    assert.ok(!/\s/.test(file), `the workspace path has no spaces: ${file}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openXml(file);
    const lens = `.monaco-editor .codelens-decoration a[role="button"]:has-text("${RUN} on this file")`;
    await poll('the CodeLens', async () => (await query(lens)).length === 1);
    const answers = answerPrompts(a, RUN);
    try {
      await clickUntil(lens, () => answers.asked.length > 0);
      const p = await ranStep('moveToServer', 'updateDb');
      assert.deepStrictEqual(answers.asked, ['Make BTSMSS02 the master secret server?']);
      assert.deepStrictEqual(answers.buttons, [[RUN]]);
      const detail = answers.details[0];
      assert.ok(detail.includes(`This runs:\n${commandLine(file)}\nin ${fakes.dir}`), detail);
      assert.match(detail, /WARNING: the backup step is not marked done/);
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args, c.cwd]), [[...READ_BEFORE_UPDATEDB, fakes.dir], ['ssomanage', ['-updatedb', file], fakes.dir]]);
      assert.deepStrictEqual([p.updateDb.done, p.updateDb.exitCode], [true, 0]);
    } finally {
      answers.restore();
    }
  });

  test('Cancel on the CodeLens question runs no tool but the read-only -displaydb check before it, and records nothing', async () => {
    const file = rootXml();
    await openXml(file);
    const lens = `.monaco-editor .codelens-decoration a[role="button"]:has-text("${RUN} on this file")`;
    await poll('the CodeLens', async () => (await query(lens)).length === 1);
    const answers = answerPrompts(a, undefined);
    try {
      await clickUntil(lens, () => answers.asked.length === 1);
      // The command ends by reporting the cancel; only then is "nothing ran" a fact.
      await notification('Cancelled: ssomanage -updatedb was not run.');
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [READ_BEFORE_UPDATEDB], 'only the read-only check before the question ran');
      const p = await progressOf('moveToServer');
      assert.deepStrictEqual(p.updateDb, { done: false });
    } finally {
      answers.restore();
    }
  });

  test('the editor title button runs -updatedb on its file; with the backup done the question has no backup warning', async () => {
    // Another update file, another server name: the name in the question is read from the file.
    otherXml = path.join(workspaceDir(), 'one-click', 'NewMSSServer.xml');
    fs.mkdirSync(path.dirname(otherXml), { recursive: true });
    fs.writeFileSync(otherXml, '<sso>\r\n  <globalInfo>\r\n    <secretServer>SSONEW7</secretServer>\r\n  </globalInfo>\r\n</sso>\r\n');
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'backup', done: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openXml(otherXml);
    const button = `.editor-actions .action-label[aria-label="${RUN} on This File"]`;
    await poll('the editor title button', async () => (await query(button)).length === 1);
    const answers = answerPrompts(a, RUN);
    try {
      await ui({ op: 'click', selector: button });
      const p = await ranStep('moveToServer', 'updateDb');
      assert.deepStrictEqual(answers.asked, ['Make SSONEW7 the master secret server?']);
      assert.ok(answers.details[0].includes(`This runs:\n${commandLine(otherXml)}\nin ${fakes.dir}`), answers.details[0]);
      assert.doesNotMatch(answers.details[0], /WARNING/);
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [READ_BEFORE_UPDATEDB, ['ssomanage', ['-updatedb', otherXml]]]);
      assert.deepStrictEqual([p.updateDb.done, p.updateDb.exitCode], [true, 0]);
    } finally {
      answers.restore();
    }
  });

  test('Cancel on the editor title button\'s question runs no tool but the read-only -displaydb check before it', async () => {
    const file = rootXml();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openXml(file);
    const button = `.editor-actions .action-label[aria-label="${RUN} on This File"]`;
    await poll('the editor title button', async () => (await query(button)).length === 1);
    const answers = answerPrompts(a, undefined);
    try {
      await ui({ op: 'click', selector: button });
      await poll('the question', () => answers.asked.length === 1);
      await notification('Cancelled: ssomanage -updatedb was not run.');
      assert.deepStrictEqual(answers.asked, ['Make BTSMSS02 the master secret server?']);
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [READ_BEFORE_UPDATEDB], 'only the read-only check before the question ran');
      assert.deepStrictEqual((await progressOf('moveToServer')).updateDb, { done: false });
    } finally {
      answers.restore();
    }
  });

  test('the command palette (F1, type, Enter) runs -updatedb on the active XML file after the same question', async () => {
    const file = rootXml();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openXml(file);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    const input = '.quick-input-widget input.input:visible';
    await ui({ op: 'press', key: 'F1' });
    await poll('the command palette', async () => (await query(input)).length === 1);
    await ui({ op: 'type', text: `Master Secret: ${RUN}` });
    const first = `.quick-input-widget .quick-input-list .monaco-list-row.focused[aria-label="Master Secret: ${RUN} on This File"]`;
    await poll('the command to be the first match', async () => (await query(first)).length === 1);
    const answers = answerPrompts(a, RUN);
    try {
      await ui({ op: 'press', key: 'Enter' });
      const p = await ranStep('moveToServer', 'updateDb');
      assert.deepStrictEqual(answers.asked, ['Make BTSMSS02 the master secret server?']);
      const detail = answers.details[0];
      assert.ok(detail.includes(`This runs:\n${commandLine(file)}\nin ${fakes.dir}`), detail);
      assert.match(detail, /WARNING: the backup step is not marked done/);
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [READ_BEFORE_UPDATEDB, ['ssomanage', ['-updatedb', file]]]);
      assert.deepStrictEqual([p.updateDb.done, p.updateDb.exitCode], [true, 0]);
      assert.strictEqual(vscode.window.activeTextEditor?.document.isDirty, false, 'nothing was typed into the file');
    } finally {
      answers.restore();
    }
  });
  test('the Explorer\'s context menu on an update XML file offers Validate and Run -updatedb; Run runs -updatedb on that file, not the open one', async () => {
    const file = rootXml();
    // Another update file open in the editor, of another name (one row of the Explorer only is
    // the file clicked: the top-level NewMSSServer.xml).
    const open = path.join(workspaceDir(), 'explorer-menu', 'Open.xml');
    fs.mkdirSync(path.dirname(open), { recursive: true });
    fs.writeFileSync(open, '<sso>\r\n  <globalInfo>\r\n    <secretServer>SSONEW7</secretServer>\r\n  </globalInfo>\r\n</sso>\r\n');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openXml(open);
    await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(file));
    const row = '.explorer-folders-view .monaco-list-row[aria-level="1"][aria-label^="NewMSSServer.xml"]';
    await poll('the file\'s row in the Explorer', async () => (await query(row)).length > 0);
    const items = '.context-view .monaco-menu .action-item .action-label';
    // A right click, as the admin's; again if the row was redrawn as it was clicked (no menu).
    let entries: string[] = [];
    for (let attempt = 1; attempt <= 3 && entries.length === 0; attempt++) {
      await ui({ op: 'click', selector: row, button: 'right' });
      entries = await poll('the context menu', async () => {
        const labels = (await query(items)).map((i) => i.text).filter(Boolean);
        return labels.length > 0 && labels;
      }, 5_000).catch(() => []);
    }
    assert.ok(entries.includes('Validate Update XML File'), entries.join(' | '));
    assert.ok(entries.includes(`${RUN} on This File`), entries.join(' | '));
    const answers = answerPrompts(a, RUN);
    try {
      await ui({ op: 'click', selector: `${items}[aria-label="${RUN} on This File"]` });
      const p = await ranStep('moveToServer', 'updateDb');
      assert.deepStrictEqual(answers.asked, ['Make BTSMSS02 the master secret server?']);
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [READ_BEFORE_UPDATEDB, ['ssomanage', ['-updatedb', file]]]);
      assert.deepStrictEqual([p.updateDb.done, p.updateDb.exitCode], [true, 0]);
    } finally {
      answers.restore();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(path.dirname(open), { recursive: true, force: true });
    }
  });
});
