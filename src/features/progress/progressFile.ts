// Progress kept in a JSON file in the extension's global storage folder, written before each
// change resolves. VS Code's globalState is flushed lazily, and in a browser window the flush on
// unload can be lost; a move of the master secret must not forget which steps are done.
//
// Several windows share the file (one global storage folder per profile), so a write never
// writes this window's copy over the file: under a lock file it reads what is on disk now and
// applies the change to that (change(): the function ProgressBook.change hands it), or merges a
// value written whole into it step by step (update(): a step this window did not change keeps what
// the other window wrote). A watcher reloads the file when another window wrote it, and tells the UI.
// A file that cannot be read, or holds something that is not progress, is kept aside as a dated
// copy and the admin is told; the extension goes on. Every write is a temp file in the same
// folder, then a rename: the file is never half-written, and no temp file is left behind.
// No `vscode` import: unit-tested in plain Node (test/unit/features/progress/progressFile.test.ts).
import * as fs from 'fs';
import * as path from 'path';
import type { KeyValueStore } from '../../procedures/progress';
import { parsePlainJson } from '../../procedures/transfer';

/** What a store of the previous version (globalState) offers to start from. */
export interface InitialValues { get<T>(key: string): T | undefined; keys(): readonly string[] }

export interface ProgressFileOptions {
  /**
   * Why a stored value is wrong, or undefined when it is right (the shapes of procedures/progress.ts).
   * A change whose result this says no to is not written: it fails, saying why.
   */
  check?: (key: string, value: unknown) => string | undefined;
  /**
   * A stored value as this version reads it: what is wrong dropped alone (each named), the rest
   * kept (readStoredProgress in procedures/transfer.ts). Without it, a value `check` refuses is
   * dropped whole.
   */
  read?: (key: string, value: unknown) => { value: unknown; dropped: string[] };
  /** Told, in the admin's words, when the file was kept aside. */
  onProblem?: (message: string) => void;
  now?: () => Date;
  /** A lock not refreshed for this long is from a window that died (default 10 s); its holder refreshes it every third of that. */
  staleLockMs?: number;
  /** How long a change waits for the lock before it fails, saying so (default 15 s: a stale lock is taken over before). */
  lockWaitMs?: number;
  /** Called under the lock just before the write (tests slow a write down with it). */
  beforeWrite?: () => Promise<void>;
}

