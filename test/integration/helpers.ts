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
export async function ui<T = unknown>(request: { op: 'click' | 'query' | 'press' | 'screenshot'; selector?: string; nth?: number; key?: string; path?: string }): Promise<T> {
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

/** Answers the extension's modal questions in tests; records what was asked. */
export function answerPrompts(a: MasterSecretMoverApi, answer: string | undefined): { asked: string[]; restore(): void } {
  const asked: string[] = [];
  const previous = a.setPrompts({ confirm: (message) => { asked.push(message); return Promise.resolve(answer); } });
  return { asked, restore: () => { a.setPrompts(previous); } };
}
