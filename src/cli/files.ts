// The files the mss-xml CLI reads (src/cli.ts): only regular files, to their end, within
// MAX_FILE_BYTES; the checks of a task's file as run-checked makes them when the task starts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { backupOverwriteRefusal, checkBackupTarget, checkRestoreSource, readBackupFileFacts } from '../ssoTools/backupFiles';
import type { StartCheck } from '../ssoTools/commandLines';
import { visible } from '../ssoTools/serverName';
import { updateDbRefusalForBytes } from '../updateXml';

/** Files larger than this are not read (a real update file is a few hundred bytes; 1 MiB characters is the validator's limit). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export type Read = { bytes: Uint8Array } | { tooLarge: number } | { error: string };

export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return visible(e instanceof Error ? e.message : String(e));
}

/**
 * Reads a regular file of at most MAX_FILE_BYTES; a FIFO, device or folder is refused unopened.
 * Read to its end whatever size it reports: files of procfs and some network file systems report 0.
 */
export function readRegularFile(file: string): Read {
  let fd: number | undefined;
  try {
    const before = fs.statSync(file);
    if (before.isDirectory()) return { error: 'is a directory' };
    if (!before.isFile()) return { error: 'is not a regular file (a pipe, socket or device); give the path of the XML file itself' };
    if (before.size > MAX_FILE_BYTES) return { tooLarge: before.size };
    // O_NONBLOCK: should the path have become a FIFO since the check, opening does not wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { error: 'is not a regular file (a pipe, socket or device); give the path of the XML file itself' };
    // One byte more than the size it reports, to see the end; more room when it holds more.
    let buffer = Buffer.alloc(Math.min(Math.max(st.size, 4096), MAX_FILE_BYTES) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const bigger = Buffer.alloc(Math.min(buffer.length * 2, MAX_FILE_BYTES + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_FILE_BYTES) return { tooLarge: length };
    }
    return { bytes: buffer.subarray(0, length) };
  } catch (e) {
    return { error: describeError(e) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

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
