// mss.verifyMove in the real VS Code, with fake ssomanage, sc and wevtutil programs that print
// what the real tools print (and garbage, nothing, non-zero exits): every verdict of each check,
// the exact argument vectors, that no verdict marks a step done, the Verification view, the tree
// rows, the warnings before -updatedb and the restore, and the record of the move.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { displayCommandLine } from '../../src/ssoTools/commandLines';
import { FakeTools } from './fakeTools';
import { answerPrompts, api, THIS_COMPUTER, workspaceDir } from './helpers';
import { DISPLAYDB_ERROR, DISPLAYDB_GERMAN, displayDb, E10520, E10523, E10524, E10534, events, SC_ACCESS_DENIED, SC_NOT_INSTALLED, SC_RPC_UNAVAILABLE, SC_STATES, scQuery } from '../unit/verification/samples';

interface Verdicts { procedure: string; computer: string; at: string; checks: Array<{ id: string; verdict: string; summary: string; evidence: string }> }

const QUERY = "/q:*[System[Provider[@Name='ENTSSO']]]";

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

  test('runs only -displaydb, sc query ENTSSO and wevtutil qe, with their exact argument vectors; another computer through the tools\' remote forms', async () => {
    await verify({ procedure: 'moveToServer' });
    const local = fakes.calls().map((c) => [c.tool, c.args]).sort();
    assert.deepStrictEqual(local, [
      ['sc', ['query', 'ENTSSO']],
      ['ssomanage', ['-displaydb']],
      ['wevtutil', ['qe', 'Application', QUERY, '/f:xml', '/rd:true', '/c:50']],
    ]);
    fakes.clear();
    const remote = await verify({ procedure: 'moveToServer', computer: 'BTSMSS02' });
    assert.strictEqual(remote.computer, 'BTSMSS02');
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]).sort(), [
      ['sc', ['\\\\BTSMSS02', 'query', 'ENTSSO']],
      ['ssomanage', ['-displaydb']],
      ['wevtutil', ['qe', 'Application', QUERY, '/f:xml', '/rd:true', '/c:50', '/r:BTSMSS02']],
    ]);
    fakes.clear();
    await assert.rejects(verify({ procedure: 'moveToServer', computer: 'BTS&01' }), /"BTS&01" is not a computer name/);
    await assert.rejects(verify({ procedure: 'moveToSomewhere' }), /mss\.verifyMove takes \{ procedure/);
    assert.deepStrictEqual(fakes.calls(), [], 'a refused verification runs nothing');
  });

  test('pass: -displaydb names the server -updatedb named, ENTSSO is RUNNING, 10523 is the newest restore event; the verdicts show on the steps and mark nothing done', async () => {
    const a = await api();
    await a.progress.setNewServer('moveToServer', 'updateDb', 'BTSMSS02');
    fakes.print('ssomanage', displayDb('BTSMSS02.contoso.com'), '-displaydb');
    fakes.print('sc', scQuery(SC_STATES.RUNNING));
    fakes.print('wevtutil', events([E10523('2026-11-30T10:20:00.000Z'), E10520('2026-11-30T10:10:00.000Z'), E10534('2026-11-30T10:09:00.000Z'), E10524('2026-11-30T10:15:00.000Z')]));
    const r = await verify({ procedure: 'moveToServer' });
    assert.deepStrictEqual(r.checks.map((c) => [c.id, c.verdict]), [['secretServerName', 'pass'], ['serviceRunning', 'pass'], ['restoreLogged', 'pass']]);
    assert.match(verdict(r, 'secretServerName').summary, /-displaydb names BTSMSS02\.contoso\.com as the master secret server/);
    assert.match(verdict(r, 'serviceRunning').summary, new RegExp(`ENTSSO is running on ${THIS_COMPUTER}`));
    assert.match(verdict(r, 'restoreLogged').summary, /^10523 logged at 2026-11-30T10:20:00\.000Z/);
    assert.match(verdict(r, 'restoreLogged').evidence, /10534 at .*this computer is the master secret server/);
    assert.strictEqual(r.computer, THIS_COMPUTER);
    assert.ok(!Number.isNaN(Date.parse(r.at)));
    // Kept with the steps they bear on; no step is done.
    assert.strictEqual(a.progress.record('moveToServer', 'updateDb').checks?.secretServerName.verdict, 'pass');
    assert.strictEqual(a.progress.record('moveToServer', 'restartService').checks?.serviceRunning.verdict, 'pass');
    assert.strictEqual(a.progress.record('moveToServer', 'restore').checks?.restoreLogged.verdict, 'pass');
    assert.deepStrictEqual(a.progress.counts('moveToServer'), { done: 0, total: 6 });
    // The tree: a verdict row under step 4 and under the restore.
    const provider = a.trees.get('moveToServer')!.provider;
    const rows = (stepId: string) => provider.getChildren({ kind: 'step', step: provider.procedure.steps.find((s) => s.id === stepId)! })
      .filter((n) => n.kind === 'check').map((n) => String(provider.getTreeItem(n).label));
    assert.deepStrictEqual(rows('updateDb'), ['Verified: -displaydb names BTSMSS02.contoso.com as the master secret server.']);
    assert.match(rows('restore')[0], /^Verified: 10523 logged at 2026-11-30T10:20:00\.000Z/);
    // The Verification view: one row per check, with its verdict.
    const view = a.verification;
    assert.deepStrictEqual(view.getChildren().map((n) => String(view.getTreeItem(n).label)), [
      'SSO database names the new master secret server: pass',
      'Enterprise SSO service is running: pass',
      'Restore of the master secret is logged: pass',
    ]);
    assert.strictEqual(view.view.description, '3 pass');
  });

  test('fail: another server named, ENTSSO STOPPED or not installed, 10524 newer than 10523; nothing is marked done', async () => {
    const a = await api();
    fakes.print('ssomanage', displayDb('BTSMSS01'), '-displaydb');
    fakes.print('sc', scQuery(SC_STATES.STOPPED));
    fakes.print('wevtutil', events([E10524('2026-11-30T11:00:00.000Z', '0x80070005'), E10523('2026-11-30T10:00:00.000Z')]));
    const r = await verify({ procedure: 'moveToServer', expected: 'BTSMSS02' });
    assert.deepStrictEqual(r.checks.map((c) => [c.id, c.verdict]), [['secretServerName', 'fail'], ['serviceRunning', 'fail'], ['restoreLogged', 'fail']]);
    assert.match(verdict(r, 'secretServerName').summary, /-displaydb names BTSMSS01, not BTSMSS02\./);
    assert.match(verdict(r, 'serviceRunning').summary, /ENTSSO is STOPPED on BTSMSS01, not RUNNING/);
    assert.match(verdict(r, 'restoreLogged').summary, /^10524 logged at 2026-11-30T11:00:00\.000Z.*failed \(0x80070005\)/);
    fakes.print('sc', SC_NOT_INSTALLED);
    fakes.exitWith('sc', 1060 & 0xff);
    const missing = await verify({ procedure: 'moveToServer', expected: 'BTSMSS02' });
    assert.strictEqual(verdict(missing, 'serviceRunning').verdict, 'fail');
    assert.match(verdict(missing, 'serviceRunning').summary, /ENTSSO is not installed on BTSMSS01 \(sc: 1060/);
    assert.deepStrictEqual(a.progress.counts('moveToServer'), { done: 0, total: 6 });
    assert.strictEqual(a.verification.view.description, '3 fail');
  });

  test('unverified: no server expected, a layout it cannot read, an ERROR and exit 1, nothing printed, garbage, access denied, an unreachable computer, a missing tool', async () => {
    fakes.print('ssomanage', displayDb('BTSMSS02'), '-displaydb');
    fakes.print('sc', '');
    fakes.print('wevtutil', 'garbage <Event');
    let r = await verify({ procedure: 'moveToServer' });
    assert.deepStrictEqual(r.checks.map((c) => c.verdict), ['unverified', 'unverified', 'unverified']);
    assert.match(verdict(r, 'secretServerName').summary, /-displaydb names BTSMSS02; no server is expected yet/);
    assert.match(verdict(r, 'serviceRunning').summary, /sc printed no STATE line/);
    assert.match(verdict(r, 'restoreLogged').summary, /not event XML/);

    fakes.print('ssomanage', DISPLAYDB_GERMAN, '-displaydb');
    fakes.print('sc', SC_ACCESS_DENIED);
    fakes.exitWith('sc', 5);
    fakes.print('wevtutil', '');
    r = await verify({ procedure: 'moveToServer', expected: 'BTSMSS02', computer: 'BTSMSS02' });
    assert.match(verdict(r, 'secretServerName').summary, /printed no "Single Sign-On Secret Server name" line/);
    assert.match(verdict(r, 'serviceRunning').summary, /access to the services of BTSMSS02 was denied \(error 5\)/);
    assert.match(verdict(r, 'restoreLogged').summary, /No restore is logged on BTSMSS02/);
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
    try {
      r = await verify({ procedure: 'moveToCluster', expected: 'SSOCLUSTER' });
      assert.match(verdict(r, 'serviceRunning').summary, /sc\.exe was not found at .*no-such-sc\. sc\.exe is a Windows program\. Set mss\.scPath to its location/);
      assert.match(verdict(r, 'restoreLogged').summary, /no-such-wevtutil was not found on PATH.*Set mss\.wevtutilPath/);
      assert.ok(r.checks.every((x) => x.verdict !== 'pass'));
    } finally {
      await c.update('scPath', fakes.path('sc'), vscode.ConfigurationTarget.Global);
      await c.update('wevtutilPath', fakes.path('wevtutil'), vscode.ConfigurationTarget.Global);
    }
    // The cluster's verdicts are kept on its own steps; neither move counts as under way for them.
    const a = await api();
    assert.strictEqual(a.progress.record('moveToCluster', 'cycleResource').checks?.serviceRunning.verdict, 'unverified');
    assert.deepStrictEqual(a.progress.counts('moveToCluster'), { done: 0, total: 7 });
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
