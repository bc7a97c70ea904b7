// mss.setStepDone: marks a step or a sub-step (`<stepId>.<n>`) done or not done. With its argument
// it asks nothing; from the palette the admin picks the step, and an out-of-order tick is confirmed.
import * as vscode from 'vscode';
import { stepLabel, type Procedure } from '../../../procedures';
import type { ProgressBook } from '../../../procedures/progress';
import type { Command } from '../../shared/command';
import type { Prompts } from '../../shared/prompts';
import { pickProcedure, procedureArg } from '../procedureChoice';
import { tickStep } from '../tickStep';

interface StepDone { procedure: string; step: string; done: boolean }

export class SetStepDoneCommand implements Command {
  readonly id = 'mss.setStepDone';

  constructor(private readonly progress: ProgressBook, private readonly prompts: Prompts) {}

  async execute(arg?: StepDone): Promise<undefined> {
    if (arg !== undefined) return this.set(arg);
    const p = await pickProcedure('Mark a step done or not done');
    if (!p) return undefined;
    await this.pickAndTick(p);
    return undefined;
  }

  private async set(arg: StepDone): Promise<undefined> {
    if (typeof arg !== 'object' || arg === null || typeof arg.step !== 'string' || typeof arg.done !== 'boolean') {
      throw new Error('mss.setStepDone takes { procedure: "moveToServer" | "moveToCluster", step: string, done: boolean }.');
    }
    const p = procedureArg(arg.procedure);
    // A sub-step is named as in the tree: `<stepId>.<n>`, e.g. updateDb.2.
    const sub = /^(.+)\.(\d+)$/.exec(arg.step);
    const parent = sub ? p.steps.find((s) => s.id === sub[1]) : undefined;
    if (sub && parent && parent.subSteps.length > 0) {
      await this.progress.setSubStepDone(p.id, parent.id, Number(sub[2]), arg.done);
      return undefined;
    }
    if (!p.steps.some((s) => s.id === arg.step)) {
      throw new Error(`Unknown step "${arg.step}" in ${p.id}. Steps: ${p.steps.map((s) => s.id).join(', ')}; sub-steps as <step>.<n>, e.g. ${p.steps.find((s) => s.subSteps.length > 0)?.id ?? 'step'}.1.`);
    }
    await this.progress.setDone(p.id, arg.step, arg.done);
    return undefined;
  }

  private async pickAndTick(p: Procedure): Promise<void> {
    const picked = await vscode.window.showQuickPick(p.steps.map((s) => {
      const done = this.progress.record(p.id, s.id).done;
      return { label: `${done ? '$(pass-filled)' : '$(circle-large-outline)'} ${stepLabel(s)}`, description: done ? 'done: pick to mark not done' : 'pick to mark done', id: s.id, done };
    }), { title: p.title });
    if (picked) await tickStep(this.progress, this.prompts, p, picked.id, !picked.done);
  }
}
