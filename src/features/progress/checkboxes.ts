// The tree's checkboxes: a step, a machine of a step done once per machine, or a sub-step.
import * as vscode from 'vscode';
import { getProcedure, type Procedure } from '../../procedures';
import type { ProgressBook } from '../../procedures/progress';
import type { Prompts } from '../shared/prompts';
import { tickStep } from './tickStep';
import type { ProcedureTrees, TreeNode } from './tree';

export function registerCheckboxes(progress: ProgressBook, prompts: Prompts, trees: ProcedureTrees): vscode.Disposable {
  const handleCheckboxes = (procedure: Procedure) => async (e: vscode.TreeCheckboxChangeEvent<TreeNode>) => {
    let declined = false;
    for (const [node, state] of e.items) {
      const checked = state === vscode.TreeItemCheckboxState.Checked;
      if (node.kind === 'step') declined = !(await tickStep(progress, prompts, procedure, node.step.id, checked)) || declined;
      else if (node.kind === 'machine') await progress.setMachineDone(procedure.id, node.step.id, node.name, checked);
      else if (node.kind === 'subStep') await progress.setSubStepDone(procedure.id, node.step.id, node.index + 1, checked);
    }
    // A change of progress redraws the tree; a declined tick changes nothing, so the
    // checkbox the admin clicked is put back here.
    if (declined) trees.get(procedure.id)?.provider.refresh();
  };
  return vscode.Disposable.from(...[...trees].map(([id, { view }]) => view.onDidChangeCheckboxState(handleCheckboxes(getProcedure(id)!))));
}
