import * as assert from 'node:assert/strict';
import { procedures } from '../../../src/procedures';
import { computerKey, moveUnderWay, newServerComputerWarning, runsOnNamed, sameComputer, thisComputer, updateDbComputerWarning, updateDbWhere } from '../../../src/procedures/computers';

describe('procedures/computers', () => {
  it('names this computer by COMPUTERNAME (as Windows tools do), else by its host name', () => {
    assert.equal(thisComputer({ COMPUTERNAME: 'BTSMSS01' }, () => 'btsmss01.contoso.com'), 'BTSMSS01');
    assert.equal(thisComputer({ COMPUTERNAME: ' ' }, () => 'vm'), 'vm');
    assert.equal(thisComputer({}, () => 'vm'), 'vm');
  });

  it('compares computer names by their first label, in any case; IP addresses whole', () => {
    assert.equal(computerKey(' btsmss02.contoso.com '), 'BTSMSS02');
    assert.equal(computerKey('10.0.0.5'), '10.0.0.5');
    assert.ok(sameComputer('BTSMSS02', 'btsmss02.contoso.com'));
    assert.ok(!sameComputer('BTSMSS02', 'BTSMSS01'));
    assert.ok(!sameComputer('10.0.0.5', '10.0.0.6'));
    assert.ok(!sameComputer('', ''), 'no name is no computer');
  });

  it('warns before -updatedb only on the computer the file names (the new server)', () => {
    assert.equal(updateDbComputerWarning('BTSMSS01', 'BTSMSS02'), undefined);
    assert.equal(updateDbComputerWarning('btsmss02', 'BTSMSS02'),
      'This computer, btsmss02, is the new master secret server the file names. The procedure runs ssomanage -updatedb on the ORIGINAL master secret server (step 4), which still holds the master secret.');
  });

  it('warns before the restore and the restart only away from the server step 4 named, and not when that is unknown', () => {
    assert.equal(newServerComputerWarning('restore', 'BTSMSS02', 'btsmss02.contoso.com'), undefined);
    assert.equal(newServerComputerWarning('restore', 'BTSMSS01', undefined), undefined);
    assert.equal(newServerComputerWarning('restore', 'BTSMSS01', 'BTSMSS02'),
      'Step 4 made BTSMSS02 the master secret server, and this computer is BTSMSS01. The restore only works on the master secret server (otherwise 10766, "This function can only be performed on the master secret server"): run it on BTSMSS02.');
    assert.equal(newServerComputerWarning('restart', 'BTSMSS01', 'BTSMSS02'),
      'Step 4 made BTSMSS02 the master secret server, and this computer is BTSMSS01. Step 5 restarts Enterprise SSO on BTSMSS02.');
  });

  it('names the new master secret server where a step of the move to another server runs on it, once -updatedb named it', () => {
    const named = (id: 'moveToServer' | 'moveToCluster', server?: string) => procedures[id].steps.map((st) => runsOnNamed(id, st.runsOn, server));
    assert.deepEqual(named('moveToServer', 'BTSMSS02'), [
      'On the new master secret server (BTSMSS02)', 'On the new master secret server (BTSMSS02)',
      'On the original master secret server', 'On the original master secret server',
      'On the new master secret server (BTSMSS02)', 'On the new master secret server (BTSMSS02)',
    ]);
    assert.deepEqual(named('moveToServer'), procedures.moveToServer.steps.map((st) => st.runsOn));
    assert.deepEqual(named('moveToCluster', 'SSOCLUSTER'), procedures.moveToCluster.steps.map((st) => st.runsOn));
  });

  it('tells which move is under way: the one with progress while the other has none', () => {
    assert.equal(moveUnderWay({ install: { done: true } }, {}), 'moveToServer');
    assert.equal(moveUnderWay({}, { copyBackup: { done: false, machines: [] } }), 'moveToCluster');
    assert.equal(moveUnderWay({}, {}), undefined);
    assert.equal(moveUnderWay({ install: { done: true } }, { clusterSetup: { done: true } }), undefined);
    assert.equal(moveUnderWay({}, { restoreEachNode: { done: false, checks: { restoreLogged: {} } } }), undefined, 'a verification alone is no progress');
    assert.equal(moveUnderWay({ updateDb: { done: false, checks: {} } }, { copyBackup: { done: true } }), 'moveToCluster');
    assert.equal(moveUnderWay({ updateDb: { done: false } }, {}), 'moveToServer', 'an untick is progress, as before');
  });

  it('says where -updatedb runs: the original server, the active cluster node, or both when the move is not known', () => {
    assert.match(updateDbWhere('moveToServer'), /^Run it on the ORIGINAL master secret server, in an elevated VS Code\.$/);
    assert.match(updateDbWhere('moveToCluster'), /run it on the ACTIVE cluster node \(the section "Update the master secret server name in the SSO database" of step 1\).*No step is marked done by it/);
    const both = updateDbWhere(undefined);
    assert.ok(both.includes('ORIGINAL master secret server when moving to another server (step 4)') && both.includes('ACTIVE cluster node when moving to a cluster (the section "Update the master secret server name in the SSO database" of step 1)'), both);
  });
});
