// Mirrors progress into context keys `mss.done.<procedure>.<step>`: the
// walkthrough steps complete on them (`onContext:`), so a tick in the tree shows
// in the walkthrough and the other way round.
import * as vscode from 'vscode';
import { contextKey, procedures, type ProcedureId } from '../procedures';
import type { ProgressBook } from '../procedures/progress';

export function registerProgressContext(progress: ProgressBook): vscode.Disposable {
  const sync = async (procedure: string) => {
    const snapshot = progress.snapshot(procedure);
    for (const [step, state] of Object.entries(snapshot)) {
      await vscode.commands.executeCommand('setContext', contextKey(procedure as ProcedureId, step), state.done);
    }
  };
  for (const id of Object.keys(procedures)) void sync(id);
  return progress.onDidChange((procedure) => void sync(procedure));
}
