import * as assert from 'node:assert/strict';
import { procedures } from '../../../src/procedures';
import type { ProcedureProgress } from '../../../src/procedures/progress';
import { renderReport } from '../../../src/procedures/report';
import { mergeProgress, readTransfer, renderTransferBlock } from '../../../src/procedures/transfer';

const ALL = Object.values(procedures);
const AT = '2026-11-24T09:00:00.000Z';

/** A record of the cluster move with every kind of field set. */
const FULL: ProcedureProgress = {
  clusterSetup: { done: true, at: AT },
  copyBackup: { done: false, machines: [{ name: 'SSONODE1', done: true, at: AT }, { name: 'SSONODE2', done: false }] },
  serverAll: { done: false, at: AT, exitCode: 1, lastErrors: ['0xC0002A0F: Could not contact the SSO server \'x\' --> <b>'], machines: [{ name: 'BTS1', done: false, at: AT, exitCode: 1 }] },
  bringOnline: { done: false, stoppedAt: AT },
  restoreEachNode: { done: true, at: AT, exitCode: 0, outOfOrder: { at: AT, missing: ['cycleResource'] }, machines: [{ name: 'SSONODE1', done: true, at: AT, exitCode: 0 }] },
};

const record = (progress: unknown, extra: Record<string, unknown> = {}) =>
  `# x\n\n<!-- master-secret-mover progress v1\n${JSON.stringify({ procedure: 'moveToServer', exportedAt: AT, computer: 'BTSMSS01', progress, ...extra })}\n-->\n`;

const refusal = (text: string): string => {
  const r = readTransfer(text, ALL);
  assert.equal(r.ok, false, 'refused');
  return (r as { error: string }).error;
};

