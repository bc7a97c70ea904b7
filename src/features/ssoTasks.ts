// Runs ssomanage, ssoconfig and the ENTSSO restart as VS Code tasks in the
// integrated terminal. Each tool runs as a ProcessExecution with an argument
// vector: no shell ever sees a server name or a path, and the tool gets a real
// terminal for its own prompts (ssoconfig asks for the backup password there,
// net stop asks before stopping dependent BizTalk services). The command lines
// themselves come from ssoTools/commandLines.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  checkExecutable, parseTaskDefinition, planCommand,
  type CommandPlan, type ProcessStep, type SsoTaskDefinition, type ToolName, type ToolSettings,
} from '../ssoTools/commandLines';
import { checkBackupTarget, checkRestoreSource, type BackupFileCheck } from '../ssoTools/backupFiles';
import { PROBLEM_MATCHER } from '../ssoTools/output';
import { updateDbRefusalForBytes } from '../updateXml';
import type { UpdateXmlFile } from './workspaceFiles';

export const TASK_SOURCE = 'Master Secret';
const TASK_TYPES = ['ssomanage', 'ssoconfig', 'entsso'] as const;

export function readToolSettings(): ToolSettings {
  const c = vscode.workspace.getConfiguration('mss');
  return {
    installFolder: c.get<string>('installFolder', ''),
    ssomanagePath: c.get<string>('ssomanagePath', ''),
    ssoconfigPath: c.get<string>('ssoconfigPath', ''),
    netPath: c.get<string>('netPath', 'net'),
  };
}

/** A bare program name on PATH (PATHEXT on Windows), like the OS would find it. */
export function which(name: string): string | undefined {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch { /* not here */ }
    }
  }
  return undefined;
}

function toolOf(def: SsoTaskDefinition): ToolName {
  return def.type === 'entsso' ? 'net' : def.type;
}

export function taskName(def: SsoTaskDefinition): string {
  switch (def.command) {
    case 'updatedb': return `-updatedb ${path.basename(def.file)}`;
    case 'serverall': return `-serverall ${def.server}`;
    case 'backupSecret': return `-backupSecret ${path.basename(def.file)}`;
    case 'restoreSecret': return `-restoreSecret ${path.basename(def.file)}`;
    case 'restart': return 'restart ENTSSO (net stop, net start)';
    default: return `-${def.command}`;
  }
}

/** Refuses to run anything in Restricted Mode: the settings that choose the programs are workspace-controllable there. */
export function requireTrust(): void {
  if (!vscode.workspace.isTrusted) {
    throw new Error('This workspace is in Restricted Mode, so Master Secret Mover runs no ssomanage, ssoconfig or net command here. Trust the workspace (Workspaces: Manage Workspace Trust) and run it again. Validation of update XML files still works.');
  }
}

/**
 * The scope of a task that belongs to no file: the first folder of the window (so that
 * `${workspaceFolder}` resolves, in a multi-root workspace too), or the user (global)
 * scope when no folder is open.
 */
export function defaultScope(): vscode.WorkspaceFolder | vscode.TaskScope {
  return vscode.workspace.workspaceFolders?.[0] ?? vscode.TaskScope.Global;
}

export interface PlannedTask { definition: SsoTaskDefinition; plan: CommandPlan }

/** Checks the definition and the executables; throws with what to fix, before anything runs. */
export function planTask(raw: unknown, baseDir?: string): PlannedTask {
  const parsed = parseTaskDefinition(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  const plan = planCommand(parsed.definition, readToolSettings(), { platform: process.platform, exists: (p) => fs.existsSync(p), baseDir });
  for (const step of plan.steps) {
    const check = checkExecutable(step.executable, { platform: process.platform, exists: (p) => fs.existsSync(p), which, tool: toolOf(parsed.definition) });
    if (!check.ok) throw new Error(check.message);
  }
  return { definition: parsed.definition, plan };
}

function processTask(def: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope, name: string, step: ProcessStep, cwd: string | undefined): vscode.Task {
  // ssomanage and ssoconfig print failures as `ERROR: 0x... : message`; net prints its own text.
  // Their problems are filed under the task's folder; without one (no folder open, or a task of the
  // whole workspace or of the user), under the user's home.
  const matchers = def.type === 'entsso' ? [] : [`$${typeof scope === 'object' ? PROBLEM_MATCHER.matcherName : PROBLEM_MATCHER.noFolderMatcherName}`];
  const task = new vscode.Task(def, scope, name, TASK_SOURCE, new vscode.ProcessExecution(step.executable, step.args, cwd ? { cwd } : {}), matchers);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, focus: true, echo: true, panel: vscode.TaskPanelKind.Shared, clear: false, showReuseMessage: false };
  return task;
}

