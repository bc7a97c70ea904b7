// Wiring only: build the services, register each feature, push the disposables.
// Where each piece lives and what it may import: ARCHITECTURE.md.
import * as path from 'path';
import * as vscode from 'vscode';
import { procedures } from './procedures';
import { ProgressBook } from './procedures/progress';
import { checkStoredProgress } from './procedures/transfer';
import { ProgressFile } from './features/progress/progressFile';
import { createProcedureTrees, type ProcedureTrees } from './features/progress/tree';
import { registerProgressCommands, openWalkthrough } from './features/progress/commands';
import { WalkthroughTicks } from './features/progress/walkthroughTicks';
import { registerImportProgress } from './features/progress/importProgress';
import { registerExportReport } from './features/progress/exportReport';
import { registerRunStepAction } from './features/progress/runStepAction';
import { windowPrompts, type Prompts } from './features/shared/prompts';
import { registerSsoTaskProvider } from './features/tools/taskProvider';
import { registerTaskCommands } from './features/tools/commands';
import { registerExplainError } from './features/tools/explainError';
import { registerVerifyMove } from './features/verification/verifyMove';
import type { VerificationView } from './features/verification/view';
import { findUpdateXmlFiles } from './features/tools/updateXmlFiles';
import { registerUpdateXmlFeatures } from './features/updateXml/register';

/** What the extension hands to other extensions and to its integration tests. */
export interface MasterSecretMoverApi {
  progress: ProgressBook;
  /** Replaces the modal questions (tests answer them); returns the previous answerer. */
  setPrompts(prompts: Prompts): Prompts;
  trees: ProcedureTrees;
  /** The Verification view (the integration tests read its rows). */
  verification: VerificationView;
}

export function activate(context: vscode.ExtensionContext): MasterSecretMoverApi {
  const log = vscode.window.createOutputChannel('Master Secret Mover', { log: true });
  context.subscriptions.push(log);
  const shapes = Object.values(procedures);
  const store = new ProgressFile(path.join(context.globalStorageUri.fsPath, 'progress.json'), context.globalState, {
    check: (key, value) => checkStoredProgress(shapes, key, value),
    onProblem: (message) => { log.error(message); void vscode.window.showWarningMessage(message); },
  });
  context.subscriptions.push(store.watch());
  const progress = new ProgressBook(store, shapes);
  let prompts: Prompts = windowPrompts;
  const promptsProxy: Prompts = { confirm: (...a) => prompts.confirm(...a) };

  const { trees, disposables: treeDisposables } = createProcedureTrees(progress);
  const verification = registerVerifyMove(progress, log);
  const ticks = new WalkthroughTicks(progress);
  const beforeOpen = (id: keyof typeof procedures) => ticks.refresh(id);
  context.subscriptions.push(
    ...treeDisposables,
    ticks,
    ...registerProgressCommands(progress, promptsProxy, trees, beforeOpen),
    ...registerTaskCommands(progress, promptsProxy, log),
    ...registerSsoTaskProvider(findUpdateXmlFiles, log),
    ...registerUpdateXmlFeatures({ prompts: promptsProxy, log }),
    registerExplainError(),
    registerExportReport(progress),
    registerRunStepAction(),
    registerImportProgress(progress, promptsProxy),
    ...verification.disposables,
  );

  // `npm start` opens the walkthrough of a fresh development window.
  const start = process.env.MSS_OPEN_WALKTHROUGH;
  if (start === 'moveToServer' || start === 'moveToCluster') void openWalkthrough(start, beforeOpen);

  return {
    progress,
    setPrompts(next) { const old = prompts; prompts = next; return old; },
    trees,
    verification: verification.view,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
