// What the record of the move keeps of each tool run: the command line exactly as it ran, its
// exit code, when it started and ended, the computer and Windows user, and the file it read or
// wrote with its size and SHA-256 (never its content, never a password).
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { RunFile, RunRecord } from '../../procedures/progress';
import { fileOfStep, type CommandPlan } from '../../ssoTools/commandLines';
import { computerName, windowsUser } from '../shared/computerName';

/** The file of a plan's run as it is on disk now: path, size and SHA-256; only the path when it cannot be read. */
export function fileFacts(plan: CommandPlan): RunFile | undefined {
  const arg = fileOfStep(plan.steps[0]);
  if (arg === undefined) return undefined;
  const file = arg.includes('${') || path.isAbsolute(arg) || !plan.cwd ? arg : path.resolve(plan.cwd, arg);
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > 64 * 1024 * 1024) return { path: file, ...(stat.isFile() ? { size: stat.size } : {}) };
    const sha256 = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    return { path: file, size: stat.size, sha256 };
  } catch {
    return { path: file };
  }
}

/** The record of one run of a plan (the restart's two programs on one line, in order). */
export function runRecord(plan: CommandPlan, startedAt: Date, exitCode: number | undefined, extra: { secretServer?: string; machine?: string } = {}): RunRecord {
  const file = fileFacts(plan);
  return {
    commandLine: plan.steps.map((s) => s.label).join(', then '),
    ...(exitCode === undefined ? {} : { exitCode }),
    startedAt: startedAt.toISOString(),
    endedAt: new Date().toISOString(),
    computer: computerName(),
    user: windowsUser(),
    ...(file ? { file } : {}),
    ...(extra.secretServer ? { secretServer: extra.secretServer } : {}),
    ...(extra.machine ? { machine: extra.machine } : {}),
  };
}
