// Progress kept in a JSON file in the extension's global storage folder, written
// (temp file, then rename, one write at a time) before each change resolves. VS Code's globalState
// is flushed lazily, and in a browser window the flush on unload can be lost;
// a move of the master secret must not forget which steps are done.
import * as fs from 'fs';
import * as path from 'path';
import type { KeyValueStore } from '../../procedures/progress';

export class ProgressFile implements KeyValueStore {
  private data: Record<string, unknown> = {};

  constructor(private readonly file: string, initial?: { get<T>(key: string): T | undefined; keys(): readonly string[] }) {
    try {
      this.data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      // No file yet (or unreadable): start from what globalState held, if anything.
      if (initial) for (const k of initial.keys()) if (k.startsWith('mss.progress.')) this.data[k] = initial.get(k);
    }
  }

  get<T>(key: string): T | undefined {
    return this.data[key] as T | undefined;
  }

  /** The writes, one after the other: two at once would share the temp file (a reset while a task records its run). */
  private queue: Promise<void> = Promise.resolve();

  update(key: string, value: unknown): Promise<void> {
    this.data[key] = value;
    const text = JSON.stringify(this.data, null, 2);  // this change and all before it
    const write = this.queue.then(() => this.write(text));
    this.queue = write.catch(() => undefined);  // a failed write rejects its update only
    return write;
  }

  private async write(text: string): Promise<void> {
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.promises.writeFile(tmp, text);
    await fs.promises.rename(tmp, this.file);
  }
}
