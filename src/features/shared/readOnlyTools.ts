// Runs the read-only programs of a verification and of the checks before a step (ssomanage
// -displaydb, sc, wevtutil, reg, PowerShell's read-only cmdlets) with this extension host's
// child_process and file system: src/verification/runner.ts does the rest (argument vectors,
// no shell, no terminal, a time limit, decoding). Never rejects.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { resolveInstallFolder } from '../../ssoTools/commandLines';
import type { ToolOutput } from '../../verification/checks';
import type { VerifySettings } from '../../verification/programs';
import { runProgram, type ProgramRun } from '../../verification/runner';
import { readToolSettings, which } from './toolSettings';

export function readVerifySettings(): VerifySettings {
  const c = vscode.workspace.getConfiguration('mss');
  return {
    ...readToolSettings(),
    scPath: c.get<string>('scPath', 'sc'),
    wevtutilPath: c.get<string>('wevtutilPath', 'wevtutil'),
    powershellPath: c.get<string>('powershellPath', 'powershell.exe'),
    regPath: c.get<string>('regPath', 'reg'),
  };
}

/** Runs one read-only program in the Enterprise SSO folder (when it exists) and resolves with what it printed, or why it did not run. */
export function runReadOnly(run: ProgramRun, settings: VerifySettings): Promise<ToolOutput> {
  const folder = resolveInstallFolder(settings);
  return runProgram(run, { platform: process.platform, exists: fs.existsSync, which, execFile, cwd: fs.existsSync(folder) ? folder : undefined });
}
