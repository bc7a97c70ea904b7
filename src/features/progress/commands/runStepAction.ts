// mss.runStepAction: the tree's inline "run this step" button. It runs the step's one-click
// action (a command of the step in the procedure model), asking which when there are several.
import * as vscode from 'vscode';
import { stepLabel } from '../../../procedures';
import type { Command } from '../../shared/command';
import type { TreeNode } from '../tree';

export class RunStepActionCommand implements Command {
  readonly id = 'mss.runStepAction';

  async execute(node?: TreeNode): Promise<unknown> {
    if (!node || node.kind !== 'step' && node.kind !== 'machine') return undefined;
    const actions = node.step.actions;
    if (actions.length === 0) return undefined;
    const action = actions.length === 1 ? actions[0] : await vscode.window.showQuickPick(actions.map((a) => ({ label: a.title, a })), { title: stepLabel(node.step) }).then((p) => p?.a);
    if (!action) return undefined;
    return action.args === undefined ? vscode.commands.executeCommand(action.command) : vscode.commands.executeCommand(action.command, action.args);
  }
}
