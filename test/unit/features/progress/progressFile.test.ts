import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProgressFile } from '../../../../src/features/progress/progressFile';

describe('ProgressFile (the progress store on disk)', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-progress-file-')); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('writes before the update resolves, and a new store reads it back', async () => {
    const file = path.join(dir, 'sub', 'progress.json');
    await new ProgressFile(file).update('mss.progress.moveToServer', { install: { done: true } });
    assert.deepEqual(new ProgressFile(file).get('mss.progress.moveToServer'), { install: { done: true } });
  });

  it('updates that overlap all succeed, and the file ends with the last state (two changes at once: a reset while a task records its run)', async () => {
    const file = path.join(dir, 'progress.json');
    const store = new ProgressFile(file);
    const updates = Array.from({ length: 25 }, (_x, i) => store.update(i % 2 ? 'mss.progress.moveToServer' : 'mss.progress.moveToCluster', { n: i }));
    await Promise.all(updates);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { 'mss.progress.moveToCluster': { n: 24 }, 'mss.progress.moveToServer': { n: 23 } });
    assert.deepEqual(fs.readdirSync(dir), ['progress.json'], 'no temporary file is left behind');
  });

  it('starts from globalState when there is no file yet (progress of an older version)', () => {
    const seed = { get: <T>(k: string) => ({ 'mss.progress.moveToServer': { backup: { done: true } } } as Record<string, unknown>)[k] as T, keys: () => ['mss.progress.moveToServer', 'other.key'] };
    const store = new ProgressFile(path.join(dir, 'progress.json'), seed);
    assert.deepEqual(store.get('mss.progress.moveToServer'), { backup: { done: true } });
    assert.equal(store.get('other.key'), undefined);
  });

  it('a failed write rejects that update, and the next one still writes', async () => {
    const blocked = path.join(dir, 'file-not-folder');
    fs.writeFileSync(blocked, '');
    const store = new ProgressFile(path.join(blocked, 'progress.json'));
    await assert.rejects(store.update('k', 1));
    fs.rmSync(blocked);
    await store.update('k', 2);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(blocked, 'progress.json'), 'utf8')), { k: 2 });
  });
});
