// The interactive paths of the task commands, driven through the real UI: the
// save dialog of mss.backupSecret, the open dialog of mss.restoreSecret and the
// input box of mss.runServerAll, called with no argument as the palette, the
// walkthrough and the tree call them. In code-server these dialogs are VS Code's
// "simple file dialog", a quick input whose text box holds a path; keys and
// clicks go through the browser bridge (helpers.ui). The fake tools record argv.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { MasterSecretMoverApi } from '../../src/extension';
import { proposeBackupFileName } from '../../src/ssoTools/commandLines';
import { answerPrompts, hasUiBridge, notificationWith, poll, THIS_COMPUTER, ui } from './helpers';
import { READ_BEFORE_RESTORE } from './fakeTools';
import { SC_STATES, scQuery } from '../unit/verification/samples';
import { UiSandbox } from './uiSandbox';

type Progress = Record<string, { done: boolean; at?: string; exitCode?: number }>;
interface Found { text: string; className: string; ariaLabel: string | null; ariaChecked: string | null }

const RUN_WAIT = 45_000;  // a task on a slow, busy machine: terminal, process, exit event
const UI_WAIT = 30_000;   // a quick input to show or react on a slow, busy machine

const query = (selector: string) => ui<Found[]>({ op: 'query', selector });
const progressOf = (procedure: string) => vscode.commands.executeCommand<Progress>('mss.getProgress', procedure);

const QUICK_INPUT = '.quick-input-widget';
const TITLE = `${QUICK_INPUT} .quick-input-title`;
const MESSAGE = `${QUICK_INPUT} .quick-input-message`;
const INPUT_BOX = `${QUICK_INPUT} .quick-input-box .monaco-inputbox`;
const ROWS = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;

const SAVE_TITLE = 'Back up the master secret to (NTFS volume or removable media)';
const OPEN_TITLE = 'Pick the master secret backup file (.bak)';
const SERVER_TITLE = 'ssomanage -serverall: set the SSO server for all users of this computer';

/** A command started without awaiting it (it waits for the dialog); `result()` waits for it to settle. */
function start<T>(command: string): { settled(): boolean; result(): Promise<T> } {
  let state: { value: T } | { error: unknown } | undefined;
  void Promise.resolve(vscode.commands.executeCommand<T>(command)).then((value) => { state = { value }; }, (error: unknown) => { state = { error }; });
  return {
    settled: () => state !== undefined,
    result: async () => {
      const s = await poll(`${command} to settle`, () => state, RUN_WAIT);
      if ('error' in s) throw s.error;
      return s.value;
    },
  };
}

/** Waits until the visible quick input has this title (the dialog or input box is shown). */
async function quickInputTitled(title: string): Promise<void> {
  await poll(`the quick input "${title}"`, async () => (await query(`${TITLE}:visible`)).some((t) => t.text === title), UI_WAIT);
}

/** Waits until no quick input is visible. */
async function quickInputClosed(): Promise<void> {
  await poll('the quick input to close', async () => (await query(`${QUICK_INPUT}:visible`)).length === 0, UI_WAIT);
}

/** The list row of a file or folder in the simple file dialog. */
const row = (label: string) => `${ROWS}[aria-label="${label}"]`;

const notification = notificationWith;

