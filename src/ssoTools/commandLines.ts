// Argument vectors for ssomanage, ssoconfig and `net stop/start ENTSSO`.
// Pure: no `vscode` import. The features layer turns a CommandPlan into
// ProcessExecutions; it never builds command lines itself.
//
// Why an argument vector and never a shell string: file paths with spaces
// ("C:\Program Files\...") and server names typed by the admin must reach the
// tool as exactly one argument each, and nothing in them may be interpreted by
// cmd.exe (`&`, `|`, `^`, quotes). The checks below refuse what would still be
// misread by the tools themselves (a value starting with '-' is a switch).

import * as path from 'path';
import { programRefusal } from './programPath';
import { checkServerName } from './serverName';
import { windowsPathProblem } from './windowsPaths';

/** Raw setting values as read from the configuration; '' means "use the default". */
export interface ToolSettings {
  installFolder: string;
  ssomanagePath: string;
  ssoconfigPath: string;
  netPath: string;
}

/** Default of `mss.installFolder` (docs/tools.md#where-the-tools-are). */
export const DEFAULT_INSTALL_FOLDER = 'C:\\Program Files\\Common Files\\Enterprise Single Sign-On';

export type ToolName = 'ssomanage' | 'ssoconfig' | 'net';

export type SsoTaskDefinition =
  | { type: 'ssomanage'; command: 'updatedb'; file: string }
  | { type: 'ssomanage'; command: 'serverall'; server: string }
  | { type: 'ssomanage'; command: 'displaydb' | 'showserver' }
  | { type: 'ssoconfig'; command: 'backupSecret' | 'restoreSecret'; file: string }
  | { type: 'entsso'; command: 'restart' };

export interface ProcessStep {
  executable: string;
  args: string[];
  /** The command line as the admin would type it at a prompt; for display only. */
  label: string;
  /** Which element of `args` is the file the tool reads or writes, when it takes one. */
  fileArg?: number;
}

export interface CommandPlan {
  steps: ProcessStep[];
  /** The install folder, only when it exists. */
  cwd?: string;
  /** Things the admin should know before it runs (name warnings, the restart's side effects). */
  warnings: string[];
}

export type ParseResult = { ok: true; definition: SsoTaskDefinition } | { ok: false; error: string };

const COMMANDS: Record<SsoTaskDefinition['type'], readonly string[]> = {
  ssomanage: ['updatedb', 'serverall', 'displaydb', 'showserver'],
  ssoconfig: ['backupSecret', 'restoreSecret'],
  entsso: ['restart'],
};

/** ASCII hyphen-minus plus the dashes doc pages print instead of it (docs/pitfalls.md#a-command-pasted-from-the-docs-fails). */
const LEADING_DASH = /^[-\u2010-\u2015\u2212]/;

