// Runs ssomanage, ssoconfig and the ENTSSO restart as VS Code tasks in the
// integrated terminal. Each tool runs as a ProcessExecution with an argument
// vector: no shell ever sees a server name or a path, and the tool gets a real
// terminal for its own prompts (ssoconfig asks for the backup password there,
// net stop asks before stopping dependent BizTalk services). The command lines
// themselves come from ssoTools/commandLines. A tool with a file (-updatedb, the backup, the
// restore) is started through `mss-xml run-checked` (src/cli.ts), which checks the file each
// time the task starts, so that Rerun Last Task, which runs the task again without asking the
// extension, checks it too.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  checkExecutable, displayCommandLine, fileOfStep, parseTaskDefinition, planCommand,
  type CommandPlan, type ProcessStep, type StartCheck, type SsoTaskDefinition, type ToolName,
} from '../../ssoTools/commandLines';
import { checkBackupTarget, checkRestoreSource, readBackupFileFacts, type BackupFileCheck } from '../../ssoTools/backupFiles';
import { PROBLEM_MATCHER } from '../../ssoTools/output';
import { runtimeKeepsConsole } from '../../ssoTools/programPath';
import { executeAndWait } from './taskRunner';
import { readToolSettings, which } from '../shared/toolSettings';

export const TASK_SOURCE = 'Master Secret';

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

/**
 * The scope of a task that belongs to no file: the first folder of the window (so that
 * `${workspaceFolder}` resolves, in a multi-root workspace too), or the user (global)
 * scope when no folder is open.
 */
export function defaultScope(): vscode.WorkspaceFolder | vscode.TaskScope {
  return vscode.workspace.workspaceFolders?.[0] ?? vscode.TaskScope.Global;
}

export interface PlannedTask { definition: SsoTaskDefinition; plan: CommandPlan }

/**
 * Checks the definition and the executables; throws with what to fix, before anything runs.
 * Each step then starts the program found (its full path), so that the OS does not look the
 * name up again by rules of its own (the current folder first, PATHEXT to a .bat).
 */
export function planTask(raw: unknown, baseDir?: string): PlannedTask {
  const parsed = parseTaskDefinition(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  const plan = planCommand(parsed.definition, readToolSettings(), { platform: process.platform, exists: (p) => fs.existsSync(p), baseDir });
  for (const step of plan.steps) {
    const check = checkExecutable(step.executable, { platform: process.platform, exists: (p) => fs.existsSync(p), which, tool: toolOf(parsed.definition) });
    if (!check.ok) throw new Error(check.message);
    if (check.path !== step.executable) {
      step.executable = check.path;
      step.label = displayCommandLine(step);
    }
  }
  return { definition: parsed.definition, plan };
}

/**
 * Whether tasks run their tool through mss-xml (the file checked each time the task starts, the
 * restart as one process): not on desktop Windows, where VS Code's runtime is Code.exe, a GUI
 * program that would not hand the terminal's console to the tool (ssoconfig's password prompt,
 * net's Y/N): there the tools run directly, checked when VS Code resolves the task
 * (ssoTools/programPath.ts, runtimeKeepsConsole; RELIABILITY.md).
 */
const CHECKS_AT_START = runtimeKeepsConsole(process.platform, process.execPath);

/** The bundled mss-xml (dist/cli.js, next to dist/extension.js), which runs a tool with a file after checking the file. */
function cliScript(): string {
  const cli = path.join(__dirname, 'cli.js');
  // Looked for once: it ships with the extension, and every task built would ask again.
  cliFound ||= fs.existsSync(cli);
  if (!cliFound) throw new Error(`${cli} is missing, so a tool with a file cannot be checked when it starts. Reinstall Master Secret Mover.`);
  return cli;
}
let cliFound = false;

/**
 * A task that runs nothing but `mss-xml refuse`: it says in its terminal why the real one cannot
 * run here (ssomanage absent, an update file with errors...) and ends with exit code 1. Offered
 * instead of a task that would fail with a cryptic "terminal process failed to launch". A process
 * like the real task, not a CustomExecution: VS Code keys a CustomExecution's callback by the
 * task's definition, which this shares with the real task, and would then run it for that task's
 * runs too (RELIABILITY.md).
 */
export function refusalTask(def: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope, name: string, message: string): vscode.Task {
  // In base64: VS Code replaces ${...} in a task's arguments (a ${command:...} would run), and the
  // message may quote the file. Short enough for a Windows command line (the log has it whole).
  const said = message.length > MAX_REFUSAL ? `${message.slice(0, MAX_REFUSAL)}... (the rest: the Problems view and the Master Secret Mover log)` : message;
  const b64 = (t: string) => Buffer.from(t, 'utf8').toString('base64');
  const execution = new vscode.ProcessExecution(process.execPath, [cliScript(), 'refuse', b64(name), b64(said)], { env: { ELECTRON_RUN_AS_NODE: '1' } });
  const task = new vscode.Task(def, scope, name, TASK_SOURCE, execution, []);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, echo: false, panel: vscode.TaskPanelKind.Shared, clear: false, showReuseMessage: false };
  return task;
}

