// One tool run, in the same steps for every tool command (ARCHITECTURE.md, "The tools wing"):
// plan (the task definition checked, the programs found, from the settings), the command's
// checks and question (they see the planned command line: a check refuses by throwing, a
// question resolves false when the admin cancels, and nothing runs), the task (the tool in the
// integrated terminal, its exit code awaited, its ERROR lines collected), and the record (exit 0:
// the step is done with time and code; otherwise the code is recorded and the step stays open;
// src/procedures/runs.ts says which step a run marks).
import * as fs from 'fs';
import * as vscode from 'vscode';
import { moveUnderWay } from '../../procedures/computers';
import type { ProgressBook, RunRecord } from '../../procedures/progress';
import { clusterRunNote, NEW_SERVER_STEP, stepOfRun, type RunPlace } from '../../procedures/runs';
import { fileOfStep, NOT_RUN_EXIT_CODE } from '../../ssoTools/commandLines';
import { decodeUpdateXmlBytes, readSecretServer } from '../../updateXml';
import { eventsToExpectAfter } from '../../verification/beforeSteps';
import { computerName } from '../shared/computerName';
import { requireTrust } from '../shared/toolSettings';
import { reportFailure } from './failure';
import { describeProblem, watchToolProblems, type ToolProblem } from './problems';
import { runRecord } from './runRecords';
import { executeAndWait, TaskStoppedError } from './taskRunner';
import { buildTask, defaultScope, isCheckedRun, type PlannedTask } from './tasks';

export type RunScope = vscode.WorkspaceFolder | vscode.TaskScope;

/** What a command asks of a run: the tool, where it runs, and the command's own checks and question. */
export interface ToolRequest {
  definition: vscode.TaskDefinition;
  /** The workspace folder of the command's file, else the first folder (workspaceScope). */
  scope?: RunScope;
  /** Sees the planned command first: throws to refuse, resolves false when the admin cancels (nothing runs). */
  beforeRun?(planned: PlannedTask): Promise<boolean>;
}

/** The server an update XML file names in <secretServer>, or undefined when the file cannot be read or names none. */
export function serverOfFile(file: string): string | undefined {
  try {
    return readSecretServer(decodeUpdateXmlBytes(fs.readFileSync(file)).text);
  } catch {
    return undefined;
  }
}

/** The workspace folder of `file`, else the first folder, else the user scope. */
export function workspaceScope(file?: string): RunScope {
  const folder = file ? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file)) : vscode.workspace.workspaceFolders?.[0];
  return folder ?? defaultScope();
}

/** The steps every tool command shares, and what the recorder of Run Task runs needs from them. */
export class ToolRunner {
  /** Runs started by the commands, which record their own result. */
  readonly commandRuns = new WeakSet<vscode.TaskExecution>();

  constructor(readonly progress: ProgressBook, readonly log: vscode.LogOutputChannel) {}

  /** The procedure under way, from the progress of both. */
  underWay(): ReturnType<typeof moveUnderWay> {
    return moveUnderWay(this.progress.read('moveToServer'), this.progress.read('moveToCluster'));
  }

  /** The step a run belongs to (commands and Run Task alike), or undefined when it marks none (procedures/runs.ts). */
  whereOf(definition: vscode.TaskDefinition): RunPlace | undefined {
    return stepOfRun(definition, this.underWay(), computerName());
  }

  /** After -updatedb succeeded: the server its file names, which the restart and the restore check this computer against. */
  async rememberNewServer(file: string, server = serverOfFile(file)): Promise<void> {
    if (server) await this.progress.setNewServer('moveToServer', NEW_SERVER_STEP.moveToServer, server);
  }

  /** A run that succeeded and marked no step because it is part of the cluster's -updatedb section of step 1: say so. */
  noteClusterRun(definition: vscode.TaskDefinition): void {
    const note = clusterRunNote(definition, this.underWay());
    if (note) void vscode.window.showInformationMessage(note);
  }

  /** Plan, checks and question, task, record. Resolves the exit code, or undefined when the question was declined. */
  async run(request: ToolRequest): Promise<number | undefined> {
    requireTrust();
    // undefined for the read-only checks (-displaydb, -showserver): they record nothing.
    const where = this.whereOf(request.definition);
    const built = this.plan(request.definition, request.scope ?? workspaceScope());
    if (request.beforeRun && !(await request.beforeRun(built.planned))) return undefined;
    const record = this.recordOf(built.planned, where);
    const { code, problems } = await this.execute(built, where, record);
    await this.record(request.definition, built.planned, where, code, problems, record);
    return code;
  }

