// Tools that cannot surprise: batch files refused, ${...} in a task's file refused (what runs is the path written),
// the file of a task checked when VS Code resolves it, and a backup
// from tasks.json that never overwrites a file. With the fake tools of fakeTools.ts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { FakeTools } from './fakeTools';
import { api, poll, runTaskToEnd, withTasksJsonTask, workspaceDir } from './helpers';

const GOOD_XML = '<sso>\n  <globalInfo>\n    <secretServer>BTSMSS02</secretServer>\n  </globalInfo>\n</sso>\n';
const BAD_XML = '<sso>\n  <globalInfo>\n    <secretServer>local host</secretServer>\n  </globalInfo>\n</sso>\n';


suite('reliability: tools that cannot surprise', () => {
  const fakes = new FakeTools();
  let restore: () => Promise<void>;
  const dir = path.join(workspaceDir(), 'reliability');

  suiteSetup(async () => {
    restore = await fakes.use();
    fs.mkdirSync(dir, { recursive: true });
  });
  suiteTeardown(async () => {
    await restore();
    fs.rmSync(dir, { recursive: true, force: true });
    delete process.env.MSS_TEST_EVIL;
    await (await api()).progress.reset();
  });
  setup(() => fakes.clear());

  test('a .bat or .cmd tool setting is refused with the setting to change, and nothing runs', async () => {
    const c = vscode.workspace.getConfiguration('mss');
    for (const name of ['ssomanage.bat', 'ssomanage.cmd']) {
      const bat = path.join(fakes.dir, name);
      fs.copyFileSync(fakes.path('ssomanage'), bat);
      await c.update('ssomanagePath', bat, vscode.ConfigurationTarget.Global);
      try {
        await assert.rejects(Promise.resolve(vscode.commands.executeCommand('mss.showSsoDatabase')),
          (e: Error) => e.message.startsWith(`${bat} is a batch file: Windows runs it through cmd.exe`) && e.message.includes('Set mss.ssomanagePath (or mss.installFolder) to ssomanage.exe.'));
      } finally {
        await c.update('ssomanagePath', fakes.path('ssomanage'), vscode.ConfigurationTarget.Global);
      }
    }
    assert.deepStrictEqual(fakes.calls(), [], 'nothing ran');
  });

  test('a task file with a VS Code variable (one that would resolve to a switch, one not set, ${workspaceFolder}) is refused and never reaches ssomanage', async () => {
    // (${input:...} in tasks.json is refused by VS Code itself, which starts no task then.)
    process.env.MSS_TEST_EVIL = '-displaydb';
    for (const file of ['${env:MSS_TEST_EVIL}', '${env:MSS_TEST_NOT_SET}/x.xml', '${workspaceFolder}/NewMSSServer.xml']) {
      await withTasksJsonTask({ label: `updatedb ${file}`, type: 'ssomanage', command: 'updatedb', file }, async (task) => {
        assert.strictEqual(await runTaskToEnd(task), 1, file);
      });
    }
    assert.deepStrictEqual(fakes.calls(), [], 'ssomanage never ran');
  });

  test('a tasks.json -updatedb task whose file has errors is refused when VS Code resolves it, and ssomanage never runs', async () => {
    const file = path.join(dir, 'Broken.xml');
    fs.writeFileSync(file, BAD_XML);
    await withTasksJsonTask({ label: 'updatedb broken', type: 'ssomanage', command: 'updatedb', file }, async (task) => {
      assert.strictEqual(await runTaskToEnd(task), 1);
    });
    assert.deepStrictEqual(fakes.calls(), [], 'ssomanage never ran');
  });

  test('a tasks.json backup never overwrites an existing file', async () => {
    const bak = path.join(dir, 'SSO.bak');
    fs.writeFileSync(bak, 'the backup ssoconfig wrote\n');
    await withTasksJsonTask({ label: 'backup over a file', type: 'ssoconfig', command: 'backupSecret', file: bak }, async (task) => {
      assert.strictEqual(await runTaskToEnd(task), 1);
    });
    assert.strictEqual(fs.readFileSync(bak, 'utf8'), 'the backup ssoconfig wrote\n');
    assert.deepStrictEqual(fakes.calls(), [], 'ssoconfig never ran');
  });

  test('a -updatedb from Run Task is recorded once, with the file it ran, and the server it named', async () => {
    const a = await api();
    await a.progress.reset();
    const file = path.join(dir, 'Recorded.xml');
    fs.writeFileSync(file, GOOD_XML);
    await withTasksJsonTask({ label: 'updatedb recorded', type: 'ssomanage', command: 'updatedb', file }, async (task) => {
      assert.strictEqual(await runTaskToEnd(task), 0);
    });
    await poll('the run to be recorded', () => a.progress.record('moveToServer', 'updateDb').done);
    await new Promise((r) => setTimeout(r, 500));
    const record = a.progress.record('moveToServer', 'updateDb');
    assert.strictEqual(record.runs?.length, 1, JSON.stringify(record.runs));
    assert.strictEqual(record.runs?.[0].file?.path, file);
    await poll('the server it named', () => a.progress.record('moveToServer', 'updateDb').newServer === 'BTSMSS02');
  });
});