describe('procedures/transfer', () => {
  it('reads back what the record of a move wrote: procedure, computer, time and every field of the progress', () => {
    const md = renderReport(procedures.moveToCluster, FULL, new Date(AT), 'SSONODE1');
    const r = readTransfer(md, ALL);
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.transfer, { procedure: 'moveToCluster', exportedAt: AT, computer: 'SSONODE1', progress: FULL });
  });

  it('hides the progress from the Markdown preview: one HTML comment, which no text in it can close early', () => {
    const block = renderTransferBlock({ procedure: 'moveToCluster', exportedAt: AT, computer: 'A', progress: FULL });
    assert.ok(block.startsWith('<!-- master-secret-mover progress v1\n'));
    assert.ok(block.endsWith('\n-->'));
    assert.equal(block.split('-->').length, 2, 'only the closing -->');
    assert.ok(!block.slice(0, -3).includes('>'), 'no > before the end');
  });

  it('carries the server -updatedb named, and refuses one that is not a server name', () => {
    const r = readTransfer(record({ updateDb: { done: true, at: AT, exitCode: 0, newServer: 'BTSMSS02' } }), ALL);
    assert.ok(r.ok);
    assert.equal(r.transfer.progress.updateDb.newServer, 'BTSMSS02');
    assert.match(refusal(record({ updateDb: { done: true, newServer: 'BTS&MSS' } })), /step updateDb\.newServer has a wrong value/);
  });

  it('reads an empty progress (nothing done yet)', () => {
    const r = readTransfer(record({}), ALL);
    assert.ok(r.ok);
    assert.deepEqual(r.transfer.progress, {});
  });

  it('reads a record whose line ends were changed to CRLF', () => {
    const md = renderReport(procedures.moveToServer, { install: { done: true, at: AT } }, new Date(AT), 'A').replace(/\n/g, '\r\n');
    const r = readTransfer(md, ALL);
    assert.ok(r.ok);
    assert.deepEqual(r.transfer.progress, { install: { done: true, at: AT } });
  });

  it('refuses a file without progress, saying how to get one', () => {
    assert.match(refusal('# Notes\n\nnothing here\n'), /holds no progress of Master Secret Mover\. Export the record with "Master Secret: Export a Record of the Move"/);
  });

  it('refuses a block of another version', () => {
    assert.match(refusal('<!-- master-secret-mover progress v2\n{}\n-->'), /written by a newer version of Master Secret Mover/);
  });

  it('refuses two blocks, a cut-off block and JSON that does not parse', () => {
    assert.match(refusal(record({}) + record({})), /more than one progress block/);
    assert.match(refusal('<!-- master-secret-mover progress v1\n{"procedure":'), /cut off/);
    assert.match(refusal('<!-- master-secret-mover progress v1\n{"procedure": moveToServer}\n-->'), /not valid JSON/);
  });

  it('refuses an unknown procedure, an unknown step and an unknown field', () => {
    assert.match(refusal(record({}, { procedure: 'moveToMoon' })), /procedure "moveToMoon", which this version does not have/);
    assert.match(refusal(record({ reboot: { done: true } })), /a step "reboot", which moveToServer does not have/);
    assert.match(refusal(record({ install: { done: true, password: 'x' } })), /step install has an unknown field "password"/);
    assert.match(refusal(record({}, { note: 1 })), /the record has an unknown field "note"/);
  });

  it('refuses fields of the wrong type or out of range', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ install: { at: AT } }, /step install has no "done"/],
      [{ install: { done: 'yes' } }, /step install\.done has a wrong value: "yes"/],
      [{ install: { done: true, at: 'yesterday' } }, /step install\.at has a wrong value/],
      [{ updateDb: { done: false, exitCode: 1.5 } }, /step updateDb\.exitCode/],
      [{ updateDb: { done: false, subStepsDone: [5] } }, /step updateDb\.subStepsDone/],
      [{ updateDb: { done: false, lastErrors: [1] } }, /step updateDb\.lastErrors/],
      [{ install: { done: true, machines: [] } }, /step install\.machines/],
      [{ restore: { done: true, outOfOrder: { at: AT, missing: ['nothing'] } } }, /step restore\.outOfOrder/],
      [[], /the record\.progress has a wrong value/],
    ];
    for (const [progress, expected] of cases) assert.match(refusal(record(progress)), expected, JSON.stringify(progress));
  });

  it('checks each machine of a per-machine step', () => {
    const cluster = (machines: unknown) => record({ copyBackup: { done: false, machines } }, { procedure: 'moveToCluster' });
    assert.match(refusal(cluster([{ name: '', done: true }])), /step copyBackup\.machines\[0\]\.name has a wrong value/);
    assert.match(refusal(cluster([{ name: 'A' }])), /step copyBackup\.machines\[0\] has no "done"/);
    assert.match(refusal(cluster(['A'])), /step copyBackup\.machines\[0\] is not an object/);
  });

  describe('mergeProgress', () => {
    const T1 = '2026-11-24T09:00:00.000Z';
    const T2 = '2026-11-24T10:00:00.000Z';

    it('a step done on either computer is done; steps of one side only are kept', () => {
      const merged = mergeProgress({ install: { done: true, at: T1 } }, { configure: { done: true, at: T2 }, backup: { done: false, at: T2, exitCode: 5 } });
      assert.deepEqual(merged, { install: { done: true, at: T1 }, configure: { done: true, at: T2 }, backup: { done: false, at: T2, exitCode: 5 } });
    });

    it('the later record says how the last run went, and a done step stays done (as after a failed re-run)', () => {
      const merged = mergeProgress(
        { updateDb: { done: true, at: T1, exitCode: 0, newServer: 'BTSMSS02', subStepsDone: [1, 2, 3, 4] } },
        { updateDb: { done: false, at: T2, exitCode: 1, lastErrors: ['0xC0002A0F: x'], subStepsDone: [2] } },
      );
      assert.deepEqual(merged.updateDb, { done: true, at: T2, exitCode: 1, lastErrors: ['0xC0002A0F: x'], subStepsDone: [1, 2, 3, 4], newServer: 'BTSMSS02' });
    });

    it('keeps the machines of both (any case): each node restores on its own, the step is done when all are', () => {
      const merged = mergeProgress(
        { restoreEachNode: { done: false, machines: [{ name: 'SSONODE2', done: true, at: T2, exitCode: 0 }] } },
        { restoreEachNode: { done: false, machines: [{ name: 'SSONODE1', done: true, at: T1, exitCode: 0 }, { name: 'ssonode2', done: false }] } },
      );
      assert.deepEqual(merged.restoreEachNode.machines, [{ name: 'SSONODE2', done: true, at: T2, exitCode: 0 }, { name: 'SSONODE1', done: true, at: T1, exitCode: 0 }]);
      assert.equal(merged.restoreEachNode.done, true);
      const open = mergeProgress({ copyBackup: { done: false, machines: [{ name: 'A', done: false }] } }, { copyBackup: { done: false, machines: [{ name: 'B', done: true, at: T1 }] } });
      assert.equal(open.copyBackup.done, false, 'A is not done yet');
    });

    it('keeps the out-of-order mark of the side that is done', () => {
      const merged = mergeProgress({ restore: { done: true, at: T1, outOfOrder: { at: T1, missing: ['backup'] } } }, { restore: { done: false, at: T2, exitCode: 1 } });
      assert.deepEqual(merged.restore, { done: true, at: T2, exitCode: 1, outOfOrder: { at: T1, missing: ['backup'] } });
    });

    it('changes neither input', () => {
      const here = { install: { done: false, subStepsDone: [1] } };
      const record = { install: { done: true, at: T1 } };
      mergeProgress(here, record);
      assert.deepEqual([here, record], [{ install: { done: false, subStepsDone: [1] } }, { install: { done: true, at: T1 } }]);
    });
  });
});

