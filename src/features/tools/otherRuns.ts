// Tasks started from Run Task or tasks.json feed the procedure like the commands do: when one
// ends, its run is planned again from its definition and recorded on the step it belongs to
// (src/procedures/runs.ts). Runs the commands started record themselves (runTool.ts).
import * as vscode from 'vscode';
import { NOT_RUN_EXIT_CODE } from '../../ssoTools/commandLines';
import { NEW_SERVER_STEP } from '../../procedures/runs';
import { runRecord } from './runRecords';
import { serverOfFile, type ToolRunner } from './runTool';
import { isCheckedRun, planTask, refusalOf } from './tasks';

export function recordOtherRuns(runner: ToolRunner): vscode.Disposable {
  const { progress, log } = runner;
  /** When each task started (for the record of runs started from Run Task or tasks.json). */
  const started = new WeakMap<vscode.TaskExecution, Date>();
  const noteStart = vscode.tasks.onDidStartTask((e) => started.set(e.execution, new Date()));
  /** The record of a run started from Run Task or tasks.json, planned again from its definition. */
  const otherRunRecord = (e: vscode.TaskProcessEndEvent, machine?: string) => {
    try {
      const folder = e.execution.task.scope && typeof e.execution.task.scope === 'object' ? e.execution.task.scope.uri.fsPath : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      const planned = planTask(e.execution.task.definition, folder);
      const server = planned.definition.type === 'ssomanage' && planned.definition.command === 'updatedb' ? serverOfFile(planned.definition.file) : undefined;
      return runRecord(planned.plan, started.get(e.execution) ?? new Date(), e.exitCode, { secretServer: server, machine });
    } catch {
      return undefined;
    }
  };
  const recordEnd = vscode.tasks.onDidEndTaskProcess((e) => {
    // A refused task ran no tool: nothing to record.
    if (runner.commandRuns.has(e.execution) || refusalOf(e.execution.task)) return;
    if (e.exitCode === NOT_RUN_EXIT_CODE && isCheckedRun(e.execution.task)) {
      const said = `"${e.execution.task.name}" did not run: its file was refused when the task started (its terminal says why). Nothing was recorded.`;
      log.warn(said);
      void vscode.window.showErrorMessage(said);
      return;
    }
    const def = e.execution.task.definition;
    const where = runner.whereOf(def);
    if (!where && e.exitCode === 0) runner.noteClusterRun(def);
    if (!where) return;
    if (e.exitCode === undefined) {
      log.warn(`task "${e.execution.task.name}" was stopped before it reported an exit code`);
      void progress.recordStopped(where.procedure, where.step, otherRunRecord(e, where.machine));
      return;
    }
    log.info(`task "${e.execution.task.name}" ended with exit code ${e.exitCode}`);
    const run = otherRunRecord(e, where.machine);
    // One change: the run, its tick and the server its file named (the file as the tool got it, variables resolved).
    const newServer = e.exitCode === 0 && where.procedure === 'moveToServer' && where.step === NEW_SERVER_STEP.moveToServer ? run?.secretServer : undefined;
    void progress.recordToolRun(where.procedure, where.step, { exitCode: e.exitCode, machine: where.machine, run, newServer });
  });
  return vscode.Disposable.from(noteStart, recordEnd);
}
