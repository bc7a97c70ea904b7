import * as assert from 'node:assert/strict';
import { procedures } from '../../../src/procedures';
import type { ProcedureProgress, RunRecord } from '../../../src/procedures/progress';
import { ProgressBook } from '../../../src/procedures/progress';
import { renderReport } from '../../../src/procedures/report';
import { mergeProgress, readTransfer, renderTransferBlock } from '../../../src/procedures/transfer';

const AT = new Date('2026-11-30T12:00:00Z');
const SHA = 'a'.repeat(64);
const backupRun: RunRecord = {
  commandLine: '"C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\ssoconfig.exe" -backupSecret D:\\Backups\\SSO.bak',
  exitCode: 0, startedAt: '2026-11-30T10:00:00.000Z', endedAt: '2026-11-30T10:00:40.000Z',
  computer: 'BTSMSS01', user: 'CONTOSO\\btsadmin', file: { path: 'D:\\Backups\\SSO.bak', size: 1234, sha256: SHA },
};
const updateRuns: RunRecord[] = [
  { commandLine: 'ssomanage.exe -updatedb C:\\w\\NewMSSServer.xml', exitCode: 1, startedAt: '2026-11-30T10:05:00.000Z', endedAt: '2026-11-30T10:05:03.000Z', computer: 'BTSMSS01', user: 'CONTOSO\\btsadmin', file: { path: 'C:\\w\\NewMSSServer.xml', size: 120, sha256: 'b'.repeat(64) }, secretServer: 'BTSMSS02' },
  { commandLine: 'ssomanage.exe -updatedb C:\\w\\NewMSSServer.xml', exitCode: 0, startedAt: '2026-11-30T10:06:00.000Z', endedAt: '2026-11-30T10:06:02.000Z', computer: 'BTSMSS01', user: 'CONTOSO\\btsadmin', file: { path: 'C:\\w\\NewMSSServer.xml', size: 120, sha256: 'b'.repeat(64) }, secretServer: 'BTSMSS02' },
];
const progress: ProcedureProgress = {
  backup: { done: true, at: backupRun.endedAt, exitCode: 0, runs: [backupRun] },
  updateDb: {
    done: true, at: updateRuns[1].endedAt, exitCode: 0, newServer: 'BTSMSS02', runs: updateRuns,
    checks: { secretServerName: { verdict: 'pass', summary: '-displaydb names BTSMSS02 as the master secret server.', evidence: 'ssomanage.exe -displaydb\nSingle Sign-On Secret Server name: BTSMSS02', at: '2026-11-30T10:07:00.000Z', computer: 'BTSMSS01' } },
  },
  restore: {
    done: false,
    checks: { restoreLogged: { verdict: 'unverified', summary: 'No restore is logged on BTSMSS02.', evidence: 'wevtutil qe ...\n<!-- master-secret-mover progress v1 injected -->', next: 'Restore the master secret.', at: '2026-11-30T10:08:00.000Z', computer: 'BTSMSS02' } },
  },
};

