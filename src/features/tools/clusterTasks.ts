// The `cluster` task type: the cluster steps of the move to a cluster (startRole, cycleResource,
// moveRole) as tasks, from tasks.json, Run Task and mss.runClusterStep. Each runs Windows PowerShell
// (the setting mss.powershellPath) as a ProcessExecution with an argument vector: `-NoProfile
// -NonInteractive -EncodedCommand <script>`, the script built from fixed text with the names as
// quoted literals (src/ssoTools/powershell.ts), never a shell. A definition that cannot run here
// (a name refused, PowerShell missing) becomes a task that says why (tasks.ts, refusalTask).
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ProgressBook, RunRecord } from '../../procedures/progress';
import { clusterScript, clusterStepOf, clusterTaskName, parseClusterDefinition, type ClusterStepDefinition } from '../../ssoTools/clusterSteps';
import { powershellArgs, powershellLabel } from '../../ssoTools/powershell';
import { locateProgram } from '../../verification/runner';
import { computerName, windowsUser } from '../shared/computerName';
import { readVerifySettings } from '../shared/readOnlyTools';
import { which } from '../shared/toolSettings';
import { defaultScope, refusalOf, refusalTask, TASK_SOURCE } from './tasks';

export const CLUSTER_TASK_TYPE = 'cluster';

export interface BuiltClusterTask { task: vscode.Task; definition: ClusterStepDefinition; commandLine: string }

/** The task of a `cluster` definition. Throws with what to fix (a name refused, PowerShell missing) before anything runs. */
export function buildClusterTask(raw: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope): BuiltClusterTask {
  const parsed = parseClusterDefinition(raw);
  if (!parsed.ok) throw new Error(parsed.message);
  const exe = readVerifySettings().powershellPath.trim() || 'powershell.exe';
  const found = locateProgram({ setting: 'mss.powershellPath', executable: exe, args: [], label: exe }, { platform: process.platform, exists: fs.existsSync, which });
  if ('reason' in found) throw new Error(found.reason);
  if (found.path.includes('${')) throw new Error(`${found.path} contains "\${", which VS Code would replace as a variable before PowerShell runs. Set mss.powershellPath to a path without it.`);
  const script = clusterScript(parsed.value);
  const task = new vscode.Task(raw, scope, clusterTaskName(parsed.value), TASK_SOURCE, new vscode.ProcessExecution(found.path, powershellArgs(script)), []);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, focus: false, echo: false, panel: vscode.TaskPanelKind.Shared, clear: false, showReuseMessage: false };
  return { task, definition: parsed.value, commandLine: powershellLabel(found.path, script) };
}

/** The task of a definition, or one that says in its terminal why it cannot run here. */
function taskOrRefusal(raw: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope, log: vscode.LogOutputChannel, name?: string): vscode.Task {
  try {
    return buildClusterTask(raw, scope).task;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.info(`cluster task ${JSON.stringify(raw)} cannot run here: ${message}`);
    // What Run Task offers gets `refused: true` (tasks are told apart by their definition: taskProvider.ts).
    return refusalTask(name === undefined ? { ...raw, refused: true } : raw, scope, name ?? `cluster ${String(raw.command)}`, message);
  }
}

/** The record of one cluster run: the command line with the script's id, its exit code, times, computer, user; the node for a move. */
export function clusterRunRecord(commandLine: string, def: ClusterStepDefinition, startedAt: Date, exitCode: number | undefined): RunRecord {
  return {
    commandLine,
    ...(exitCode === undefined ? {} : { exitCode }),
    startedAt: startedAt.toISOString(),
    endedAt: new Date().toISOString(),
    computer: computerName(),
    user: windowsUser(),
    ...(def.command === 'moveRole' ? { machine: def.node } : {}),
  };
}

/**
 * Feeds the move's progress with a cluster run: exit code 0 ticks step 4 (startRole) or step 6
 * (cycleResource) and keeps the names; another code is recorded and the step stays open. A move of
 * the role is kept with step 7's runs and ticks nothing (the restore on that node does).
 */
export async function recordClusterRun(progress: ProgressBook, def: ClusterStepDefinition, run: RunRecord, exitCode: number | undefined): Promise<void> {
  const place = clusterStepOf(def.command);
  if (exitCode === undefined) {
    await progress.recordStopped(place.procedure, place.step, run);
    return;
  }
  if (place.ticks) await progress.recordRun(place.procedure, place.step, exitCode, undefined, [], run);
  else await progress.addRun(place.procedure, place.step, run);
  if (exitCode === 0) await progress.setClusterNames('moveToCluster', 'bringOnline', { role: def.role, ...(def.command === 'cycleResource' ? { resource: def.resource } : {}) });
}

class ClusterTaskProvider implements vscode.TaskProvider {
  constructor(private readonly progress: ProgressBook, private readonly log: vscode.LogOutputChannel) {}

  provideTasks(): vscode.Task[] {
    // Run Task offers the steps with the names this move used (none before a first run from the command or tasks.json).
    const kept = this.progress.record('moveToCluster', 'bringOnline').cluster;
    if (!kept?.role) return [];
    const defs: vscode.TaskDefinition[] = [{ type: CLUSTER_TASK_TYPE, command: 'startRole', role: kept.role }];
    if (kept.resource) defs.push({ type: CLUSTER_TASK_TYPE, command: 'cycleResource', role: kept.role, resource: kept.resource });
    return defs.map((d) => taskOrRefusal(d, defaultScope(), this.log));
  }

  resolveTask(task: vscode.Task): vscode.Task {
    return taskOrRefusal(task.definition, task.scope ?? defaultScope(), this.log, task.name);
  }
}

/**
 * The provider, and the record of cluster tasks started from Run Task or tasks.json (`startedHere`:
 * the runs mss.runClusterStep started, which record themselves).
 */
export function registerClusterTasks(progress: ProgressBook, log: vscode.LogOutputChannel, startedHere: WeakSet<vscode.TaskExecution>): vscode.Disposable[] {
  const started = new WeakMap<vscode.TaskExecution, Date>();
  const onStart = vscode.tasks.onDidStartTask((e) => started.set(e.execution, new Date()));
  const onEnd = vscode.tasks.onDidEndTaskProcess((e) => {
    const def = e.execution.task.definition;
    if (def.type !== CLUSTER_TASK_TYPE || startedHere.has(e.execution) || refusalOf(e.execution.task)) return;
    let built: BuiltClusterTask;
    try {
      built = buildClusterTask(def, e.execution.task.scope ?? defaultScope());
    } catch {
      return;
    }
    log.info(`task "${e.execution.task.name}" ended with exit code ${e.exitCode ?? '(none: stopped)'}`);
    void recordClusterRun(progress, built.definition, clusterRunRecord(built.commandLine, built.definition, started.get(e.execution) ?? new Date(), e.exitCode), e.exitCode);
  });
  return [onStart, onEnd, vscode.tasks.registerTaskProvider(CLUSTER_TASK_TYPE, new ClusterTaskProvider(progress, log))];
}
