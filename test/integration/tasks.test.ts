import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { FakeTools, READ_BEFORE_RESTART, READ_BEFORE_UPDATEDB } from './fakeTools';
import { answerPrompts, api, codeOf, entssoProblems, hasUiBridge, notificationWith, poll, runTaskToEnd, terminalText, THIS_COMPUTER, withTerminalText, withTasksJsonTask, workspaceDir } from './helpers';


suite('tasks: ssomanage, ssoconfig and the ENTSSO restart with fake tools', () => {
  const fakes = new FakeTools();
  let restore: () => Promise<void>;

  suiteSetup(async () => {
    restore = await fakes.use();
    await (await api()).progress.reset();
  });
  suiteTeardown(async () => { await restore(); });
  setup(() => fakes.clear());

  test('-updatedb runs with the exact argument vector, in the install folder, and exit 0 marks the step done', async () => {
    const dir = path.join(workspaceDir(), 'with space');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'NewMSSServer.xml');
    fs.writeFileSync(file, '<sso>\n  <globalInfo>\n    <secretServer>BTSMSS02</secretServer>\n  </globalInfo>\n</sso>\n');
    const code = await vscode.commands.executeCommand<number>('mss.runUpdateDb', file);
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['ssomanage', ['-updatedb', file]]]);
    assert.strictEqual(fakes.calls()[0].cwd, fakes.dir);
    const p = await vscode.commands.executeCommand<Record<string, { done: boolean; exitCode?: number; at?: string }>>('mss.getProgress', 'moveToServer');
    assert.strictEqual(p.updateDb.done, true);
    assert.strictEqual(p.updateDb.exitCode, 0);
    assert.ok(p.updateDb.at);
  });

  test('the terminal shows the exact command line of the task', async function () {
    if (!hasUiBridge()) this.skip();
    await withTerminalText(async () => {
      const file = path.join(workspaceDir(), 'echo check', 'NewMSSServer.xml');  // a path no other test runs
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '<sso>\n  <globalInfo>\n    <secretServer>BTSMSS03</secretServer>\n  </globalInfo>\n</sso>\n');
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runUpdateDb', file), 0);
      const expected = `${fakes.path('ssomanage')}-updatedb${file}`.replace(/[\s"']/g, '');
      await poll('the command line in the terminal', async () => (await terminalText()).includes(expected));
    });
  });

  test('a non-zero exit code is returned and recorded, and the step stays open', async () => {
    await vscode.commands.executeCommand('mss.resetProgress', 'moveToServer');
    fakes.exitWith('ssoconfig', 5);
    const file = path.join(workspaceDir(), 'secret backup.bak');
    const code = await vscode.commands.executeCommand<number>('mss.backupSecret', { file });
    assert.strictEqual(code, 5);
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['ssoconfig', ['-backupSecret', file]]]);
    const p = await vscode.commands.executeCommand<Record<string, { done: boolean; exitCode?: number }>>('mss.getProgress', 'moveToServer');
    assert.deepStrictEqual([p.backup.done, p.backup.exitCode], [false, 5]);
  });

  test('the problem matcher $mss-entsso turns the tool\'s ERROR: 0x... line into a problem, the record keeps it, and a good run clears it', async () => {
    const entsso = entssoProblems;
    await vscode.commands.executeCommand('mss.resetProgress', 'moveToCluster');
    fakes.exitWith('ssomanage', 1);
    const code = await vscode.commands.executeCommand<number>('mss.runServerAll', { server: 'SSOCLUSTER' });
    assert.strictEqual(code, 1);
    const found = await poll('the ENTSSO problem', () => { const f = entsso(); return f.length > 0 && f; });
    assert.strictEqual(found.length, 1, JSON.stringify(found.map((x) => x.d.message)));
    const { uri, d } = found[0];
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(codeOf(d), '0xC0002A0F');
    assert.strictEqual(d.message, "Could not contact the SSO server 'fake'. Check that SSO is configured and that the SSO service is running on that server.");
    assert.strictEqual(path.dirname(uri.fsPath), workspaceDir(), 'filed under the task\'s workspace folder (the line names no file)');
    const record = (await api()).progress.record('moveToCluster', 'serverAll');
    assert.strictEqual(record.done, false);
    assert.deepStrictEqual(record.lastErrors, [`0xC0002A0F: ${d.message}`]);
    const { provider } = (await api()).trees.get('moveToCluster')!;
    const stepNode = provider.getChildren().find((n) => n.step.id === 'serverAll')!;
    const labels = provider.getChildren(stepNode).map((n) => { const l = provider.getTreeItem(n).label; return typeof l === 'string' ? l : l?.label; });
    assert.ok(labels.includes(`The last run printed ERROR 0xC0002A0F: ${d.message}`), `the tree shows the error: ${labels.join(' | ')}`);
    fakes.exitWith('ssomanage', 0);
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runServerAll', { server: 'SSOCLUSTER' }), 0);
    await poll('the ENTSSO problem to be cleared by the good run', () => entsso().length === 0);
    assert.strictEqual((await api()).progress.record('moveToCluster', 'serverAll').lastErrors, undefined);
  });

  test('restore, -serverall and the restart run their exact argument vectors', async () => {
    await (await api()).progress.reset();  // the restore and the restart then belong to the move to another server
    const bak = path.join(workspaceDir(), 'SSO backup.bak');
    fs.writeFileSync(bak, 'a backup made by the backup step\n');
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.restoreSecret', { file: bak }), 0);
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runServerAll', { server: 'SSOCLUSTER' }), 0);
    fakes.exitWith('net', 2, 'stop');
    // The restart asks first (a programmatic call too), saying that the BizTalk host instances go down with ENTSSO.
    const restart = answerPrompts(await api(), 'Restart ENTSSO');
    try {
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.restartService'), 2, 'a failed stop makes the restart fail');
    } finally {
      restart.restore();
    }
    assert.deepStrictEqual(restart.asked, ['Restart the Enterprise SSO service (ENTSSO) on this computer?']);
    assert.ok(restart.details[0].includes('The BizTalk host instances on this computer depend on ENTSSO and stop with it'), restart.details[0]);
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [
      ['ssoconfig', ['-restoreSecret', bak]],
      ['ssomanage', ['-serverall', 'SSOCLUSTER']],
      READ_BEFORE_RESTART,
      ['net', ['stop', 'ENTSSO']],
      ['net', ['start', 'ENTSSO']],
    ]);
    const p = await vscode.commands.executeCommand<Record<string, { done: boolean; exitCode?: number }>>('mss.getProgress', 'moveToServer');
    assert.deepStrictEqual([p.restartService.done, p.restartService.exitCode], [false, 2]);
  });

  test('a task stopped while it runs (Terminate) is recorded, and the step stays open', async () => {
    await vscode.commands.executeCommand('mss.resetProgress', 'moveToServer');
    const a = await api();
    fakes.hold('ssoconfig');  // like ssoconfig waiting at its password prompt
    const file = path.join(workspaceDir(), 'stopped backup.bak');
    let outcome: { code?: number; error?: Error } | undefined;
    void Promise.resolve(vscode.commands.executeCommand<number>('mss.backupSecret', { file })).then((code) => { outcome = { code }; }, (error: Error) => { outcome = { error }; });
    try {
      await poll('ssoconfig to be running', () => fakes.calls().length === 1);
      const execution = await poll('its task execution', () => vscode.tasks.taskExecutions.find((x) => x.task.definition.command === 'backupSecret'));
      execution.terminate();
      const ended = await poll('the command to settle', () => outcome);
      console.log(`      terminated: ${ended.error ? `rejected: ${ended.error.message}` : `exit code ${ended.code}`}`);
      const record = a.progress.record('moveToServer', 'backup');
      assert.strictEqual(record.done, false);
      if (ended.error) {
        assert.match(ended.error.message, /terminated|without an exit code/);
        assert.ok(record.stoppedAt, `the stop is recorded: ${JSON.stringify(record)}`);
      } else {
        // Where the terminal reports the killed process's exit code, it is a failed run.
        assert.notStrictEqual(ended.code, 0);
        assert.strictEqual(record.exitCode, ended.code);
      }
    } finally {
      fakes.release('ssoconfig');
    }
  });

  test('unsafe server names are refused before anything runs', async () => {
    for (const server of ['SSO&CLUSTER', 'SSO"CLUSTER', '-updatedb', 'SSO CLUSTER']) {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.runServerAll', { server })), Error, server);
    }
    assert.deepStrictEqual(fakes.calls(), []);
  });

  test('a file with errors is refused and nothing runs', async () => {
    const file = path.join(workspaceDir(), 'Broken.xml');
    fs.writeFileSync(file, '<sso>\n  <globalnfo>\n    <secretServer>BTSMSS02</secretServer>\n  </globalInfo>\n</sso>\n');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.runUpdateDb', file)), /error/);
    assert.deepStrictEqual(fakes.calls(), []);
  });

  test('a tasks.json task is resolved and runs with its argument vector', async () => {
    const tasks = await vscode.tasks.fetchTasks({ type: 'ssomanage' });
    const displaydb = tasks.find((t) => t.definition.command === 'displaydb');
    assert.ok(displaydb, `provided tasks: ${tasks.map((t) => t.name).join(', ')}`);
    const updatedb = tasks.filter((t) => t.definition.command === 'updatedb').map((t) => path.basename(String(t.definition.file)));
    assert.ok(updatedb.includes('NewMSSServer.xml'), `updatedb tasks for: ${updatedb.join(', ')}`);
    assert.strictEqual(await runTaskToEnd(displaydb), 0);
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['ssomanage', ['-displaydb']]]);
  });

  test('each provider offers tasks of its own type only', async () => {
    for (const type of ['ssomanage', 'ssoconfig', 'entsso']) {
      const tasks = await vscode.tasks.fetchTasks({ type });
      const others = tasks.filter((t) => t.definition.type !== type);
      assert.deepStrictEqual(others.map((t) => `${t.definition.type}: ${t.name}`), [], `fetchTasks({ type: ${type} })`);
    }
    const restart = (await vscode.tasks.fetchTasks({ type: 'entsso' })).filter((t) => t.source === 'Master Secret');
    assert.deepStrictEqual(restart.map((t) => t.definition.command), ['restart']);
  });

  test('tasks started from Run Task feed the procedure like the commands: -updatedb, then the restart as one task', async () => {
    // Both procedures: with the move to a cluster under way (earlier tests ran -serverall), -updatedb would be part of its step 1.
    await vscode.commands.executeCommand('mss.resetProgress');
    const a = await api();
    const file = path.join(workspaceDir(), 'NewMSSServer.xml');
    const updatedb = (await vscode.tasks.fetchTasks({ type: 'ssomanage' })).find((t) => t.definition.command === 'updatedb' && t.definition.file === file);
    assert.ok(updatedb, 'the provided -updatedb task of the workspace NewMSSServer.xml');
    const run = runTaskToEnd;
    fakes.exitWith('ssomanage', 4);
    assert.strictEqual(await run(updatedb), 4);
    await poll('the failed run to be recorded', () => a.progress.record('moveToServer', 'updateDb').exitCode === 4);
    assert.strictEqual(a.progress.record('moveToServer', 'updateDb').done, false);
    fakes.exitWith('ssomanage', 0);
    assert.strictEqual(await run(updatedb), 0);
    await poll('updateDb to be done', () => a.progress.record('moveToServer', 'updateDb').done);
    assert.strictEqual(a.progress.record('moveToServer', 'updateDb').exitCode, 0);
    const restart = (await vscode.tasks.fetchTasks({ type: 'entsso' })).find((t) => t.definition.command === 'restart');
    assert.ok(restart);
    assert.strictEqual(await run(restart), 0);
    await poll('restartService to be done', () => a.progress.record('moveToServer', 'restartService').done);
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [
      ['ssomanage', ['-updatedb', file]], ['ssomanage', ['-updatedb', file]], ['net', ['stop', 'ENTSSO']], ['net', ['start', 'ENTSSO']],
    ]);
    const displaydb = (await vscode.tasks.fetchTasks({ type: 'ssomanage' })).find((t) => t.definition.command === 'displaydb')!;
    const before = JSON.stringify(a.progress.read('moveToServer'));
    assert.strictEqual(await run(displaydb), 0);
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(JSON.stringify(a.progress.read('moveToServer')), before, 'a read-only check records nothing');
  });

  test('a task written in .vscode/tasks.json is resolved and runs with a path that has spaces', async () => {
    fs.mkdirSync(path.join(workspaceDir(), 'backups'), { recursive: true });
    await withTasksJsonTask({ label: 'Back up the secret (tasks.json)', type: 'ssoconfig', command: 'backupSecret', file: 'backups/master secret.bak' }, async (task) => {
      assert.strictEqual(await runTaskToEnd(task), 0);
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['ssoconfig', ['-backupSecret', path.join(workspaceDir(), 'backups', 'master secret.bak')]]]);
    });
  });

  test('a tasks.json task without a problemMatcher of its own gets $mss-entsso from the provider', async () => {
    fakes.exitWith('ssomanage', 1);
    try {
      await withTasksJsonTask({ label: 'Show the SSO database (tasks.json)', type: 'ssomanage', command: 'displaydb' }, async (task) => {
        assert.strictEqual(await runTaskToEnd(task), 1);
        const found = await poll('the ENTSSO problem', () => {
          const f = entssoProblems().map((x) => x.d);
          return f.length > 0 && f;
        });
        assert.match(found[0].message, /^Could not contact the SSO server/);
      });
    } finally {
      fakes.exitWith('ssomanage', 0);
    }
  });

  test('a missing executable is reported with the setting to fix, and nothing is marked done', async () => {
    await vscode.commands.executeCommand('mss.resetProgress', 'moveToCluster');
    const c = vscode.workspace.getConfiguration('mss');
    await c.update('ssomanagePath', path.join(fakes.dir, 'missing', 'ssomanage.exe'), vscode.ConfigurationTarget.Global);
    try {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.runServerAll', { server: 'SSOCLUSTER' })), /mss\.ssomanagePath/);
      const p = await vscode.commands.executeCommand<Record<string, { done: boolean }>>('mss.getProgress', 'moveToCluster');
      assert.strictEqual(p.serverAll.done, false);
      assert.deepStrictEqual(fakes.calls(), []);
    } finally {
      await c.update('ssomanagePath', fakes.path('ssomanage'), vscode.ConfigurationTarget.Global);
    }
  });

  test('where ssomanage is absent, Run Task still lists its tasks, and running one says why and which setting to fix', async () => {
    const c = vscode.workspace.getConfiguration('mss');
    const missing = path.join(fakes.dir, 'missing', 'ssomanage.exe');
    await c.update('ssomanagePath', missing, vscode.ConfigurationTarget.Global);
    try {
      await withTerminalText(async () => {
        const task = await poll('the -displaydb task', async () => (await vscode.tasks.fetchTasks({ type: 'ssomanage' })).find((t) => t.definition.command === 'displaydb'));
        assert.strictEqual(await runTaskToEnd(task), 1);
        assert.deepStrictEqual(fakes.calls(), []);
        if (hasUiBridge()) {
          const text = await poll('the explanation in the terminal', async () => { const t = await terminalText(); return t.includes('mss.ssomanagePath') && t; });
          assert.ok(text.includes(`wasnotfoundat${missing.replace(/\s/g, '')}`), text);
        }
      });
    } finally {
      await c.update('ssomanagePath', fakes.path('ssomanage'), vscode.ConfigurationTarget.Global);
    }
  });

  test('a -updatedb task from Run Task refuses a file with errors like the command: it says why and ssomanage never runs', async () => {
    const file = path.join(workspaceDir(), 'Bad server.xml');
    fs.writeFileSync(file, '<sso>\n  <globalInfo>\n    <secretServer>local host</secretServer>\n  </globalInfo>\n</sso>\n');
    try {
      await withTerminalText(async () => {
        const task = await poll('the -updatedb task of the bad file', async () => (await vscode.tasks.fetchTasks({ type: 'ssomanage' })).find((t) => t.definition.command === 'updatedb' && t.definition.file === file));
        assert.strictEqual(await runTaskToEnd(task), 1);
        assert.deepStrictEqual(fakes.calls(), [], 'ssomanage did not run');
        if (hasUiBridge()) {
          await poll('the refusal in the terminal', async () => (await terminalText()).includes('Badserver.xmlhas1error(s),sossomanage-updatedbwasnotrun:line3,column19:'));
        }
      });
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  test('a restore of a backup file that does not exist, and a backup into a folder that does not exist, are refused before ssoconfig runs', async () => {
    const a = await api();
    await a.progress.reset('moveToServer');
    const answers = answerPrompts(a, 'Restore Anyway');
    try {
      const missing = path.join(workspaceDir(), 'no such backup.bak');
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.restoreSecret', { file: missing })),
        { message: `The backup file ${missing} does not exist. Pick the .bak file made by the backup step (ssoconfig -backupSecret); copy it to this computer first if it was made on another one.` });
      const noFolder = path.join(workspaceDir(), 'no such folder');
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.backupSecret', { file: path.join(noFolder, 'SSO.bak') })),
        { message: `The folder ${noFolder} does not exist. Choose an existing folder on an NTFS volume or removable media for the backup.` });
      assert.deepStrictEqual(fakes.calls(), [], 'ssoconfig did not run');
      assert.deepStrictEqual(answers.asked, [], 'refused before any question');
      const p = await vscode.commands.executeCommand<Record<string, unknown>>('mss.getProgress', 'moveToServer');
      assert.deepStrictEqual([p.backup, p.restore], [{ done: false }, { done: false }], 'nothing is recorded');
    } finally {
      answers.restore();
    }
  });

  test('a programmatic restore with other .bak files next to the backup asks nothing and runs (the warning goes to the log)', async () => {
    const dir = path.join(workspaceDir(), 'two backups');
    fs.mkdirSync(dir, { recursive: true });
    const bak = path.join(dir, 'SSO.bak');
    fs.writeFileSync(bak, 'a backup\n');
    fs.writeFileSync(path.join(dir, 'older.bak'), 'an older backup\n');
    const a = await api();
    const answers = answerPrompts(a, undefined);
    try {
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.restoreSecret', { file: bak }), 0);
      assert.deepStrictEqual(answers.asked, []);
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['ssoconfig', ['-restoreSecret', bak]]]);
    } finally {
      answers.restore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a tasks.json restore of a backup file that does not exist says why in its terminal, and ssoconfig never runs', async () => {
    await withTasksJsonTask({ label: 'Restore a missing backup (tasks.json)', type: 'ssoconfig', command: 'restoreSecret', file: 'gone/SSO.bak' }, (task) => withTerminalText(async () => {
      assert.strictEqual(await runTaskToEnd(task), 1);
      assert.deepStrictEqual(fakes.calls(), [], 'ssoconfig did not run');
      if (hasUiBridge()) {
        const expected = `Thebackupfile${path.join(workspaceDir(), 'gone', 'SSO.bak')}doesnotexist.`.replace(/\s/g, '');
        await poll('the refusal in the terminal', async () => (await terminalText()).includes(expected));
      }
    }));
  });

  test('the checks -displaydb and -showserver run from their commands, resolve the exit code and record nothing, also when they fail', async () => {
    const a = await api();
    const before = JSON.stringify([a.progress.read('moveToServer'), a.progress.read('moveToCluster')]);
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.showSsoDatabase'), 0);
    fakes.exitWith('ssomanage', 3);
    try {
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.showSsoServer'), 3);
    } finally {
      fakes.exitWith('ssomanage', 0);
    }
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args, c.cwd]), [['ssomanage', ['-displaydb'], fakes.dir], ['ssomanage', ['-showserver'], fakes.dir]]);
    assert.strictEqual(JSON.stringify([a.progress.read('moveToServer'), a.progress.read('moveToCluster')]), before, 'a read-only check records nothing');
  });

  test('the right computer: -updatedb on the server its file names warns in its question; once -updatedb made BTSMSS02 the master secret server, the restart here (BTSMSS01) says so', async () => {
    const a = await api();
    await a.progress.reset();
    const dir = path.join(workspaceDir(), 'which computer');
    fs.mkdirSync(dir, { recursive: true });
    const xml = (server: string) => `<sso>\r\n  <globalInfo>\r\n    <secretServer>${server}</secretServer>\r\n  </globalInfo>\r\n</sso>\r\n`;
    const here = path.join(dir, 'here.xml');
    fs.writeFileSync(here, xml(THIS_COMPUTER));
    const answers = answerPrompts(a, undefined);
    try {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.runUpdateDb', vscode.Uri.file(here))), /Cancelled/);
      assert.ok(answers.details[0].includes(`WARNING: This computer, ${THIS_COMPUTER}, is the new master secret server the file names. The procedure runs ssomanage -updatedb on the ORIGINAL master secret server (step 4)`), answers.details[0]);
    } finally {
      answers.restore();
    }
    const there = path.join(dir, 'NewMSSServer.xml');
    fs.writeFileSync(there, xml('BTSMSS02'));
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runUpdateDb', there), 0);
    assert.strictEqual(a.progress.record('moveToServer', 'updateDb').newServer, 'BTSMSS02', 'the server -updatedb named is remembered');
    // The tree names it where the steps run on it, and under step 4.
    const { provider } = a.trees.get('moveToServer')!;
    const steps = provider.getChildren();
    assert.strictEqual(provider.getTreeItem(steps[5]).description, 'On the new master secret server (BTSMSS02)');
    const remarks = provider.getChildren(steps[3]).map((n) => provider.getTreeItem(n).label);
    assert.ok(remarks.includes('ssomanage -updatedb made BTSMSS02 the master secret server (ssomanage -displaydb shows it as "Single Sign-On Secret Server name").'), remarks.join(' | '));
    const restart = answerPrompts(a, 'Restart ENTSSO');
    try {
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.restartService'), 0);
    } finally {
      restart.restore();
    }
    // The question warns first that this is not the computer of step 5.
    assert.deepStrictEqual(restart.asked, ['Restart Enterprise SSO on this computer, which is not the one this step runs on?']);
    assert.ok(restart.details[0].startsWith(`WARNING: Step 4 made BTSMSS02 the master secret server, and this computer is ${THIS_COMPUTER}. Step 5 restarts Enterprise SSO on BTSMSS02.`), restart.details[0]);
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [READ_BEFORE_UPDATEDB, ['ssomanage', ['-updatedb', there]], READ_BEFORE_RESTART, ['net', ['stop', 'ENTSSO']], ['net', ['start', 'ENTSSO']]], 'the warnings stop nothing');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('in a move to a cluster, -updatedb and the restart are the -updatedb section of step 1: the question says to run it on the active cluster node, and they mark no step of the other procedure', async () => {
    const a = await api();
    await a.progress.reset();
    await a.progress.setSubStepDone('moveToCluster', 'clusterSetup', 1, true);  // the cluster move is under way
    const file = path.join(workspaceDir(), 'cluster', 'SSOCLUSTER.xml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '<sso>\r\n  <globalInfo>\r\n    <secretServer>SSOCLUSTER</secretServer>\r\n  </globalInfo>\r\n</sso>\r\n');
    const answers = answerPrompts(a, 'Run ssomanage -updatedb');
    try {
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runUpdateDb', vscode.Uri.file(file)), 0);
      assert.deepStrictEqual(answers.asked, ['Make SSOCLUSTER the master secret server?']);
      const detail = answers.details[0];
      assert.ok(detail.includes('In the move to a cluster, run it on the ACTIVE cluster node (the section "Update the master secret server name in the SSO database" of step 1)'), detail);
      assert.ok(!detail.includes('ORIGINAL'), detail);
      assert.ok(detail.includes('WARNING: back up the master secret on the original master secret server before this'), detail);
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['ssomanage', ['-updatedb', file]]]);
      assert.deepStrictEqual(a.progress.read('moveToServer'), {}, 'the move to another server is untouched');
      assert.strictEqual(a.progress.record('moveToCluster', 'clusterSetup').done, false, 'step 1 has more to it than -updatedb');
      if (hasUiBridge()) {
        await notificationWith('The move to a cluster is under way, so this is the section "Update the master secret server name in the SSO database" of step 1 and no step was marked done');
      }
      const restart = answerPrompts(a, 'Restart ENTSSO');
      try {
        assert.strictEqual(await vscode.commands.executeCommand<number>('mss.restartService'), 0);
      } finally {
        restart.restore();
      }
      assert.deepStrictEqual(a.progress.read('moveToServer'), {}, 'the restart marks no step of the move to another server either');
      if (hasUiBridge()) {
        await notificationWith('this is the restart in the section "Update the master secret server name in the SSO database" of step 1', 'take it offline and bring it online in Failover Cluster Manager (step 6)');
      }
    } finally {
      answers.restore();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