function quoted(values: readonly string[]): string {
  const q = values.map((v) => `"${v}"`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/**
 * A task's `command` in the spelling of package.json's task definitions (`UpdateDb`, ` updatedb ` are `updatedb`), or
 * undefined when the type has no such command: the tools' switches are read in any case
 * (docs/tools.md#switch-case).
 */
export function canonicalCommand(type: unknown, command: unknown): string | undefined {
  if (typeof command !== 'string' || (type !== 'ssomanage' && type !== 'ssoconfig' && type !== 'entsso')) return undefined;
  const given = command.trim().toLowerCase();
  return COMMANDS[type].find((c) => c.toLowerCase() === given);
}

/**
 * Checks a task definition from tasks.json (or a programmatic caller) and
 * returns it in canonical form. Structure only: the values of `file` and
 * `server` are checked by {@link planCommand}, just before anything runs.
 * `command` is matched case-insensitively (the tools' switches are: docs/tools.md#switch-case)
 * and returned as package.json's taskDefinitions spell it; unknown extra properties are ignored.
 */
export function parseTaskDefinition(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'A task definition must be an object with "type" and "command", e.g. { "type": "ssomanage", "command": "displaydb" }.' };
  }
  const def = raw as Record<string, unknown>;
  const type = def.type;
  if (type !== 'ssomanage' && type !== 'ssoconfig' && type !== 'entsso') {
    return { ok: false, error: `"type" must be ${quoted(Object.keys(COMMANDS))}${type === undefined ? '' : ` (got ${JSON.stringify(type)})`}.` };
  }
  const allowed = COMMANDS[type];
  if (typeof def.command !== 'string' || def.command.trim() === '') {
    return { ok: false, error: `"command" is required for type ${type}: use ${quoted(allowed)}.` };
  }
  const given = def.command.trim();
  const command = canonicalCommand(type, given);
  if (command === undefined) {
    const withoutDash = given.replace(LEADING_DASH, '');
    const hint = withoutDash !== given && allowed.some((c) => c.toLowerCase() === withoutDash.toLowerCase())
      ? ` Write it without the leading dash: "${withoutDash}".`
      : '';
    return { ok: false, error: `"command" for type ${type} must be ${quoted(allowed)} (got ${JSON.stringify(def.command)}).${hint}` };
  }
  const need = (prop: 'file' | 'server'): string | { error: string } => {
    const value = def[prop];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      return { error: `"${prop}" is required for ${type} ${command}.` };
    }
    if (typeof value !== 'string') {
      return { error: `"${prop}" for ${type} ${command} must be a string (got ${typeof value}).` };
    }
    return value;
  };
  const fail = (v: string | { error: string }): v is { error: string } => typeof v !== 'string';
  switch (command) {
    case 'updatedb': {
      const file = need('file');
      return fail(file) ? { ok: false, error: file.error } : { ok: true, definition: { type: 'ssomanage', command, file } };
    }
    case 'serverall': {
      const server = need('server');
      return fail(server) ? { ok: false, error: server.error } : { ok: true, definition: { type: 'ssomanage', command, server: server.trim() } };
    }
    case 'displaydb':
    case 'showserver':
      return { ok: true, definition: { type: 'ssomanage', command } };
    case 'backupSecret':
    case 'restoreSecret': {
      const file = need('file');
      return fail(file) ? { ok: false, error: file.error } : { ok: true, definition: { type: 'ssoconfig', command, file } };
    }
    default:
      return { ok: true, definition: { type: 'entsso', command: 'restart' } };
  }
}

/** A path written the Windows way: drive letter, UNC, or any backslash. */
function isWindowsLike(p: string): boolean {
  return /^[A-Za-z]:/.test(p) || p.includes('\\');
}

function pathFlavour(p: string, platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' || isWindowsLike(p) ? path.win32 : path.posix;
}

/** The install folder the settings point at ('' → {@link DEFAULT_INSTALL_FOLDER}). */
export function resolveInstallFolder(s: ToolSettings): string {
  return s.installFolder.trim() || DEFAULT_INSTALL_FOLDER;
}

/**
 * The executable to run for a tool. An explicit path setting wins; '' means
 * `<installFolder>\ssomanage.exe` (or ssoconfig.exe), joined with '\' for a
 * Windows-style folder (always on win32) and '/' for a POSIX folder elsewhere.
 * `net` defaults to the bare name `net`, found on PATH. No environment
 * variables are expanded.
 */
export function resolveExecutable(tool: ToolName, s: ToolSettings, platform: NodeJS.Platform): string {
  if (tool === 'net') {
    return s.netPath.trim() || 'net';
  }
  const explicit = (tool === 'ssomanage' ? s.ssomanagePath : s.ssoconfigPath).trim();
  if (explicit) {
    return explicit;
  }
  const folder = resolveInstallFolder(s);
  return pathFlavour(folder, platform).join(folder, `${tool}.exe`);
}

/** The setting an admin changes to point the extension at a tool. */
export function settingFor(tool: ToolName): string {
  return { ssomanage: 'mss.ssomanagePath', ssoconfig: 'mss.ssoconfigPath', net: 'mss.netPath' }[tool];
}

/**
 * Characters refused in a server argument whatever checkServerName says:
 * whitespace, quotes and cmd.exe metacharacters. No host or cluster network
 * name contains them, and refusing them here keeps the argv guarantee local.
 */
