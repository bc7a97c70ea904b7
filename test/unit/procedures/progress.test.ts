import * as assert from 'assert';
import { ProgressBook, type KeyValueStore } from '../../../src/procedures/progress';
import { procedures } from '../../../src/procedures';
import { renderReport } from '../../../src/procedures/report';
import { checkStoredProgress } from '../../../src/procedures/transfer';

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined { return this.data.get(key) as T | undefined; }
  update(key: string, value: unknown): Promise<void> { this.data.set(key, JSON.parse(JSON.stringify(value))); return Promise.resolve(); }
}

describe('ProgressBook', () => {
  let clock = 0;
  const now = () => new Date(Date.UTC(2026, 10, 23, 12, 0, clock++));
  const book = (store = new MemoryStore()) => new ProgressBook(store, Object.values(procedures), now);

  it('reports every step of a procedure as not done at first, in the contract shape', () => {
    const s = book().snapshot('moveToServer');
    assert.deepStrictEqual(Object.keys(s), ['install', 'configure', 'backup', 'updateDb', 'restartService', 'restore']);
    assert.ok(Object.values(s).every((x) => x.done === false && !('at' in x)));
  });

  it('marks done with time and keeps it in the store (a new book on the same store sees it)', async () => {
    const store = new MemoryStore();
    await book(store).setDone('moveToServer', 'install', true);
    const again = book(store).snapshot('moveToServer');
    assert.strictEqual(again.install.done, true);
    assert.match(again.install.at!, /^2026-11-23T12:00:\d\d\.000Z$/);
  });

  it('records out-of-order ticks with the missing steps', async () => {
    const b = book();
    assert.deepStrictEqual(b.missingPrerequisites('moveToServer', 'restore').length > 0, true);
    const r = await b.setDone('moveToServer', 'restore', true);
    assert.ok(r.outOfOrder);
    assert.ok(r.outOfOrder.missing.includes('updateDb'));
    assert.ok(r.outOfOrder.missing.includes('restartService'));
  });

  it('keeps the cluster\'s role and resource names with step 4, a later name replacing only its own, and a stored value of that shape passes the store\'s check', async () => {
    const store = new MemoryStore();
    const b = book(store);
    await b.setClusterNames('moveToCluster', 'bringOnline', { role: 'SSO Role' });
    await b.setClusterNames('moveToCluster', 'bringOnline', { resource: 'ENTSSO' });
    assert.deepStrictEqual(book(store).record('moveToCluster', 'bringOnline').cluster, { role: 'SSO Role', resource: 'ENTSSO' });
    assert.strictEqual(book(store).record('moveToCluster', 'bringOnline').done, false);
    const shapes = Object.values(procedures);
    assert.strictEqual(checkStoredProgress(shapes, 'mss.progress.moveToCluster', store.get('mss.progress.moveToCluster')), undefined);
    assert.match(checkStoredProgress(shapes, 'mss.progress.moveToCluster', { bringOnline: { done: false, cluster: { role: 'R', owner: 'x' } } }) ?? '', /cluster/);
  });

  it('a run with exit 0 marks the step done with the code; a failing run records the code and leaves it open', async () => {
    const b = book();
    await b.recordRun('moveToServer', 'backup', 3);
    assert.deepStrictEqual([b.record('moveToServer', 'backup').done, b.record('moveToServer', 'backup').exitCode], [false, 3]);
    await b.recordRun('moveToServer', 'backup', 0);
    assert.deepStrictEqual([b.record('moveToServer', 'backup').done, b.record('moveToServer', 'backup').exitCode], [true, 0]);
    await b.recordRun('moveToServer', 'backup', 4);
    assert.strictEqual(b.record('moveToServer', 'backup').done, true, 'a later failed run does not undo a done step');
  });

  it('a failing run keeps the tool errors it printed; a later success clears them', async () => {
    const b = book();
    await b.recordRun('moveToServer', 'updateDb', 1, undefined, ['0xC0002A0F: Could not contact the SSO server.']);
    assert.deepStrictEqual(b.record('moveToServer', 'updateDb').lastErrors, ['0xC0002A0F: Could not contact the SSO server.']);
    await b.recordRun('moveToServer', 'updateDb', 2);
    assert.strictEqual(b.record('moveToServer', 'updateDb').lastErrors, undefined, 'a failure without ERROR lines does not keep older ones');
    await b.recordRun('moveToServer', 'updateDb', 1, undefined, ['0xC0002A0F: x']);
    await b.recordRun('moveToServer', 'updateDb', 0);
    assert.strictEqual(b.record('moveToServer', 'updateDb').lastErrors, undefined);
    await b.setMachines('moveToCluster', 'serverAll', ['BTS1']);
    await b.recordRun('moveToCluster', 'serverAll', 1, 'BTS1', ['0xC0002A0F: y']);
    assert.deepStrictEqual(b.record('moveToCluster', 'serverAll').lastErrors, ['0xC0002A0F: y']);
    await b.recordRun('moveToCluster', 'serverAll', 0, 'BTS1');
    assert.strictEqual(b.record('moveToCluster', 'serverAll').lastErrors, undefined);
    assert.strictEqual(b.record('moveToCluster', 'serverAll').done, true);
  });

  it('a stopped run is recorded without touching done; the next run clears it', async () => {
    const b = book();
    const r = await b.recordStopped('moveToServer', 'backup');
    assert.strictEqual(r.done, false);
    assert.match(r.stoppedAt!, /^2026-11-23T12:00:\d\d\.000Z$/);
    await b.recordRun('moveToServer', 'backup', 5);
    assert.strictEqual(b.record('moveToServer', 'backup').stoppedAt, undefined);
    await b.recordRun('moveToServer', 'backup', 0);
    await b.recordStopped('moveToServer', 'backup');
    assert.strictEqual(b.record('moveToServer', 'backup').done, true, 'a stopped re-run does not undo a done step');
    assert.deepStrictEqual(b.snapshot('moveToServer').backup.done, true);
  });

  it('sub-steps are ticked on their own; a step marked done ticks them all, marked not done keeps them', async () => {
    const b = book();
    await b.setSubStepDone('moveToServer', 'updateDb', 2, true);
    await b.setSubStepDone('moveToServer', 'updateDb', 1, true);
    assert.deepStrictEqual(b.record('moveToServer', 'updateDb').subStepsDone, [1, 2]);
    assert.strictEqual(b.record('moveToServer', 'updateDb').done, false, 'a sub-step does not make the step done');
    await b.setSubStepDone('moveToServer', 'updateDb', 2, false);
    assert.deepStrictEqual(b.record('moveToServer', 'updateDb').subStepsDone, [1]);
    await b.setSubStepDone('moveToServer', 'updateDb', 1, false);
    assert.strictEqual(b.record('moveToServer', 'updateDb').subStepsDone, undefined);
    await assert.rejects(b.setSubStepDone('moveToServer', 'updateDb', 5, true), /updateDb\.1 to updateDb\.4; there is no updateDb\.5/);
    await assert.rejects(b.setSubStepDone('moveToServer', 'install', 1, true), /has no sub-steps/);
    await b.setSubStepDone('moveToServer', 'updateDb', 3, true);
    await b.recordRun('moveToServer', 'updateDb', 0);
    assert.deepStrictEqual(b.record('moveToServer', 'updateDb').subStepsDone, [1, 2, 3, 4], 'a successful run did them all');
    await b.setDone('moveToServer', 'updateDb', false);
    assert.deepStrictEqual(b.record('moveToServer', 'updateDb').subStepsDone, [1, 2, 3, 4]);
    assert.deepStrictEqual(b.snapshot('moveToServer').updateDb, { done: false }, 'the contract shape is unchanged');
  });

  it('a per-machine step is done when every listed machine is done', async () => {
    const b = book();
    await b.setMachines('moveToCluster', 'copyBackup', ['NODE1', ' node2 ', 'Node1', '']);
    assert.deepStrictEqual(b.record('moveToCluster', 'copyBackup').machines!.map((m) => m.name), ['NODE1', 'node2']);
    await b.setMachineDone('moveToCluster', 'copyBackup', 'node1', true);
    assert.strictEqual(b.record('moveToCluster', 'copyBackup').done, false);
    await b.setMachineDone('moveToCluster', 'copyBackup', 'NODE2', true);
    assert.strictEqual(b.record('moveToCluster', 'copyBackup').done, true);
    await b.setMachineDone('moveToCluster', 'copyBackup', 'NODE2', false);
    assert.strictEqual(b.record('moveToCluster', 'copyBackup').done, false);
    await assert.rejects(b.setMachines('moveToServer', 'install', ['A']), /not done once per machine/);
  });

  it('a run for a machine ticks that machine only', async () => {
    const b = book();
    await b.setMachines('moveToCluster', 'serverAll', ['BTS1', 'BTS2']);
    await b.recordRun('moveToCluster', 'serverAll', 0, 'BTS1');
    await b.recordRun('moveToCluster', 'serverAll', 7, 'BTS2');
    const r = b.record('moveToCluster', 'serverAll');
    assert.deepStrictEqual(r.machines!.map((m) => [m.name, m.done, m.exitCode]), [['BTS1', true, 0], ['BTS2', false, 7]]);
    assert.strictEqual(r.done, false);
  });

  it('reset clears one or both procedures, and restore puts back what was read', async () => {
    const b = book();
    await b.setDone('moveToServer', 'install', true);
    await b.setDone('moveToCluster', 'clusterSetup', true);
    const before = b.read('moveToServer');
    await b.reset('moveToCluster');
    assert.strictEqual(b.counts('moveToServer').done, 1);
    assert.strictEqual(b.counts('moveToCluster').done, 0);
    await b.reset();
    assert.strictEqual(b.counts('moveToServer').done, 0);
    await b.restore('moveToServer', before);
    assert.strictEqual(b.counts('moveToServer').done, 1);
  });

  it('rejects unknown procedures and steps with the valid names', async () => {
    const b = book();
    assert.throws(() => b.snapshot('nowhere'), /moveToServer, moveToCluster/);
    await assert.rejects(b.setDone('moveToServer', 'nope', true), /install, configure/);
  });

  it('remembers the server a successful -updatedb named, next to its run; a later failed run keeps it', async () => {
    const b = book();
    await b.recordRun('moveToServer', 'updateDb', 0);
    await b.setNewServer('moveToServer', 'updateDb', 'BTSMSS02');
    await b.recordRun('moveToServer', 'updateDb', 1);
    const r = b.record('moveToServer', 'updateDb');
    assert.deepStrictEqual([r.done, r.exitCode, r.newServer], [true, 1, 'BTSMSS02']);
  });

  describe('change: one function, one write', () => {
    /** A store that counts its writes (update or change). */
    class CountingStore extends MemoryStore {
      writes = 0;
      override update(key: string, value: unknown): Promise<void> { this.writes++; return super.update(key, value); }
    }
    const run = { commandLine: 'ssomanage.exe -updatedb NewMSSServer.xml', startedAt: '2026-11-23T12:00:00.000Z', endedAt: '2026-11-23T12:00:01.000Z', computer: 'BTSMSS01', user: 'CONTOSO\\admin', secretServer: 'BTSMSS02' };

    it('a tool run (its record, its tick, its new server) is one write, and all three are there', async () => {
      const store = new CountingStore();
      const b = book(store);
      await b.recordToolRun('moveToServer', 'updateDb', { exitCode: 0, run: { ...run, exitCode: 0 }, newServer: 'BTSMSS02' });
      assert.strictEqual(store.writes, 1);
      const r = b.record('moveToServer', 'updateDb');
      assert.deepStrictEqual([r.done, r.exitCode, r.newServer, r.runs?.length], [true, 0, 'BTSMSS02', 1]);
    });

    it('the old callers write once too: a failed run with its record, a stopped run, a machine\'s run', async () => {
      const store = new CountingStore();
      const b = book(store);
      await b.recordRun('moveToServer', 'updateDb', 1, undefined, ['0xC0002A0F: x'], { ...run, exitCode: 1 });
      await b.recordStopped('moveToServer', 'backup', run);
      await b.recordRun('moveToCluster', 'serverAll', 0, 'BTS1', [], run);
      assert.strictEqual(store.writes, 3);
      assert.deepStrictEqual(b.record('moveToServer', 'updateDb').lastErrors, ['0xC0002A0F: x']);
      assert.strictEqual(b.record('moveToServer', 'updateDb').newServer, undefined);
      assert.ok(b.record('moveToServer', 'backup').stoppedAt);
      assert.deepStrictEqual(b.record('moveToCluster', 'serverAll').machines?.map((m) => [m.name, m.done]), [['BTS1', true]]);
    });

    it('a failed run never remembers a new server', async () => {
      const b = book();
      await b.recordToolRun('moveToServer', 'updateDb', { exitCode: 3, run, newServer: 'BTSMSS02' });
      assert.strictEqual(b.record('moveToServer', 'updateDb').newServer, undefined);
    });

    it('a change that throws writes nothing, and the book is unchanged', async () => {
      const store = new CountingStore();
      const b = book(store);
      await b.setDone('moveToServer', 'install', true);
      await assert.rejects(b.change('moveToServer', (p) => { p.install.done = false; throw new Error('no'); }), /no/);
      assert.strictEqual(store.writes, 1);
      assert.strictEqual(b.record('moveToServer', 'install').done, true);
    });

    it('the function gets the progress as stored, and what it returns is handed back', async () => {
      const b = book();
      await b.setDone('moveToServer', 'install', true);
      const seen = await b.change('moveToServer', (p) => Object.keys(p));
      assert.deepStrictEqual(seen, ['install']);
    });
  });

  it('notifies listeners on every change', async () => {
    const b = book();
    const seen: string[] = [];
    b.onDidChange((p) => seen.push(p));
    await b.setDone('moveToCluster', 'clusterSetup', true);
    await b.reset('moveToServer');
    assert.deepStrictEqual(seen, ['moveToCluster', 'moveToServer']);
  });
});