const PREFIX = 'mss.progress.';
/** A lock not refreshed for this long is from a window that died while writing. */
const STALE_LOCK_MS = 10_000;
const LOCK_WAIT_MS = 15_000;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with sorted keys: two values are the same when this is. */
function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (isPlainObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canon(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}
const same = (a: unknown, b: unknown) => canon(a) === canon(b);

/**
 * This window's change of one value, merged into what is on disk: `base` is what this window had
 * before the change, `mine` the change, `theirs` what the file holds now. For objects (a
 * procedure's steps) each entry on its own: one this window left as it was keeps theirs.
 */
export function mergeChange(base: unknown, mine: unknown, theirs: unknown): unknown {
  if (same(mine, base)) return theirs;
  if (same(theirs, base)) return mine;
  if (!isPlainObject(mine) || !isPlainObject(theirs)) return mine;
  const b = isPlainObject(base) ? base : {};
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
    const v = same(mine[k], b[k]) ? theirs[k] : mine[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/**
 * Writes a file atomically: a temp file in the same folder, then a rename over the target (or,
 * with `exclusive`, a link that fails when the target exists: an existing file is never
 * replaced). The temp file is removed whatever happens.
 */
export async function writeAtomic(file: string, data: string, opts: { exclusive?: boolean } = {}): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await fs.promises.writeFile(tmp, data, { flag: 'wx' });
    if (!opts.exclusive) {
      await fs.promises.rename(tmp, file);
    } else {
      try {
        await fs.promises.link(tmp, file);
      } catch (e) {
        // A volume without hard links (FAT, some shares): a copy that still fails when the file exists.
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
        await fs.promises.copyFile(tmp, file, fs.constants.COPYFILE_EXCL);
      }
    }
  } finally {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
  }
}

export class ProgressFile implements KeyValueStore {
  /** What this window sees: the file as last read or written, with its changes not yet written. */
  private data: Record<string, unknown> = {};
  /** The file as last read or written. */
  private onDisk: Record<string, unknown> = {};
  private pending: Array<{ key: string; value: unknown }> = [];
  private readonly listeners = new Set<(keys: readonly string[]) => void>();
  private readonly options: ProgressFileOptions;

  constructor(private readonly file: string, initial?: InitialValues, options: ProgressFileOptions = {}) {
    this.options = options;
    const read = this.readDisk();
    if (read === 'missing') {
      // No file yet: start from what globalState held (an older version), if it is progress.
      if (initial) {
        for (const k of initial.keys()) {
          const v = initial.get(k);
          if (k.startsWith(PREFIX) && v !== undefined && this.options.check?.(k, v) === undefined) this.onDisk[k] = v;
        }
      }
    } else {
      this.onDisk = read;
    }
    this.data = { ...this.onDisk };
  }

  get<T>(key: string): T | undefined {
    return this.data[key] as T | undefined;
  }

  /** Told with the keys that changed when another window wrote the file (see watch()). */
  onDidChangeKeys(listener: (keys: readonly string[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The writes, one after the other. */
  private queue: Promise<void> = Promise.resolve();

  /**
   * This window's value of `key`, shown at once and merged into the file (see mergeChange): a
   * value computed from what this window had. A change computed from what is on disk is change().
   */
  update(key: string, value: unknown): Promise<void> {
    const base = this.data[key];
    this.data[key] = value;
    const pending = { key, value };
    this.pending.push(pending);
    return this.enqueue(key, (theirs) => mergeChange(base, value, theirs), pending).then(() => undefined);
  }

  /**
   * Applies `fn` to the value of `key` as the file holds it now, read under the lock, and writes
   * the result once (atomically) before the lock is released: no other window writes in between.
   * Resolves with what was written.
   */
  change(key: string, fn: (current: unknown) => unknown): Promise<unknown> {
    return this.enqueue(key, fn);
  }

  private enqueue(key: string, fn: (current: unknown) => unknown, pending?: { key: string; value: unknown }): Promise<unknown> {
    const write = this.queue.then(() => this.commit(key, fn, pending)).finally(() => {
      if (pending) this.pending.splice(this.pending.indexOf(pending), 1);
    });
    this.queue = write.then(() => undefined, () => {
      // A failed write rejects its change only; what this window shows goes back to the file.
      this.data = this.withPending(this.onDisk);
    });
    return write;
  }

  /** The file's values with this window's updates not yet written over them (`except` one of them). */
  private withPending(disk: Record<string, unknown>, except?: { key: string; value: unknown }): Record<string, unknown> {
    const out = { ...disk };
    for (const p of this.pending) if (p !== except) out[p.key] = p.value;
    return out;
  }

  private async commit(key: string, fn: (current: unknown) => unknown, pending?: { key: string; value: unknown }): Promise<unknown> {
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    const { release, held } = await this.lock();
    try {
      const read = this.readDisk();
      const disk = read === 'missing' ? { ...this.onDisk } : read;
      const next = fn(disk[key] === undefined ? undefined : structuredClone(disk[key]));
      // Never write what the next read would drop: the change fails, saying why, and the file stays as it was.
      const why = next === undefined ? undefined : this.options.check?.(key, next);
      if (why !== undefined) throw new Error(`Master Secret Mover did not write this change to its progress file, because it would not read it back: ${why}.`);
      if (next === undefined) delete disk[key]; else disk[key] = next;
      await this.options.beforeWrite?.();
      // A window that stalled past the stale time may have lost its lock to another: then it writes nothing.
      if (!(await held())) throw new Error(`Master Secret Mover did not save this change of the progress: this window was too slow, and another window took over the lock of its progress file (${this.file}.lock). Make the change again.`);
      await writeAtomic(this.file, JSON.stringify(disk, null, 2));
      this.onDisk = disk;
      // What was written; another update of the same key not yet written stays shown over it.
      this.data = this.withPending(disk, pending);
      return next;
    } finally {
      await release();
    }
  }

  /**
   * The lock: a file next to the progress file, created exclusively, holding a token of its own.
   * While held it is refreshed (its time set) every third of the stale time, so a live window's
   * lock, however slow its write, is never taken. A lock not refreshed for the stale time is from
   * a window that died: it is moved aside by a rename (atomic: of two windows, one gets it), and
   * only when what was moved is the stale lock seen is it dropped (otherwise it is put back).
   * Release removes the lock only when it holds this window's token. A change that cannot get the
   * lock in time fails, saying so; it never takes a live lock.
   */
  private async lock(): Promise<{ release: () => Promise<void>; held: () => Promise<boolean> }> {
    const lockFile = `${this.file}.lock`;
    const stale = this.options.staleLockMs ?? STALE_LOCK_MS;
    const wait = this.options.lockWaitMs ?? LOCK_WAIT_MS;
    const token = `${process.pid}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}`;
    const until = Date.now() + wait;
    for (;;) {
      try {
        await fs.promises.writeFile(lockFile, token, { flag: 'wx' });
        return this.held(lockFile, token, stale);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const seen = await readLock(lockFile);
      if (seen && Date.now() - seen.mtimeMs > stale) {
        await takeAside(lockFile, seen.token, token);
        continue;
      }
      if (Date.now() > until) {
        throw new Error(`Master Secret Mover did not save this change of the progress: another window has held the lock of its progress file (${lockFile}) for over ${Math.round(wait / 1000)} s and is still using it. Try again; if it stays so, close the other VS Code windows and try again.`);
      }
      await new Promise((r) => setTimeout(r, 15 + Math.random() * 20));
    }
  }

  /** Keeps a held lock fresh; the release removes it only while it holds `token`. */
  private held(lockFile: string, token: string, stale: number): { release: () => Promise<void>; held: () => Promise<boolean> } {
    const refresh = setInterval(() => {
      void readLock(lockFile).then((l) => {
        if (l?.token !== token) return;
        const now = new Date();
        return fs.promises.utimes(lockFile, now, now);
      }).catch(() => undefined);
    }, Math.max(10, Math.floor(stale / 3)));
    refresh.unref?.();
    return {
      release: async () => {
        clearInterval(refresh);
        await takeAside(lockFile, token, token);
      },
      held: async () => (await readLock(lockFile))?.token === token,
    };
  }

  /**
   * The file's values, checked; 'missing' when there is no file. A file that cannot be parsed,
   * or is not an object, is kept aside and reads as empty; values that are not progress are
   * dropped (the whole file is kept aside first).
   */
  private readDisk(): Record<string, unknown> | 'missing' {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      this.problem(`Master Secret Mover cannot read its progress file ${this.file} (${(e as Error).message}), so it starts without the progress kept there. Check the file's permissions, then reload the window.`);
      return {};
    }
    let value: unknown;
    try {
      value = parsePlainJson(text);
    } catch (e) {
      return this.setAside(e instanceof SyntaxError ? 'it is not valid JSON (cut off, or changed by hand)' : (e as Error).message, {});
    }
    if (!isPlainObject(value)) return this.setAside(`it holds ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`} instead of the progress`, {});
    const good: Record<string, unknown> = {};
    const wrong: string[] = [];
    let partly = false;
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith(PREFIX) && this.options.read) {
        const read = this.options.read(k, v);
        good[k] = read.value;
        if (read.dropped.length > 0) {
          partly = true;
          const shown = read.dropped.slice(0, 5).join('; ') + (read.dropped.length > 5 ? `; and ${read.dropped.length - 5} more` : '');
          wrong.push(`${k.slice(PREFIX.length)}: ${shown}`);
        }
        continue;
      }
      const why = k.startsWith(PREFIX) ? this.options.check?.(k, v) : undefined;
      if (why === undefined) good[k] = v; else wrong.push(`${k.slice(PREFIX.length)}: ${why}`);
    }
    return wrong.length === 0 ? good : this.setAside(`the progress of ${wrong.join('; ')}`, good, partly);
  }

  private setAside(why: string, kept: Record<string, unknown>, partly = false): Record<string, unknown> {
    const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const parsed = path.parse(this.file);
    let copy = path.join(parsed.dir, `${parsed.name}.unreadable-${stamp}${parsed.ext}`);
    for (let n = 2; fs.existsSync(copy); n++) copy = path.join(parsed.dir, `${parsed.name}.unreadable-${stamp}-${n}${parsed.ext}`);
    let kept_ = `kept a copy as ${copy}`;
    try {
      fs.copyFileSync(this.file, copy, fs.constants.COPYFILE_EXCL);
    } catch (e) {
      kept_ = `could not keep a copy (${(e as Error).message})`;
    }
    if (partly) {
      this.problem(`Master Secret Mover could not use part of its progress file ${this.file}: ${why}. It ${kept_}, dropped only what is named here and goes on with the rest of the progress. Check those steps, tick again what was done, or import the last record of the move (Master Secret: Import Progress from a Record).`);
      return kept;
    }
    const what = Object.keys(kept).some((k) => k.startsWith(PREFIX)) ? 'the rest of the progress' : 'no progress';
    this.problem(`Master Secret Mover could not use its progress file ${this.file}: ${why}. It ${kept_} and goes on with ${what}. Tick again the steps that were done, or import the last record of the move (Master Secret: Import Progress from a Record).`);
    return kept;
  }

  private problem(message: string): void {
    this.options.onProblem?.(message);
  }

  /**
   * Watches the file for writes of other windows: reloads it and tells onDidChangeKeys which
   * values changed. Returns what stops the watching.
   */
  watch(): { dispose(): void } {
    let timer: NodeJS.Timeout | undefined;
    let watcher: fs.FSWatcher | undefined;
    const reload = () => {
      timer = undefined;
      void this.queue.then(() => this.reload());
    };
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      watcher = fs.watch(path.dirname(this.file), (_event, name) => {
        if (name && name.toString() !== path.basename(this.file)) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(reload, 50);
      });
      watcher.on('error', () => watcher?.close());
    } catch {
      // No watching (the folder cannot be watched): each write still merges what is on disk.
    }
    return { dispose: () => { if (timer) clearTimeout(timer); watcher?.close(); } };
  }

  /** Reads the file again (another window wrote it) and tells which values changed. */
  reload(): readonly string[] {
    const read = this.readDisk();
    if (read === 'missing') return [];
    this.onDisk = read;
    const next = this.withPending(read);
    const changed = [...new Set([...Object.keys(this.data), ...Object.keys(next)])].filter((k) => !same(this.data[k], next[k]));
    this.data = next;
    if (changed.length > 0) for (const l of this.listeners) l(changed);
    return changed;
  }
}

/** The lock file's token and when it was last refreshed, or undefined when there is none. */
async function readLock(lockFile: string): Promise<{ token: string; mtimeMs: number } | undefined> {
  try {
    const [token, stat] = await Promise.all([fs.promises.readFile(lockFile, 'utf8'), fs.promises.stat(lockFile)]);
    return { token, mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * Removes the lock file when it holds `expected`: renamed aside first (one rename of it
 * succeeds), then dropped if it is the one expected, or put back (a link, which fails rather
 * than replace a lock created meanwhile) if it is another window's.
 */
async function takeAside(lockFile: string, expected: string, mine: string): Promise<void> {
  const aside = `${lockFile}.${mine}.aside`;
  try {
    await fs.promises.rename(lockFile, aside);
  } catch {
    return;  // gone already, or another window moved it first
  }
  try {
    const token = await fs.promises.readFile(aside, 'utf8');
    if (token !== expected) await fs.promises.link(aside, lockFile).catch(() => undefined);
  } finally {
    await fs.promises.rm(aside, { force: true }).catch(() => undefined);
  }
}