const UNSAFE_SERVER_CHARS = /[\s"'`&|<>^%!;,()]/;

/** The first control character (U+0000–U+001F, U+007F) in a value, if any. */
function controlChar(value: string): string | undefined {
  return [...value].find((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

function checkServerArgument(server: unknown, what: string): string {
  if (typeof server !== 'string' || server.trim() === '') {
    throw new Error(`${what} needs the SSO server name (a computer or cluster network name, e.g. SSOCLUSTER). Give "server".`);
  }
  if (LEADING_DASH.test(server)) {
    throw new Error(`${what}: the server name "${server}" starts with a dash, so ssomanage would read it as a switch. Enter the SSO server name without the leading dash.`);
  }
  const verdict = checkServerName(server);
  if (!verdict.ok) throw new Error(`${what}: ${verdict.message}`);
  const bad = UNSAFE_SERVER_CHARS.exec(server)?.[0] ?? controlChar(server);
  if (bad !== undefined) {
    const shown = /\s/.test(bad) || bad < ' ' ? 'a space or control character' : `"${bad}"`;
    throw new Error(`${what}: the server name "${server}" contains ${shown}, which no computer or cluster network name has. Enter just the name, e.g. SSOCLUSTER.`);
  }
  return verdict.severity === 'warning' && verdict.message ? verdict.message : '';
}

/** Characters Windows never allows in a path (the tools run on Windows). */
const BAD_PATH_CHARS = /["<>|]/;

/**
 * The file argument, made safe. Relative paths are resolved against
 * `baseDir` when given (the task runs in the install folder, so a relative
 * path would otherwise be looked up there). A relative path that still
 * starts with a dash is prefixed with `.\` (win32 / Windows-style path) or
 * `./` – the same file, but no longer a switch; the label shows exactly that.
 * VS Code variables (`${workspaceFolder}`, `${env:NAME}`, ...) are refused: what runs is
 * exactly the path written (a variable could hide a switch such as -displaydb, or a path
 * split in two). A relative path is resolved against the workspace folder instead.
 */
function fileArgument(raw: unknown, what: string, platform: NodeJS.Platform, baseDir: string | undefined): string {
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new Error(`${what} needs a file: give the full path of the file in "file".`);
  }
  const file = raw;
  if (file.includes('${')) {
    throw new Error(`${what}: the file path ${JSON.stringify(file)} holds a VS Code variable. Master Secret Mover does not resolve variables in "file", so that what runs is exactly the path you wrote: give the full path, or a path relative to the workspace folder.`);
  }
  const bad = BAD_PATH_CHARS.exec(file)?.[0] ?? controlChar(file);
  if (bad !== undefined) {
    const shown = bad < ' ' || bad === '\x7f' ? 'a control character (line break or tab)' : `"${bad}"`;
    throw new Error(`${what}: the file path ${file === raw ? '' : `${JSON.stringify(file)} `}contains ${shown}, which Windows does not allow in file names. Check the path in "file".`);
  }
  const windows = windowsPathProblem(file);
  if (windows) throw new Error(`${what}: ${windows}`);
  const flavour = pathFlavour(baseDir ?? file, platform);
  if (flavour.isAbsolute(file) || /^[A-Za-z]:/.test(file)) {
    return file;
  }
  if (baseDir !== undefined && baseDir.trim() !== '') {
    return flavour.join(baseDir, file);
  }
  return LEADING_DASH.test(file) ? `.${flavour.sep}${file}` : file;
}

function step(executable: string, args: string[], fileArg?: number): ProcessStep {
  const s: ProcessStep = { executable, args, label: '', ...(fileArg === undefined ? {} : { fileArg }) };
  s.label = displayCommandLine(s);
  return s;
}

/** Where the file goes in the argument vector of a command that takes one: `-updatedb FILE`, `-backupSecret FILE`, `-restoreSecret FILE`. */
export function fileArgIndex(command: SsoTaskDefinition['command']): number | undefined {
  return command === 'updatedb' || command === 'backupSecret' || command === 'restoreSecret' ? 1 : undefined;
}

/**
 * What `mss-xml run-checked` (src/cli.ts) checks each time a task with a file starts: the update
 * file, the backup's folder (`backup-new`: and that the file does not exist yet), the restore's file.
 */
export const START_CHECKS = ['updatedb', 'backup', 'backup-new', 'restore'] as const;

/**
 * The exit code of `mss-xml run-checked` when it did not start the tool (its file refused, or the
 * program could not start), so that such a run is not recorded as a run of the tool.
 */
export const NOT_RUN_EXIT_CODE = 125;
export type StartCheck = (typeof START_CHECKS)[number];

/** The file argument of a step (as the process gets it), or undefined when the step takes none. */
export function fileOfStep(s: Pick<ProcessStep, 'args' | 'fileArg'>): string | undefined {
  return s.fileArg === undefined ? undefined : s.args[s.fileArg];
}

/** What happens when ENTSSO is restarted (docs/pitfalls.md#restarting-entsso-stops-biztalk-host-instances). */
export const RESTART_WARNING =
  'Stopping ENTSSO also stops the BizTalk host instance services that depend on it; net asks for confirmation in the terminal when they run. ' +
  'Restart the host instances afterwards; ENTSSO can take about 3 minutes to start.';

/**
 * The processes to start for a task definition, in order. Throws an Error
 * saying what to fix when a value is unsafe or invalid; nothing is run then.
 *
 * - server: checked with checkServerName (error → throw, warning → `warnings`),
 *   and refused when it starts with a dash or holds spaces, quotes or cmd
 *   metacharacters.
 * - file: see {@link fileArgument}; variables refused, relative
 *   paths resolved against `opts.baseDir` when given.
 */
export function planCommand(
  def: SsoTaskDefinition,
  s: ToolSettings,
  opts: { platform: NodeJS.Platform; exists: (p: string) => boolean; baseDir?: string },
): CommandPlan {
  const warnings: string[] = [];
  let steps: ProcessStep[];
  const what = def.type === 'entsso' ? 'ENTSSO restart' : `${def.type} -${def.command}`;
  switch (def.command) {
    case 'updatedb':
      steps = [step(resolveExecutable('ssomanage', s, opts.platform), ['-updatedb', fileArgument(def.file, what, opts.platform, opts.baseDir)], fileArgIndex(def.command))];
      break;
    case 'serverall': {
      const warning = checkServerArgument(def.server, what);
      if (warning) {
        warnings.push(warning);
      }
      steps = [step(resolveExecutable('ssomanage', s, opts.platform), ['-serverall', def.server])];
      break;
    }
    case 'displaydb':
    case 'showserver':
      steps = [step(resolveExecutable('ssomanage', s, opts.platform), [`-${def.command}`])];
      break;
    case 'backupSecret':
    case 'restoreSecret':
      steps = [step(resolveExecutable('ssoconfig', s, opts.platform), [`-${def.command}`, fileArgument(def.file, what, opts.platform, opts.baseDir)], fileArgIndex(def.command))];
      break;
    case 'restart': {
      const net = resolveExecutable('net', s, opts.platform);
      steps = [step(net, ['stop', 'ENTSSO']), step(net, ['start', 'ENTSSO'])];
      warnings.push(RESTART_WARNING);
      break;
    }
    default: {
      const unknown: unknown = def;
      throw new Error(`Unknown task definition ${JSON.stringify(unknown)}. Check "type" and "command" against the mss task definitions.`);
    }
  }
  const folder = resolveInstallFolder(s);
  const plan: CommandPlan = { steps, warnings };
  if (opts.exists(folder)) {
    plan.cwd = folder;
  }
  return plan;
}

function toolOf(executable: string): ToolName | undefined {
  const base = path.win32.basename(executable).toLowerCase().replace(/\.exe$/, '');
  return base === 'ssomanage' || base === 'ssoconfig' || base === 'net' ? base : undefined;
}

/**
 * Checks that an executable can be started: a path must be a full one and exist; a bare
 * name such as `net` must be found on PATH by `which` (Windows' rules: programPath.ts). The
 * program found must be the program itself (.exe; no extension outside Windows), never a
 * .bat, .cmd or script file (programRefusal). `path` is the program to start: the caller runs
 * that path, so that the OS does not look the name up again by its own rules. The failure message names the setting to change; the tool is
 * `opts.tool`, else guessed from the file name.
 */
export function checkExecutable(
  executable: string,
  opts: {
    platform: NodeJS.Platform; exists: (p: string) => boolean; which: (name: string) => string | undefined; tool?: ToolName;
    /** Another program than the three tools (sc, wevtutil): its name, its setting, and why it may be missing. */
    program?: { name: string; setting: string; why: string };
  },
): { ok: true; path: string } | { ok: false; message: string } {
  const tool = opts.program ? undefined : opts.tool ?? toolOf(executable);
  const setting = opts.program?.setting ?? (tool ? settingFor(tool) : 'mss.ssomanagePath, mss.ssoconfigPath or mss.netPath');
  const fixSetting = tool === 'net' || tool === undefined ? `Set ${setting}` : `Set ${setting} (or mss.installFolder)`;
  const name = opts.program?.name ?? (tool === 'net' ? 'net' : tool ? `${tool}.exe` : path.win32.basename(executable));
  const why = opts.program?.why ?? (tool === 'net'
    ? `Restarting ENTSSO runs Windows' net command (net stop ENTSSO / net start ENTSSO)${opts.platform === 'win32' ? '' : `, and this computer runs ${opts.platform}, not Windows`}.`
    : "ENTSSO's command-line tools exist only on a Windows server with Enterprise SSO installed.");
  const where = tool === 'net' ? ' (normally C:\\Windows\\System32\\net.exe)' : '';
  const trimmed = executable.trim();
  if (trimmed === '') {
    return { ok: false, message: `No program is configured for ${name}. ${fixSetting} to its location${where}.` };
  }
  const refuse = (program: string): { ok: false; message: string } | undefined => {
    const why = programRefusal(program, opts.platform);
    return why === undefined ? undefined : { ok: false, message: `${why}. Master Secret Mover starts only the program itself. ${fixSetting} to ${name}${where}.` };
  };
  if (/[\\/]/.test(trimmed) || /^[A-Za-z]:/.test(trimmed)) {
    if (!pathFlavour(trimmed, opts.platform).isAbsolute(trimmed) || (isWindowsLike(trimmed) && !/^([A-Za-z]:[\\/]|[\\/]{2})/.test(trimmed))) {
      return { ok: false, message: `${trimmed} is not a full path: it would be looked up from whichever folder the tool runs in. ${fixSetting} to the full path${where}.` };
    }
    const refused = refuse(trimmed);
    if (refused) return refused;
    return opts.exists(trimmed)
      ? { ok: true, path: trimmed }
      : { ok: false, message: `${name} was not found at ${trimmed}. ${why} ${fixSetting} to its location${where}.` };
  }
  const found = opts.which(trimmed);
  if (!found) return { ok: false, message: `${trimmed} was not found on PATH. ${why} ${fixSetting} to its full path${where}.` };
  return refuse(found) ?? { ok: true, path: found };
}

/**
 * One argument as it would be typed at a Windows prompt: wrapped in double
 * quotes when it holds a space, tab, quote or cmd metacharacter (embedded quotes
 * and the backslashes before them escaped the way Windows programs parse them).
 */
function displayArgument(arg: string): string {
  if (arg === '') {
    return '""';
  }
  if (!/[\s"&|<>^]/.test(arg)) {
    return arg;
  }
  let out = '"';
  let backslashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      backslashes++;
      continue;
    }
    out += ch === '"' ? '\\'.repeat(backslashes * 2 + 1) + '"' : '\\'.repeat(backslashes) + ch;
    backslashes = 0;
  }
  return `${out}${'\\'.repeat(backslashes * 2)}"`;
}

/** The step as one command line, for display only (never run through a shell). */
export function displayCommandLine(step: Pick<ProcessStep, 'executable' | 'args'>): string {
  return [step.executable, ...step.args].map(displayArgument).join(' ');
}

/**
 * A file name for a master secret backup, e.g. `SSO-master-secret-2026-11-23-2353.bak`.
 * The time is UTC, so that the name does not depend on which node's time zone
 * it is computed in (the .bak is copied between servers and cluster nodes) and
 * is the same for the same instant. No ':' (not allowed in Windows file names).
 */
export function proposeBackupFileName(now: Date): string {
  if (Number.isNaN(now.getTime())) {
    throw new Error('proposeBackupFileName needs a valid date.');
  }
  const two = (n: number): string => String(n).padStart(2, '0');
  const date = `${now.getUTCFullYear()}-${two(now.getUTCMonth() + 1)}-${two(now.getUTCDate())}`;
  return `SSO-master-secret-${date}-${two(now.getUTCHours())}${two(now.getUTCMinutes())}.bak`;
}
