// Shared helpers of the integration tests (they run inside the extension host).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { MasterSecretMoverApi } from '../../src/extension';

export const EXTENSION_ID = 'ssotools.master-secret-mover';

export async function api(): Promise<MasterSecretMoverApi> {
  const ext = vscode.extensions.getExtension<MasterSecretMoverApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

export async function poll<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri.fsPath;
}

/** True when a browser drives this workbench (code-server runner); false in desktop VS Code. */
export function hasUiBridge(): boolean {
  return vscode.env.appName === 'code-server' && Boolean(process.env.MSS_TEST_RESULTS_DIR);
}

let uiCounter = 0;
/**
 * Asks the test runner, which drives the browser that shows this workbench, to
 * click or read the real UI (see scripts/vscode-test/workbench.mjs).
 */
export interface UiRequest {
  /** click/hover a selector, query or read the html of its matches, press a key, type text, save a screenshot, drag an element's right edge, read the text of the webview frames, or mark the matches (to tell later whether they were re-rendered). */
  op: 'click' | 'hover' | 'query' | 'html' | 'press' | 'type' | 'screenshot' | 'drag' | 'frameText' | 'mark' | 'openWindow' | 'closeWindow';
  /** The window to act in: 0 (default) is the tests' own; openWindow opens another of the same folder and answers its number. */
  window?: number;
  /** For drag: pixels to move the right edge of the element by. */
  dx?: number;
  /** For click: 'right' opens a context menu. */
  button?: 'left' | 'right';
  selector?: string;
  nth?: number;
  key?: string;
  text?: string;
  path?: string;
  timeout?: number;
}
export async function ui<T = unknown>(request: UiRequest): Promise<T> {
  const root = process.env.MSS_TEST_RESULTS_DIR;
  assert.ok(root, 'MSS_TEST_RESULTS_DIR is not set: run the tests with npm run test:integration');
  assert.ok(hasUiBridge(), 'no browser drives this window: UI requests need npm run test:integration');
  const dir = path.join(root, 'ui');
  fs.mkdirSync(dir, { recursive: true });
  const n = `${process.pid}${++uiCounter}`;
  const req = path.join(dir, `req-${n}.json`);
  fs.writeFileSync(req + '.tmp', JSON.stringify(request));
  fs.renameSync(req + '.tmp', req);
  const res = path.join(dir, `res-${n}.json`);
  const answer = await poll(`the runner to answer ${request.op} ${request.selector ?? ''}`, () => fs.existsSync(res) && JSON.parse(fs.readFileSync(res, 'utf8')) as { ok: boolean; value?: T; error?: string });
  fs.rmSync(res, { force: true });
  if (!answer.ok) throw new Error(`UI ${request.op} failed: ${answer.error}`);
  return answer.value as T;
}

/**
 * Answers the extension's modal questions in tests; records what was asked: the
 * message (asked), the detail under it (details) and the buttons offered.
 */
export function answerPrompts(a: MasterSecretMoverApi, answer: string | undefined): { asked: string[]; details: string[]; buttons: string[][]; restore(): void } {
  const asked: string[] = [];
  const details: string[] = [];
  const buttons: string[][] = [];
  const previous = a.setPrompts({
    confirm: (message, detail, ...offered) => {
      asked.push(message);
      details.push(detail);
      buttons.push(offered);
      return Promise.resolve(answer);
    },
  });
  return { asked, details, buttons, restore: () => { a.setPrompts(previous); } };
}

/** The selector of a step's row in its tree; the row's accessible label is "Step N, Title, done|not done". */
export function treeStepRow(a: MasterSecretMoverApi, procedure: 'moveToServer' | 'moveToCluster', stepId: string): string {
  const step = a.trees.get(procedure)!.provider.procedure.steps.find((s) => s.id === stepId);
  assert.ok(step, `no step ${stepId} in ${procedure}`);
  return `.monaco-list-row[aria-label^="Step ${step.number}, ${step.title}, "]`;
}

