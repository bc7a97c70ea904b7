// Mirrors progress into context keys `mss.done.<procedure>.<step>` and into the
// walkthroughs' ticks, so a tick in the tree shows in the walkthrough and the
// other way round.
//
// The walkthrough steps complete on the context keys (`onContext:`), but VS Code
// acts on such an event once per window session and never un-ticks a step. So
// every change of a step is also passed to the workbench's own commands
// welcome.markStepComplete / welcome.markStepIncomplete, and all steps are
// passed again just before the extension opens a walkthrough (the workbench
// keeps its ticks in its own storage, which can be older than the progress file).
import * as vscode from 'vscode';
import { contextKey, procedures, type ProcedureId } from '../../procedures';
import type { ProgressBook } from '../../procedures/progress';
import { EXTENSION_ID } from './commands/openWalkthrough';


/** The walkthrough service's id of a step: `<extension id>#<walkthrough id>#<step id>`. */
export function walkthroughStepId(procedure: string, step: string): string {
  return `${EXTENSION_ID}#${procedure}#${step}`;
}

export class WalkthroughTicks implements vscode.Disposable {
  /** What the walkthrough service was last told of each step. */
  private readonly told = new Map<string, boolean>();
  private queue = Promise.resolve();
  private readonly subscription: { dispose(): void };

  /** The first refresh, on the next turn of the event loop (not while the extension activates). */
  private initial: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly progress: ProgressBook) {
    // The context keys and ticks need the progress, read from its file: after activate() has
    // returned, so that activation only registers (BENCHMARKS.md). A refresh asked for before
    // then (opening a walkthrough) runs first and the queue keeps them in order.
    this.initial = setTimeout(() => {
      this.initial = undefined;
      for (const id of Object.keys(procedures)) void this.refresh(id, false);
    }, 0);
    this.subscription = progress.onDidChange((procedure) => void this.refresh(procedure, false));
  }

  /**
   * Brings the context keys and the walkthrough's ticks in line with the progress;
   * `all` passes every step, not only the changed ones. One refresh runs at a time,
   * each reading the progress when it starts: overlapping ones could apply an older
   * snapshot after a newer one.
   */
  refresh(procedure: string, all = true): Promise<void> {
    this.queue = this.queue.then(() => this.sync(procedure, all)).catch(() => undefined);
    return this.queue;
  }

  private async sync(procedure: string, all: boolean): Promise<void> {
    const snapshot = this.progress.snapshot(procedure);
    for (const [step, state] of Object.entries(snapshot)) {
      const key = contextKey(procedure as ProcedureId, step);
      await vscode.commands.executeCommand('setContext', key, state.done);
      if (!all && this.told.get(key) === state.done) continue;
      try {
        await vscode.commands.executeCommand(state.done ? 'welcome.markStepComplete' : 'welcome.markStepIncomplete', walkthroughStepId(procedure, step));
        this.told.set(key, state.done);
      } catch {
        // Not (yet) available, e.g. where walkthroughs are off: the context key is all there is; try again next time.
        this.told.delete(key);
      }
    }
  }

  dispose(): void {
    if (this.initial) clearTimeout(this.initial);
    this.subscription.dispose();
  }
}
