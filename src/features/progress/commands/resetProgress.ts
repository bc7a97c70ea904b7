// mss.resetProgress (one procedure, or both), and the two commands that reset one procedure from
// the views' menus. Each says what it did, with Undo.
import { getProcedure, procedureIds, type ProcedureId } from '../../../procedures';
import type { ProgressBook } from '../../../procedures/progress';
import type { Command } from '../../shared/command';
import { procedureArg } from '../procedureChoice';
import { offerUndo } from '../tickStep';

async function reset(progress: ProgressBook, procedure?: ProcedureId): Promise<void> {
  const ids = procedure ? [procedure] : [...procedureIds];
  const before = Object.fromEntries(ids.map((id) => [id, progress.read(id)]));
  await progress.reset(procedure);
  offerUndo(progress, procedure ? `Progress of "${getProcedure(procedure)!.title}" was reset.` : 'Progress of both procedures was reset.', before);
}

export class ResetProgressCommand implements Command {
  readonly id = 'mss.resetProgress';

  constructor(private readonly progress: ProgressBook) {}

  execute(arg?: unknown): Promise<void> {
    return reset(this.progress, arg === undefined ? undefined : procedureArg(arg).id);
  }
}

/** mss.resetMoveToServer, mss.resetMoveToCluster. */
export class ResetProcedureCommand implements Command {
  constructor(readonly id: string, private readonly progress: ProgressBook, private readonly procedure: ProcedureId) {}

  execute(): Promise<void> {
    return reset(this.progress, this.procedure);
  }
}
