// mss-xml run-checked CHECK FILE PROGRAM [ARG...]: the file checked as it is now, then the tool.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { backupOverwriteRefusal, checkBackupTarget, checkRestoreSource, readBackupFileFacts } from '../ssoTools/backupFiles';
import { displayCommandLine, NOT_RUN_EXIT_CODE, START_CHECKS, type StartCheck } from '../ssoTools/commandLines';
import { visible } from '../ssoTools/serverName';
import { updateDbRefusalForBytes } from '../updateXml';
import { runInConsole } from './console';
import { readRegularFile } from './files';
import { usageError, type CliIo } from './io';

/**
 * The checks of a task's file as it is now, as the extension makes them before a tool runs:
 * an error stops the tool, a warning is only said. `file` is relative to `cwd`.
 */
export function checkFileBeforeRun(check: StartCheck, file: string, cwd: string, now = new Date()): { error?: string; warning?: string } {
  const full = path.resolve(cwd, file);
  if (check === 'updatedb') {
    const read = readRegularFile(full);
    if ('error' in read) return { error: `Cannot read ${full} (${read.error}). Check the path of the update XML file.` };
    if ('tooLarge' in read) return { error: `${full} is ${read.tooLarge} bytes, too large for an update XML file, so ssomanage -updatedb was not run.` };
    const refusal = updateDbRefusalForBytes(path.basename(full), read.bytes);
    return refusal ? { error: refusal } : {};
  }
  const facts = readBackupFileFacts(full, { readdir: (d) => fs.readdirSync(d), exists: fs.existsSync, lstat: (p) => fs.lstatSync(p) });
  const result = check === 'restore' ? checkRestoreSource(facts) : checkBackupTarget(facts);
  if (!result.error && check === 'backup-new' && facts.fileExists) return { error: backupOverwriteRefusal(full, now) };
  return result;
}

/**
 * `run-checked`: checks the file, then runs the program in this console (stdio inherited, so its
 * prompts work) and resolves with its exit code. Ctrl+C reaches the program from the console;
 * this process waits for the program's end, and passes a termination on to it.
 */
export function runChecked(args: readonly string[], io: CliIo): Promise<number> {
  const [check, file, program, ...programArgs] = args;
  if (!START_CHECKS.includes(check as StartCheck) || !file || !program) {
    return Promise.resolve(usageError(io, `run-checked needs ${START_CHECKS.join('|')}, FILE and PROGRAM`));
  }
  const { error, warning } = checkFileBeforeRun(check as StartCheck, file, io.cwd);
  if (error) {
    io.stderr(`Master Secret Mover did not run ${visible(path.basename(program))}:\r\n${visible(error)}\r\n`);
    return Promise.resolve(NOT_RUN_EXIT_CODE);
  }
  if (warning) io.stderr(`Warning: ${visible(warning)}\r\n`);
  io.stdout(`> ${visible(displayCommandLine({ executable: program, args: programArgs }))}\r\n`);
  return runInConsole(program, programArgs, io, NOT_RUN_EXIT_CODE);
}