/** The mss-xml command line (after dist/cli.js) of a task that runs mss-xml, or undefined for any other task. */
function mssXmlArgs(task: vscode.Task): string[] | undefined {
  const ex = task.execution;
  return ex instanceof vscode.ProcessExecution && path.basename(ex.args[0] ?? '') === 'cli.js' ? ex.args.slice(1) : undefined;
}

/** The name and the reason of a task made by `refusalTask`, or undefined for any other task. */
export function refusalOf(task: vscode.Task): { name: string; message: string } | undefined {
  const args = mssXmlArgs(task);
  if (args?.[0] !== 'refuse' || args.length !== 3) return undefined;
  const text = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');
  return { name: text(args[1]), message: text(args[2]) };
}

/** True for a task whose tool runs through `mss-xml run-checked` (its exit code NOT_RUN_EXIT_CODE: the tool did not run). */
export function isCheckedRun(task: vscode.Task): boolean {
  return mssXmlArgs(task)?.[0] === 'run-checked';
}

/** How much of a refusal's reason its task carries (a Windows command line holds 32,767 characters). */
const MAX_REFUSAL = 4000;

/**
 * VS Code replaces ${...} in a process task's program, arguments and folder (${command:...} runs a
 * command): nothing of ours may contain one. Throws with what to change.
 */
function refuseVariables(parts: ReadonlyArray<string | undefined>): void {
  const bad = parts.find((p) => p !== undefined && p.includes('${'));
  if (bad !== undefined) {
    throw new Error(`${bad} contains "\${", which VS Code would replace as a variable before the tool runs. Rename or move it (or change the setting) so that the path has no "\${".`);
  }
}

/**
 * What `mss-xml run-checked` checks when the task starts, or undefined for a tool without a file.
 * A backup never overwrites a file then, unless it was asked for (`mayOverwrite`: the command asked
 * about the file that exists now).
 */
function startCheck(def: SsoTaskDefinition, file: string, cwd: string | undefined, mayOverwrite: boolean): StartCheck | undefined {
  if (def.type === 'ssomanage') return def.command === 'updatedb' ? 'updatedb' : undefined;
  if (def.type !== 'ssoconfig') return undefined;
  if (def.command === 'restoreSecret') return 'restore';
  return mayOverwrite && fs.existsSync(path.resolve(cwd ?? '', file)) ? 'backup' : 'backup-new';
}

function processTask(def: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope, name: string, step: ProcessStep, cwd: string | undefined, check?: StartCheck): vscode.Task {
  // ssomanage and ssoconfig print failures as `ERROR: 0x... : message`; net prints its own text.
  // Their problems are filed under the task's folder; without one (no folder open, or a task of the
  // whole workspace or of the user), under the user's home.
  const matchers = def.type === 'entsso' ? [] : [`$${typeof scope === 'object' ? PROBLEM_MATCHER.matcherName : PROBLEM_MATCHER.noFolderMatcherName}`];
  refuseVariables([step.executable, ...step.args, cwd]);
  const file = fileOfStep(step);
  // VS Code's own runtime runs mss-xml (as Node: ELECTRON_RUN_AS_NODE), which then starts the tool
  // with the same argument vector, in the same console and working folder.
  const execution = check && file !== undefined && CHECKS_AT_START
    ? new vscode.ProcessExecution(process.execPath, [cliScript(), 'run-checked', check, file, step.executable, ...step.args], { ...(cwd ? { cwd } : {}), env: { ELECTRON_RUN_AS_NODE: '1' } })
    : new vscode.ProcessExecution(step.executable, step.args, cwd ? { cwd } : {});
  const task = new vscode.Task(def, scope, name, TASK_SOURCE, execution, matchers);
  // Through mss-xml, VS Code's echo would show mss-xml's own command line: mss-xml says the tool's instead.
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, focus: true, echo: !(check && file !== undefined && CHECKS_AT_START), panel: vscode.TaskPanelKind.Shared, clear: false, showReuseMessage: false };
  return task;
}

/**
 * The restart: `net stop ENTSSO`, then `net start ENTSSO` (even after a failed stop, so that the
 * service is left running), as one process, `mss-xml run-all` (src/cli.ts), in the task's
 * terminal (net may ask Y/N about the dependent BizTalk services there). One process, so that
 * Rerun Last Task reruns the whole restart: two tasks started from one would leave VS Code the
 * second as its last task, `net start ENTSSO` alone (RELIABILITY.md). Exit code: the first
 * non-zero one.
 */
