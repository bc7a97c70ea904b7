// Wiring only: build the services, register each feature, push the disposables.
import * as path from 'path';
import * as vscode from 'vscode';
import { ProgressFile } from './features/progressFile';
import { procedures, procedureIds, type ProcedureId } from './procedures';
import { ProgressBook } from './procedures/progress';
import { ProcedureTreeProvider, type TreeNode } from './features/procedureTree';
import { registerProgressCommands, openWalkthrough } from './features/progressCommands';
import { WalkthroughTicks } from './features/progressContext';
import { windowPrompts, type Prompts } from './features/prompts';
import { registerSsoTaskProvider } from './features/ssoTasks';
import { registerTaskCommands } from './features/taskCommands';
import { registerMoreCommands } from './features/moreCommands';
import { registerImportProgress } from './features/progressTransfer';
import { findUpdateXmlFiles } from './features/workspaceFiles';
import { registerUpdateXmlFeatures } from './features/updateXmlFeatures';

/** What the extension hands to other extensions and to its integration tests. */
export interface MasterSecretMoverApi {
  progress: ProgressBook;
  /** Replaces the modal questions (tests answer them); returns the previous answerer. */
  setPrompts(prompts: Prompts): Prompts;
  trees: ReadonlyMap<ProcedureId, { provider: ProcedureTreeProvider; view: vscode.TreeView<TreeNode> }>;
}

export function activate(context: vscode.ExtensionContext): MasterSecretMoverApi {
  const log = vscode.window.createOutputChannel('Master Secret Mover', { log: true });
  context.subscriptions.push(log);
  const progress = new ProgressBook(new ProgressFile(path.join(context.globalStorageUri.fsPath, 'progress.json'), context.globalState), Object.values(procedures));
  let prompts: Prompts = windowPrompts;
  const promptsProxy: Prompts = { confirm: (...a) => prompts.confirm(...a) };

  const trees = new Map<ProcedureId, { provider: ProcedureTreeProvider; view: vscode.TreeView<TreeNode> }>();
  for (const id of procedureIds) {
    const provider = new ProcedureTreeProvider(procedures[id], progress);
    const view = vscode.window.createTreeView(procedures[id].viewId, { treeDataProvider: provider, manageCheckboxStateManually: true, showCollapseAll: true });
    const describe = () => {
      const { done, total } = progress.counts(id);
      view.description = `${done} of ${total} done`;
    };
    describe();
    context.subscriptions.push(view, provider, progress.onDidChange((p) => {
      if (p === id) { provider.refresh(); describe(); }
    }));
    trees.set(id, { provider, view });
  }

  const ticks = new WalkthroughTicks(progress);
  const beforeOpen = (id: ProcedureId) => ticks.refresh(id);
  context.subscriptions.push(
    ticks,
    ...registerProgressCommands(progress, promptsProxy, trees, beforeOpen),
    ...registerTaskCommands(progress, promptsProxy, log),
    ...registerSsoTaskProvider(findUpdateXmlFiles, log),
    ...registerUpdateXmlFeatures({ prompts: promptsProxy, log }),
    ...registerMoreCommands(progress),
    registerImportProgress(progress, promptsProxy),
  );

  // `npm start` opens the walkthrough of a fresh development window.
  const start = process.env.MSS_OPEN_WALKTHROUGH;
  if (start === 'moveToServer' || start === 'moveToCluster') void openWalkthrough(start, beforeOpen);

  return {
    progress,
    setPrompts(next) { const old = prompts; prompts = next; return old; },
    trees,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
