// Wiring only: build the services, register each feature, push the disposables.
// Where each piece lives and what it may import: ARCHITECTURE.md.
import * as path from 'path';
import * as vscode from 'vscode';
import { procedures } from './procedures';
import { ProgressBook, type KeyValueStore } from './procedures/progress';
import { checkStoredProgress, readStoredProgress } from './procedures/transfer';
import { ProgressFile } from './features/progress/progressFile';
import { createProcedureTrees, type ProcedureTrees } from './features/progress/tree';
import { registerProgressCommands } from './features/progress/register';
import { openWalkthrough } from './features/progress/commands/openWalkthrough';
import { WalkthroughTicks } from './features/progress/walkthroughTicks';
import { windowPrompts, type Prompts } from './features/shared/prompts';
import { registerTools } from './features/tools/register';
import { registerClusterCommands } from './features/tools/clusterCommands';
import { registerCheckBeforeMove } from './features/verification/checkBeforeMove';
import { registerVerifyMove } from './features/verification/verifyMove';
import type { VerificationView } from './features/verification/view';
import { registerUpdateXmlFeatures } from './features/updateXml/register';
import { UpdateXmlDiagnostics } from './features/updateXml/diagnostics';

/** What the extension hands to other extensions and to its integration tests. */
export interface MasterSecretMoverApi {
  progress: ProgressBook;
  /** Replaces the modal questions (tests answer them); returns the previous answerer. */
  setPrompts(prompts: Prompts): Prompts;
  trees: ProcedureTrees;
  /** The Verification view (the integration tests read its rows). */
  verification: VerificationView;
  /** How many times an update XML file was validated in this window (the tests count them). */
  validations(uri: vscode.Uri): number;
}

/**
 * The progress file, read the first time a feature reads or writes progress, not while the
 * extension activates (activation registers, nothing more: BENCHMARKS.md). Once open, it is
 * watched for the writes of other windows.
 */
function progressStore(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, shapes: ReadonlyArray<(typeof procedures)[keyof typeof procedures]>): { store: KeyValueStore; dispose(): void } {
  let file: ProgressFile | undefined;
  let watching: { dispose(): void } | undefined;
  const listeners = new Set<(keys: readonly string[]) => void>();
  const open = () => {
    if (!file) {
      file = new ProgressFile(path.join(context.globalStorageUri.fsPath, 'progress.json'), context.globalState, {
        check: (key, value) => checkStoredProgress(shapes, key, value),
        read: (key, value) => readStoredProgress(shapes, key, value),
        onProblem: (message) => { log.error(message); void vscode.window.showWarningMessage(message); },
      });
      file.onDidChangeKeys((keys) => { for (const l of listeners) l(keys); });
      watching = file.watch();
    }
    return file;
  };
  return {
    store: {
      get: <T>(key: string) => open().get<T>(key),
      update: (key: string, value: unknown) => open().update(key, value),
      change: (key: string, fn: (current: unknown) => unknown) => open().change(key, fn),
      onDidChangeKeys: (listener) => {
        listeners.add(listener);
        return { dispose: () => { listeners.delete(listener); } };
      },
    },
    dispose: () => watching?.dispose(),
  };
}

export function activate(context: vscode.ExtensionContext): MasterSecretMoverApi {
  const log = vscode.window.createOutputChannel('Master Secret Mover', { log: true });
  context.subscriptions.push(log);
  const shapes = Object.values(procedures);
  const store = progressStore(context, log, shapes);
  context.subscriptions.push(store);
  const progress = new ProgressBook(store.store, shapes);
  let prompts: Prompts = windowPrompts;
  const promptsProxy: Prompts = { confirm: (...a) => prompts.confirm(...a) };

  const { trees, disposables: treeDisposables } = createProcedureTrees(progress);
  const verification = registerVerifyMove(progress, log);
  const checkBeforeMove = registerCheckBeforeMove(progress, verification.view, log);
  const ticks = new WalkthroughTicks(progress);
  const updateXml = new UpdateXmlDiagnostics(log);
  const beforeOpen = (id: keyof typeof procedures) => ticks.refresh(id);
  context.subscriptions.push(
    ...treeDisposables,
    ticks,
    registerProgressCommands(progress, promptsProxy, trees, beforeOpen),
    registerTools(progress, promptsProxy, log),
    ...registerClusterCommands(progress, promptsProxy, log),
    registerUpdateXmlFeatures({ prompts: promptsProxy, log }, updateXml),
    ...verification.disposables,
    checkBeforeMove,
  );

  // `npm start` opens the walkthrough of a fresh development window.
  const start = process.env.MSS_OPEN_WALKTHROUGH;
  if (start === 'moveToServer' || start === 'moveToCluster') void openWalkthrough(start, beforeOpen);

  return {
    progress,
    setPrompts(next) { const old = prompts; prompts = next; return old; },
    trees,
    verification: verification.view,
    validations: (uri) => updateXml.validations(uri),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
