// The progress commands (README.md, "Commands"), one small unit each in commands/, and the tree's
// checkboxes. Programmatic calls with their argument ask nothing; palette calls ask for what is
// missing. A new progress command is a unit in commands/, listed here.
import * as vscode from 'vscode';
import type { ProgressBook } from '../../procedures/progress';
import { registerCommands } from '../shared/command';
import type { Prompts } from '../shared/prompts';
import { registerCheckboxes } from './checkboxes';
import { EditMachinesCommand } from './commands/editMachines';
import { ExportReportCommand } from './commands/exportReport';
import { GetProgressCommand } from './commands/getProgress';
import { ImportProgressCommand } from './commands/importProgress';
import { OpenProcedureWalkthroughCommand, OpenWalkthroughCommand, type BeforeOpen } from './commands/openWalkthrough';
import { ResetProcedureCommand, ResetProgressCommand } from './commands/resetProgress';
import { RunStepActionCommand } from './commands/runStepAction';
import { SetStepDoneCommand } from './commands/setStepDone';
import type { ProcedureTrees } from './tree';

export function registerProgressCommands(progress: ProgressBook, prompts: Prompts, trees: ProcedureTrees, beforeOpen?: BeforeOpen): vscode.Disposable {
  return vscode.Disposable.from(
    registerCommands([
      new OpenWalkthroughCommand(beforeOpen),
      new OpenProcedureWalkthroughCommand('mss.openMoveToServerWalkthrough', 'moveToServer', beforeOpen),
      new OpenProcedureWalkthroughCommand('mss.openMoveToClusterWalkthrough', 'moveToCluster', beforeOpen),
      new GetProgressCommand(progress),
      new SetStepDoneCommand(progress, prompts),
      new ResetProgressCommand(progress),
      new ResetProcedureCommand('mss.resetMoveToServer', progress, 'moveToServer'),
      new ResetProcedureCommand('mss.resetMoveToCluster', progress, 'moveToCluster'),
      new EditMachinesCommand(progress, trees),
      new ExportReportCommand(progress),
      new RunStepActionCommand(),
      new ImportProgressCommand(progress, prompts),
    ]),
    registerCheckboxes(progress, prompts, trees),
  );
}
