// mss-xml (dist/cli.js, the bundle the tasks start) on Windows' own node.exe, with fake Windows
// tools that record the command line Windows built (GetCommandLineW) and the argument vector
// their C runtime parsed from it, and print what the real tools print.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { batchFile, cp866, fake, fakesDir, mssXml, SAMPLE, SC_RUSSIAN_RUNNING, TYPO, workFolder, type Record } from './helpers';

describe('Windows runtime: mss-xml on node.exe', () => {
  let w: ReturnType<typeof workFolder>;
  before(() => fakesDir());
  beforeEach(() => {
    w = workFolder();
    fs.writeFileSync(path.join(w.dir, 'NewMSSServer.xml'), SAMPLE);
    fs.writeFileSync(path.join(w.dir, 'typo.xml'), TYPO);
  });
  afterEach(() => w.done());
  const run = (args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string } = {}) => mssXml(args, { cwd: w.dir, log: w.log, ...opts });
  const only = (records: Record[], tool: string) => records.filter((r) => r.tool === tool);

  describe('validate and generate', () => {
    it('validate: exit 0 for a clean file, 1 with FILE:LINE:COL for an error, by a Windows path with backslashes and Unicode', () => {
      const sub = path.join(w.dir, 'Übergabe März');
      fs.mkdirSync(sub);
      fs.writeFileSync(path.join(sub, 'typo.xml'), TYPO);
      assert.equal(run(['validate', 'NewMSSServer.xml']).status, 0);
      const bad = run(['validate', `${sub}\\typo.xml`]);
      assert.equal(bad.status, 1, bad.stderr);
      assert.match(bad.stdout.toString('utf8'), /^.*Übergabe März\\typo\.xml:2:4: error: .*\[global-info-typo\]\n$/);
      const json = run(['validate', '--json', 'typo.xml']);
      assert.equal(JSON.parse(json.stdout.toString('utf8'))[0].code, 'global-info-typo');
      assert.equal(run(['validate', 'C:\\no such folder\\x.xml']).status, 2);
    });

    it('generate: writes NewMSSServer.xml with CRLF line ends, keeps an existing file without --force, replaces it with it', () => {
      fs.rmSync(path.join(w.dir, 'NewMSSServer.xml'));
      const r = run(['generate', '--server', 'BTSMSS02']);
      assert.equal(r.status, 0, r.stderr);
      const text = fs.readFileSync(path.join(w.dir, 'NewMSSServer.xml'), 'utf8');
      assert.match(text, /<secretServer>BTSMSS02<\/secretServer>\r\n/);
      assert.ok(!/[^\r]\n/.test(text), 'only CRLF');
      assert.equal(run(['generate', '--server', 'BTSMSS03']).status, 1);
      assert.match(fs.readFileSync(path.join(w.dir, 'NewMSSServer.xml'), 'utf8'), /BTSMSS02/);
      assert.equal(run(['generate', '--server', 'BTSMSS03', '--force']).status, 0);
      assert.match(fs.readFileSync(path.join(w.dir, 'NewMSSServer.xml'), 'utf8'), /BTSMSS03/);
      assert.deepEqual(fs.readdirSync(w.dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
    });
  });

  describe('run-checked: every check, then the tool', () => {
    it('updatedb: a good file runs ssomanage -updatedb FILE in the same folder; its exit code is the exit code', () => {
      const r = run(['run-checked', 'updatedb', 'NewMSSServer.xml', fake('ssomanage'), '-updatedb', 'NewMSSServer.xml'], { env: { MSS_FAKE_SSOMANAGE: 'exit=3' } });
      assert.equal(r.status, 3, r.stderr);
      const [rec] = w.records();
      assert.deepEqual(rec.argv, ['-updatedb', 'NewMSSServer.xml']);
      assert.equal(rec.cwd.toLowerCase(), fs.realpathSync(w.dir).toLowerCase());
      assert.match(r.stdout.toString('utf8'), /The operation completed successfully\.\r\n$/);
    });

    it('updatedb: a file with errors, or none, is refused with exit 125 and ssomanage never runs', () => {
      const bad = run(['run-checked', 'updatedb', 'typo.xml', fake('ssomanage'), '-updatedb', 'typo.xml']);
      assert.equal(bad.status, 125);
      assert.match(bad.stderr, /did not run ssomanage\.exe/);
      assert.equal(run(['run-checked', 'updatedb', 'gone.xml', fake('ssomanage'), '-updatedb', 'gone.xml']).status, 125);
      assert.deepEqual(w.records(), []);
    });

    it('backup-new: refuses an existing file; a new one runs ssoconfig, and the password piped in reaches its prompts', () => {
      fs.writeFileSync(path.join(w.dir, 'SSO.bak'), 'a backup');
      assert.equal(run(['run-checked', 'backup-new', 'SSO.bak', fake('ssoconfig'), '-backupSecret', 'SSO.bak']).status, 125);
      assert.deepEqual(w.records(), []);
      const r = run(['run-checked', 'backup-new', 'New SSO.bak', fake('ssoconfig'), '-backupSecret', 'New SSO.bak'], { input: 'Pa55wörd!\r\nPa55wörd!\r\nthe usual one\r\n' });
      assert.equal(r.status, 0, r.stderr);
      const [rec] = w.records();
      assert.deepEqual(rec.argv, ['-backupSecret', 'New SSO.bak']);
      assert.deepEqual(rec.stdin, ['Pa55wörd!', 'Pa55wörd!', 'the usual one']);
      assert.match(r.stdout.toString('utf8'), /Password : \r\nConfirm Password : \r\nPassword reminder : \r\nThe operation completed successfully\./);
    });

    it('backup (the admin agreed to overwrite) runs; restore runs for an existing file and refuses a missing one; a backup into a missing folder is refused', () => {
      fs.writeFileSync(path.join(w.dir, 'SSO.bak'), 'a backup');
      assert.equal(run(['run-checked', 'backup', 'SSO.bak', fake('ssoconfig'), '-backupSecret', 'SSO.bak'], { input: 'x\r\nx\r\ny\r\n' }).status, 0);
      assert.equal(run(['run-checked', 'restore', 'none.bak', fake('ssoconfig'), '-restoreSecret', 'none.bak']).status, 125);
      assert.equal(run(['run-checked', 'backup-new', 'no folder\\SSO.bak', fake('ssoconfig'), '-backupSecret', 'no folder\\SSO.bak']).status, 125);
      const restore = run(['run-checked', 'restore', 'SSO.bak', fake('ssoconfig'), '-restoreSecret', 'SSO.bak'], { input: 'Pa55word\n' });
      assert.equal(restore.status, 0, restore.stderr);
      assert.deepEqual(w.records().map((r) => [r.argv, r.stdin]), [[['-backupSecret', 'SSO.bak'], ['x', 'x', 'y']], [['-restoreSecret', 'SSO.bak'], ['Pa55word']]]);
    });

    it('passes every argument through exactly: spaces, quotes, trailing backslashes, \\\\NAME, %, ^, &, |, <, >, empty, tabs and Unicode, with no shell in between', () => {
      const battery = ['with space', 'quote"inside', '"', '""', 'trailing\\', 'two trailing\\\\', 'space then backslash \\', '\\\\BTSMSS02', '\\\\BTS MSS02\\share\\', '%PATH%', '%', '%%', '^', '^^&', 'a&b', '&& echo pwned', 'x|y', '<in', '>out', '', ' ', '\t', 'tab\there', '\\"', 'x\\\\"y', 'C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\', 'Ünïcödé 中文 😀', '-updatedb', '/c', "'single'"];
      const r = run(['run-checked', 'updatedb', 'NewMSSServer.xml', fake('ssomanage'), ...battery]);
      assert.equal(r.status, 0, r.stderr);
      const [rec] = w.records();
      assert.deepEqual(rec.argv, battery);
      assert.ok(rec.commandLine.includes('%PATH%'), `nothing expanded %PATH%: ${rec.commandLine}`);
      assert.ok(!fs.existsSync(path.join(w.dir, 'out')) && !fs.existsSync(path.join(w.dir, 'pwned')), 'no redirection');
      // The same battery through run-all (the restart's runner), one program after the other.
      const all = run(['run-all', String(battery.length + 1), fake('net'), ...battery, '2', fake('sc'), '\\\\BTS MSS02']);
      assert.equal(all.status, 0, all.stderr);
      const [, net, sc] = w.records();
      assert.deepEqual(net.argv, battery);
      assert.deepEqual(sc.argv, ['\\\\BTS MSS02']);
      assert.deepEqual(only(w.records(), 'powershell'), []);
    });

    it('passes exit codes above 255 through: 1060, 0xC0000005 (an access violation), 0xFFFFFFFF', () => {
      for (const [spec, code] of [['exit=1060', 1060], ['exit=0xC0000005', 0xc0000005], ['exit=0xFFFFFFFF', 0xffffffff]] as const) {
        const r = run(['run-checked', 'updatedb', 'NewMSSServer.xml', fake('ssomanage'), '-updatedb', 'NewMSSServer.xml'], { env: { MSS_FAKE_SSOMANAGE: spec } });
        assert.equal(r.status, code, `${spec}: ${r.stderr}`);
      }
      const all = run(['run-all', '3', fake('sc'), 'query', 'ENTSSO', '3', fake('net'), 'start', 'ENTSSO'], { env: { MSS_FAKE_SC: 'fail=1' } });
      assert.equal(all.status, 1060, 'the first non-zero exit code, whole');
      assert.match(all.stdout.toString('utf8'), /FAILED 1060:[\s\S]*exit code 1060\r\n[\s\S]*started successfully[\s\S]*exit code 0\r\n$/);
    });

    it("passes the tool's UTF-16 and OEM code page output through unchanged", () => {
      const r = run(['run-checked', 'updatedb', 'NewMSSServer.xml', fake('ssomanage'), '-displaydb'], { env: { MSS_FAKE_SSOMANAGE: 'enc=utf16' } });
      assert.equal(r.status, 0, r.stderr);
      const at = r.stdout.indexOf(Buffer.from([0xff, 0xfe]));
      assert.ok(at > 0, 'the BOM after mss-xml\'s own first line');
      assert.match(r.stdout.subarray(at + 2).toString('utf16le'), /^Using SSO server on this computer\r\n[\s\S]*Secret Server name +: BTSMSS02\r\n/);
      // Output in the console's OEM code page (a Russian sc) passes byte for byte too.
      const oem = cp866(SC_RUSSIAN_RUNNING);
      fs.writeFileSync(path.join(w.dir, 'sc-ru.txt'), oem);
      const sc = run(['run-all', '3', fake('sc'), 'query', 'ENTSSO'], { env: { MSS_FAKE_SC: `out=${path.join(w.dir, 'sc-ru.txt')}` } });
      assert.equal(sc.status, 0, sc.stderr);
      assert.ok(sc.stdout.includes(oem), sc.stdout.toString('latin1'));
    });
  });

  describe('a program that cannot start takes the could-not-start path (Windows node throws EINVAL for a batch file)', () => {
    it('run-checked with a .bat or .cmd PROGRAM: exit 125, a message, and the batch file never runs', () => {
      for (const name of ['TOOL.bat', 'tool.CMD']) {
        const { file, marker } = batchFile(w.dir, name);
        const r = run(['run-checked', 'updatedb', 'NewMSSServer.xml', file, '-updatedb', 'NewMSSServer.xml']);
        assert.equal(r.status, 125, `${name}: ${r.stderr}`);
        assert.match(r.stderr, new RegExp(`Could not start .*${name.replace('.', '\\.')}: .*batch file`));
        assert.ok(!/internal error/.test(r.stderr), r.stderr);
        assert.ok(!fs.existsSync(marker), `${name} ran`);
      }
    });

    it('run-checked with a program that does not exist: exit 125 and a message', () => {
      const r = run(['run-checked', 'updatedb', 'NewMSSServer.xml', path.join(w.dir, 'ssomanage.exe'), '-updatedb', 'NewMSSServer.xml']);
      assert.equal(r.status, 125, r.stderr);
      assert.match(r.stderr, /Could not start .*ssomanage\.exe: no such file/);
    });

    it('run-all runs net start after a net stop that failed, and after one that could not start (a .bat)', () => {
      const failed = run(['run-all', '3', fake('net'), 'stop', 'ENTSSO', '3', fake('net'), 'start', 'ENTSSO'], { env: { MSS_FAKE_NET_STOP: 'fail=1' } });
      assert.equal(failed.status, 2, failed.stderr);
      assert.deepEqual(w.records().map((r) => r.argv), [['stop', 'ENTSSO'], ['start', 'ENTSSO']]);
      assert.match(failed.stderr, /System error 5 has occurred/);
      const { file, marker } = batchFile(w.dir, 'net.bat');
      const refused = run(['run-all', '3', file, 'stop', 'ENTSSO', '3', fake('net'), 'start', 'ENTSSO']);
      assert.ok(!/internal error/.test(refused.stderr), refused.stderr);
      assert.match(refused.stderr, /Could not start .*net\.bat: .*batch file/);
      assert.equal(refused.status, 1, 'the stop that could not start is the first failure');
      assert.deepEqual(w.records().slice(2).map((r) => r.argv), [['start', 'ENTSSO']], 'net start ran');
      assert.match(refused.stdout.toString('utf8'), /net\.bat stop ENTSSO\r\n {2}exit code 1\r\n> .*net\.exe start ENTSSO\r\n.*started successfully/s);
      assert.ok(!fs.existsSync(marker), 'net.bat never ran');
    });

    it("run-all: net stop's Y/N question is answered from stdin, then net start runs", () => {
      const r = run(['run-all', '3', fake('net'), 'stop', 'ENTSSO', '3', fake('net'), 'start', 'ENTSSO'], { env: { MSS_FAKE_NET_STOP: 'ask=1' }, input: 'Y\r\n' });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(w.records().map((x) => [x.argv, x.stdin]), [[['stop', 'ENTSSO'], ['Y']], [['start', 'ENTSSO'], []]]);
    });
  });

  it('refuse: says why the task did not run (base64), exit 1', () => {
    const b64 = (t: string) => Buffer.from(t, 'utf8').toString('base64');
    const r = run(['refuse', b64('ssomanage -displaydb'), b64('ssomanage was not found at C:\\x\\ssomanage.exe.\nSet mss.ssomanagePath.')]);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, 'Master Secret Mover did not run "ssomanage -displaydb":\r\nssomanage was not found at C:\\x\\ssomanage.exe.\r\nSet mss.ssomanagePath.\r\n');
    assert.deepEqual(w.records(), []);
  });
});
