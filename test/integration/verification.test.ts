// mss.verifyMove in the real VS Code, with fake ssomanage, sc, wevtutil, reg and powershell
// programs that print what the real tools print (in other display languages and code pages, and
// garbage, nothing, non-zero exits, PowerShell failures): the verdicts bound to this move's runs,
// the exact argument vectors, per-computer verdicts (two cluster nodes), that no verdict marks a
// step done, the Verification view, the tree rows, the warnings before -updatedb and the restore,
// and the record of the move.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { displayCommandLine } from '../../src/ssoTools/commandLines';
import { FakeTools } from './fakeTools';
import { answerPrompts, api, THIS_COMPUTER, workspaceDir } from './helpers';
import { ENTSSO_EVENT_QUERY } from '../../src/verification/programs';
import {
  bizTalkGroupJson, clusterStateJson, cp866, DISPLAYDB_ERROR, DISPLAYDB_GERMAN, displayDb, displayDbConsole, E10520, E10523, E10534, events, MSID_NEW,
  psFailureJson, regSubkeys, SC_ACCESS_DENIED, SC_RPC_UNAVAILABLE, SC_RUSSIAN_RUNNING, SC_SPANISH_NOT_INSTALLED, SC_STATES, scQc, scQuery,
} from '../unit/verification/samples';

interface Verdicts { procedure: string; computer: string; at: string; checks: Array<{ id: string; verdict: string; summary: string; evidence: string }> }

const QUERY = ENTSSO_EVENT_QUERY;
/** The runs of this move the record holds, at fixed times: events are bound to them. */
const T = { backup: '2026-11-30T09:50:00.000Z', updateDb: '2026-11-30T09:55:00.000Z', restart: '2026-11-30T10:05:00.000Z', restore: '2026-11-30T10:19:00.000Z', cycle: '2026-11-30T10:30:00.000Z' };
const run = (commandLine: string, startedAt: string, extra: Record<string, unknown> = {}) => ({ commandLine, exitCode: 0, startedAt, endedAt: startedAt, computer: 'BTSMSS02', user: 'CONTOSO\\btsadmin', ...extra });

