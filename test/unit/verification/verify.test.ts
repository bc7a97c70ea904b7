// A verification of a move: the facts of the record it binds to, the programs it runs (exact
// argument vectors) per procedure and computer, and the verdicts it gives on their outputs.
import * as assert from 'node:assert/strict';
import type { ProcedureProgress, RunRecord } from '../../../src/procedures/progress';
import type { ToolOutput } from '../../../src/verification/checks';
import { ENTSSO_EVENT_QUERY, EVENT_COUNT, type VerifySettings } from '../../../src/verification/programs';
import { decodeScript } from '../../../src/ssoTools/powershell';
import { moveFacts, verificationPlan } from '../../../src/verification/verify';
import { clusterDoc, displayDb, E10523, E10534, events, groupDoc, MSID_NEW, ran, SC_STATES, scQc, scQuery } from './samples';

const S: VerifySettings = { installFolder: '', ssomanagePath: '/opt/sso/ssomanage', ssoconfigPath: '', netPath: '', scPath: '', wevtutilPath: '', powershellPath: '', regPath: '' };

const run = (startedAt: string, extra: Partial<RunRecord> = {}): RunRecord => ({ commandLine: 'x', exitCode: 0, startedAt, endedAt: startedAt, computer: 'BTSMSS02', user: 'CONTOSO\\btsadmin', ...extra });

const SERVER_PROGRESS: ProcedureProgress = {
  backup: { done: true, runs: [run('2026-11-22T12:00:00.000Z', { computer: 'BTSMSS01', file: { path: 'D:\\Backups\\SSO.bak' } })] },
  updateDb: { done: true, newServer: 'BTSMSS02', runs: [run('2026-11-23T09:00:00.000Z', { computer: 'btsmss01.contoso.com', secretServer: 'BTSMSS02' })] },
  restartService: { done: true, runs: [run('2026-11-23T09:30:00.000Z'), run('2026-11-23T10:00:00.000Z')] },
  restore: { done: true, runs: [run('2026-11-23T09:45:00.000Z', { file: { path: 'D:\\Old.bak' } }), run('2026-11-23T10:10:00.000Z', { file: { path: 'D:\\Backups\\SSO.bak' } })] },
};

const CLUSTER_PROGRESS: ProcedureProgress = {
  clusterSetup: { done: true, newServer: 'SSOCLUSTER' },
  copyBackup: { done: true, machines: [{ name: 'NODE1', done: true }, { name: 'NODE2', done: true }] },
  serverAll: { done: true, runs: [run('2026-11-23T08:00:00.000Z', { commandLine: 'ssomanage -serverall SSOCLUSTER' }), run('2026-11-23T08:05:00.000Z', { commandLine: 'ssomanage -serverall WRONG', exitCode: 1 })] },
  cycleResource: { done: true, at: '2026-11-23T09:59:00.000Z', runs: [run('2026-11-23T10:00:00.000Z')] },
  restoreEachNode: { done: false, machines: [{ name: 'NODE1', done: true }, { name: 'node3.contoso.com', done: false }], runs: [run('2026-11-23T10:10:00.000Z', { machine: 'NODE1', file: { path: 'C:\\SSO\\SSO.bak' } }), run('2026-11-23T10:20:00.000Z', { machine: 'NODE2', file: { path: 'C:\\SSO\\Other.bak' } })] },
};

