// Runs the read-only programs of a verification (ssomanage -displaydb, sc query, wevtutil qe)
// directly with an argument vector, no shell and no terminal: they print and exit. Each run has
// a time limit, so an unreachable computer is a reason, never a hang. What they print is read by
// src/verification; this file only starts them and collects the output.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { checkExecutable, resolveInstallFolder } from '../../ssoTools/commandLines';
import type { ToolOutput } from '../../verification/checks';
import type { ReadOnlyRun, VerifySettings } from '../../verification/readOnlyRuns';
import { readToolSettings, which } from './toolSettings';

/** How long one read-only program may run. */
export const READ_ONLY_TIME_LIMIT_MS = 30_000;
const MAX_OUTPUT = 4 * 1024 * 1024;

export function readVerifySettings(): VerifySettings {
  const c = vscode.workspace.getConfiguration('mss');
  return { ...readToolSettings(), scPath: c.get<string>('scPath', 'sc'), wevtutilPath: c.get<string>('wevtutilPath', 'wevtutil') };
}

/** Output bytes as text: UTF-16 LE when it starts with its BOM, else UTF-8. */
function decode(bytes: Buffer): string {
  return bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('utf8');
}

/** Where the program is, or why it is not there (the setting to fix): the rules of the tools (checkExecutable). */
function locate(run: ReadOnlyRun): { path: string } | { reason: string } {
  const exe = run.executable.trim();
  const found = run.setting === 'mss.ssomanagePath'
    ? checkExecutable(exe, { platform: process.platform, exists: fs.existsSync, which, tool: 'ssomanage' })
    : checkExecutable(exe, { platform: process.platform, exists: fs.existsSync, which, program: readOnlyProgram(run.setting) });
  return found.ok ? { path: found.path } : { reason: found.message };
}

/** sc.exe or wevtutil.exe, by its setting. */
function readOnlyProgram(setting: string): { name: string; setting: string; why: string } {
  const name = setting === 'mss.scPath' ? 'sc.exe' : 'wevtutil.exe';
  return { name, setting, why: `${name} is a Windows program.` };
}

/** Runs one read-only program and resolves with what it printed, or why it did not run. Never rejects. */
export function runReadOnly(run: ReadOnlyRun, settings: VerifySettings): Promise<ToolOutput> {
  const where = locate(run);
  if ('reason' in where) return Promise.resolve({ ran: false, commandLine: run.label, reason: where.reason });
  const folder = resolveInstallFolder(settings);
  const cwd = fs.existsSync(folder) ? folder : undefined;
  return new Promise((resolve) => {
    execFile(where.path, run.args, { cwd, timeout: READ_ONLY_TIME_LIMIT_MS, killSignal: 'SIGKILL', windowsHide: true, maxBuffer: MAX_OUTPUT, encoding: 'buffer', shell: false }, (error, stdout, stderr) => {
      const out = decode(stdout);
      const err = decode(stderr);
      if (error && (error as NodeJS.ErrnoException & { killed?: boolean }).killed) {
        resolve({ ran: false, commandLine: run.label, reason: `${run.label} did not finish within ${READ_ONLY_TIME_LIMIT_MS / 1000} seconds and was stopped (an unreachable computer, or a prompt).` });
        return;
      }
      if (error && typeof (error as NodeJS.ErrnoException).code === 'string') {
        resolve({ ran: false, commandLine: run.label, reason: `${run.label} could not start: ${error.message}` });
        return;
      }
      const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
      resolve({ ran: true, commandLine: run.label, exitCode: Number.isFinite(code) ? code : 1, stdout: out, stderr: err });
    });
  });
}