/** A task that ended without an exit code: terminated, or its program could not start. */
export class TaskStoppedError extends Error {}

/** How long a task may take to start before the run is given up: VS Code can drop a task without an event (for example when it cannot resolve a variable). */
const START_LIMIT_MS = 30_000;

/** Starts a task and resolves with its process's exit code; rejects with TaskStoppedError when it ended without one or never started. */
export async function executeAndWait(task: vscode.Task, onStarted: (execution: vscode.TaskExecution) => void = () => {}): Promise<number> {
  let execution: vscode.TaskExecution | undefined;
  const ended: Array<{ execution: vscode.TaskExecution; code: number | undefined; kind: 'process' | 'task' }> = [];
  const startedExecutions: vscode.TaskExecution[] = [];
  let wake = () => {};
  const subs = [
    vscode.tasks.onDidStartTask((e) => { startedExecutions.push(e.execution); wake(); }),
    vscode.tasks.onDidEndTaskProcess((e) => { ended.push({ execution: e.execution, code: e.exitCode, kind: 'process' }); wake(); }),
    vscode.tasks.onDidEndTask((e) => { ended.push({ execution: e.execution, code: undefined, kind: 'task' }); wake(); }),
  ];
  try {
    execution = await vscode.tasks.executeTask(task);
    onStarted(execution);
    const startBy = Date.now() + START_LIMIT_MS;
    for (;;) {
      const mine = ended.filter((e) => e.execution === execution);
      const proc = mine.find((e) => e.kind === 'process');
      if (proc) {
        if (proc.code === undefined) throw new TaskStoppedError(`"${task.name}" was terminated before its process reported an exit code. Nothing was marked done.`);
        return proc.code;
      }
      if (mine.some((e) => e.kind === 'task')) {
        // The task ended; its process end event, if any, comes first, but give it a moment.
        await new Promise((r) => setTimeout(r, 200));
        const late = ended.find((e) => e.execution === execution && e.kind === 'process');
        if (late && late.code !== undefined) return late.code;
        throw new TaskStoppedError(`"${task.name}" ended without an exit code (terminated, or the program could not start). Nothing was marked done.`);
      }
      const started = startedExecutions.includes(execution);
      if (!started && Date.now() > startBy) {
        throw new TaskStoppedError(`VS Code did not start "${task.name}" within ${START_LIMIT_MS / 1000} seconds; see the Tasks output for why. Nothing was run or marked done.`);
      }
      await new Promise<void>((r) => {
        wake = r;
        if (!started) setTimeout(r, Math.max(0, startBy - Date.now()) + 10);
      });
    }
  } finally {
    subs.forEach((s) => s.dispose());
  }
}

/**
 * The restart is two programs, `net stop ENTSSO` then `net start ENTSSO`, each in
 * its own ProcessExecution task (net may ask Y/N about the dependent BizTalk
 * services). This runs both and resolves non-zero if either failed; the start
 * runs even after a failed stop, so that the service is left running.
 */
export async function runRestartSteps(planned: PlannedTask, scope: vscode.WorkspaceFolder | vscode.TaskScope, say: (line: string) => void = () => {}): Promise<number> {
  let result = 0;
  for (const step of planned.plan.steps) {
    say(`> ${step.label}`);
    // `part` (declared in package.json) gives the two tasks identities of their own: without it VS Code
    // takes them for the restart task itself, already running, and never starts them.
    const code = await executeAndWait(processTask({ type: 'entsso', command: 'restart', part: step.args[0] }, scope, step.label, step, planned.plan.cwd));
    say(`  exit code ${code}`);
    if (code !== 0 && result === 0) result = code;
  }
  return result;
}

function restartTask(def: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope): vscode.Task {
  const task = new vscode.Task(def, scope, taskName({ type: 'entsso', command: 'restart' }), TASK_SOURCE, new vscode.CustomExecution(async () => {
    const write = new vscode.EventEmitter<string>();
    const close = new vscode.EventEmitter<number>();
    const pty: vscode.Pseudoterminal = {
      onDidWrite: write.event,
      onDidClose: close.event,
      open: () => {
        const say = (line: string) => write.fire(line.replace(/\n/g, '\r\n') + '\r\n');
        void (async () => {
          try {
            requireTrust();
            const planned = planTask(def);
            for (const w of planned.plan.warnings) say(w);
            const code = await runRestartSteps(planned, scope, say);
            close.fire(code);
          } catch (e) {
            say(e instanceof Error ? e.message : String(e));
            close.fire(1);
          }
        })();
      },
      close: () => {},
    };
    return pty;
  }));
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, echo: true, panel: vscode.TaskPanelKind.Shared };
  return task;
}