/** The tree's inline "Run This Step" button (menu view/item/context, group inline). */
export const INLINE_RUN_BUTTON = '.action-label[aria-label="Run This Step"]';

/** Shows a step in its tree, selected, hovers its row and clicks its real inline "Run This Step" button. */
export async function clickInlineRunButton(a: MasterSecretMoverApi, procedure: 'moveToServer' | 'moveToCluster', stepId: string): Promise<void> {
  await vscode.commands.executeCommand(`mss.${procedure}.focus`);
  const { provider, view } = a.trees.get(procedure)!;
  await poll(`the ${procedure} tree to be visible`, () => view.visible);
  const node = provider.getChildren().find((n) => n.step.id === stepId)!;
  await view.reveal(node, { select: true, focus: true });
  const row = treeStepRow(a, procedure, stepId);
  await poll(`the row of ${stepId}`, async () => (await ui<unknown[]>({ op: 'query', selector: row })).length === 1);
  await ui({ op: 'hover', selector: row });
  await poll(`the inline button of ${stepId}`, async () => (await ui<unknown[]>({ op: 'query', selector: `${row} ${INLINE_RUN_BUTTON}` })).length === 1);
  await ui({ op: 'click', selector: `${row} ${INLINE_RUN_BUTTON}` });
}

/** A diagnostic's code as a string (the API gives a string, a number or `{ value, target }`). */
export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);
}

/** The update-XML problems of a document (source "mss"). */
export function mssProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mss');
}

/** The problems the matcher $mss-entsso reported, with the resource each is filed under. */
export function entssoProblems(): Array<{ uri: vscode.Uri; d: vscode.Diagnostic }> {
  return vscode.languages.getDiagnostics().flatMap(([uri, ds]) => ds.filter((d) => d.source === 'ENTSSO').map((d) => ({ uri, d })));
}

/** Opens a file in an editor (not a preview) and returns its document. */
export async function openDocument(file: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/**
 * Runs a task and resolves with the exit code of its process. A restart's own two
 * net tasks (definition.part) share its name and are not waited for.
 */
export async function runTaskToEnd(task: vscode.Task): Promise<number | undefined> {
  const ended = new Promise<number | undefined>((resolve) => {
    const sub = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution.task.name === task.name && e.execution.task.definition.part === undefined) { sub.dispose(); resolve(e.exitCode); }
    });
  });
  await vscode.tasks.executeTask(task);
  return ended;
}

/**
 * Runs `body` with the terminal's DOM renderer (its text is then in the page, where the
 * runner can read it), and puts the renderer setting back after.
 */
export async function withTerminalText<T>(body: () => Promise<T>): Promise<T> {
  const terminal = vscode.workspace.getConfiguration('terminal.integrated');
  const gpu = terminal.inspect('gpuAcceleration')?.globalValue;
  await terminal.update('gpuAcceleration', 'off', vscode.ConfigurationTarget.Global);
  try {
    return await body();
  } finally {
    await terminal.update('gpuAcceleration', gpu, vscode.ConfigurationTarget.Global);
  }
}

