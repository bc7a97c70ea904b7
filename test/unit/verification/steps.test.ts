import * as assert from 'node:assert/strict';
import { beforeRestoreLive, beforeUpdateDbLive } from '../../../src/verification/beforeSteps';
import { ENTSSO_EVENT_QUERY, remoteComputer } from '../../../src/verification/programs';
import { moveFacts, verificationPlan } from '../../../src/verification/verify';
import { CHECK_STEPS, checksOfStep, expectedServer, verdictCounts } from '../../../src/verification/verify';
import { displayDb, notRan, ran, SC_STATES, scQuery } from './samples';

const SETTINGS = { installFolder: 'C:\\Program Files\\Common Files\\Enterprise Single Sign-On', ssomanagePath: '', ssoconfigPath: '', netPath: '', scPath: '', wevtutilPath: '', powershellPath: '', regPath: '' };
const runsOf = (procedure: 'moveToServer' | 'moveToCluster', remote?: string, s = SETTINGS) => verificationPlan(procedure, s, 'win32', { computer: remote ?? 'BTSMSS01', remote }, moveFacts(procedure, {}, remote ?? 'BTSMSS01')).runs;

describe('verification: the read-only runs', () => {
  it('runs -displaydb in the install folder, sc and wevtutil by name, with their exact argument vectors', () => {
    const runs = runsOf('moveToServer');
    assert.deepEqual(runs.map((r) => [r.source, r.executable, r.args]), [
      ['displaydb', 'C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\ssomanage.exe', ['-displaydb']],
      ['scQuery', 'sc', ['query', 'ENTSSO']],
      ['events', 'wevtutil', ['qe', 'Application', ENTSSO_EVENT_QUERY, '/f:xml', '/rd:true', '/c:50']],
      ['scQc', 'sc', ['qc', 'ENTSSO']],
    ]);
    assert.equal(runs[0].label, '"C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\ssomanage.exe" -displaydb');
    assert.match(ENTSSO_EVENT_QUERY, /^\/q:\*\[System\[Provider\[@Name='ENTSSO'\] and \(EventID=10501 or .* or EventID=10611\)\]\]$/);
    for (const id of [10502, 10503, 10523, 10524, 10525, 10532, 10533, 10534, 10559]) assert.ok(ENTSSO_EVENT_QUERY.includes(`EventID=${id} `) || ENTSSO_EVENT_QUERY.includes(`EventID=${id})`), String(id));
  });

  it('reads another computer through sc \\\\NAME and wevtutil /r:NAME; -displaydb stays local; the settings choose the programs', () => {
    const runs = runsOf('moveToServer', 'BTSMSS02', { ...SETTINGS, scPath: 'C:\\Windows\\System32\\sc.exe', wevtutilPath: ' ' });
    assert.deepEqual(runs[0].args, ['-displaydb']);
    assert.deepEqual([runs[1].executable, ...runs[1].args], ['C:\\Windows\\System32\\sc.exe', '\\\\BTSMSS02', 'query', 'ENTSSO']);
    assert.deepEqual([runs[2].executable, runs[2].args.at(-1)], ['wevtutil', '/r:BTSMSS02']);
    assert.deepEqual(runs[3].args, ['\\\\BTSMSS02', 'qc', 'ENTSSO']);
  });

  it('another computer must be a computer name; this computer (any case, with a DNS suffix) is read locally', () => {
    assert.equal(remoteComputer(undefined, 'BTSMSS01'), undefined);
    assert.equal(remoteComputer(' ', 'BTSMSS01'), undefined);
    assert.equal(remoteComputer('btsmss01.contoso.com', 'BTSMSS01'), undefined);
    assert.equal(remoteComputer(' BTSMSS02 ', 'BTSMSS01'), 'BTSMSS02');
    for (const bad of ['BTS&01', 'a b', '-x', '\\\\BTSMSS02', 'BTS"02', 'x/y']) assert.throws(() => remoteComputer(bad, 'BTSMSS01'), /is not a computer name/, bad);
  });
});