describe('verification/verify', () => {
  describe('moveFacts', () => {
    it('move to a server: the new server, the last restart run, the last restore run and its file, the other computers', () => {
      const f = moveFacts('moveToServer', SERVER_PROGRESS, 'BTSMSS02');
      assert.equal(f.expected, 'BTSMSS02');
      assert.deepEqual(f.restart, { what: 'the restart run (step 5)', at: '2026-11-23T10:00:00.000Z', ms: Date.parse('2026-11-23T10:00:00.000Z') });
      assert.deepEqual(f.restore, { what: 'the restore run (step 6)', at: '2026-11-23T10:10:00.000Z', ms: Date.parse('2026-11-23T10:10:00.000Z'), file: 'D:\\Backups\\SSO.bak' });
      assert.deepEqual(f.computers, ['BTSMSS01']);
      assert.equal(f.serverAllName, undefined);
    });

    it('lists the new server among the others when another computer is read; a given server overrides the record', () => {
      assert.deepEqual(moveFacts('moveToServer', SERVER_PROGRESS, 'BTS01').computers, ['BTSMSS01', 'BTSMSS02']);
      assert.equal(moveFacts('moveToServer', SERVER_PROGRESS, 'BTSMSS02', ' BTSMSS03 ').expected, 'BTSMSS03');
    });

    it('an empty record: nothing bound, no computers', () => {
      assert.deepEqual(moveFacts('moveToServer', {}, 'BTSMSS02'), { computers: [], expected: undefined, restart: undefined });
      assert.deepEqual(moveFacts('moveToCluster', {}, 'NODE1'), { computers: [], expected: undefined, restart: undefined, serverAllName: undefined });
    });

    it('cluster: the resource cycle run, this node\'s restore run, the last successful -serverall name, the nodes', () => {
      const f = moveFacts('moveToCluster', CLUSTER_PROGRESS, 'node1.contoso.com');
      assert.equal(f.expected, 'SSOCLUSTER');
      assert.equal(f.restart?.what, 'the resource cycle run (step 6)');
      assert.equal(f.restart?.at, '2026-11-23T10:00:00.000Z');
      assert.equal(f.restore?.at, '2026-11-23T10:10:00.000Z');
      assert.equal(f.restore?.file, 'C:\\SSO\\SSO.bak');
      assert.equal(f.serverAllName, 'SSOCLUSTER');
      assert.deepEqual(f.computers, ['NODE2', 'node3.contoso.com']);
      const node2 = moveFacts('moveToCluster', CLUSTER_PROGRESS, 'NODE2');
      assert.equal(node2.restore?.file, 'C:\\SSO\\Other.bak');
      assert.equal(moveFacts('moveToCluster', CLUSTER_PROGRESS, 'NODE3').restore, undefined);
    });

    it('cluster: a ticked resource cycle without a run binds to when it was ticked; an unticked one to nothing', () => {
      const ticked = moveFacts('moveToCluster', { ...CLUSTER_PROGRESS, cycleResource: { done: true, at: '2026-11-23T09:59:00.000Z' } }, 'NODE1');
      assert.equal(ticked.restart?.what, 'the resource cycle (step 6, ticked)');
      assert.equal(ticked.restart?.at, '2026-11-23T09:59:00.000Z');
      assert.equal(moveFacts('moveToCluster', { ...CLUSTER_PROGRESS, cycleResource: { done: false, at: '2026-11-23T09:59:00.000Z' } }, 'NODE1').restart, undefined);
    });

    it('cluster: reads a quoted -serverall name; none when no run succeeded', () => {
      const quoted = { ...CLUSTER_PROGRESS, serverAll: { done: true, runs: [run('2026-11-23T08:00:00.000Z', { commandLine: '"C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\ssomanage.exe" -serverall "SSOCLUSTER.contoso.com"' })] } };
      assert.equal(moveFacts('moveToCluster', quoted, 'NODE1').serverAllName, 'SSOCLUSTER.contoso.com');
      const failed = { ...CLUSTER_PROGRESS, serverAll: { done: false, runs: [run('2026-11-23T08:00:00.000Z', { commandLine: 'ssomanage -serverall SSOCLUSTER', exitCode: 5 })] } };
      assert.equal(moveFacts('moveToCluster', failed, 'NODE1').serverAllName, undefined);
    });
  });

  describe('verificationPlan: the runs', () => {
    const argvs = (procedure: 'moveToServer' | 'moveToCluster', computer: string, remote: string | undefined, progress: ProcedureProgress) =>
      verificationPlan(procedure, S, 'linux', { computer, remote }, moveFacts(procedure, progress, computer)).runs.map((r) => [r.source, r.executable, ...r.args]);

    it('move to a server, on the new server: -displaydb, sc query, wevtutil, sc qc here and on the original server, reg query here', () => {
      assert.deepEqual(argvs('moveToServer', 'BTSMSS02', undefined, SERVER_PROGRESS), [
        ['displaydb', '/opt/sso/ssomanage', '-displaydb'],
        ['scQuery', 'sc', 'query', 'ENTSSO'],
        ['events', 'wevtutil', 'qe', 'Application', ENTSSO_EVENT_QUERY, '/f:xml', '/rd:true', `/c:${EVENT_COUNT}`],
        ['scQc', 'sc', 'qc', 'ENTSSO'],
        ['scQc', 'sc', '\\\\BTSMSS01', 'qc', 'ENTSSO'],
        ['registry', 'reg', 'query', 'HKLM\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS'],
      ]);
    });

    it('move to a server, the new server read from another computer: its remote forms; no registry read on another SSO server', () => {
      assert.deepEqual(argvs('moveToServer', 'BTSMSS02', 'BTSMSS02', SERVER_PROGRESS), [
        ['displaydb', '/opt/sso/ssomanage', '-displaydb'],
        ['scQuery', 'sc', '\\\\BTSMSS02', 'query', 'ENTSSO'],
        ['events', 'wevtutil', 'qe', 'Application', ENTSSO_EVENT_QUERY, '/f:xml', '/rd:true', `/c:${EVENT_COUNT}`, '/r:BTSMSS02'],
        ['scQc', 'sc', '\\\\BTSMSS02', 'qc', 'ENTSSO'],
        ['scQc', 'sc', '\\\\BTSMSS01', 'qc', 'ENTSSO'],
        ['registry', 'reg', 'query', '\\\\BTSMSS02\\HKLM\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS'],
      ]);
      const other = argvs('moveToServer', 'BTS01', 'BTS01', SERVER_PROGRESS);
      assert.ok(!other.some((a) => a[0] === 'registry' || a[0] === 'clusterState' || a[0] === 'showserver'));
      assert.deepEqual(other.filter((a) => a[0] === 'scQc').map((a) => a[2]), ['\\\\BTS01', '\\\\BTSMSS01', '\\\\BTSMSS02']);
    });

    it('cluster, on a node: the PowerShell reads and -showserver here; each node\'s service account', () => {
      const plan = verificationPlan('moveToCluster', { ...S, powershellPath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe' }, 'linux', { computer: 'NODE1' }, moveFacts('moveToCluster', CLUSTER_PROGRESS, 'NODE1'));
      assert.deepEqual(plan.runs.map((r) => r.source), ['displaydb', 'scQuery', 'events', 'scQc', 'scQc', 'scQc', 'clusterState', 'bizTalkGroup', 'showserver']);
      assert.deepEqual(plan.runs.filter((r) => r.source === 'scQc').map((r) => r.args), [['qc', 'ENTSSO'], ['\\\\NODE2', 'qc', 'ENTSSO'], ['\\\\node3.contoso.com', 'qc', 'ENTSSO']]);
      const ps = plan.runs.filter((r) => r.setting === 'mss.powershellPath');
      assert.equal(ps.length, 2);
      for (const r of ps) {
        assert.equal(r.executable, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
        assert.deepEqual(r.args.slice(0, 3), ['-NoProfile', '-NonInteractive', '-EncodedCommand']);
        assert.match(decodeScript(r.args[3]), new RegExp(`^# Master Secret Mover: ${r.source}\\r\\n`));
        assert.match(r.label, new RegExp(`-EncodedCommand <${r.source}: `));
      }
      assert.ok(decodeScript(ps[0].args[3]).includes('$cl = @{}'));
      assert.deepEqual(plan.runs.find((r) => r.source === 'showserver')!.args, ['-showserver']);
      assert.ok(!plan.runs.some((r) => r.source === 'registry'));
    });

    it('cluster, a remote node: the scripts name it as a literal, and no -showserver', () => {
      const plan = verificationPlan('moveToCluster', S, 'linux', { computer: 'NODE2', remote: 'NODE2' }, moveFacts('moveToCluster', CLUSTER_PROGRESS, 'NODE2'));
      assert.ok(!plan.runs.some((r) => r.source === 'showserver'));
      const [cluster, group] = ['clusterState', 'bizTalkGroup'].map((s) => decodeScript(plan.runs.find((r) => r.source === s)!.args[3]));
      assert.ok(cluster.includes("$cl = @{ Cluster = 'NODE2' }"));
      assert.ok(group.includes("$cn = @{ ComputerName = 'NODE2' }"));
      assert.equal(plan.runs.find((r) => r.source === 'clusterState')!.executable, 'powershell.exe');
    });

    it('move to a server never runs PowerShell or -showserver', () => {
      for (const computer of ['BTSMSS02', 'BTS01']) {
        const runs = verificationPlan('moveToServer', S, 'linux', { computer }, moveFacts('moveToServer', SERVER_PROGRESS, computer)).runs;
        assert.ok(!runs.some((r) => r.source === 'clusterState' || r.source === 'bizTalkGroup' || r.source === 'showserver'), computer);
      }
    });
  });

  describe('verificationPlan: the verdicts', () => {
    const outputsFor = (plan: ReturnType<typeof verificationPlan>, pick: (source: string, args: string[]) => ToolOutput | undefined): Map<string, ToolOutput> =>
      new Map(plan.runs.flatMap((r) => {
        const out = pick(r.source, r.args);
        return out ? [[r.label, out] as const] : [];
      }));

    it('move to a server, on the new server: every check passes on good outputs, in order', () => {
      const plan = verificationPlan('moveToServer', S, 'linux', { computer: 'BTSMSS02' }, moveFacts('moveToServer', SERVER_PROGRESS, 'BTSMSS02'));
      const outputs = outputsFor(plan, (source) => {
        switch (source) {
          case 'displaydb': return ran('ssomanage -displaydb', displayDb('BTSMSS02'));
          case 'scQuery': return ran('sc query ENTSSO', scQuery(SC_STATES.RUNNING));
          case 'events': return ran('wevtutil', events([E10523('2026-11-23T10:10:30Z'), E10534('2026-11-23T10:00:20Z')]));
          case 'scQc': return ran('sc qc ENTSSO', scQc('CONTOSO\\svc-sso'));
          case 'registry': return ran('reg query', `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS\\${MSID_NEW}\r\n`);
          default: return undefined;
        }
      });
      const results = plan.verdicts(outputs);
      assert.deepEqual(results.map((r) => [r.id, r.verdict]), [
        ['secretServerName', 'pass'], ['serviceRunning', 'pass'], ['restartLogged', 'pass'], ['restoreLogged', 'pass'], ['secretInRegistry', 'pass'], ['serviceAccount', 'pass'],
      ]);
    });

    it('move to a server: a missing output is "not run" (unverified), never a pass', () => {
      const plan = verificationPlan('moveToServer', S, 'linux', { computer: 'BTSMSS02' }, moveFacts('moveToServer', SERVER_PROGRESS, 'BTSMSS02'));
      const results = plan.verdicts(new Map());
      assert.ok(results.every((r) => r.verdict === 'unverified'));
      assert.equal(results[0].summary, 'Not checked: not run');
    });

    it('move to a server, on another SSO server: ssoFollows is checked, the registry is not', () => {
      const plan = verificationPlan('moveToServer', S, 'linux', { computer: 'BTS01' }, moveFacts('moveToServer', SERVER_PROGRESS, 'BTS01'));
      const results = plan.verdicts(outputsFor(plan, (source) => (source === 'events' ? ran('wevtutil', events([{ id: 10533, time: '2026-11-23T10:11:00Z', data: ['BTSMSS02', MSID_NEW] }])) : undefined)));
      assert.deepEqual(results.map((r) => r.id), ['secretServerName', 'serviceRunning', 'restartLogged', 'restoreLogged', 'ssoFollows', 'serviceAccount']);
      assert.equal(results.find((r) => r.id === 'ssoFollows')!.verdict, 'pass');
    });

    it('a restore older than the restart run is not this move\'s: unverified', () => {
      const plan = verificationPlan('moveToServer', S, 'linux', { computer: 'BTSMSS02' }, moveFacts('moveToServer', SERVER_PROGRESS, 'BTSMSS02'));
      const results = plan.verdicts(outputsFor(plan, (source) => (source === 'events' ? ran('wevtutil', events([E10534('2026-11-23T10:00:20Z'), E10523('2026-11-23T09:50:00Z')])) : undefined)));
      assert.equal(results.find((r) => r.id === 'restoreLogged')!.verdict, 'unverified');
      assert.equal(results.find((r) => r.id === 'restartLogged')!.verdict, 'pass');
      // No restore of this move: no MSID to look for in the registry.
      assert.equal(results.find((r) => r.id === 'secretInRegistry')!.verdict, 'unverified');
    });

    it('cluster, on the owner node: reads the cluster and the group; STOPPED on a node that does not own the role is not a failure', () => {
      const good = (source: string): ToolOutput | undefined => {
        switch (source) {
          case 'displaydb': return ran('ssomanage -displaydb', displayDb('SSOCLUSTER'));
          case 'scQuery': return ran('sc query ENTSSO', scQuery(SC_STATES.RUNNING));
          case 'events': return ran('wevtutil', events([E10523('2026-11-23T10:10:30Z', 'C:\\SSO\\SSO.bak')]));
          case 'scQc': return ran('sc qc ENTSSO', scQc('CONTOSO\\svc-sso'));
          case 'clusterState': return ran('powershell', clusterDoc());
          case 'bizTalkGroup': return ran('powershell', groupDoc('SSOCLUSTER', [['ClusteredHost', 'NODE1', 1, 4]]));
          case 'showserver': return ran('ssomanage -showserver', 'The SSO server is SSOCLUSTER\r\n');
          default: return undefined;
        }
      };
      const plan = verificationPlan('moveToCluster', S, 'linux', { computer: 'NODE1' }, moveFacts('moveToCluster', CLUSTER_PROGRESS, 'NODE1'));
      const results = plan.verdicts(outputsFor(plan, good));
      assert.deepEqual(results.map((r) => [r.id, r.verdict]), [
        ['secretServerName', 'pass'], ['clusterResource', 'pass'], ['genericService', 'pass'], ['serviceRunning', 'pass'], ['groupSsoServer', 'pass'], ['hostInstances', 'pass'], ['ssoServerShown', 'pass'], ['restoreLogged', 'pass'], ['serviceAccount', 'pass'],
      ]);
      const node2 = verificationPlan('moveToCluster', S, 'linux', { computer: 'NODE2', remote: 'NODE2' }, moveFacts('moveToCluster', CLUSTER_PROGRESS, 'NODE2'));
      const stopped = node2.verdicts(outputsFor(node2, (s) => (s === 'scQuery' ? ran('sc \\\\NODE2 query ENTSSO', scQuery(SC_STATES.STOPPED)) : good(s))));
      const service = stopped.find((r) => r.id === 'serviceRunning')!;
      assert.notEqual(service.verdict, 'fail');
      assert.ok(!/net start/i.test(`${service.summary} ${service.next ?? ''}`));
    });

    it('cluster: the group\'s SSO Server name is compared with the -serverall name, else the network name the resource depends on', () => {
      const outputs = (plan: ReturnType<typeof verificationPlan>) => outputsFor(plan, (s) => (s === 'clusterState' ? ran('ps', clusterDoc()) : s === 'bizTalkGroup' ? ran('ps', groupDoc('SSOCLUSTER')) : undefined));
      const noServerAll = { ...CLUSTER_PROGRESS, serverAll: { done: false } };
      const plan = verificationPlan('moveToCluster', S, 'linux', { computer: 'NODE1' }, moveFacts('moveToCluster', noServerAll, 'NODE1'));
      const group = plan.verdicts(outputs(plan)).find((r) => r.id === 'groupSsoServer')!;
      assert.equal(group.verdict, 'pass');
      assert.match(group.summary, /the network name the ENTSSO resource depends on/);
      const other = { ...CLUSTER_PROGRESS, serverAll: { done: true, runs: [run('2026-11-23T08:00:00.000Z', { commandLine: 'ssomanage -serverall OTHERNAME' })] } };
      const plan2 = verificationPlan('moveToCluster', S, 'linux', { computer: 'NODE1' }, moveFacts('moveToCluster', other, 'NODE1'));
      const group2 = plan2.verdicts(outputs(plan2)).find((r) => r.id === 'groupSsoServer')!;
      assert.equal(group2.verdict, 'fail');
      assert.match(group2.summary, /not OTHERNAME \(the name -serverall set \(step 3\)\)/);
    });

    it('cluster: with the cluster unreadable, the host instances are compared on the nodes the record names', () => {
      const plan = verificationPlan('moveToCluster', S, 'linux', { computer: 'NODE1' }, moveFacts('moveToCluster', CLUSTER_PROGRESS, 'NODE1'));
      const results = plan.verdicts(outputsFor(plan, (s) => (s === 'clusterState' ? ran('ps', 'garbage', 1) : s === 'bizTalkGroup' ? ran('ps', groupDoc('SSOCLUSTER', [['BizTalkServerApplication', 'NODE2', 0, 4]])) : undefined)));
      assert.equal(results.find((r) => r.id === 'clusterResource')!.verdict, 'unverified');
      const hosts = results.find((r) => r.id === 'hostInstances')!;
      assert.equal(hosts.verdict, 'fail');
      assert.match(hosts.evidence, /nodes: NODE1, NODE2, node3\.contoso\.com/);
    });
  });
});
