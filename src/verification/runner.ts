// Runs one read-only program of a verification (ssomanage -displaydb, sc, wevtutil, reg,
// PowerShell's read-only cmdlets) directly with an argument vector: no shell, no terminal, a
// time limit, a bound on what it may print. It never rejects: a program that cannot start,
// does not finish or prints too much is a reason, and the check built on it is `unverified`.
// No `vscode` import, and no process access of its own: the caller hands it `execFile` and the
// file-system probes, so that it runs the same in the extension host, the CLI and the
// Windows-runtime tests.
import type { ExecFileException } from 'child_process';
import { checkExecutable, type ToolName } from '../ssoTools/commandLines';
import type { ToolOutput } from './checks';
import { decodeOutput } from './decode';

/** How long one read-only program may run. */
export const READ_ONLY_TIME_LIMIT_MS = 30_000;
/** The most a read-only program may print (stdout and stderr each). */
export const READ_ONLY_MAX_OUTPUT = 4 * 1024 * 1024;

/** One read-only program run: the program as configured, its arguments, the setting that names it. */
export interface ProgramRun {
  /** The setting that names the program, for "set it" messages (mss.scPath, ...). */
  setting: string;
  executable: string;
  args: string[];
  /** The command line as it would be typed, for the evidence and the record. */
  label: string;
}

type ExecFile = (
  file: string,
  args: readonly string[],
  options: { cwd?: string; timeout: number; killSignal: NodeJS.Signals; windowsHide: boolean; maxBuffer: number; encoding: 'buffer'; shell: false },
  callback: (error: ExecFileException | null, stdout: Buffer, stderr: Buffer) => void,
) => unknown;

export interface RunnerDeps {
  platform: NodeJS.Platform;
  exists: (p: string) => boolean;
  which: (name: string) => string | undefined;
  execFile: ExecFile;
  /** The folder to run in (the Enterprise SSO folder when it exists). */
  cwd?: string;
  timeoutMs?: number;
}

/** The programs other than ENTSSO's own tools, by their setting: the name said when one is missing. */
const PROGRAMS: Record<string, string> = {
  'mss.scPath': 'sc.exe',
  'mss.wevtutilPath': 'wevtutil.exe',
  'mss.powershellPath': 'powershell.exe',
  'mss.regPath': 'reg.exe',
};

const TOOLS: Record<string, ToolName> = { 'mss.ssomanagePath': 'ssomanage', 'mss.ssoconfigPath': 'ssoconfig' };

/** Where the program is, or why it is not there (the setting to fix), by the tools' own rules. */
export function locateProgram(run: ProgramRun, deps: Pick<RunnerDeps, 'platform' | 'exists' | 'which'>): { path: string } | { reason: string } {
  const exe = run.executable.trim();
  const tool = TOOLS[run.setting];
  const name = PROGRAMS[run.setting] ?? run.setting;
  const found = tool
    ? checkExecutable(exe, { ...deps, tool })
    : checkExecutable(exe, { ...deps, program: { name, setting: run.setting, why: `${name} is a Windows program.` } });
  return found.ok ? { path: found.path } : { reason: found.message };
}

function outputOf(bytes: Buffer | string | undefined): string {
  if (bytes === undefined) return '';
  return typeof bytes === 'string' ? bytes : decodeOutput(bytes).text;
}

/** Runs one read-only program and resolves with what it printed, or why it did not run. Never rejects. */
export function runProgram(run: ProgramRun, deps: RunnerDeps): Promise<ToolOutput> {
  const where = locateProgram(run, deps);
  if ('reason' in where) return Promise.resolve({ ran: false, commandLine: run.label, reason: where.reason });
  const limit = deps.timeoutMs ?? READ_ONLY_TIME_LIMIT_MS;
  return new Promise((resolve) => {
    const done = (out: ToolOutput) => resolve(out);
    try {
      deps.execFile(where.path, run.args, { cwd: deps.cwd, timeout: limit, killSignal: 'SIGKILL', windowsHide: true, maxBuffer: READ_ONLY_MAX_OUTPUT, encoding: 'buffer', shell: false }, (error, stdout, stderr) => {
        const e = error as (ExecFileException & { killed?: boolean }) | null;
        if (e?.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          done({ ran: false, commandLine: run.label, reason: `${run.label} printed more than ${READ_ONLY_MAX_OUTPUT / 1024 / 1024} MiB and was stopped: that is not what this program prints.` });
          return;
        }
        if (e?.killed) {
          done({ ran: false, commandLine: run.label, reason: `${run.label} did not finish within ${limit / 1000} seconds and was stopped (an unreachable computer, or a prompt).` });
          return;
        }
        if (e && typeof e.code === 'string') {
          done({ ran: false, commandLine: run.label, reason: `${run.label} could not start: ${e.message}` });
          return;
        }
        const code = e ? Number(e.code ?? 1) : 0;
        done({ ran: true, commandLine: run.label, exitCode: Number.isFinite(code) ? code : 1, stdout: outputOf(stdout), stderr: outputOf(stderr) });
      });
    } catch (thrown) {
      // Windows Node throws (EINVAL) for a batch file instead of calling back with an error.
      done({ ran: false, commandLine: run.label, reason: `${run.label} could not start: ${thrown instanceof Error ? thrown.message : String(thrown)}` });
    }
  });
}
