// mss.editMachines: the list of machines of a step done once per machine (each cluster node,
// each BizTalk Server), from the tree's row, an argument { procedure, step }, or picked.
import * as vscode from 'vscode';
import { stepLabel, type Procedure } from '../../../procedures';
import type { ProgressBook } from '../../../procedures/progress';
import { checkServerName } from '../../../ssoTools/serverName';
import type { Command } from '../../shared/command';
import { pickProcedure, procedureArg } from '../procedureChoice';
import type { ProcedureTrees, TreeNode } from '../tree';

type MachinesArg = { procedure: string; step: string } | TreeNode;

export class EditMachinesCommand implements Command {
  readonly id = 'mss.editMachines';

  constructor(private readonly progress: ProgressBook, private readonly trees: ProcedureTrees) {}

  async execute(arg?: MachinesArg): Promise<void> {
    const chosen = await this.stepOf(arg);
    if (!chosen) return;
    const { procedure, stepId } = chosen;
    const step = procedure.steps.find((s) => s.id === stepId);
    if (!step?.perMachine) throw new Error(`Step "${stepId}" of ${procedure.id} is not done once per machine.`);
    const current = (this.progress.record(procedure.id, stepId).machines ?? []).map((m) => m.name).join(', ');
    const value = await vscode.window.showInputBox({
      title: `${stepLabel(step)}: each ${step.perMachine.noun}`,
      prompt: `${step.perMachine.hint} Separate the names with commas. Each is ticked on its own; the step is done when all are.`,
      value: current,
      validateInput: (text) => {
        for (const name of text.split(',').map((s) => s.trim()).filter(Boolean)) {
          const check = checkServerName(name);
          if (!check.ok) return { message: `${name}: ${check.message}`, severity: vscode.InputBoxValidationSeverity.Error };
        }
        return undefined;
      },
    });
    if (value === undefined) return;
    await this.progress.setMachines(procedure.id, stepId, value.split(','));
  }

  /** The procedure and step the command is for; undefined when the admin cancels a pick. */
  private async stepOf(arg?: MachinesArg): Promise<{ procedure: Procedure; stepId: string } | undefined> {
    if (arg && 'kind' in arg) {
      const found = [...this.trees.values()].find((t) => t.provider.procedure.steps.includes(arg.step));
      return { procedure: found!.provider.procedure, stepId: arg.step.id };
    }
    if (arg && typeof arg === 'object') return { procedure: procedureArg(arg.procedure), stepId: arg.step };
    const picked = await pickProcedure('List the machines of a step');
    if (!picked) return undefined;
    const stepPick = await vscode.window.showQuickPick(picked.steps.filter((s) => s.perMachine).map((s) => ({ label: stepLabel(s), id: s.id })));
    if (!stepPick) return undefined;
    return { procedure: picked, stepId: stepPick.id };
  }
}