  /** The task, or a notification with the settings when the definition or the settings are wrong (then it throws). */
  private plan(definition: vscode.TaskDefinition, scope: RunScope): { task: vscode.Task; planned: PlannedTask } {
    try {
      // The backup command asks before it overwrites a file; its run may then overwrite that file.
      return buildTask(definition, scope, { mayOverwrite: true });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      void vscode.window.showErrorMessage(message, 'Open Settings').then((c) => {
        if (c) void vscode.commands.executeCommand('workbench.action.openSettings', 'mss.');
      });
      throw e;
    }
  }

  /** The record of this run once it ends (from the moment it starts), with the server an -updatedb file names. */
  private recordOf(planned: PlannedTask, where: RunPlace | undefined): (code: number | undefined) => RunRecord {
    this.log.info(`running ${planned.plan.steps.map((s) => s.label).join(' then ')}${planned.plan.cwd ? ` in ${planned.plan.cwd}` : ''}`);
    const startedAt = new Date();
    const def = planned.definition;
    const secretServer = def.type === 'ssomanage' && def.command === 'updatedb' ? serverOfFile(fileOfStep(planned.plan.steps[0]) ?? def.file) : undefined;
    return (code) => runRecord(planned.plan, startedAt, code, { secretServer, machine: where?.machine });
  }

  /** Runs the task and waits for its exit code; a stopped run is recorded as stopped, then rethrown. */
  private async execute(built: { task: vscode.Task; planned: PlannedTask }, where: RunPlace | undefined, record: (code: number | undefined) => RunRecord): Promise<{ code: number; problems: ToolProblem[] }> {
    const watcher = watchToolProblems();
    let code: number;
    try {
      const label = built.planned.plan.steps.map((s) => s.label).join(', then ');
      code = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Running ${label}` }, () =>
        executeAndWait(built.task, (execution) => this.commandRuns.add(execution)));
    } catch (e) {
      void watcher.finish(false);
      if (e instanceof TaskStoppedError) {
        this.log.warn(e.message);
        if (where) await this.progress.recordStopped(where.procedure, where.step, record(undefined));
      }
      throw e;
    }
    if (code === NOT_RUN_EXIT_CODE && isCheckedRun(built.task)) {
      void watcher.finish(false);
      throw new Error(`${built.planned.plan.steps[0].label} did not run: its file was refused when the task started (the terminal says why). Nothing was recorded.`);
    }
    const problems = built.planned.definition.type === 'entsso' ? await watcher.finish(false) : await watcher.finish(code !== 0);
    this.log.info(`exit code ${code}${problems.length ? `; ERROR lines: ${problems.map(describeProblem).join(' | ')}` : ''}`);
    return { code, problems };
  }

  /** The run in the progress (its step ticked on exit 0), the events to expect, or the failure with what to do. */
  private async record(definition: vscode.TaskDefinition, planned: PlannedTask, where: RunPlace | undefined, code: number, problems: ToolProblem[], record: (code: number | undefined) => RunRecord): Promise<void> {
    // One change: the run, its tick (or its code and ERROR lines) and, after -updatedb, the server its file named.
    if (where) {
      const run = record(code);
      const newServer = code === 0 && where.procedure === 'moveToServer' && where.step === NEW_SERVER_STEP.moveToServer ? run.secretServer : undefined;
      await this.progress.recordToolRun(where.procedure, where.step, { exitCode: code, machine: where.machine, errors: code === 0 ? [] : problems.map(describeProblem), run, newServer });
    }
    else if (code === 0) this.noteClusterRun(definition);
    const expect = code === 0 && where ? eventsToExpectAfter(where.step) : undefined;
    if (expect) {
      void vscode.window.showInformationMessage(`${expect} Verify reads them from the Application log.`, 'Verify').then((c) => {
        if (c) void vscode.commands.executeCommand('mss.verifyMove', { procedure: where!.procedure, show: true });
      });
    }
    if (code !== 0) reportFailure(planned.plan.steps.map((s) => s.label).join(', '), code, problems, where !== undefined, this.log);
  }
}