suite('verification: mss.verifyMove reads the evidence with read-only tools', () => {
  const fakes = new FakeTools();
  let restore: () => Promise<void>;

  const verify = async (arg: Record<string, unknown>) => vscode.commands.executeCommand<Verdicts>('mss.verifyMove', arg);
  const verdict = (r: Verdicts, id: string) => r.checks.find((c) => c.id === id)!;

  suiteSetup(async () => {
    restore = await fakes.use();
    await (await api()).progress.reset();
  });
  suiteTeardown(async () => {
    await (await api()).progress.reset();
    await restore();
  });
  setup(async () => {
    fakes.clear();
    await (await api()).progress.reset();
  });

  test('runs only read-only programs with their exact argument vectors; another computer through the tools\' remote forms', async () => {
    await verify({ procedure: 'moveToServer' });
    const local = fakes.calls().map((c) => [c.tool, c.args]).sort();
    assert.deepStrictEqual(local, [
      ['sc', ['qc', 'ENTSSO']],
      ['sc', ['query', 'ENTSSO']],
      ['ssomanage', ['-displaydb']],
      ['wevtutil', ['qe', 'Application', QUERY, '/f:xml', '/rd:true', '/c:50']],
    ]);
    fakes.clear();
    const a = await api();
    await a.progress.setNewServer('moveToServer', 'updateDb', 'BTSMSS02');
    const remote = await verify({ procedure: 'moveToServer', computer: 'BTSMSS02' });
    assert.strictEqual(remote.computer, 'BTSMSS02');
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]).sort(), [
      ['reg', ['query', '\\\\BTSMSS02\\HKLM\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS']],
      ['sc', ['\\\\BTSMSS02', 'qc', 'ENTSSO']],
      ['sc', ['\\\\BTSMSS02', 'query', 'ENTSSO']],
      ['ssomanage', ['-displaydb']],
      ['wevtutil', ['qe', 'Application', QUERY, '/f:xml', '/rd:true', '/c:50', '/r:BTSMSS02']],
    ]);
    fakes.clear();
    await assert.rejects(verify({ procedure: 'moveToServer', computer: 'BTS&01' }), /"BTS&01" is not a computer name/);
    await assert.rejects(verify({ procedure: 'moveToServer', computer: "BTS'01" }), /is not a computer name/);
    await assert.rejects(verify({ procedure: 'moveToSomewhere' }), /mss\.verifyMove takes \{ procedure/);
    assert.deepStrictEqual(fakes.calls(), [], 'a refused verification runs nothing');
  });

  test('pass, bound to this move: the console layout of -displaydb, a Russian sc in code page 866, the restart and the restore logged after their runs, the secret in the registry; kept on the steps, nothing marked done', async () => {
    const a = await api();
    await a.progress.setNewServer('moveToServer', 'updateDb', 'BTSMSS02');
    await a.progress.addRun('moveToServer', 'restartService', run('net stop ENTSSO; net start ENTSSO', T.restart));
    await a.progress.addRun('moveToServer', 'restore', run('ssoconfig -restoreSecret D:\\Backups\\SSO.bak', T.restore, { file: { path: 'D:\\Backups\\SSO.bak' } }));
    fakes.print('ssomanage', displayDbConsole('BTSMSS02.contoso.com'), '-displaydb');
    fakes.print('sc', cp866(SC_RUSSIAN_RUNNING), 'query');
    fakes.print('sc', scQc('CONTOSO\\svc-sso'), 'qc');
    fakes.print('reg', regSubkeys([MSID_NEW], 'BTSMSS02'));
    fakes.print('wevtutil', events([
      E10523('2026-11-30T10:20:00.000Z'), E10520('2026-11-30T10:10:00.000Z'), E10534('2026-11-30T10:09:00.000Z'),
      { id: 10502, time: '2026-11-30T10:08:30.000Z' }, { id: 10505, time: '2026-11-30T10:06:00.000Z' },
    ]));
    const r = await verify({ procedure: 'moveToServer', computer: 'BTSMSS02' });
    assert.deepStrictEqual(r.checks.map((c) => [c.id, c.verdict]), [
      ['secretServerName', 'pass'], ['serviceRunning', 'pass'], ['restartLogged', 'pass'], ['restoreLogged', 'pass'], ['secretInRegistry', 'pass'], ['serviceAccount', 'unverified'],
    ]);
    assert.match(verdict(r, 'secretServerName').summary, /-displaydb names BTSMSS02\.contoso\.com as the master secret server/);
    assert.match(verdict(r, 'secretServerName').evidence, /Using SSO server on this computer\nSSO secret server name: BTSMSS02\.contoso\.com/);
    assert.match(verdict(r, 'serviceRunning').summary, /ENTSSO is running on BTSMSS02/);
    assert.match(verdict(r, 'restartLogged').summary, /^10534 logged at 2026-11-30T10:09:00\.000Z .*after the restart run \(step 5\)/);
    assert.match(verdict(r, 'restoreLogged').summary, /^10523 logged at 2026-11-30T10:20:00\.000Z/);
    assert.match(verdict(r, 'restoreLogged').evidence, /Bound to the restart run \(step 5\) at 2026-11-30T10:05:00\.000Z/);
    assert.match(verdict(r, 'secretInRegistry').summary, new RegExp(`holds the restored secret ${MSID_NEW.replace(/[{}]/g, '\\$&')}`));
    assert.match(verdict(r, 'serviceAccount').summary, /ENTSSO runs as CONTOSO\\svc-sso on BTSMSS02; no other computer of the move is known/);
    // Kept with the steps they bear on, under the computer read; no step is done.
    assert.strictEqual(a.progress.record('moveToServer', 'updateDb').checks?.['secretServerName@BTSMSS02'].verdict, 'pass');
    assert.strictEqual(a.progress.record('moveToServer', 'restartService').checks?.['restartLogged@BTSMSS02'].verdict, 'pass');
    assert.strictEqual(a.progress.record('moveToServer', 'restore').checks?.['restoreLogged@BTSMSS02'].verdict, 'pass');
    assert.deepStrictEqual(a.progress.counts('moveToServer'), { done: 0, total: 6 });
    // The tree: a verdict row under step 4 and under the restore.
    const provider = a.trees.get('moveToServer')!.provider;
    const rows = (stepId: string) => provider.getChildren({ kind: 'step', step: provider.procedure.steps.find((s) => s.id === stepId)! })
      .filter((n) => n.kind === 'check').map((n) => String(provider.getTreeItem(n).label));
    assert.deepStrictEqual(rows('updateDb'), ['Verified: -displaydb names BTSMSS02.contoso.com as the master secret server.']);
    assert.match(rows('restore')[0], /^Verified: 10523 logged at 2026-11-30T10:20:00\.000Z/);
    // The Verification view: the computer read, and under it one row per check with its verdict.
    const view = a.verification;
    const computer = view.getChildren().find((n) => String(view.getTreeItem(n).label) === 'BTSMSS02')!;
    assert.ok(computer, 'a row for BTSMSS02');
    assert.deepStrictEqual(view.getChildren(computer).map((n) => String(view.getTreeItem(n).label)), [
      'SSO database names the new master secret server: pass',
      'Enterprise SSO service is running: pass',
      'Restart of Enterprise SSO is logged: pass',
      'Restore of the master secret is logged: pass',
      'Restored secret is in the registry: pass',
      'Same ENTSSO service account everywhere: unverified',
    ]);
    assert.strictEqual(view.getTreeItem(computer).description?.toString().split(' · ')[0], '1 unverified, 5 pass');
  });

  test('events older than this move\'s runs never pass; no run recorded names the missing run; 10503 after the restart fails; a 10523 of another file fails; a Spanish sc: not installed', async () => {
    const a = await api();
    await a.progress.setNewServer('moveToServer', 'updateDb', 'BTSMSS02');
    fakes.print('ssomanage', displayDb('BTSMSS02'), '-displaydb');
    fakes.print('sc', scQuery(SC_STATES.RUNNING), 'query');
    // A restore and a start from an earlier drill, before this move's restart.
    fakes.print('wevtutil', events([E10523('2026-11-30T09:00:00.000Z'), E10534('2026-11-30T08:59:00.000Z')]));
    let r = await verify({ procedure: 'moveToServer', computer: 'BTSMSS02' });
    assert.strictEqual(verdict(r, 'restartLogged').verdict, 'unverified');
    assert.match(verdict(r, 'restartLogged').summary, /no restart run \(step 5\) of this move is recorded/);
    assert.match(verdict(r, 'restoreLogged').summary, /no restart run \(step 5\) of this move is recorded/);
    await a.progress.addRun('moveToServer', 'restartService', run('net stop ENTSSO; net start ENTSSO', T.restart));
    r = await verify({ procedure: 'moveToServer', computer: 'BTSMSS02' });
    assert.deepStrictEqual([verdict(r, 'restartLogged').verdict, verdict(r, 'restoreLogged').verdict], ['unverified', 'unverified']);
    assert.match(verdict(r, 'restoreLogged').summary, /the 10523 at 2026-11-30T09:00:00\.000Z is older, not this move's restore/);
    assert.match(verdict(r, 'restartLogged').summary, /the 10534 at 2026-11-30T08:59:00\.000Z is older: not this move's/);
    // After the restart: ENTSSO failed to start; the restore restored another file.
    await a.progress.addRun('moveToServer', 'restore', run('ssoconfig -restoreSecret D:\\Backups\\SSO.bak', T.restore, { file: { path: 'D:\\Backups\\SSO.bak' } }));
    fakes.print('wevtutil', events([E10523('2026-11-30T10:20:00.000Z', 'E:\\old\\SSO-2019.bak'), { id: 10503, time: '2026-11-30T10:06:00.000Z', data: ['0x80070005'] }]));
    r = await verify({ procedure: 'moveToServer', computer: 'BTSMSS02' });
    assert.strictEqual(verdict(r, 'restartLogged').verdict, 'fail');
    assert.match(verdict(r, 'restartLogged').summary, /^10503 logged at 2026-11-30T10:06:00\.000Z .*failed to start/);
    assert.strictEqual(verdict(r, 'restoreLogged').verdict, 'fail');
    assert.match(verdict(r, 'restoreLogged').summary, /restored E:\\old\\SSO-2019\.bak, not D:\\Backups\\SSO\.bak/);
    fakes.print('sc', SC_SPANISH_NOT_INSTALLED, 'query');
    fakes.exitWith('sc', 1060 & 0xff, 'query');
    const missing = await verify({ procedure: 'moveToServer', computer: 'BTSMSS02' });
    assert.strictEqual(verdict(missing, 'serviceRunning').verdict, 'fail');
    assert.match(verdict(missing, 'serviceRunning').summary, /ENTSSO is not installed on BTSMSS02 \(sc: 1060/);
    assert.deepStrictEqual(a.progress.counts('moveToServer'), { done: 0, total: 6 });
  });

  test('unverified: no server expected, a layout it cannot read, an ERROR and exit 1, nothing printed, garbage, access denied, an unreachable computer, a missing tool', async () => {
    fakes.print('ssomanage', displayDb('BTSMSS02'), '-displaydb');
    fakes.print('sc', '');
    fakes.print('wevtutil', 'garbage <Event');
    let r = await verify({ procedure: 'moveToServer' });
    assert.ok(r.checks.every((c) => c.verdict === 'unverified'), JSON.stringify(r.checks.map((c) => [c.id, c.verdict])));
    assert.match(verdict(r, 'secretServerName').summary, /-displaydb names BTSMSS02; no server is expected yet/);
    assert.match(verdict(r, 'serviceRunning').summary, /sc printed no service state/);
    assert.match(verdict(r, 'restoreLogged').summary, /not event XML/);

    fakes.print('ssomanage', DISPLAYDB_GERMAN, '-displaydb');
    fakes.print('sc', SC_ACCESS_DENIED);
    fakes.exitWith('sc', 5);
    fakes.print('wevtutil', '');
    r = await verify({ procedure: 'moveToServer', expected: 'BTSMSS02', computer: 'BTSMSS02' });
    assert.match(verdict(r, 'secretServerName').summary, /printed no row whose label ends in "secret server name"/);
    assert.match(verdict(r, 'serviceRunning').summary, /access to the services of BTSMSS02 was denied \(error 5\)/);
    assert.match(verdict(r, 'restoreLogged').summary, /no restart run \(step 5\) of this move is recorded/);
    assert.ok(r.checks.every((c) => c.verdict === 'unverified'));

    fakes.print('ssomanage', DISPLAYDB_ERROR, '-displaydb');
    fakes.exitWith('ssomanage', 1, '-displaydb');
    fakes.print('sc', SC_RPC_UNAVAILABLE);
    fakes.exitWith('sc', 1722 & 0xff);
    fakes.print('wevtutil', 'Failed to read events. The RPC server is unavailable.\r\n');
    fakes.exitWith('wevtutil', 1722 & 0xff);
    r = await verify({ procedure: 'moveToServer', expected: 'BTSMSS02', computer: 'BTSMSS02' });
    assert.match(verdict(r, 'secretServerName').summary, /ended with exit code 1: ERROR 0xC0002A0F/);
    assert.match(verdict(r, 'serviceRunning').summary, /BTSMSS02 cannot be reached \(error 1722/);
    assert.match(verdict(r, 'restoreLogged').summary, /BTSMSS02 cannot be reached \(the RPC server is unavailable\)/);
    assert.ok(r.checks.every((c) => c.verdict === 'unverified'));

    const c = vscode.workspace.getConfiguration('mss');
    await c.update('scPath', path.join(fakes.dir, 'no-such-sc'), vscode.ConfigurationTarget.Global);
    await c.update('wevtutilPath', 'no-such-wevtutil', vscode.ConfigurationTarget.Global);
    await c.update('powershellPath', 'no-such-powershell', vscode.ConfigurationTarget.Global);
    try {
      r = await verify({ procedure: 'moveToCluster', expected: 'SSOCLUSTER' });
      assert.match(verdict(r, 'serviceRunning').summary, /sc\.exe was not found at .*no-such-sc\. sc\.exe is a Windows program\. Set mss\.scPath to its location/);
      assert.match(verdict(r, 'restoreLogged').summary, /no-such-wevtutil was not found on PATH.*Set mss\.wevtutilPath/);
      assert.match(verdict(r, 'clusterResource').summary, /no-such-powershell was not found on PATH.*Set mss\.powershellPath/);
      assert.ok(r.checks.every((x) => x.verdict !== 'pass'));
    } finally {
      await c.update('scPath', fakes.path('sc'), vscode.ConfigurationTarget.Global);
      await c.update('wevtutilPath', fakes.path('wevtutil'), vscode.ConfigurationTarget.Global);
      await c.update('powershellPath', fakes.path('powershell'), vscode.ConfigurationTarget.Global);
    }
    // The cluster's verdicts are kept on its own steps; neither move counts as under way for them.
    const a = await api();
    assert.strictEqual(a.progress.record('moveToCluster', 'cycleResource').checks?.[`serviceRunning@${THIS_COMPUTER}`].verdict, 'unverified');
    assert.deepStrictEqual(a.progress.counts('moveToCluster'), { done: 0, total: 7 });
  });

  test('a cluster read from the cluster: two nodes verified one after the other keep their own verdicts; a stopped ENTSSO on the node that does not own the role passes; nothing says net start; PowerShell failures are unverified', async () => {
    const a = await api();
    await a.progress.setNewServer('moveToCluster', 'clusterSetup', 'SSOCLUSTER');
    await a.progress.setDone('moveToCluster', 'cycleResource', true);
    await a.progress.addRun('moveToCluster', 'serverAll', run('ssomanage -serverall SSOCLUSTER', T.updateDb, { machine: 'BTSAPP01' }));
    await a.progress.setMachines('moveToCluster', 'restoreEachNode', ['NODE1', 'NODE2']);
    fakes.print('ssomanage', displayDb('SSOCLUSTER'), '-displaydb');
    fakes.print('ssomanage', 'Using SSO server : SSOCLUSTER\r\n', '-showserver');
    fakes.print('powershell', clusterStateJson('NODE1'), 'clusterState');
    fakes.print('powershell', bizTalkGroupJson('SSOCLUSTER', [['BizTalkServerApplication', 'BTSAPP01', 0], ['ClusteredHost', 'NODE1', 1]]), 'bizTalkGroup');
    fakes.print('sc', scQc('CONTOSO\\svc-sso'), 'qc');
    fakes.print('wevtutil', events([E10523(new Date(Date.now() + 60_000).toISOString())]));
    // NODE1 owns the role: ENTSSO runs there.
    fakes.print('sc', scQuery(SC_STATES.RUNNING), 'query');
    const node1 = await verify({ procedure: 'moveToCluster', computer: 'NODE1' });
    const scripts = fakes.calls().filter((c) => c.tool === 'powershell');
    assert.deepStrictEqual(scripts.map((c) => c.args.slice(0, 3)), [['-NoProfile', '-NonInteractive', '-EncodedCommand'], ['-NoProfile', '-NonInteractive', '-EncodedCommand']]);
    // The programs run side by side: find each script by its id.
    const script = (id: string) => scripts.map((c) => c.script!).find((t) => t.startsWith(`# Master Secret Mover: ${id}\r\n`)) ?? '';
    assert.match(script('clusterState'), /\$cl = @\{ Cluster = 'NODE1' \}[\s\S]*Get-ClusterResource @cl/);
    assert.match(script('bizTalkGroup'), /\$cn = @\{ ComputerName = 'NODE1' \}[\s\S]*MSBTS_GroupSetting/);
    assert.deepStrictEqual(node1.checks.map((c) => [c.id, c.verdict]), [
      ['secretServerName', 'pass'], ['clusterResource', 'pass'], ['genericService', 'pass'], ['serviceRunning', 'pass'], ['groupSsoServer', 'pass'], ['hostInstances', 'pass'], ['restoreLogged', 'pass'], ['serviceAccount', 'pass'],
    ]);
    assert.match(verdict(node1, 'clusterResource').summary, /The ENTSSO resource "ENTSSO" is online on NODE1 \(role "SSO"\)/);
    assert.match(verdict(node1, 'groupSsoServer').summary, /SSO Server name is SSOCLUSTER, the name -serverall set \(step 3\)/);
    assert.match(verdict(node1, 'serviceAccount').summary, /ENTSSO runs as CONTOSO\\svc-sso on NODE1, NODE2/);
    // NODE2 does not own the role: ENTSSO is stopped there by design.
    fakes.print('sc', scQuery(SC_STATES.STOPPED), 'query');
    const node2 = await verify({ procedure: 'moveToCluster', computer: 'NODE2' });
    assert.strictEqual(verdict(node2, 'serviceRunning').verdict, 'pass');
    assert.match(verdict(node2, 'serviceRunning').summary, /ENTSSO is STOPPED on NODE2, as expected: NODE1 owns the clustered SSO role/);
    // The owner node stopped: a failure, and what to do is the cluster's Bring Online, never net start.
    fakes.print('powershell', clusterStateJson('NODE2', { state: 'Failed' }), 'clusterState');
    const owner = await verify({ procedure: 'moveToCluster', computer: 'NODE2' });
    assert.strictEqual(verdict(owner, 'serviceRunning').verdict, 'fail');
    assert.strictEqual(verdict(owner, 'clusterResource').verdict, 'fail');
    for (const c of [...node1.checks, ...node2.checks, ...owner.checks]) assert.doesNotMatch(`${c.summary} ${(c as { next?: string }).next ?? ''}`, /net start/i, `${c.id}: ${c.summary}`);
    // Each node's verdicts are kept under its name.
    const checks = a.progress.record('moveToCluster', 'cycleResource').checks!;
    assert.strictEqual(checks['serviceRunning@NODE1'].verdict, 'pass');
    assert.strictEqual(checks['serviceRunning@NODE2'].verdict, 'fail');
    const view = a.verification;
    const rows = view.getChildren().map((n) => String(view.getTreeItem(n).label));
    assert.deepStrictEqual(rows.filter((l) => l.startsWith('NODE')), ['NODE1', 'NODE2'], 'one row per node verified');
    // PowerShell without the FailoverClusters module, and PowerShell that prints no result.
    fakes.print('powershell', psFailureJson('module', "The specified module 'FailoverClusters' was not loaded because no valid module file was found in any module directory."), 'clusterState');
    fakes.print('powershell', 'Get-CimInstance : Access denied\r\n', 'bizTalkGroup');
    fakes.exitWith('powershell', 1, 'bizTalkGroup');
    fakes.print('sc', scQuery(SC_STATES.RUNNING), 'query');
    const failing = await verify({ procedure: 'moveToCluster', computer: 'NODE1' });
    assert.strictEqual(verdict(failing, 'clusterResource').verdict, 'unverified');
    assert.match(verdict(failing, 'clusterResource').summary, /the FailoverClusters PowerShell module is not installed on NODE1/);
    assert.match(verdict(failing, 'groupSsoServer').summary, /PowerShell printed no result of ours \(exit code 1\)/);
    assert.strictEqual(verdict(failing, 'serviceRunning').verdict, 'pass', 'RUNNING needs no cluster');
  });

  test('mss.restartService({ confirmed: true }) runs the restart without its question; without it the question stays', async () => {
    const a = await api();
    const none = answerPrompts(a, undefined);
    try {
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.restartService', { confirmed: true }), 0);
      assert.deepStrictEqual(none.asked, [], 'no question');
      assert.deepStrictEqual(fakes.calls().filter((c) => c.tool === 'net').map((c) => c.args), [['stop', 'ENTSSO'], ['start', 'ENTSSO']]);
      fakes.clear();
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.restartService', { confirmed: 'yes' }), undefined);
      assert.strictEqual(none.asked.length, 1, 'anything but confirmed: true asks');
      assert.deepStrictEqual(fakes.calls().filter((c) => c.tool === 'net'), [], 'cancelled: net never ran');
    } finally {
      none.restore();
    }
  });

  test('check before the move (read-only): the server the SSO database names now, the same SSO database, another service account on the new server, a stale backup, RPC; kept on step 1, shown apart in the Verification view, nothing changed', async () => {
    const a = await api();
    fakes.print('ssomanage', displayDb(THIS_COMPUTER), '-displaydb');
    fakes.print('sc', scQc('CONTOSO\\svc-sso'), 'qc');
    fakes.print('sc', scQc('CONTOSO\\someone-else'), '\\\\BTSMSS02');
    fakes.print('wevtutil', events([
      { id: 10501, time: '2026-11-29T08:00:00.000Z', data: ['BTSMSS02', 'BTSSQL01\\BIZTALK', 'SSODB'] },
      { id: 10525, time: '2026-11-20T08:00:00.000Z' },
      { id: 10559, time: '2026-11-10T08:00:00.000Z', data: ['D:\\Backups\\SSO.bak', MSID_NEW] },
    ]));
    fakes.print('powershell', `${JSON.stringify({ ok: true, computer: 'BTSMSS02', port: 135, open: true })}\r\n`, 'rpcReachable');
    const r = await vscode.commands.executeCommand<Verdicts>('mss.checkBeforeMove', { procedure: 'moveToServer', computers: ['BTSMSS02'] });
    assert.strictEqual(r.computer, THIS_COMPUTER);
    assert.deepStrictEqual(r.checks.map((c) => [c.id, c.verdict]), [['currentServer', 'pass'], ['sameDatabase', 'pass'], ['serviceAccount', 'fail'], ['backupCurrent', 'fail'], ['rpcReachable', 'pass']]);
    assert.match(verdict(r, 'currentServer').summary, new RegExp(`names ${THIS_COMPUTER} as the current master secret server`));
    assert.match(verdict(r, 'serviceAccount').summary, /ENTSSO runs as different accounts: BTSMSS01: CONTOSO\\svc-sso; BTSMSS02: CONTOSO\\someone-else/);
    assert.match(verdict(r, 'backupCurrent').summary, /A new master secret was generated at 2026-11-20T08:00:00\.000Z \(10525\), after the backup at 2026-11-10T08:00:00\.000Z \(10559\)/);
    // Only read-only programs ran, and the new server through its remote forms.
    const ran = fakes.calls().map((c) => `${c.tool} ${c.script ? c.script.split('\r\n')[0] : c.args.filter((x) => x.length < 60).join(' ')}`).sort();
    assert.deepStrictEqual(ran, [
      'powershell # Master Secret Mover: rpcReachable',
      'sc \\\\BTSMSS02 qc ENTSSO', 'sc qc ENTSSO', 'ssomanage -displaydb',
      'wevtutil qe Application /f:xml /rd:true /c:50', 'wevtutil qe Application /f:xml /rd:true /c:50 /r:BTSMSS02',
    ]);
    assert.strictEqual(a.progress.record('moveToServer', 'install').checks?.[`backupCurrent@${THIS_COMPUTER}`].verdict, 'fail');
    assert.deepStrictEqual(a.progress.counts('moveToServer'), { done: 0, total: 6 });
    const view = a.verification;
    assert.ok(view.getChildren().some((n) => String(view.getTreeItem(n).label) === `Before the move, from ${THIS_COMPUTER}`));
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.checkBeforeMove', { procedure: 'moveToServer', computers: ['BTS;02'] })), /is not a computer name/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.checkBeforeMove', { procedure: 'nowhere' })), /mss\.checkBeforeMove takes/);
  });

  test('a .bat or .cmd in mss.scPath or mss.wevtutilPath is refused, never run through cmd.exe: unverified with the setting to fix', async () => {
    const c = vscode.workspace.getConfiguration('mss');
    const cmd = path.join(fakes.dir, 'sc.cmd');
    const bat = path.join(fakes.dir, 'wevtutil.bat');
    fs.writeFileSync(cmd, '@echo STATE : 4 RUNNING\r\n', { mode: 0o755 });
    fs.writeFileSync(bat, '@echo off\r\n', { mode: 0o755 });
    await c.update('scPath', cmd, vscode.ConfigurationTarget.Global);
    await c.update('wevtutilPath', bat, vscode.ConfigurationTarget.Global);
    try {
      const r = await verify({ procedure: 'moveToServer', expected: 'BTSMSS02' });
      assert.match(verdict(r, 'serviceRunning').summary, /sc\.cmd is a batch file: Windows runs it through cmd\.exe.*Master Secret Mover starts only the program itself\. Set mss\.scPath to sc\.exe/);
      assert.match(verdict(r, 'restoreLogged').summary, /wevtutil\.bat is a batch file.*Set mss\.wevtutilPath/);
      assert.strictEqual(verdict(r, 'serviceRunning').verdict, 'unverified');
      assert.deepStrictEqual(fakes.calls().map((x) => x.tool), ['ssomanage'], 'only -displaydb ran');
    } finally {
      await c.update('scPath', fakes.path('sc'), vscode.ConfigurationTarget.Global);
      await c.update('wevtutilPath', fakes.path('wevtutil'), vscode.ConfigurationTarget.Global);
    }
  });

  test('before -updatedb from the UI: -displaydb naming another computer as the current master secret server is a warning in the question', async () => {
    const a = await api();
    const file = path.join(workspaceDir(), 'NewMSSServer.xml');
    fakes.print('ssomanage', displayDb('BTSMSS09'), '-displaydb');
    const answers = answerPrompts(a, undefined);
    try {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.runUpdateDb', vscode.Uri.file(file))), /Cancelled: ssomanage -updatedb was not run/);
    } finally {
      answers.restore();
    }
    assert.match(answers.details[0], /WARNING: ssomanage -displaydb names BTSMSS09 as the current master secret server, and this computer is BTSMSS01\. Step 4 runs -updatedb on the current \(original\) master secret server when moving to another server: run it on BTSMSS09\./);
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['ssomanage', ['-displaydb']]], 'only the read-only check ran');
    fakes.clear();
    fakes.print('ssomanage', displayDb(THIS_COMPUTER), '-displaydb');
    const again = answerPrompts(a, undefined);
    try {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.runUpdateDb', vscode.Uri.file(file))), /Cancelled/);
    } finally {
      again.restore();
    }
    assert.doesNotMatch(again.details[0], /-displaydb names/, 'this computer is the current master secret server: no warning');
  });

  test('the record holds the exact command lines of the runs and every verdict\'s summary, and no password', async () => {
    const file = path.join(workspaceDir(), 'NewMSSServer.xml');
    const bak = path.join(workspaceDir(), 'record test', 'SSO.bak');
    fs.mkdirSync(path.dirname(bak), { recursive: true });
    fs.rmSync(bak, { force: true });
    try {
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.backupSecret', { file: bak }), 0);
      fakes.exitWith('ssomanage', 1, '-updatedb');
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runUpdateDb', file), 1);
      fakes.exitWith('ssomanage', 0, '-updatedb');
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runUpdateDb', file), 0);
      fakes.print('ssomanage', displayDb('BTSMSS02'), '-displaydb');
      fakes.print('sc', scQuery(SC_STATES.RUNNING));
      fakes.print('wevtutil', events([E10520('2026-11-30T10:10:00.000Z')]));
      const r = await verify({ procedure: 'moveToServer' });
      const target = path.join(workspaceDir(), 'record test', 'record.md');
      fs.rmSync(target, { force: true });
      await vscode.commands.executeCommand('mss.exportReport', { procedure: 'moveToServer', target, change: 'CHG0042' });
      const md = fs.readFileSync(target, 'utf8');
      assert.match(md, /^Change: CHG0042$/m);
      const ssomanage = displayCommandLine({ executable: fakes.path('ssomanage'), args: ['-updatedb', file] });
      const ssoconfig = displayCommandLine({ executable: fakes.path('ssoconfig'), args: ['-backupSecret', bak] });
      const runRows = md.split('\n').filter((l) => l.includes(ssomanage) || l.includes(ssoconfig));
      assert.strictEqual(runRows.length, 3, `three runs in the record:\n${md}`);
      assert.ok(runRows.some((l) => l.includes(ssomanage) && /\| 1 \| BTSMSS01 \|/.test(l)), 'the failed -updatedb run');
      assert.ok(runRows.some((l) => l.includes(ssomanage) && /\| 0 \| BTSMSS01 \|/.test(l) && /names BTSMSS02/.test(l) && /SHA-256 [0-9a-f]{64}/.test(l)), 'the -updatedb run that worked, with the file\'s server and SHA-256');
      assert.ok(runRows.some((l) => l.includes(ssoconfig)), 'the backup run');
      for (const c of r.checks) assert.ok(md.includes(c.summary.replace(/\|/g, '\\|')), `the record holds "${c.summary}"`);
      // The tree tells the history too: step 4 ran twice, newest first.
      const a = await api();
      const provider = a.trees.get('moveToServer')!.provider;
      const step4 = provider.procedure.steps.find((x) => x.id === 'updateDb')!;
      const runRowsInTree = provider.getChildren({ kind: 'step', step: step4 }).map((n) => String(provider.getTreeItem(n).label)).filter((l) => l.startsWith('Ran '));
      assert.strictEqual(runRowsInTree.length, 2, runRowsInTree.join('\n'));
      assert.match(runRowsInTree[0], new RegExp(`on ${THIS_COMPUTER} as .+: exit code 0 · `));
      assert.match(runRowsInTree[1], /: exit code 1 · /);
      assert.doesNotMatch(md, /password\s*[:=]\s*\S/i);
    } finally {
      fs.rmSync(path.dirname(bak), { recursive: true, force: true });
    }
  });
});
