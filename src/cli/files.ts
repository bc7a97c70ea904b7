// The files mss-xml reads and writes: only regular files are read, none over MAX_FILE_BYTES, and
// a written file appears whole (a temporary file, then a link or a rename).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { visible } from '../ssoTools/serverName';

/** Files larger than this are not read (a real update file is a few hundred bytes; 1 MiB characters is the validator's limit). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

type Read = { bytes: Uint8Array } | { tooLarge: number } | { error: string };

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
 * Writes `text` to `target` atomically: a temporary file in the same folder, flushed, then
 * renamed over the target (`force`) or hard-linked to it (fails with EEXIST when the target
 * exists, so a file created meanwhile is not clobbered). Where hard links are not supported the
 * rename is used after a check that the target does not exist.
 */
export function writeFileAtomic(target: string, text: string, force: boolean): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o644);
  try {
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (force) {
      fs.renameSync(temp, target);
      return;
    }
    try {
      fs.linkSync(temp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS'].includes(code ?? '')) throw e;
      if (fs.existsSync(target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
      fs.renameSync(temp, target);
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