suite('dialogs: the save dialog, the open dialog and the input box of the task commands, driven through the real UI', () => {
  const sandbox = new UiSandbox();
  const fakes = sandbox.fakes;
  let a: MasterSecretMoverApi;
  /** A backup in the install folder: the open dialog picks it, and the save dialog lists it. */
  const BAK_NAME = 'SSO restore test.bak';
  const bak = path.join(fakes.dir, BAK_NAME);

  /** Runs mss.restoreSecret as the palette does and picks the install folder's .bak in its open dialog; resolves what the command resolves. */
  async function restorePickedInOpenDialog(): Promise<number | undefined> {
    const run = start<number | undefined>('mss.restoreSecret');
    await quickInputTitled(OPEN_TITLE);
    await poll('the .bak file in the open dialog', async () => (await query(row(BAK_NAME))).length === 1, UI_WAIT);
    await ui({ op: 'click', selector: row(BAK_NAME) });
    return run.result();
  }

  suiteSetup(async function () {
    if (!hasUiBridge()) this.skip();
    a = await sandbox.enter();
    fs.writeFileSync(bak, 'not a real master secret backup\n');
  });

  suiteTeardown(async () => { await sandbox.leave(); });

  setup(async () => {
    fakes.clear();
    await a.progress.reset();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await quickInputClosed();
    await vscode.commands.executeCommand('notifications.clearAll');
    await poll('the notifications to be cleared', async () => (await query('.notification-toast')).length === 0, UI_WAIT);
  });

  teardown(async () => {
    // A failed test may leave its dialog open; closing it settles the command.
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  test('backup: the save dialog proposes a timestamped .bak in the install folder; Enter runs ssoconfig -backupSecret with that path and marks the backup done', async () => {
    const answers = answerPrompts(a, undefined);
    try {
      const before = Date.now();
      const run = start<number | undefined>('mss.backupSecret');
      await quickInputTitled(SAVE_TITLE);
      const shown = Date.now();
      // The dialog is in the install folder: it lists the .bak file there.
      await poll('the install folder\'s .bak file in the save dialog', async () => (await query(row(BAK_NAME))).length === 1, UI_WAIT);
      // The text box holds the proposed path; Enter, with nothing typed, accepts it.
      const proposed = await poll('the proposed path in the text box', async () => (await ui<Array<{ value?: string }>>({ op: 'query', selector: '.quick-input-widget input.input:visible' }))[0]?.value, UI_WAIT);
      await ui({ op: 'press', key: 'Enter' });
      assert.strictEqual(await run.result(), 0);
      await quickInputClosed();

      const calls = fakes.calls();
      assert.strictEqual(calls.length, 1, JSON.stringify(calls));
      assert.strictEqual(calls[0].tool, 'ssoconfig');
      // Exactly the switch and the file: no password or reminder goes through the extension.
      assert.strictEqual(calls[0].args.length, 2, JSON.stringify(calls[0].args));
      assert.strictEqual(calls[0].args[0], '-backupSecret');
      const file = calls[0].args[1];
      assert.strictEqual(file, proposed, 'ssoconfig gets the path the dialog proposed');
      assert.strictEqual(path.dirname(file), fakes.dir, 'the proposal is in the install folder (mss.installFolder)');
      const name = path.basename(file);
      assert.match(name, /^SSO-master-secret-\d{4}-\d{2}-\d{2}-\d{4}\.bak$/);
      // The name proposeBackupFileName gives for a minute between the start of the command and the dialog.
      const proposals = new Set<string>();
      for (let t = Math.floor(before / 60_000) * 60_000; t <= shown; t += 60_000) proposals.add(proposeBackupFileName(new Date(t)));
      assert.ok(proposals.has(name), `${name} is the proposal for a minute between ${new Date(before).toISOString()} and ${new Date(shown).toISOString()}: ${[...proposals].join(', ')}`);
      assert.strictEqual(calls[0].cwd, fakes.dir);
      assert.deepStrictEqual(answers.asked, [], 'no modal question: the file did not exist');

      const p = await progressOf('moveToServer');
      assert.deepStrictEqual([p.backup.done, p.backup.exitCode], [true, 0]);
      assert.ok(p.backup.at && !Number.isNaN(Date.parse(p.backup.at)));
      await notification('ssoconfig asks for a password', 'in the terminal', 'Master Secret Mover never sees them', 'NTFS volume or removable media');
      // The install folder holds another backup: a warning names it and 10564, and asks nothing.
      await notification(`${fakes.dir} has other backup files: ${BAK_NAME}.`, '(10564)', 'before the restore, keep only this backup in its folder');
    } finally {
      answers.restore();
    }
  });

  test('backup: Escape in the save dialog runs nothing and records nothing; the command resolves undefined', async () => {
    const run = start<number | undefined>('mss.backupSecret');
    await quickInputTitled(SAVE_TITLE);
    await poll('the save dialog to list the install folder', async () => (await query(row(BAK_NAME))).length === 1, UI_WAIT);
    await ui({ op: 'press', key: 'Escape' });
    assert.strictEqual(await run.result(), undefined);
    await quickInputClosed();
    assert.deepStrictEqual(fakes.calls(), []);
    assert.deepStrictEqual((await progressOf('moveToServer')).backup, { done: false });
  });

  test('restore before -updatedb and the restart, with another .bak in the folder: one question names the missing steps, 10766 and the other backup (10564); "Restore Anyway" runs ssoconfig -restoreSecret with the file picked in the open dialog', async () => {
    const answers = answerPrompts(a, 'Restore Anyway');
    const older = path.join(fakes.dir, 'older.bak');
    fs.writeFileSync(older, 'an older backup\n');
    try {
      assert.strictEqual(await restorePickedInOpenDialog(), 0);
      await quickInputClosed();

      assert.deepStrictEqual(answers.asked, ['Restore before the earlier steps are done?']);
      assert.deepStrictEqual(answers.buttons, [['Restore Anyway']]);
      const detail = answers.details[0];
      const steps = a.trees.get('moveToServer')!.provider.procedure.steps;
      // After a reset none of the restore's prerequisites is done: the backup, -updatedb and the restart.
      for (const id of ['backup', 'updateDb', 'restartService']) {
        const step = steps.find((s) => s.id === id)!;
        assert.ok(detail.includes(`${step.number}. ${step.title}`), `the question names step ${step.number} "${step.title}": ${detail}`);
      }
      assert.match(detail, /10766/);
      assert.match(detail, /This function can only be performed on the master secret server/);
      assert.ok(detail.includes(`${fakes.dir} has other backup files: older.bak. ENTSSO can fail the restore with "The backup file does not have the correct format." (10564)`), detail);

      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [...READ_BEFORE_RESTORE, ['ssoconfig', ['-restoreSecret', bak]]]);
      const p = await progressOf('moveToServer');
      assert.deepStrictEqual([p.restore.done, p.restore.exitCode], [true, 0]);
    } finally {
      answers.restore();
      fs.rmSync(older, { force: true });
    }
  });

  test('restore on another computer than the one -updatedb made the master secret server: the question says so (10766); Cancel runs no tool but the read-only sc query before it', async () => {
    for (const step of ['install', 'configure', 'backup', 'updateDb', 'restartService']) {
      await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step, done: true });
    }
    await a.progress.setNewServer('moveToServer', 'updateDb', 'BTSMSS02');
    const answers = answerPrompts(a, undefined);
    try {
      assert.strictEqual(await restorePickedInOpenDialog(), undefined);
      assert.deepStrictEqual(answers.asked, ['Restore on this computer?']);
      assert.deepStrictEqual(answers.details, [`Step 4 made BTSMSS02 the master secret server, and this computer is ${THIS_COMPUTER}. The restore only works on the master secret server (otherwise 10766, "This function can only be performed on the master secret server"): run it on BTSMSS02.`]);
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), READ_BEFORE_RESTORE, 'only the read-only checks before the question ran');
    } finally {
      answers.restore();
    }
  });

  test('restore: no answer to the question (Cancel) runs no tool but the read-only sc query before it, and records nothing', async () => {
    const answers = answerPrompts(a, undefined);
    try {
      assert.strictEqual(await restorePickedInOpenDialog(), undefined);
      assert.deepStrictEqual(answers.asked, ['Restore before the earlier steps are done?']);
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), READ_BEFORE_RESTORE, 'only the read-only checks before the question ran');
      assert.deepStrictEqual((await progressOf('moveToServer')).restore, { done: false });
    } finally {
      answers.restore();
    }
  });

  test('-serverall: the input box shows why SSO&CLUSTER is refused and Enter does not accept it; SSOCLUSTER then runs ssomanage -serverall SSOCLUSTER', async () => {
    const run = start<number | undefined>('mss.runServerAll');
    await quickInputTitled(SERVER_TITLE);
    await ui({ op: 'type', text: 'SSO&CLUSTER' });
    const refusal = 'The server name "SSO&CLUSTER" contains "&"';
    await poll('the validation message', async () => (await query(`${MESSAGE}:visible`)).some((m) => m.text.includes(refusal)), UI_WAIT);
    await poll('the input box to show an error', async () => (await query(INPUT_BOX))[0]?.className.split(/\s+/).includes('error'), UI_WAIT);

    await ui({ op: 'press', key: 'Enter' });
    // Enter is refused: had it accepted, the box would close and the command would
    // settle (refusing the name); the next steps type into the same box and end with
    // exactly one run, of SSOCLUSTER.
    assert.ok((await query(`${TITLE}:visible`)).some((t) => t.text === SERVER_TITLE), 'the input box is still open');
    assert.ok((await query(`${MESSAGE}:visible`)).some((m) => m.text.includes(refusal)), 'the refusal is still shown');

    await ui({ op: 'press', key: 'Control+A' });
    await ui({ op: 'type', text: 'SSOCLUSTER' });
    await poll('the refusal to go', async () => {
      const open = (await query(`${TITLE}:visible`)).some((t) => t.text === SERVER_TITLE);
      const [box] = await query(INPUT_BOX);
      const messages = await query(`${MESSAGE}:visible`);
      return open && box && !box.className.split(/\s+/).includes('error') && !messages.some((m) => m.text.includes('SSO&CLUSTER'));
    }, UI_WAIT);
    assert.strictEqual(run.settled(), false, 'the command still waits for a name');
    await ui({ op: 'press', key: 'Enter' });
    assert.strictEqual(await run.result(), 0);
    await quickInputClosed();
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['ssomanage', ['-serverall', 'SSOCLUSTER']]]);
    // -serverall is done once per machine: this run is recorded for this computer.
    const machines = a.progress.record('moveToCluster', 'serverAll').machines ?? [];
    assert.deepStrictEqual(machines.map((m) => [m.name, m.done, m.exitCode]), [[THIS_COMPUTER, true, 0]]);
  });

  test('-serverall: Escape in the input box runs nothing and records nothing; the command resolves undefined', async () => {
    const run = start<number | undefined>('mss.runServerAll');
    await quickInputTitled(SERVER_TITLE);
    await ui({ op: 'type', text: 'SSOCLUSTER' });
    await ui({ op: 'press', key: 'Escape' });
    assert.strictEqual(await run.result(), undefined);
    await quickInputClosed();
    assert.deepStrictEqual(fakes.calls(), []);
    assert.deepStrictEqual(a.progress.record('moveToCluster', 'serverAll'), { done: false });
  });

  test('verify from the palette: it asks for the procedure, then the computer (the new server -updatedb named is offered), reads that computer and reveals the Verification view', async () => {
    await a.progress.setNewServer('moveToServer', 'updateDb', 'BTSMSS02');
    fakes.print('sc', scQuery(SC_STATES.RUNNING));
    const run = start<{ computer: string; checks: Array<{ id: string; verdict: string }> }>('mss.verifyMove');
    await quickInputTitled('Verify which move?');
    const title = a.trees.get('moveToServer')!.provider.procedure.title;
    await poll('the procedure in the quick pick', async () => (await query(`${ROWS}[aria-label^="${title}"]`)).length === 1, UI_WAIT);
    await ui({ op: 'click', selector: `${ROWS}[aria-label^="${title}"]` });
    await quickInputTitled('Read the Enterprise SSO service and the Application log of which computer?');
    const rows = await poll('the computers offered', async () => { const r = await query(ROWS); return r.length >= 3 && r; }, UI_WAIT);
    assert.deepStrictEqual(rows.map((r) => (r.ariaLabel ?? '').split(',')[0]), [`This computer (${THIS_COMPUTER})`, 'BTSMSS02', 'Another computer…']);
    await ui({ op: 'click', selector: `${ROWS}[aria-label^="BTSMSS02"]` });
    const result = await run.result();
    assert.strictEqual(result.computer, 'BTSMSS02');
    assert.deepStrictEqual(result.checks.map((c) => [c.id, c.verdict]), [
      ['secretServerName', 'unverified'], ['serviceRunning', 'pass'], ['restartLogged', 'unverified'], ['restoreLogged', 'unverified'], ['secretInRegistry', 'unverified'], ['serviceAccount', 'unverified'],
    ]);
    assert.ok(fakes.calls().some((c) => c.tool === 'sc' && c.args.join(' ') === '\\\\BTSMSS02 query ENTSSO'), JSON.stringify(fakes.calls()));
    await poll('the Verification view to show', () => a.verification.view.visible, UI_WAIT);
    await poll('its rows in the workbench', async () => (await query('.monaco-list-row[aria-label^="Enterprise SSO service is running on BTSMSS02: pass"]')).length === 1, UI_WAIT);
    await notification('Verification on BTSMSS02:', '1 pass');
  });
});