describe('verification: steps and verdicts', () => {
  it('each check bears on one step of each procedure', () => {
    assert.deepEqual(CHECK_STEPS.moveToServer, { secretServerName: 'updateDb', serviceRunning: 'restartService', restartLogged: 'restartService', restoreLogged: 'restore', serviceAccount: 'configure', secretInRegistry: 'restore', ssoFollows: 'restore' });
    assert.deepEqual(CHECK_STEPS.moveToCluster, { secretServerName: 'clusterSetup', serviceRunning: 'cycleResource', restoreLogged: 'restoreEachNode', clusterResource: 'bringOnline', genericService: 'clusterSetup', groupSsoServer: 'groupSsoServer', hostInstances: 'groupSsoServer', ssoServerShown: 'serverAll', serviceAccount: 'clusterSetup' });
    assert.deepEqual(checksOfStep('moveToServer', 'restore'), ['restoreLogged', 'secretInRegistry', 'ssoFollows']);
    assert.deepEqual(checksOfStep('moveToServer', 'install'), []);
  });

  it('expects the server the procedure\'s -updatedb named', () => {
    assert.equal(expectedServer('moveToServer', { updateDb: { done: true, newServer: 'BTSMSS02' } }), 'BTSMSS02');
    assert.equal(expectedServer('moveToCluster', { clusterSetup: { done: false, newServer: 'SSOCLUSTER' } }), 'SSOCLUSTER');
    assert.equal(expectedServer('moveToServer', {}), undefined);
  });

  it('counts the verdicts, worst first', () => {
    const c = (verdict: 'pass' | 'fail' | 'unverified') => ({ id: 'serviceRunning' as const, verdict, summary: '', evidence: '' });
    assert.equal(verdictCounts([c('pass'), c('unverified'), c('pass')]), '1 unverified, 2 pass');
    assert.equal(verdictCounts([c('fail'), c('pass')]), '1 fail, 1 pass');
  });
});

describe('verification: the live checks before a step', () => {
  it('before -updatedb: a warning only when -displaydb names another computer; nothing in the move to a cluster', () => {
    const other = beforeUpdateDbLive(ran('ssomanage -displaydb', displayDb('BTSMSS09')), 'BTSMSS01', 'moveToServer');
    assert.match(other.warning!, /^ssomanage -displaydb names BTSMSS09 as the current master secret server, and this computer is BTSMSS01\. Step 4 runs -updatedb on the current \(original\) master secret server: run it on BTSMSS09\.$/);
    assert.equal(beforeUpdateDbLive(ran('ssomanage -displaydb', displayDb('btsmss01.contoso.com')), 'BTSMSS01', 'moveToServer').warning, undefined);
    assert.match(beforeUpdateDbLive(ran('x', displayDb('BTSMSS09')), 'BTSMSS01', undefined).warning!, /when moving to another server/);
    assert.equal(beforeUpdateDbLive(ran('x', displayDb('BTSMSS09')), 'BTSMSS01', 'moveToCluster').warning, undefined);
    for (const out of [ran('x', 'garbage'), ran('x', displayDb('BTSMSS09'), 1), notRan('x', 'ssomanage.exe was not found')]) {
      const live = beforeUpdateDbLive(out, 'BTSMSS01', 'moveToServer');
      assert.equal(live.warning, undefined);
      assert.match(live.note, /^Not checked which server the SSO database names/);
    }
  });

  it('before the restore: a warning only when sc says ENTSSO is not running here', () => {
    assert.match(beforeRestoreLive(ran('sc query ENTSSO', scQuery(SC_STATES.STOPPED)), 'BTSMSS02').warning!, /^ENTSSO is STOPPED on BTSMSS02, not RUNNING\. The restore needs it running: Start Enterprise SSO/);
    assert.equal(beforeRestoreLive(ran('sc query ENTSSO', scQuery(SC_STATES.RUNNING)), 'BTSMSS02').warning, undefined);
    const unknown = beforeRestoreLive(notRan('sc query ENTSSO', 'sc was not found on PATH'), 'BTSMSS02');
    assert.equal(unknown.warning, undefined);
    assert.match(unknown.note, /^Not checked whether ENTSSO runs here: sc was not found on PATH/);
  });
});