/** The text of the terminals in the page (see withTerminalText), without blanks or quotes, as wrapped lines join. */
export async function terminalText(): Promise<string> {
  const rows = await ui<Array<{ text: string }>>({ op: 'query', selector: '.xterm-rows' });
  return rows.map((r) => r.text).join('').replace(/[\s"']/g, '');
}

/** The state icons of the open walkthrough's steps (class getting-started-step-checked / -unchecked). */
export const WALKTHROUGH_STEP_ICONS = '.getting-started-step .codicon[class*="getting-started-step-"]';

/**
 * Clicks for real and waits for `effect`. VS Code drops a click that lands while
 * it re-renders the element (the press and the release hit two different
 * elements): a tree row refreshed by the extension, a CodeLens redrawn after
 * validation. When the effect has not come within 5 s and `lost()` says nothing
 * happened either, the click is made again, at most twice more, and said in the
 * log; otherwise the wait goes on to the usual limit.
 */
export async function clickUntil(selector: string, effect: () => boolean, lost: () => Promise<boolean> = () => Promise.resolve(true)): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await ui({ op: 'click', selector });
    if (await poll('the click to take effect', () => effect(), 5_000).then(() => true, () => false)) return;
    if (attempt === 3 || !(await lost())) {
      await poll(`the click on ${selector} to take effect (${attempt} click(s))`, () => effect());
      return;
    }
    console.log(`      the click on ${selector} was dropped (re-rendered as it was clicked); clicking again`);
  }
}

/**
 * Clicks a tree checkbox for real: first waits until it shows the state the
 * test expects (a refresh sent by the extension has reached the window) and is
 * no longer being redrawn; a click is taken as dropped when the checkbox still
 * shows that state.
 */
export async function clickCheckbox(selector: string, from: 'true' | 'false', effect: () => boolean): Promise<void> {
  const state = async () => (await ui<{ ariaChecked: string }[]>({ op: 'query', selector }))[0]?.ariaChecked;
  await poll(`${selector} to show aria-checked="${from}"`, async () => (await state()) === from);
  // VS Code redraws every row a few milliseconds after a change of progress: wait until the
  // checkbox has stayed the same element for 200 ms.
  await poll(`${selector} to stay the same element`, async () => {
    await ui({ op: 'mark', selector });
    await new Promise((r) => setTimeout(r, 200));
    return (await ui<unknown[]>({ op: 'query', selector: `${selector}[data-mss-mark]` })).length === 1;
  });
  await clickUntil(selector, effect, async () => (await state()) === from);
}

/** The computer the tests play: the runners set COMPUTERNAME (read by the extension, as on Windows) to it. */
export const THIS_COMPUTER = 'BTSMSS01';

/**
 * Waits for a notification whose text has every one of `parts`, and returns its text.
 * Looked for in the toasts first; when no toast shows it within 5 s (toasts are not
 * shown at all in some states of the web workbench), in the notification center,
 * which lists every notification.
 */
export async function notificationWith(...parts: string[]): Promise<string> {
  const what = `a notification with ${parts.map((p) => `"${p}"`).join(' and ')}`;
  const find = async (scope: string) => (await ui<Array<{ text: string }>>({ op: 'query', selector: `${scope} .notification-list-item-message` }))
    .find((n) => parts.every((p) => n.text.includes(p)))?.text;
  const toast = await poll(what, () => find('.notification-toast'), 5_000).catch(() => undefined);
  if (toast !== undefined) return toast;
  await vscode.commands.executeCommand('notifications.showList');
  try {
    return await poll(`${what} (in the notification center)`, () => find('.notifications-center'), 30_000);
  } finally {
    await vscode.commands.executeCommand('notifications.hideList');
  }
}

/**
 * Writes .vscode/tasks.json with one task, waits until VS Code lists it (by its
 * label) and passes it to `body`; the file is removed afterwards.
 */
export async function withTasksJsonTask<T>(entry: { label: string; type: string } & Record<string, unknown>, body: (task: vscode.Task) => Promise<T>): Promise<T> {
  const vscodeDir = path.join(workspaceDir(), '.vscode');
  fs.mkdirSync(vscodeDir, { recursive: true });
  fs.writeFileSync(path.join(vscodeDir, 'tasks.json'), JSON.stringify({ version: '2.0.0', tasks: [entry] }, null, 2));
  try {
    const task = await poll('the tasks.json task', async () => (await vscode.tasks.fetchTasks({ type: entry.type })).find((t) => t.name === entry.label));
    return await body(task);
  } finally {
    fs.rmSync(vscodeDir, { recursive: true, force: true });
  }
}
