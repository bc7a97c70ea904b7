// The task provider of the three task types (ssomanage, ssoconfig, entsso): Run Task offers
// -updatedb for each update XML file of the workspace, the read-only checks and the restart,
// and tasks.json tasks are resolved here. A task that cannot run here (no tools, a bad
// definition, an update file with errors) is replaced by one that says why in its terminal
// (tasks.ts, refusalTask).
// A task with a file has its file checked when VS Code resolves it, and again each time it starts
// (mss-xml run-checked, see tasks.ts), Rerun Last Task too. No CustomExecution wraps it: VS Code
// keeps the callbacks of CustomExecution tasks by a task id made of the definition's declared
// properties only (not the folder), so tasks with equal definitions share one callback; and Rerun
// Last Task reruns the last task VS Code started, which is the inner task a wrapper starts.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { backupOverwriteRefusal } from '../../ssoTools/backupFiles';
import { fileOfStep, parseTaskDefinition } from '../../ssoTools/commandLines';
import { updateDbRefusalForBytes } from '../../updateXml';
import type { UpdateXmlFile } from './updateXmlFiles';
import { buildTask, checkSecretFile, defaultScope, refusalOf, refusalTask, taskName } from './tasks';

const TASK_TYPES = ['ssomanage', 'ssoconfig', 'entsso'] as const;

/**
 * The refusal of mss.runUpdateDb, for -updatedb tasks from Run Task and tasks.json (the
 * command checks the file itself, with the editor's unsaved changes in mind).
 */
function refuseFileWithErrors(file: string, bytes?: Uint8Array): void {
  if (!bytes) {
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new Error(`Cannot read ${file}. Check the path of the update XML file.`);
    }
  }
  const refusal = updateDbRefusalForBytes(path.basename(file), bytes);
  if (refusal) throw new Error(refusal);
}

/**
 * The definitions whose file is checked when VS Code resolves the task: -updatedb, the backup and
 * the restore (and, by mss-xml run-checked, each time the task starts).
 */
function takesFile(def: vscode.TaskDefinition): boolean {
  return (def.type === 'ssomanage' && String(def.command).toLowerCase() === 'updatedb') || def.type === 'ssoconfig';
}

/**
 * The checks of a task with a file, on the file as it is now: the update file's errors (like
 * mss.runUpdateDb), the backup's folder, the restore's file, and a backup that would overwrite a
 * file (the command asks first; a task cannot, so it never overwrites).
 */
function checkFileOfTask(built: ReturnType<typeof buildTask>, log: vscode.LogOutputChannel, bytes?: Uint8Array): void {
  const def = built.planned.definition;
  if (def.type === 'ssomanage' && def.command === 'updatedb') refuseFileWithErrors(fileOfStep(built.planned.plan.steps[0])!, bytes);
  const secret = checkSecretFile(built.planned);
  if (secret?.error) throw new Error(secret.error);
  if (def.type === 'ssoconfig' && def.command === 'backupSecret') {
    const file = secret?.file ?? fileOfStep(built.planned.plan.steps[0])!;
    if (fs.existsSync(file)) {
      throw new Error(backupOverwriteRefusal(file, new Date()));
    }
  }
  if (secret?.warning) log.warn(secret.warning);
}

/**
 * The task for a definition, or, when it cannot run here (no tools, bad definition, an
 * update file with errors), a task that says why. `bytes`: the update file's, when read already.
 */
function buildTaskOrExplanation(def: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope, log: vscode.LogOutputChannel, name?: string, bytes?: Uint8Array): vscode.Task {
  // What Run Task offers gets `refused: true` when it cannot run: VS Code tells tasks by their
  // definition, so the refusal and the real task of a definition must differ, or VS Code may run
  // one for the other (the one it listed last). A tasks.json task's definition cannot change.
  const provided = name === undefined;
  try {
    const built = buildTask(def, scope);
    if (takesFile(def)) checkFileOfTask(built, log, bytes);
    return built.task;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.info(`task ${JSON.stringify(def)} cannot run here: ${message}`);
    const parsed = parseTaskDefinition(def);
    return refusalTask(provided ? { ...def, refused: true } : def, scope, name ?? (parsed.ok ? taskName(parsed.definition) : String(def.type)), message);
  }
}

/** The provider of one task type: VS Code expects each registration to provide tasks of its own type only. */
class SsoTaskProvider implements vscode.TaskProvider {
  constructor(private readonly type: (typeof TASK_TYPES)[number], private readonly findUpdateXmlFiles: () => Thenable<UpdateXmlFile[]>, private readonly log: vscode.LogOutputChannel) {}

  async provideTasks(): Promise<vscode.Task[]> {
    const tasks: vscode.Task[] = [];
    const add = (def: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope, bytes?: Uint8Array) => {
      tasks.push(buildTaskOrExplanation(def, scope, this.log, undefined, bytes));
    };
    switch (this.type) {
      case 'ssomanage':
        for (const { uri, bytes } of await this.findUpdateXmlFiles()) {
          const folder = vscode.workspace.getWorkspaceFolder(uri);
          add({ type: 'ssomanage', command: 'updatedb', file: uri.fsPath }, folder ?? defaultScope(), bytes);
        }
        add({ type: 'ssomanage', command: 'displaydb' }, defaultScope());
        add({ type: 'ssomanage', command: 'showserver' }, defaultScope());
        break;
      case 'entsso':
        add({ type: 'entsso', command: 'restart' }, defaultScope());
        break;
      case 'ssoconfig':
        // Backup and restore need a file the admin chooses: the commands ask for it; tasks.json names it.
        break;
    }
    return tasks;
  }

  resolveTask(task: vscode.Task): vscode.Task {
    // A user-level task (tasks.json of the profile) keeps its global scope.
    const scope = task.scope ?? defaultScope();
    return buildTaskOrExplanation(task.definition, scope, this.log, task.name);
  }
}

export function registerSsoTaskProvider(findUpdateXmlFiles: () => Thenable<UpdateXmlFile[]>, log: vscode.LogOutputChannel): vscode.Disposable {
  // A refused task said why in its terminal; when it ends, a notification says it too, with the settings.
  const refused = vscode.tasks.onDidEndTaskProcess((e) => {
    const r = refusalOf(e.execution.task);
    if (!r) return;
    void vscode.window.showErrorMessage(`Master Secret Mover did not run "${r.name}": ${r.message}`, 'Open Settings').then((c) => {
      if (c) void vscode.commands.executeCommand('workbench.action.openSettings', 'mss.');
    });
  });
  return vscode.Disposable.from(refused, ...TASK_TYPES.map((t) => vscode.tasks.registerTaskProvider(t, new SsoTaskProvider(t, findUpdateXmlFiles, log))));
}
