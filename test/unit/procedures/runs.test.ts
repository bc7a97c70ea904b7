import * as assert from 'node:assert/strict';
import { clusterRunNote, NEW_SERVER_STEP, newServerOf, restorePlace, stepOfRun } from '../../../src/procedures/runs';
import { CHECK_STEPS } from '../../../src/verification/verify';

const PC = 'BTSMSS01';
const runs = {
  updatedb: { type: 'ssomanage', command: 'updatedb' },
  serverall: { type: 'ssomanage', command: 'serverall' },
  displaydb: { type: 'ssomanage', command: 'displaydb' },
  showserver: { type: 'ssomanage', command: 'showserver' },
  backup: { type: 'ssoconfig', command: 'backupSecret' },
  restore: { type: 'ssoconfig', command: 'restoreSecret' },
  restart: { type: 'entsso', command: 'restart' },
  netStop: { type: 'entsso', command: 'restart', part: 'stop' },
};

describe('procedures/runs', () => {
  it('puts each run on its step of the move to another server, or of the move to a cluster for -serverall (per machine)', () => {
    for (const move of ['moveToServer', undefined] as const) {
      assert.deepEqual(stepOfRun(runs.updatedb, move, PC), { procedure: 'moveToServer', step: 'updateDb' });
      assert.deepEqual(stepOfRun(runs.backup, move, PC), { procedure: 'moveToServer', step: 'backup' });
      assert.deepEqual(stepOfRun(runs.restore, move, PC), { procedure: 'moveToServer', step: 'restore' });
      assert.deepEqual(stepOfRun(runs.restart, move, PC), { procedure: 'moveToServer', step: 'restartService' });
      assert.deepEqual(stepOfRun(runs.serverall, move, PC), { procedure: 'moveToCluster', step: 'serverAll', machine: PC });
    }
  });

  it('in the move to a cluster: the restore is per node, and -updatedb and the restart (the -updatedb section of step 1) mark no step', () => {
    assert.deepEqual(stepOfRun(runs.restore, 'moveToCluster', PC), { procedure: 'moveToCluster', step: 'restoreEachNode', machine: PC });
    assert.deepEqual(restorePlace('moveToCluster', PC), { procedure: 'moveToCluster', step: 'restoreEachNode', machine: PC });
    assert.equal(stepOfRun(runs.updatedb, 'moveToCluster', PC), undefined);
    assert.equal(stepOfRun(runs.restart, 'moveToCluster', PC), undefined);
    assert.deepEqual(stepOfRun(runs.backup, 'moveToCluster', PC), { procedure: 'moveToServer', step: 'backup' });
  });

  it('a tasks.json run is placed by its parsed definition: "UpdateDb", "BackupSecret", " updatedb ", "RestoreSecret", "Restart" mark their steps', () => {
    const odd = (type: string, command: string) => ({ type, command });
    assert.deepEqual(stepOfRun(odd('ssomanage', 'UpdateDb'), 'moveToServer', PC), { procedure: 'moveToServer', step: 'updateDb' });
    assert.deepEqual(stepOfRun(odd('ssomanage', ' updatedb '), undefined, PC), { procedure: 'moveToServer', step: 'updateDb' });
    assert.deepEqual(stepOfRun(odd('ssoconfig', 'BackupSecret'), undefined, PC), { procedure: 'moveToServer', step: 'backup' });
    assert.deepEqual(stepOfRun(odd('ssoconfig', 'RESTORESECRET'), 'moveToCluster', PC), { procedure: 'moveToCluster', step: 'restoreEachNode', machine: PC });
    assert.deepEqual(stepOfRun(odd('entsso', 'Restart'), undefined, PC), { procedure: 'moveToServer', step: 'restartService' });
    assert.deepEqual(stepOfRun(odd('ssomanage', 'ServerAll'), undefined, PC), { procedure: 'moveToCluster', step: 'serverAll', machine: PC });
    assert.equal(stepOfRun(odd('ssomanage', 'UpdateDb'), 'moveToCluster', PC), undefined);
    assert.match(clusterRunNote(odd('ssomanage', 'UpdateDb'), 'moveToCluster') ?? '', /ssomanage -updatedb succeeded/);
    assert.equal(stepOfRun(odd('ssomanage', '-updatedb'), undefined, PC), undefined, 'not a command the task type has: it never ran');
  });

  it('the read-only checks and the two net tasks of a restart mark no step', () => {
    for (const move of ['moveToServer', 'moveToCluster', undefined] as const) {
      for (const run of [runs.displaydb, runs.showserver, runs.netStop, { type: 'other' }]) assert.equal(stepOfRun(run, move, PC), undefined, JSON.stringify(run));
    }
  });

  it('tells why a -updatedb or a restart marked no step, in the move to a cluster only', () => {
    assert.match(clusterRunNote(runs.updatedb, 'moveToCluster') ?? '', /^ssomanage -updatedb succeeded\. The move to a cluster is under way, so this is the section "Update the master secret server name in the SSO database" of step 1 and no step was marked done/);
    assert.match(clusterRunNote(runs.restart, 'moveToCluster') ?? '', /Failover Cluster Manager \(step 6\), not with net stop \/ net start\. \(Moving to another server instead\? Reset the progress of the move to a cluster\.\)$/);
    assert.equal(clusterRunNote(runs.updatedb, 'moveToServer'), undefined);
    assert.equal(clusterRunNote(runs.updatedb, undefined), undefined);
    assert.equal(clusterRunNote(runs.displaydb, 'moveToCluster'), undefined);
    assert.equal(clusterRunNote(runs.netStop, 'moveToCluster'), undefined);
  });
});

describe('procedures/runs: the tool task a checked task starts', () => {
  it('belongs to no step (the checked task itself records the run), and says nothing about the cluster', () => {
    for (const run of [{ type: 'ssomanage', command: 'updatedb', part: 'run' }, { type: 'ssoconfig', command: 'backupSecret', part: 'run' }, { type: 'ssoconfig', command: 'restoreSecret', part: 'run' }]) {
      assert.equal(stepOfRun(run, undefined, 'BTS1'), undefined, JSON.stringify(run));
      assert.equal(stepOfRun({ ...run, part: undefined }, undefined, 'BTS1') !== undefined, true, 'without part it marks a step');
      assert.equal(clusterRunNote(run, 'moveToCluster'), undefined);
    }
  });
});

describe('the new master secret server: one reader', () => {
  it('reads it from the step -updatedb records it on, in each procedure; the verification expects it on the same step', () => {
    assert.deepEqual(NEW_SERVER_STEP, { moveToServer: 'updateDb', moveToCluster: 'clusterSetup' });
    for (const id of ['moveToServer', 'moveToCluster'] as const) {
      assert.equal(CHECK_STEPS[id].secretServerName, NEW_SERVER_STEP[id], id);
      assert.equal(newServerOf(id, { [NEW_SERVER_STEP[id]]: { newServer: 'BTSMSS02' } }), 'BTSMSS02', id);
      assert.equal(newServerOf(id, { other: { newServer: 'BTSMSS02' } }), undefined, id);
      assert.equal(newServerOf(id, {}), undefined, id);
    }
  });
});
