// Ticks and undo from the UI: a step marked done out of order is confirmed first and recorded;
// a change of progress says what it did, with an Undo button.
import * as vscode from 'vscode';
import { stepLabel, stepNames, type Procedure } from '../../procedures';
import type { ProcedureProgress, ProgressBook } from '../../procedures/progress';
import type { Prompts } from '../shared/prompts';

/**
 * Marks a step done from the UI: when the steps it depends on are not done, the
 * admin confirms first, and the out-of-order tick is recorded.
 * Resolves true when the step was changed.
 */
export async function tickStep(progress: ProgressBook, prompts: Prompts, procedure: Procedure, stepId: string, done: boolean): Promise<boolean> {
  if (done) {
    const missing = progress.missingPrerequisites(procedure.id, stepId);
    if (missing.length > 0) {
      const step = procedure.steps.find((s) => s.id === stepId)!;
      const names = stepNames(procedure.id, missing);
      const answer = await prompts.confirm(
        `"${stepLabel(step)}" comes after steps that are not done yet.`,
        `Not done: ${names.join('; ')}.\n\nIn this procedure the order matters: for example the backup must exist before ssomanage -updatedb, and the restore only works after -updatedb and the service restart. Mark it done anyway? This is recorded in the progress and in the exported record.`,
        'Mark Done Anyway');
      if (answer !== 'Mark Done Anyway') return false;
    }
  }
  await progress.setDone(procedure.id, stepId, done);
  return true;
}

/**
 * Says what was done to progress, with an Undo button that puts back exactly what
 * was stored before (`before`: progress.read() of each procedure changed).
 */
export function offerUndo(progress: ProgressBook, label: string, before: Record<string, ProcedureProgress>): void {
  void vscode.window.showInformationMessage(label, 'Undo').then(async (choice) => {
    if (choice !== 'Undo') return;
    for (const [id, stored] of Object.entries(before)) await progress.restore(id, stored);
  });
}