describe('renderReport', () => {
  it('lists every step with status, time, exit code, machines and out-of-order ticks', () => {
    const md = renderReport(procedures.moveToCluster, {
      clusterSetup: { done: true, at: '2026-11-23T10:00:00.000Z' },
      bringOnline: { done: false, stoppedAt: '2026-11-23T10:30:00.000Z' },
      serverAll: { done: false, lastErrors: ['0xC0002A0F: Could not contact the SSO server | x.'], machines: [{ name: 'BTS1', done: true, exitCode: 0, at: '2026-11-23T10:05:00.000Z' }, { name: 'BTS2', done: false }] },
      restoreEachNode: { done: true, at: '2026-11-23T11:00:00.000Z', exitCode: 0, outOfOrder: { at: '2026-11-23T11:00:00.000Z', missing: ['cycleResource'] } },
    }, new Date('2026-11-23T12:00:00Z'), 'BTSMSS01');
    assert.match(md, /^# /);
    assert.ok(md.includes('Record written by Master Secret Mover on BTSMSS01 at 2026-11-23T12:00:00.000Z: 2 of 7 steps done.'), md);
    assert.match(md, /2 of 7 steps done/);
    assert.match(md, /\| 1 \| [^|]+ \| [^|]+ \| done \| 2026-11-23T10:00:00.000Z \|/);
    assert.match(md, /done \(out of order\)/);
    assert.match(md, /\| 4 \| [^|]+ \| [^|]+ \| not done \(last run stopped\) \|/);
    assert.match(md, /BTS1: done \(2026-11-23T10:05:00.000Z\), exit code 0/);
    assert.match(md, /BTS2: not done/);
    assert.ok(md.includes('- Step 3, last run printed: ERROR 0xC0002A0F: Could not contact the SSO server \\| x.'), md);
    assert.ok(md.includes(`before: 6. ${procedures.moveToCluster.steps[5].title} (the admin confirmed)`), md);
    assert.strictEqual((md.match(/^\| \d+ \|/gm) ?? []).length, 7);
  });

  it('names the server -updatedb made the master secret server', () => {
    const md = renderReport(procedures.moveToServer, { updateDb: { done: true, exitCode: 0, newServer: 'BTSMSS02' } }, new Date('2026-11-23T12:00:00Z'), 'BTSMSS01');
    assert.ok(md.includes('- Step 4 named BTSMSS02 as the new master secret server.'), md);
  });

  it('lists the sub-steps ticked of a step not done', () => {
    const md = renderReport(procedures.moveToServer, { updateDb: { done: false, subStepsDone: [1, 3] } }, new Date('2026-11-23T12:00:00Z'), 'BTSMSS01');
    assert.ok(md.includes('- Step 4: sub-steps done: 4.1, 4.3 of 4'), md);
  });
});