describe('the record of the move (renderReport)', () => {
  const md = renderReport(procedures.moveToServer, progress, AT, 'BTSMSS01', { change: 'CHG0012345' });

  it('names the change number the admin gave', () => {
    assert.match(md, /^Change: CHG0012345$/m);
    assert.doesNotMatch(renderReport(procedures.moveToServer, progress, AT, 'BTSMSS01'), /^Change:/m);
  });

  it('lists every run, oldest first, with the exact command line, exit code, times, computer, user and file with size and SHA-256', () => {
    const rows = md.split('\n').filter((l) => /^\| \d+ \| 2026-/.test(l));
    assert.equal(rows.length, 3, 'three runs: a step run twice shows both');
    assert.ok(rows[0].startsWith('| 3 | 2026-11-30T10:00:00.000Z | 2026-11-30T10:00:40.000Z | 0 | BTSMSS01 | CONTOSO\\btsadmin |'));
    assert.ok(rows[0].includes('`"C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\ssoconfig.exe" -backupSecret D:\\Backups\\SSO.bak`'), rows[0]);
    assert.ok(rows[0].includes(`\`D:\\Backups\\SSO.bak\`, 1234 bytes, SHA-256 ${SHA}`), rows[0]);
    assert.ok(rows[1].includes('| 1 |') && rows[1].includes('names BTSMSS02'), rows[1]);
    assert.ok(rows[2].includes('| 0 |') && rows[2].includes(`SHA-256 ${'b'.repeat(64)}`), rows[2]);
  });

  it('holds every verdict with its summary and evidence, and what to do', () => {
    // Each computer's verdicts under its name.
    assert.match(md, /### Read on BTSMSS01\n\n\| step \| check \| verdict \| at \| summary \|\n\|---\|---\|---\|---\|---\|\n\| 4 \| secretServerName \| pass \| 2026-11-30T10:07:00.000Z \| -displaydb names BTSMSS02 as the master secret server\. \|$/m);
    assert.match(md, /### Read on BTSMSS02\n\n[^#]*^\| 6 \| restoreLogged \| unverified \|/m);
    assert.match(md, /#### Step 4, secretServerName on BTSMSS01: pass[\s\S]*Single Sign-On Secret Server name: BTSMSS02/);
    assert.match(md, /What to do: Restore the master secret\./);
  });

  it('no text from a tool can open a second progress block: the record still imports', () => {
    const read = readTransfer(md, Object.values(procedures));
    assert.ok(read.ok, read.ok ? '' : read.error);
    if (read.ok) assert.deepEqual(read.transfer.progress, progress);
  });

  it('says that no password is recorded, and holds none of the shapes ssoconfig asks for', () => {
    assert.match(md, /No password was recorded/);
    assert.doesNotMatch(md, /password\s*[:=]\s*\S/i);
    assert.doesNotMatch(md, /reminder\s*[:=]/i);
  });

  it('merging two computers\' records keeps each run once and the later verdict of each check', () => {
    const there: ProcedureProgress = {
      updateDb: { done: true, runs: [updateRuns[1]], checks: { secretServerName: { ...progress.updateDb.checks!.secretServerName, verdict: 'fail', summary: 'older', at: '2026-11-30T09:00:00.000Z' } } },
      restore: { done: true, runs: [{ ...backupRun, commandLine: 'ssoconfig.exe -restoreSecret D:\\SSO.bak', startedAt: '2026-11-30T11:00:00.000Z', endedAt: '2026-11-30T11:00:30.000Z', computer: 'BTSMSS02' }] },
    };
    const merged = mergeProgress(progress, there);
    assert.equal(merged.updateDb.runs!.length, 2);
    assert.equal(merged.updateDb.checks!.secretServerName.verdict, 'pass');
    assert.equal(merged.restore.runs!.length, 1);
    assert.equal(merged.restore.checks!.restoreLogged.verdict, 'unverified');
  });

  it('refuses a record whose run or verdict has a wrong shape', () => {
    for (const bad of [
      { updateDb: { done: true, runs: [{ commandLine: 'x' }] } },
      { updateDb: { done: true, runs: [{ ...updateRuns[0], file: { path: 'x', sha256: 'not-hex' } }] } },
      { updateDb: { done: true, checks: { secretServerName: { verdict: 'probably', summary: '', evidence: '', at: AT.toISOString(), computer: 'X' } } } },
    ]) {
      const text = renderTransferBlock({ procedure: 'moveToServer', exportedAt: AT.toISOString(), computer: 'BTSMSS01', progress: bad as unknown as ProcedureProgress });
      const read = readTransfer(text, Object.values(procedures));
      assert.equal(read.ok, false, JSON.stringify(bad));
    }
  });
});

describe('ProgressBook: runs and verdicts', () => {
  const memory = () => {
    const data: Record<string, unknown> = {};
    return { get: <T>(k: string) => data[k] as T | undefined, update: (k: string, v: unknown) => { data[k] = v; return Promise.resolve(); } };
  };

  it('keeps a step\'s runs (three runs show three) and its verdicts when the admin ticks or unticks it', async () => {
    const book = new ProgressBook(memory(), Object.values(procedures), () => AT);
    for (const code of [1, 1, 0]) await book.recordRun('moveToServer', 'updateDb', code, undefined, [], { ...updateRuns[0], exitCode: code });
    await book.recordChecks('moveToServer', [{ id: 'secretServerName', step: 'updateDb', ...progress.updateDb.checks!.secretServerName }]);
    assert.deepEqual(book.record('moveToServer', 'updateDb').runs!.map((r) => r.exitCode), [1, 1, 0]);
    await book.setDone('moveToServer', 'updateDb', false);
    const r = book.record('moveToServer', 'updateDb');
    assert.equal(r.done, false);
    assert.equal(r.runs!.length, 3);
    assert.equal(r.checks!['secretServerName@BTSMSS01'].verdict, 'pass');
  });

  it('keeps verdicts per computer: verifying a second node never replaces the first node\'s; a verdict kept before that (no computer in its key) is replaced by its computer\'s', async () => {
    const store = memory();
    const book = new ProgressBook(store, Object.values(procedures), () => AT);
    const verdict = (v: 'pass' | 'fail', computer: string) => ({ id: 'restoreLogged', step: 'restoreEachNode', verdict: v, summary: `${v} on ${computer}`, evidence: 'e', at: AT.toISOString(), computer });
    await store.update('mss.progress.moveToCluster', { restoreEachNode: { done: false, checks: { restoreLogged: { verdict: 'fail', summary: 'old', evidence: 'e', at: AT.toISOString(), computer: 'NODE1' } } } });
    await book.recordChecks('moveToCluster', [verdict('pass', 'NODE1.contoso.com')]);
    await book.recordChecks('moveToCluster', [verdict('fail', 'node2')]);
    const checks = book.record('moveToCluster', 'restoreEachNode').checks!;
    assert.deepEqual(Object.keys(checks).sort(), ['restoreLogged@NODE1', 'restoreLogged@NODE2']);
    assert.equal(checks['restoreLogged@NODE1'].summary, 'pass on NODE1.contoso.com');
    assert.equal(checks['restoreLogged@NODE2'].verdict, 'fail');
    await book.recordChecks('moveToCluster', [verdict('pass', 'NODE2')]);
    assert.equal(book.record('moveToCluster', 'restoreEachNode').checks!['restoreLogged@NODE2'].verdict, 'pass');
    assert.equal(book.record('moveToCluster', 'restoreEachNode').checks!['restoreLogged@NODE1'].verdict, 'pass');
  });

  it('a verdict never marks a step done', async () => {
    const book = new ProgressBook(memory(), Object.values(procedures), () => AT);
    await book.recordChecks('moveToServer', [{ id: 'restoreLogged', step: 'restore', verdict: 'pass', summary: '10523 logged', evidence: 'e', at: AT.toISOString(), computer: 'BTSMSS02' }]);
    assert.equal(book.record('moveToServer', 'restore').done, false);
    assert.deepEqual(book.counts('moveToServer'), { done: 0, total: 6 });
  });

  it('keeps at most the newest runs of a step', async () => {
    const book = new ProgressBook(memory(), Object.values(procedures), () => AT);
    for (let i = 0; i < 25; i++) await book.addRun('moveToServer', 'backup', { ...backupRun, exitCode: i });
    const runs = book.record('moveToServer', 'backup').runs!;
    assert.equal(runs.length, 20);
    assert.equal(runs[0].exitCode, 5);
    assert.equal(runs[19].exitCode, 24);
  });

  it('keeps the change number of each procedure', async () => {
    const book = new ProgressBook(memory(), Object.values(procedures), () => AT);
    assert.equal(book.changeNumber('moveToServer'), undefined);
    await book.setChangeNumber('moveToServer', ' CHG1 ');
    assert.equal(book.changeNumber('moveToServer'), 'CHG1');
    assert.equal(book.changeNumber('moveToCluster'), undefined);
    await book.setChangeNumber('moveToServer', '');
    assert.equal(book.changeNumber('moveToServer'), undefined);
  });
});
