// Mirrors progress into context keys `mss.done.<procedure>.<step>` and into the
// walkthroughs' ticks, so a tick in the tree shows in the walkthrough and the
// other way round.
//
// The walkthrough steps complete on the context keys (`onContext:`), but VS Code
// acts on such an event once per window session and never un-ticks a step. So
// every change of a step is also passed to the workbench's own commands
// welcome.markStepComplete / welcome.markStepIncomplete.
import * as vscode from 'vscode';
import { contextKey, procedures, type ProcedureId } from '../procedures';
import type { ProgressBook } from '../procedures/progress';

const EXTENSION_ID = 'ssotools.master-secret-mover';

/** The walkthrough service's id of a step: `<extension id>#<walkthrough id>#<step id>`. */
export function walkthroughStepId(procedure: string, step: string): string {
  return `${EXTENSION_ID}#${procedure}#${step}`;
}

export function registerProgressContext(progress: ProgressBook): vscode.Disposable {
  const known = new Map<string, boolean>();
  const sync = async (procedure: string) => {
    const snapshot = progress.snapshot(procedure);
    for (const [step, state] of Object.entries(snapshot)) {
      const key = contextKey(procedure as ProcedureId, step);
      const before = known.get(key);
      known.set(key, state.done);
      await vscode.commands.executeCommand('setContext', key, state.done);
      if (before !== state.done) {
        // Not available in every host (for example where walkthroughs are off): then the context key is all there is.
        await vscode.commands.executeCommand(state.done ? 'welcome.markStepComplete' : 'welcome.markStepIncomplete', walkthroughStepId(procedure, step)).then(undefined, () => undefined);
      }
    }
  };
  for (const id of Object.keys(procedures)) void sync(id);
  return progress.onDidChange((procedure) => void sync(procedure));
}
