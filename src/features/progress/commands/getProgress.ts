// mss.getProgress: the progress of a procedure (README.md, "Commands"). With the procedure's id it
// asks nothing; from the palette it asks which and says how far it is.
import * as vscode from 'vscode';
import { stepLabel } from '../../../procedures';
import type { ProgressBook } from '../../../procedures/progress';
import type { Command } from '../../shared/command';
import { pickProcedure, procedureArg } from '../procedureChoice';

export class GetProgressCommand implements Command {
  readonly id = 'mss.getProgress';

  constructor(private readonly progress: ProgressBook) {}

  async execute(arg?: unknown): Promise<unknown> {
    const progress = this.progress;
    if (arg !== undefined) return progress.snapshot(procedureArg(arg).id);
    const p = await pickProcedure('Show progress');
    if (!p) return undefined;
    const { done, total } = progress.counts(p.id);
    const open = p.steps.filter((s) => !progress.record(p.id, s.id).done).map(stepLabel);
    void vscode.window.showInformationMessage(`${p.title}: ${done} of ${total} steps done.${open.length ? ` Next: ${open[0]}.` : ''}`);
    return progress.snapshot(p.id);
  }
}
