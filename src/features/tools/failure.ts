// What the admin sees when a tool run fails: the exit code, the first ENTSSO error the problem
// matcher found, and what to do next, with buttons to explain it, see Problems or the log.
import * as vscode from 'vscode';
import { explainError } from '../../ssoTools/errors';
import { showExplanation } from './explainError';
import { describeProblem, type ToolProblem } from './problems';

/** The button of a failure notification that opens the extension's log. */
export const SHOW_LOG = 'Show Log';

/** The failure message of a run: the exit code, the first ENTSSO error the matcher found, and what to do; it offers the log. */
export function reportFailure(commandLine: string, code: number, problems: ToolProblem[], forStep: boolean, log: vscode.LogOutputChannel): void {
  const first = problems[0];
  const explanation = first ? explainError(first.code) ?? explainError(first.message) : undefined;
  const open = forStep ? ' The step stays open.' : '';
  const text = first
    ? `${commandLine} ended with exit code ${code}: ERROR ${describeProblem(first).replace(/[.\s]+$/, '')}${problems.length > 1 ? ` (and ${problems.length - 1} more in Problems)` : ''}.${open}`
    : `${commandLine} ended with exit code ${code}.${open} Read the terminal output, and paste any ERROR code into "Master Secret: Explain an ENTSSO Error Code or Event".`;
  const actions = [...(explanation ? [`Explain ${first.code}`] : []), ...(first ? ['Show Problems'] : []), SHOW_LOG];
  void vscode.window.showWarningMessage(text, ...actions).then(async (choice) => {
    if (choice === SHOW_LOG) log.show(true);
    else if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
    else if (choice && explanation) await showExplanation(explanation);
  });
}