function restartTask(def: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope, planned: PlannedTask): vscode.Task {
  if (!CHECKS_AT_START) return restartInTwoTasks(def, scope);
  refuseVariables([...planned.plan.steps.flatMap((s) => [s.executable, ...s.args]), planned.plan.cwd]);
  const say = planned.plan.warnings.flatMap((w) => ['--say', w]);
  const steps = planned.plan.steps.flatMap((step) => [String(1 + step.args.length), step.executable, ...step.args]);
  const cwd = planned.plan.cwd;
  const execution = new vscode.ProcessExecution(process.execPath, [cliScript(), 'run-all', ...say, ...steps], { ...(cwd ? { cwd } : {}), env: { ELECTRON_RUN_AS_NODE: '1' } });
  const task = new vscode.Task(def, scope, taskName({ type: 'entsso', command: 'restart' }), TASK_SOURCE, execution, []);
  // No echo of mss-xml's own command line: it says each net command line itself as it starts it.
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, focus: true, echo: false, panel: vscode.TaskPanelKind.Shared, clear: false, showReuseMessage: false };
  return task;
}

/**
 * The restart on desktop Windows (see CHECKS_AT_START): `net stop ENTSSO`, then `net start ENTSSO`,
 * each run directly as a task of its own in the terminal's console (net may ask Y/N there), started
 * one after the other by this task. Rerun Last Task then reruns `net start ENTSSO` alone (VS Code
 * takes the task it started last as its last one; RELIABILITY.md).
 */
function restartInTwoTasks(def: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope): vscode.Task {
  const task = new vscode.Task(def, scope, taskName({ type: 'entsso', command: 'restart' }), TASK_SOURCE, new vscode.CustomExecution(() => {
    const write = new vscode.EventEmitter<string>();
    const close = new vscode.EventEmitter<number>();
    return Promise.resolve<vscode.Pseudoterminal>({
      onDidWrite: write.event,
      onDidClose: close.event,
      open: () => {
        const say = (line: string) => write.fire(line.replace(/\n/g, '\r\n') + '\r\n');
        void (async () => {
          try {
            const planned = planTask(def);
            for (const w of planned.plan.warnings) say(w);
            let result = 0;
            for (const step of planned.plan.steps) {
              say(`> ${step.label}`);
              // `part` (declared in package.json) gives the two tasks identities of their own.
              const code = await executeAndWait(processTask({ type: 'entsso', command: 'restart', part: step.args[0] }, scope, step.label, step, planned.plan.cwd));
              say(`  exit code ${code}`);
              if (code !== 0 && result === 0) result = code;
            }
            close.fire(result);
          } catch (e) {
            say(e instanceof Error ? e.message : String(e));
            close.fire(1);
          }
        })();
      },
      close: () => {},
    });
  }));
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, echo: true, panel: vscode.TaskPanelKind.Shared };
  return task;
}

/**
 * Builds the task for a definition (from tasks.json, the provider or a command). Throws with what to fix.
 * `mayOverwrite`: a backup may overwrite the file that exists now (the command asked; Run Task and tasks.json never do).
 */
export function buildTask(raw: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope, { mayOverwrite = false } = {}): { task: vscode.Task; planned: PlannedTask } {
  if (raw.type === 'entsso' && raw.part !== undefined) {
    throw new Error('"part" is not a setting of a task: remove it. { "type": "entsso", "command": "restart" } runs net stop ENTSSO, then net start ENTSSO.');
  }
  const baseDir = typeof scope === 'object' ? scope.uri.fsPath : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const planned = planTask(raw, baseDir);
  if (planned.definition.type === 'entsso') return { task: restartTask(raw, scope, planned), planned };
  const step = planned.plan.steps[0];
  const file = fileOfStep(step);
  const check = file === undefined ? undefined : startCheck(planned.definition, file, planned.plan.cwd, mayOverwrite);
  return { task: processTask(raw, scope, taskName(planned.definition), step, planned.plan.cwd, check), planned };
}

/**
 * Checks the backup file of a planned ssoconfig task on disk (the folder exists; for a
 * restore, the file exists; other .bak files next to it). The path is the one the
 * process gets, relative paths taken from its working folder. Undefined
 * for other tasks, and for a relative path without a working folder.
 */
export function checkSecretFile(planned: PlannedTask): (BackupFileCheck & { file: string }) | undefined {
  const def = planned.definition;
  if (def.type !== 'ssoconfig') return undefined;
  const arg = fileOfStep(planned.plan.steps[0]);
  if (arg === undefined) return undefined;
  if (!path.isAbsolute(arg) && !planned.plan.cwd) return undefined;
  const file = path.resolve(planned.plan.cwd ?? '', arg);
  const facts = readBackupFileFacts(file, { readdir: (d) => fs.readdirSync(d), exists: fs.existsSync, lstat: (p) => fs.lstatSync(p) });
  return { file, ...(def.command === 'backupSecret' ? checkBackupTarget(facts) : checkRestoreSource(facts)) };
}
