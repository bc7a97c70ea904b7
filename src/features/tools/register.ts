// The tools wing (ARCHITECTURE.md, "The tools wing"): one small unit per tool command in
// commands/, each a short `execute` over the shared run (runTool.ts: plan, checks and question,
// task, record); the recorder of runs started from Run Task or tasks.json; the task provider; the
// explainer of ENTSSO errors. A new tool command is a unit in commands/, listed here.
import * as vscode from 'vscode';
import type { ProgressBook } from '../../procedures/progress';
import { registerCommands } from '../shared/command';
import type { Prompts } from '../shared/prompts';
import { BackupSecretCommand } from './commands/backupSecret';
import { RestartServiceCommand } from './commands/restartService';
import { RestoreSecretCommand } from './commands/restoreSecret';
import { RunServerAllCommand } from './commands/runServerAll';
import { RunUpdateDbCommand } from './commands/runUpdateDb';
import { ShowSsoDatabaseCommand } from './commands/showSsoDatabase';
import { ShowSsoServerCommand } from './commands/showSsoServer';
import { registerExplainError } from './explainError';
import { recordOtherRuns } from './otherRuns';
import { ToolRunner } from './runTool';
import { registerSsoTaskProvider } from './taskProvider';
import { findUpdateXmlFiles } from './updateXmlFiles';

export function registerTools(progress: ProgressBook, prompts: Prompts, log: vscode.LogOutputChannel): vscode.Disposable {
  const runner = new ToolRunner(progress, log);
  return vscode.Disposable.from(
    recordOtherRuns(runner),
    registerCommands([
      new RunUpdateDbCommand(runner, prompts),
      new RunServerAllCommand(runner),
      new BackupSecretCommand(runner, prompts),
      new RestoreSecretCommand(runner, prompts),
      new ShowSsoDatabaseCommand(runner),
      new ShowSsoServerCommand(runner),
      new RestartServiceCommand(runner, prompts),
    ]),
    registerSsoTaskProvider(findUpdateXmlFiles, log),
    registerExplainError(),
  );
}
