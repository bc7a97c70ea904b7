// Checks on the master secret backup file before ssoconfig runs, from the error
// catalogue (docs/tools.md#backup-file-rules; docs/pitfalls.md#the-restore-says-the-backup-file-has-the-wrong-format): a restore can
// fail with 10564 "The backup file does not have the correct format." when other
// .bak files are in the folder of the backup. Pure: the caller lists the folder.
import * as path from 'path';
import { proposeBackupFileName } from './commandLines';
import { windowsPathProblem } from './windowsPaths';

/** What the caller read from disk about a backup path. */
export interface BackupFileFacts {
  /** The backup file's path, as given to ssoconfig. */
  file: string;
  /** The folder of the file, as shown to the admin. */
  folder: string;
  /** The names in that folder, or undefined when the folder does not exist. */
  namesInFolder: readonly string[] | undefined;
  /** True when the file itself exists. */
  fileExists: boolean;
  /** What is at the path, not following a link (`symlink` for a link, dangling or not), when the caller could tell. */
  kind?: PathKind;
}

export type PathKind = 'missing' | 'file' | 'directory' | 'symlink' | 'other';

/**
 * The facts about a backup path, read with the file access the caller hands in (`readdir` and
 * `exists`, e.g. node's fs). Only a missing folder is reported as missing; one that cannot be
 * listed for another reason is taken as empty (not checked).
 */
/** What an lstat tells (node's fs.Stats has these). */
interface StatsLike { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }

export function readBackupFileFacts(file: string, io: { readdir: (folder: string) => string[]; exists: (p: string) => boolean; lstat?: (p: string) => StatsLike }): BackupFileFacts {
  const folder = path.dirname(file);
  let namesInFolder: string[] | undefined;
  try {
    namesInFolder = io.readdir(folder);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    namesInFolder = code === 'ENOENT' || code === 'ENOTDIR' ? undefined : [];
  }
  let kind: PathKind | undefined;
  if (io.lstat) {
    try {
      const st = io.lstat(file);
      kind = st.isSymbolicLink() ? 'symlink' : st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
    } catch {
      kind = 'missing';
    }
  }
  return { file, folder, namesInFolder, fileExists: io.exists(file), ...(kind ? { kind } : {}) };
}

export interface BackupFileCheck {
  /** Why ssoconfig must not run: it would fail, or do what the admin did not ask. */
  error?: string;
  /** What to know before it runs; the admin may go on. */
  warning?: string;
}

const MAX_NAMES = 3;

/** The other `.bak` files in the folder (case-insensitive, as on Windows), sorted. */
export function otherBackupFiles(fileName: string, namesInFolder: readonly string[]): string[] {
  const own = fileName.toLowerCase();
  return namesInFolder.filter((n) => /\.bak$/i.test(n) && n.toLowerCase() !== own).sort((a, b) => a.localeCompare(b));
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMES).join(', ');
  return names.length > MAX_NAMES ? `${shown} and ${names.length - MAX_NAMES} more` : shown;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

const FORMAT_ERROR = 'ENTSSO can fail the restore with "The backup file does not have the correct format." (10564) when other .bak files are next to the backup';

/** Before `ssoconfig -backupSecret FILE`. */
export function checkBackupTarget(facts: BackupFileFacts): BackupFileCheck {
  const path_ = windowsPathProblem(facts.file);
  if (path_) return { error: path_ };
  if (facts.kind === 'symlink') return { error: `${facts.file} is a symbolic link: ssoconfig would write the backup wherever it points. Give the path of the backup file itself.` };
  if (facts.kind === 'directory' || facts.kind === 'other') return { error: `${facts.file} is ${facts.kind === 'directory' ? 'a folder' : 'not a regular file (a pipe, socket or device)'}. Give the path of a new .bak file in an existing folder.` };
  if (facts.namesInFolder === undefined) {
    return { error: `The folder ${facts.folder} does not exist. Choose an existing folder on an NTFS volume or removable media for the backup.` };
  }
  const others = otherBackupFiles(baseName(facts.file), facts.namesInFolder);
  if (others.length === 0) return {};
  return { warning: `${facts.folder} has other backup files: ${listNames(others)}. ${FORMAT_ERROR}: before the restore, keep only this backup in its folder (or back up to a folder of its own).` };
}

/** Before `ssoconfig -restoreSecret FILE`. */
export function checkRestoreSource(facts: BackupFileFacts): BackupFileCheck {
  const path_ = windowsPathProblem(facts.file);
  if (path_) return { error: path_ };
  if (facts.kind === 'directory' || facts.kind === 'other') return { error: `${facts.file} is ${facts.kind === 'directory' ? 'a folder' : 'not a regular file (a pipe, socket or device)'}, not a backup file. Pick the .bak file made by the backup step (ssoconfig -backupSecret).` };
  if (!facts.fileExists) {
    return { error: `The backup file ${facts.file} does not exist. Pick the .bak file made by the backup step (ssoconfig -backupSecret); copy it to this computer first if it was made on another one.` };
  }
  const others = otherBackupFiles(baseName(facts.file), facts.namesInFolder ?? []);
  if (others.length === 0) return {};
  return { warning: `${facts.folder} has other backup files: ${listNames(others)}. ${FORMAT_ERROR}: move them away, keeping only the backup you restore in that folder.` };
}

/**
 * Why a backup task is not run: its file exists, and a task cannot ask (Run Task, tasks.json,
 * Rerun Last Task); the command "Back Up the Master Secret" asks first. `now` names an example.
 */
export function backupOverwriteRefusal(file: string, now: Date): string {
  return `${file} exists already, and a backup task (Run Task, tasks.json, Rerun Last Task) never overwrites a file. Name a new file in the task's "file" (for example ${proposeBackupFileName(now)}), or run "Master Secret: Back Up the Master Secret", which asks first.`;
}
