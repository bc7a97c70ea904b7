// The cluster steps (the `cluster` task type, mss.runClusterStep) and mss.runServerAll on many
// computers, in the real VS Code, against a fake `powershell` that records its argument vector and
// the decoded script, and prints what our scripts print (the failures too).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { FakeTools } from './fakeTools';
import { answerPrompts, api, poll, runTaskToEnd, withTasksJsonTask } from './helpers';

type Progress = Record<string, { done: boolean; exitCode?: number }>;
const progressOf = () => vscode.commands.executeCommand<Progress>('mss.getProgress', 'moveToCluster');

suite('cluster steps and ssomanage -serverall on many computers, through a fake PowerShell', () => {
  const fakes = new FakeTools();
  let restore: () => Promise<void>;
  const scripts = () => fakes.calls().filter((c) => c.tool === 'powershell');

  /** The one PowerShell run so far: its argument vector is -NoProfile -NonInteractive -EncodedCommand <script>, and its script's id. */
  const onlyRun = (id: string) => {
    const runs = scripts();
    assert.strictEqual(runs.length, 1, JSON.stringify(runs.map((r) => r.script?.split('\r\n')[0])));
    assert.deepStrictEqual(runs[0].args.slice(0, 3), ['-NoProfile', '-NonInteractive', '-EncodedCommand']);
    assert.strictEqual(runs[0].args.length, 4);
    assert.strictEqual(runs[0].script!.split('\r\n')[0], `# Master Secret Mover: ${id}`);
    return runs[0].script!;
  };

  suiteSetup(async () => {
    restore = await fakes.use();
  });
  suiteTeardown(async () => { await restore(); });
  setup(async () => {
    fakes.clear();
    await vscode.commands.executeCommand('mss.resetProgress', 'moveToCluster');
  });

  test('cluster startRole from the command: Start-ClusterGroup with the role as a literal; exit 0 ticks step 4 and keeps the role', async () => {
    const code = await vscode.commands.executeCommand<number>('mss.runClusterStep', { command: 'startRole', role: "SSO Role 'A'", confirmed: true });
    assert.strictEqual(code, 0);
    const script = onlyRun('startRole');
    assert.match(script, /^ {2}\$role = 'SSO Role ''A'''$/m);
    assert.match(script, /^ {2}\$g = Start-ClusterGroup -Name \$role$/m);
    const p = await progressOf();
    assert.deepStrictEqual([p.bringOnline.done, p.bringOnline.exitCode], [true, 0]);
    const record = (await api()).progress.record('moveToCluster', 'bringOnline');
    assert.deepStrictEqual(record.cluster, { role: "SSO Role 'A'" });
    assert.match(record.runs![0].commandLine, /-NoProfile -NonInteractive -EncodedCommand <startRole: Start-ClusterGroup -Name 'SSO Role ''A'''>$/);
  });

  test('cluster cycleResource from the command asks first (modal), saying the host instances go offline too; Cancel runs nothing, the button runs the three cmdlets and ticks step 6', async () => {
    const a = await api();
    const no = answerPrompts(a, undefined);
    try {
      assert.strictEqual(await vscode.commands.executeCommand('mss.runClusterStep', { command: 'cycleResource', role: 'SSO', resource: 'ENTSSO' }), undefined);
    } finally {
      no.restore();
    }
    assert.deepStrictEqual(no.asked, ['Take ENTSSO offline and bring it online?']);
    assert.match(no.details[0], /clustered BizTalk host instances of the role SSO go offline too/);
    assert.strictEqual(scripts().length, 0, 'Cancel ran nothing');
    const yes = answerPrompts(a, 'Take Offline and Bring Online');
    try {
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runClusterStep', { command: 'cycleResource', role: 'SSO', resource: 'ENTSSO' }), 0);
    } finally {
      yes.restore();
    }
    const script = onlyRun('cycleResource');
    const order = ['Stop-ClusterResource -Name $res', 'Start-ClusterResource -Name $res', 'Start-ClusterGroup -Name $role'].map((c) => script.indexOf(c));
    assert.ok(order[0] > 0 && order[0] < order[1] && order[1] < order[2], String(order));
    assert.strictEqual((await progressOf()).cycleResource.done, true);
    assert.deepStrictEqual(a.progress.record('moveToCluster', 'bringOnline').cluster, { role: 'SSO', resource: 'ENTSSO' });
  });

  test('cluster moveRole from the command: Move-ClusterGroup to the node; it ticks nothing and is kept with step 7\'s runs for that node', async () => {
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runClusterStep', { command: 'moveRole', role: 'SSO', node: 'NODE2', confirmed: true }), 0);
    const script = onlyRun('moveRole');
    assert.match(script, /^ {2}\$node = 'NODE2'$/m);
    assert.match(script, /^ {2}\$g = Move-ClusterGroup -Name \$role -Node \$node$/m);
    const record = (await api()).progress.record('moveToCluster', 'restoreEachNode');
    assert.strictEqual(record.done, false);
    assert.deepStrictEqual((record.machines ?? []).filter((m) => m.done), []);
    assert.strictEqual(record.runs?.length, 1);
    assert.deepStrictEqual([record.runs![0].machine, record.runs![0].exitCode], ['NODE2', 0]);
  });

  test('a cmdlet missing: the script\'s failure document and exit code 2 are returned and recorded, and step 4 stays open', async () => {
    fakes.print('powershell', `${JSON.stringify({ ok: false, kind: 'module', message: "The specified module 'FailoverClusters' was not loaded because no valid module file was found in any module directory.", hresult: -2146233087, errorId: 'Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand' })}\r\n`, 'startRole');
    fakes.exitWith('powershell', 2, 'startRole');
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runClusterStep', { command: 'startRole', role: 'SSO', confirmed: true }), 2);
    onlyRun('startRole');
    const p = await progressOf();
    assert.deepStrictEqual([p.bringOnline.done, p.bringOnline.exitCode], [false, 2]);
    assert.strictEqual((await api()).progress.record('moveToCluster', 'bringOnline').cluster, undefined, 'names are kept from a run that succeeded');
  });

  test('each cluster task from tasks.json runs PowerShell with its script, and feeds the progress like the command', async () => {
    const cases: Array<[Record<string, string>, string, string | undefined]> = [
      [{ command: 'startRole', role: 'SSO' }, 'startRole', 'bringOnline'],
      [{ command: 'cycleResource', role: 'SSO', resource: 'ENTSSO' }, 'cycleResource', 'cycleResource'],
      [{ command: 'moveRole', role: 'SSO', node: 'NODE1' }, 'moveRole', undefined],
    ];
    for (const [def, id, step] of cases) {
      fakes.clear();
      const code = await withTasksJsonTask({ label: `cluster ${id} (tasks.json)`, type: 'cluster', ...def }, (task) => runTaskToEnd(task));
      assert.strictEqual(code, 0, id);
      const script = onlyRun(id);
      assert.match(script, /^ {2}\$role = 'SSO'$/m);
      if (step) await poll(`step ${step} ticked by the tasks.json run`, async () => (await progressOf())[step].done);
      else await poll('the move kept with step 7', async () => (await api()).progress.record('moveToCluster', 'restoreEachNode').runs?.some((r) => r.machine === 'NODE1'));
    }
  });

  test('a name refused before anything runs: from the command, from tasks.json, and a computer of mss.runServerAll', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.runClusterStep', { command: 'startRole', role: 'SSO\nRole', confirmed: true })), /role name .*refused.*Nothing was run/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.runClusterStep', { command: 'moveRole', role: 'SSO', node: "NODE2'; Stop-Computer; '", confirmed: true })), /is not a cluster node name: refused/);
    const code = await withTasksJsonTask({ label: 'cluster refused (tasks.json)', type: 'cluster', command: 'cycleResource', role: 'SSO' }, (task) => runTaskToEnd(task));
    assert.strictEqual(code, 1, 'the refusal task says why and ends with 1');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.runServerAll', { server: 'SSOCLUSTER', computers: ['BTS1', 'BTS 2', 'BTS3'] })), /"BTS 2" is not a computer name: refused.*Nothing was run/);
    assert.deepStrictEqual(scripts(), [], 'PowerShell never ran');
    const p = await progressOf();
    assert.deepStrictEqual([p.bringOnline.done, p.cycleResource.done, p.serverAll.done], [false, false, false]);
  });

  test('mss.runServerAll on three computers, access denied on one: each exit code apart, the two others ticked, each run recorded', async () => {
    const results = [
      { computer: 'BTS1', ran: true, exe: 'C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\ssomanage.exe', exitCode: 0, output: 'Using SSO server on this computer\r\n' },
      { computer: 'BTS2', ran: false, kind: 'remoting', message: 'Connecting to remote server BTS2 failed with the following error message : Access is denied.', errorId: 'AccessDenied,PSSessionStateBroken', hresult: -2146233087, transportCode: 5 },
      { computer: 'BTS3', ran: true, exe: 'C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\ssomanage.exe', exitCode: 0, output: '' },
    ];
    fakes.print('powershell', `${JSON.stringify({ ok: true, server: 'SSOCLUSTER', results })}\r\n`, 'serverAll');
    const codes = await vscode.commands.executeCommand<Record<string, number>>('mss.runServerAll', { server: 'SSOCLUSTER', computers: ['BTS1', 'BTS2', 'BTS3'] });
    assert.deepStrictEqual(codes, { BTS1: 0, BTS2: 125, BTS3: 0 });
    const script = onlyRun('serverAll');
    assert.match(script, /^ {2}\$computers = @\('BTS1', 'BTS2', 'BTS3'\)$/m);
    assert.match(script, /^ {2}\$server = 'SSOCLUSTER'$/m);
    assert.match(script, /Invoke-Command -ComputerName \$c .*-ArgumentList \$folder, \$server -ScriptBlock \{/);
    const record = (await api()).progress.record('moveToCluster', 'serverAll');
    assert.deepStrictEqual(record.machines?.map((m) => [m.name, m.done]), [['BTS1', true], ['BTS2', false], ['BTS3', true]]);
    assert.strictEqual(record.done, false, 'not every computer is done');
    // The failed computer is recorded last, so that the step keeps its errors.
    assert.deepStrictEqual(record.runs?.map((r) => [r.machine, r.exitCode]), [['BTS1', 0], ['BTS3', 0], ['BTS2', 125]]);
    assert.match(record.runs![2].commandLine, /<serverAll: .*> on BTS2: .*ssomanage\.exe" -serverall SSOCLUSTER$/);
    assert.match((record.lastErrors ?? []).join(' '), /BTS2: access was denied.*Administrators group on BTS2/);
  });
});