/** Builds the task for a definition (from tasks.json, the provider or a command). Throws with what to fix. */
export function buildTask(raw: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope): { task: vscode.Task; planned: PlannedTask } {
  if (raw.type === 'entsso' && raw.part !== undefined) {
    throw new Error('"part" is set by Master Secret Mover itself on the two tasks of a restart. Remove it from the task: { "type": "entsso", "command": "restart" } runs net stop ENTSSO, then net start ENTSSO.');
  }
  const baseDir = typeof scope === 'object' ? scope.uri.fsPath : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const planned = planTask(raw, baseDir);
  if (planned.definition.type === 'entsso') return { task: restartTask(raw, scope), planned };
  const step = planned.plan.steps[0];
  return { task: processTask(raw, scope, taskName(planned.definition), step, planned.plan.cwd), planned };
}

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
 * Checks the backup file of a planned ssoconfig task on disk (the folder exists; for a
 * restore, the file exists; other .bak files next to it). The path is the one the
 * process gets, relative paths taken from its working folder. Undefined for other
 * tasks, and where the path is not known yet (a ${variable} VS Code resolves, or a
 * relative path without a working folder).
 */
export function checkSecretFile(planned: PlannedTask): (BackupFileCheck & { file: string }) | undefined {
  const def = planned.definition;
  if (def.type !== 'ssoconfig') return undefined;
  const arg = planned.plan.steps[0].args[1];
  if (arg.includes('${') || (!path.isAbsolute(arg) && !planned.plan.cwd)) return undefined;
  const file = path.resolve(planned.plan.cwd ?? '', arg);
  const folder = path.dirname(file);
  let namesInFolder: string[] | undefined;
  try {
    namesInFolder = fs.readdirSync(folder);
  } catch (e) {
    // Only a missing folder is reported as missing; one that cannot be listed is not checked.
    const code = (e as NodeJS.ErrnoException).code;
    namesInFolder = code === 'ENOENT' || code === 'ENOTDIR' ? undefined : [];
  }
  const facts = { file, folder, namesInFolder, fileExists: fs.existsSync(file) };
  return { file, ...(def.command === 'backupSecret' ? checkBackupTarget(facts) : checkRestoreSource(facts)) };
}

/**
 * A task that runs nothing: it says in its terminal (and in a notification with
 * Open Settings) why the real one cannot run, e.g. ssomanage is absent on this
 * machine, and ends with exit code 1. Offered instead of a task that would fail
 * with a cryptic "terminal process failed to launch".
 */
function explanationTask(def: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope, name: string, message: string): vscode.Task {
  const task = new vscode.Task(def, scope, name, TASK_SOURCE, new vscode.CustomExecution(() => {
    const write = new vscode.EventEmitter<string>();
    const close = new vscode.EventEmitter<number>();
    return Promise.resolve<vscode.Pseudoterminal>({
      onDidWrite: write.event,
      onDidClose: close.event,
      open: () => {
        write.fire(`Master Secret Mover did not run "${name}":\r\n${message.replace(/\n/g, '\r\n')}\r\n`);
        void vscode.window.showErrorMessage(`Master Secret Mover did not run "${name}": ${message}`, 'Open Settings').then((c) => {
          if (c) void vscode.commands.executeCommand('workbench.action.openSettings', 'mss.');
        });
        close.fire(1);
      },
      close: () => {},
    });
  }));
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, echo: true, panel: vscode.TaskPanelKind.Shared };
  return task;
}

/**
 * The task for a definition, or, when it cannot run here (no tools, bad definition, an
 * update file with errors), a task that says why. `bytes`: the update file's, when read already.
 */
function buildTaskOrExplanation(def: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope, log: vscode.LogOutputChannel, name?: string, bytes?: Uint8Array): vscode.Task {
  try {
    const built = buildTask(def, scope);
    if (built.planned.definition.type === 'ssomanage' && built.planned.definition.command === 'updatedb') refuseFileWithErrors(built.planned.plan.steps[0].args[1], bytes);
    const secret = checkSecretFile(built.planned);
    if (secret?.error) throw new Error(secret.error);
    if (secret?.warning) log.warn(secret.warning);
    return built.task;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.info(`task ${JSON.stringify(def)} cannot run here: ${message}`);
    const parsed = parseTaskDefinition(def);
    return explanationTask(def, scope, name ?? (parsed.ok ? taskName(parsed.definition) : String(def.type)), message);
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

export function registerSsoTaskProvider(findUpdateXmlFiles: () => Thenable<UpdateXmlFile[]>, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return TASK_TYPES.map((t) => vscode.tasks.registerTaskProvider(t, new SsoTaskProvider(t, findUpdateXmlFiles, log)));
}
