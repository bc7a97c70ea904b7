// The mss-xml CLI: output format and exit codes, through main() and through the compiled
// entry point (out/src/cli.js) run by node.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main, readRegularFile, runAll as runAllInProcess, runChecked as runCheckedInProcess, type CliIo } from '../../src/cli';
import { spawn } from 'node:child_process';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string): Run {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd };
  const code = main(args, io);
  return { code, stdout, stderr };
}

const SAMPLE_LF = '<sso>\n  <globalInfo>\n    <secretServer>BTSMSS02</secretServer>\n  </globalInfo>\n</sso>\n';
const DOCS_TYPO = '<sso>\n  <globalnfo>\n    <ticketTimeout>5</ticketTimeout>\n  </globalInfo>\n</sso>\n';
const WARN_ONLY = '<sso>\n  <globalInfo>\n    <secretServer>BTSMSS02.fabrikam.com</secretServer>\n  </globalInfo>\n</sso>\n';

/** A control character other than LF (C0, DEL, C1), or a bidi override / zero-width space. */
function hasRawControl(text: string): boolean {
  return [...text].some((c) => {
    const n = c.charCodeAt(0);
    return (n < 0x20 && n !== 0x0a) || (n >= 0x7f && n <= 0x9f) || n === 0x200b || n === 0x202e;
  });
}

describe('mss-xml', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-xml-'));
    fs.writeFileSync(path.join(dir, 'good.xml'), SAMPLE_LF);
    fs.writeFileSync(path.join(dir, 'typo.xml'), DOCS_TYPO);
    fs.writeFileSync(path.join(dir, 'warn.xml'), WARN_ONLY);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('validate', () => {
    it('prints nothing and exits 0 for a clean file', () => {
      assert.deepEqual(run(['validate', 'good.xml'], dir), { code: 0, stdout: '', stderr: '' });
    });

    it('prints FILE:LINE:COL: SEVERITY: MESSAGE [CODE] with 1-based positions and exits 1 on an error', () => {
      const r = run(['validate', 'typo.xml', 'good.xml'], dir);
      assert.equal(r.code, 1);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 1);
      assert.match(lines[0], /^typo\.xml:2:4: error: <globalnfo> is closed by <\/globalInfo>.* \[global-info-typo\]$/);
    });

    it('exits 0 when there are only warnings, and writes "info" for information', () => {
      const r = run(['validate', 'warn.xml'], dir);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^warn\.xml:3:19: warning: .*fully qualified.* \[invalid-server-name\]\n$/);
      fs.writeFileSync(path.join(dir, 'decl.xml'), `<?xml version="1.0"?>\n${SAMPLE_LF}`);
      const d = run(['validate', 'decl.xml'], dir);
      assert.equal(d.code, 0);
      assert.match(d.stdout, /^decl\.xml:1:1: info: .* \[xml-declaration\]\n$/);
    });

    it('--json prints one array with 0-based positions and the text-form severities', () => {
      fs.writeFileSync(path.join(dir, 'decl.xml'), `<?xml version="1.0"?>\n${SAMPLE_LF}`);
      const r = run(['validate', '--json', 'typo.xml', 'warn.xml', 'decl.xml', 'good.xml'], dir);
      assert.equal(r.code, 1);
      const records = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
      assert.deepEqual(
        records.map((x) => [x.file, x.line, x.character, x.endLine, x.endCharacter, x.severity, x.code]),
        [
          ['typo.xml', 1, 3, 1, 12, 'error', 'global-info-typo'],
          ['warn.xml', 2, 18, 2, 39, 'warning', 'invalid-server-name'],
          ['decl.xml', 0, 0, 0, 21, 'info', 'xml-declaration'],
        ],
      );
      for (const x of records) assert.deepEqual(Object.keys(x), ['file', 'line', 'character', 'endLine', 'endCharacter', 'severity', 'code', 'message']);
    });

    it('--json prints [] for clean files', () => {
      const r = run(['validate', '--json', 'good.xml'], dir);
      assert.equal(r.code, 0);
      assert.deepEqual(JSON.parse(r.stdout), []);
    });

    it('reads UTF-16 files', () => {
      fs.writeFileSync(path.join(dir, 'u16.xml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DOCS_TYPO.replace(/\n/g, '\r\n'), 'utf16le')]));
      const r = run(['validate', 'u16.xml'], dir);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^u16\.xml:1:1: info: .*UTF-16.* \[encoding\]\nu16\.xml:2:4: error: .* \[global-info-typo\]\n$/);
    });

    it('exits 2 and says so on stderr for a file that cannot be read, still checking the others', () => {
      const r = run(['validate', 'missing.xml', 'typo.xml'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /cannot read missing\.xml: no such file/);
      assert.match(r.stdout, /typo\.xml:2:4: error:/);
      const d = run(['validate', '.'], dir);
      assert.equal(d.code, 2);
      assert.match(d.stderr, /is a directory/);
    });

    it('a usage error never echoes raw control characters or escapes (a file named -<ESC>]0;...<BEL>.xml picked up by validate *.xml)', () => {
      for (const args of [['validate', '-\u001b]0;owned\u0007.xml'], ['generate', '--x\u009b2J'], ['\u001b[2Jcheck'], ['validate', '--\u202ejson', 'x.xml']]) {
        const r = run(args, dir);
        assert.equal(r.code, 2, JSON.stringify(args));
        assert.ok(!hasRawControl(r.stderr), JSON.stringify(r.stderr));
        assert.match(r.stderr, /<U\+(001B|009B|202E)>/);
      }
    });

    it('exits 2 on usage errors', () => {
      for (const args of [['validate'], ['validate', '--jsn', 'good.xml'], ['check', 'good.xml'], []]) {
        const r = run(args, dir);
        assert.equal(r.code, 2, JSON.stringify(args));
        assert.notEqual(r.stderr, '');
        assert.equal(r.stdout, '');
      }
    });
  });

  describe('generate', () => {
    it('writes ./NewMSSServer.xml in the shape of Microsoft\'s sample and prints its path', () => {
      const r = run(['generate', '--server', 'BTSMSS02'], dir);
      assert.equal(r.code, 0);
      const target = path.join(dir, 'NewMSSServer.xml');
      assert.equal(r.stdout, `${target}\n`);
      assert.equal(fs.readFileSync(target, 'utf8'), SAMPLE_LF.replace(/\n/g, '\r\n'));
      assert.deepEqual(run(['validate', 'NewMSSServer.xml'], dir).code, 0);
    });

    it('honours --out, --eol lf and --server=NAME', () => {
      const r = run(['generate', '--server=SSOVNN01', '--out', 'sub.xml', '--eol', 'lf'], dir);
      assert.equal(r.code, 0);
      assert.equal(fs.readFileSync(path.join(dir, 'sub.xml'), 'utf8'), SAMPLE_LF.replace('BTSMSS02', 'SSOVNN01'));
    });

    it('refuses an invalid name with exit 1, writing nothing', () => {
      const r = run(['generate', '--server', 'BTS MSS02'], dir);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /nothing written: .*whitespace/);
      assert.ok(!fs.existsSync(path.join(dir, 'NewMSSServer.xml')));
    });

    it('keeps an existing file without --force (exit 1) and replaces it with --force', () => {
      const target = path.join(dir, 'good.xml');
      const r = run(['generate', '--server', 'NEWMSS', '--out', 'good.xml'], dir);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /already exists.*--force/);
      assert.equal(fs.readFileSync(target, 'utf8'), SAMPLE_LF);
      const f = run(['generate', '--server', 'NEWMSS', '--out', 'good.xml', '--force'], dir);
      assert.equal(f.code, 0);
      assert.match(fs.readFileSync(target, 'utf8'), /<secretServer>NEWMSS<\/secretServer>/);
    });

    it('writes a name that only warns, and shows the warning on stderr', () => {
      const r = run(['generate', '--server', 'BTSMSS02.fabrikam.com'], dir);
      assert.equal(r.code, 0);
      assert.match(r.stderr, /warning: .*fully qualified/);
    });

    it('exits 2 on usage errors', () => {
      for (const args of [['generate'], ['generate', '--server'], ['generate', '--server', 'A', '--eol', 'mac'], ['generate', '--server', 'A', 'extra']]) {
        const r = run(args, dir);
        assert.equal(r.code, 2, JSON.stringify(args));
        assert.match(r.stderr, /mss-xml:/);
      }
      assert.ok(!fs.existsSync(path.join(dir, 'NewMSSServer.xml')));
    });
  });

  describe('bad input (issue 12)', () => {
    it('refuses a FIFO with exit 2 without opening it for reading (it would hang)', function () {
      // A FIFO in a folder cannot exist on Windows: no mkfifo, and its named pipes live only under \\.\pipe\.
      if (process.platform === 'win32') this.skip();
      const fifo = path.join(dir, 'pipe.xml');
      assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
      const r = run(['validate', 'pipe.xml', 'good.xml'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^mss-xml: cannot read pipe\.xml: is not a regular file/);
      assert.equal(r.stdout, '');
    });

    it('does not read a 700 MB file: one file-too-large error, exit 1, no crash', () => {
      const big = path.join(dir, 'big.xml');
      fs.writeFileSync(big, '');
      fs.truncateSync(big, 700 * 1024 * 1024); // sparse: nothing is written to disk
      const started = Date.now();
      const r = run(['validate', 'big.xml'], dir);
      assert.ok(Date.now() - started < 2000, 'it read the file');
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^big\.xml:1:1: error: This file has 734,003,200 bytes and was not checked\..* \[file-too-large\]\n$/);
    });

    it('writes control and invisible characters of file names and messages as <U+XXXX> in text, \\uXXXX in JSON', () => {
      // An escape character in the name of a file that cannot be read (Windows allows no C0 control
      // in a file name, so that file cannot exist there), then a file whose name has C1 and bidi controls.
      const missing = run(['validate', 'a\u001b[2Jb.xml'], dir);
      assert.equal(missing.code, 2);
      assert.equal(missing.stderr, 'mss-xml: cannot read a<U+001B>[2Jb.xml: no such file\n');
      const name = 'a\u009b2Jb\u202e.xml';
      fs.writeFileSync(path.join(dir, name), SAMPLE_LF.replace('BTSMSS02', 'BTS\u0085MSS\u202e02'));
      const r = run(['validate', name], dir);
      assert.equal(r.code, 1);
      assert.ok(!hasRawControl(r.stdout), JSON.stringify(r.stdout));
      assert.match(r.stdout, /^a<U\+009B>2Jb<U\+202E>\.xml:3:19: error: The server name "BTS<U\+0085>MSS<U\+202E>02" contains U\+0085 \(next line\)/);
      const j = run(['validate', '--json', name], dir);
      assert.ok(!/[\u007f-\u009f\u202e]/.test(j.stdout), JSON.stringify(j.stdout));
      const records = JSON.parse(j.stdout) as Array<{ file: string; message: string }>;
      assert.equal(records[0].file, name); // the JSON still says exactly which file
    });

    it('exits 2 with one line on stderr on an internal error (never 1, which means "errors found")', () => {
      let stderr = '';
      const io: CliIo = {
        stdout: () => {
          throw new Error('stdout broke\nsecond line');
        },
        stderr: (t) => (stderr += t),
        cwd: dir,
      };
      assert.equal(main(['validate', 'typo.xml'], io), 2);
      assert.equal(stderr, 'mss-xml: internal error: stdout broke\n');
    });

    it('lists at most 100 findings per file and says how many more, in bounded time', () => {
      const inner = '<x/>'.repeat(250_000); // 1 MB, one finding per element
      fs.writeFileSync(path.join(dir, 'many.xml'), `<sso><globalInfo>${inner}</globalInfo></sso>`);
      const started = Date.now();
      const r = run(['validate', 'many.xml'], dir);
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
      assert.equal(r.code, 1);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 101);
      assert.match(lines[100], /^many\.xml:1:\d+: error: [\d,]+ more problem\(s\) after these 100 are not listed, errors among them\. .* \[too-many-problems\]$/);
    });

    it('generate refuses control and invisible characters in the name (exit 1, nothing written)', () => {
      for (const server of ['BTS\u0007MSS', 'BTS\u200bMSS', 'BTS\u202eMSS', 'BTS\u0085MSS']) {
        const r = run(['generate', '--server', server, '--out', 'x.xml'], dir);
        assert.equal(r.code, 1, JSON.stringify(server));
        assert.match(r.stderr, /^mss-xml: nothing written: The server name "BTS<U\+[0-9A-F]{4}>MSS" contains U\+/);
        assert.ok(!hasRawControl(r.stderr), JSON.stringify(r.stderr));
        assert.ok(!fs.existsSync(path.join(dir, 'x.xml')));
      }
    });

    it('generate writes atomically: no temporary file left, the old file kept whole when it may not be replaced', () => {
      const target = path.join(dir, 'NewMSSServer.xml');
      fs.writeFileSync(target, 'old content');
      assert.equal(run(['generate', '--server', 'BTSMSS02'], dir).code, 1);
      assert.equal(fs.readFileSync(target, 'utf8'), 'old content');
      assert.equal(run(['generate', '--server', 'BTSMSS03', '--force'], dir).code, 0);
      assert.match(fs.readFileSync(target, 'utf8'), /<secretServer>BTSMSS03<\/secretServer>/);
      assert.equal(run(['generate', '--server', 'BTSMSS04', '--out', 'new.xml'], dir).code, 0);
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
      // A folder that cannot be written: exit 2, nothing left behind.
      const r = run(['generate', '--server', 'BTSMSS05', '--out', path.join(dir, 'missing', 'x.xml')], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^mss-xml: could not write .*x\.xml: no such file\n$/);
    });
  });

  it('--help prints usage and exits 0', () => {
    for (const args of [['--help'], ['-h'], ['validate', '--help'], ['generate', '--help']]) {
      const r = run(args, dir);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /mss-xml validate \[--json\] FILE\.\.\./);
      assert.match(r.stdout, /mss-xml generate --server NAME/);
    }
  });

  it('reads a file that reports size 0 (procfs) to its end', function () {
    if (!fs.existsSync('/proc/self/status') || fs.statSync('/proc/self/status').size !== 0) this.skip();
    const read = readRegularFile('/proc/self/status');
    assert.ok('bytes' in read, JSON.stringify(read));
    assert.ok(read.bytes.length > 100, `${read.bytes.length} bytes`);
    assert.match(Buffer.from(read.bytes).toString('utf8'), /^Name:\t.*\n[\s\S]*VmRSS/);
  });

  describe('compiled entry point', () => {
    // Compiled to out/test/unit/cli.test.js; the CLI is out/src/cli.js.
    const cli = path.resolve(__dirname, '../../src/cli.js');

    it('sets the process exit code and streams', () => {
      const ok = spawnSync(process.execPath, [cli, 'validate', 'good.xml'], { cwd: dir, encoding: 'utf8' });
      assert.equal(ok.status, 0);
      const bad = spawnSync(process.execPath, [cli, 'validate', 'typo.xml'], { cwd: dir, encoding: 'utf8' });
      assert.equal(bad.status, 1);
      assert.match(bad.stdout, /^typo\.xml:2:4: error: .*\[global-info-typo\]\n$/);
      const usage = spawnSync(process.execPath, [cli, 'frobnicate'], { cwd: dir, encoding: 'utf8' });
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /unknown command/);
      const gen = spawnSync(process.execPath, [cli, 'generate', '--server', 'BTSMSS02'], { cwd: dir, encoding: 'utf8' });
      assert.equal(gen.status, 0);
      assert.ok(fs.existsSync(path.join(dir, 'NewMSSServer.xml')));
    });

    describe('run-checked: the file checked as it is when the task starts, then the program', () => {
      // A program that records its argument vector and working folder, and exits with 7.
      const recorder = () => {
        const file = path.join(dir, 'recorder.js');
        fs.writeFileSync(file, "require('fs').appendFileSync(require('path').join(__dirname, 'calls.jsonl'), JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), electron: process.env.ELECTRON_RUN_AS_NODE ?? null }) + '\\n'); process.exit(7);\n");
        return file;
      };
      const calls = () => fs.existsSync(path.join(dir, 'calls.jsonl')) ? fs.readFileSync(path.join(dir, 'calls.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown) : [];
      const runChecked = (...args: string[]) => spawnSync(process.execPath, [cli, 'run-checked', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });

      it('a good update file: the program runs with its arguments in the same folder, without ELECTRON_RUN_AS_NODE, and its exit code is the exit code', () => {
        const r = runChecked('updatedb', 'good.xml', process.execPath, recorder(), '-updatedb', 'good.xml');
        assert.equal(r.status, 7, r.stderr);
        assert.deepEqual(calls(), [{ args: ['-updatedb', 'good.xml'], cwd: fs.realpathSync(dir), electron: null }]);
        // It says the tool's command line first (the task does not echo mss-xml's own).
        assert.ok(r.stdout.startsWith(`> ${/\s/.test(process.execPath) ? `"${process.execPath}"` : process.execPath} `), r.stdout);
        assert.ok(r.stdout.includes(' -updatedb good.xml\r\n'), r.stdout);
      });

      it('an update file with errors, or one that is gone, is refused with exit 125 (not run) and the program never runs', () => {
        fs.writeFileSync(path.join(dir, 'bad.xml'), SAMPLE_LF.replace('BTSMSS02', 'local host'));
        const bad = runChecked('updatedb', 'bad.xml', process.execPath, recorder(), '-updatedb', 'bad.xml');
        assert.equal(bad.status, 125);
        assert.match(bad.stderr, /bad\.xml has 1 error\(s\), so ssomanage -updatedb was not run: line 3, column 19: .*\[invalid-server-name\]/);
        const gone = runChecked('updatedb', 'gone.xml', process.execPath, recorder(), '-updatedb', 'gone.xml');
        assert.equal(gone.status, 125);
        assert.ok(gone.stderr.includes(`Cannot read ${path.join(dir, 'gone.xml')} (no such file). Check the path of the update XML file.`), gone.stderr);
        assert.deepEqual(calls(), []);
      });

      it('backup-new refuses an existing file, backup (asked first) does not; a restore of a missing file and a backup into a missing folder are refused', () => {
        fs.writeFileSync(path.join(dir, 'SSO.bak'), 'a backup\n');
        const refused = runChecked('backup-new', 'SSO.bak', process.execPath, recorder(), '-backupSecret', 'SSO.bak');
        assert.equal(refused.status, 125);
        assert.ok(refused.stderr.includes(`${path.join(dir, 'SSO.bak')} exists already, and a backup task (Run Task, tasks.json, Rerun Last Task) never overwrites a file.`), refused.stderr);
        assert.equal(runChecked('restore', 'none.bak', process.execPath, recorder(), '-restoreSecret', 'none.bak').status, 125);
        assert.equal(runChecked('backup-new', 'no folder/SSO.bak', process.execPath, recorder(), '-backupSecret', 'no folder/SSO.bak').status, 125);
        assert.deepEqual(calls(), [], 'nothing ran');
        assert.equal(runChecked('backup', 'SSO.bak', process.execPath, recorder(), '-backupSecret', 'SSO.bak').status, 7);
        assert.equal(runChecked('backup-new', 'new.bak', process.execPath, recorder(), '-backupSecret', 'new.bak').status, 7);
        assert.equal(runChecked('restore', 'SSO.bak', process.execPath, recorder(), '-restoreSecret', 'SSO.bak').status, 7);
        assert.deepEqual(calls().map((c) => (c as { args: string[] }).args), [['-backupSecret', 'SSO.bak'], ['-backupSecret', 'new.bak'], ['-restoreSecret', 'SSO.bak']]);
      });

      it('a usage error is exit 2; a program that cannot start is exit 125 (not run)', () => {
        assert.equal(runChecked('frob', 'good.xml', process.execPath).status, 2);
        assert.equal(runChecked('updatedb', 'good.xml').status, 2);
        const missing = runChecked('updatedb', 'good.xml', path.join(dir, 'no such program'));
        assert.equal(missing.status, 125);
        assert.match(missing.stderr, /Could not start .*no such program: no such file/);
      });

      it('a program spawn throws for (Windows node throws EINVAL for a batch file; here a NUL in an argument) is exit 125 with a message, not an internal error', async () => {
        let stderr = '';
        const io: CliIo = { stdout: () => {}, stderr: (t) => (stderr += t), cwd: dir };
        assert.equal(await runCheckedInProcess(['updatedb', 'good.xml', process.execPath, recorder(), 'a\0b'], io), 125);
        assert.match(stderr, /^Could not start .*node.*: .*null bytes/);
        assert.deepEqual(calls(), []);
      });

      it('a .bat or .cmd program is refused with exit 125 on every platform, and never runs', () => {
        for (const name of ['tool.bat', 'TOOL.CMD', 'tool.bat.', 'tool.cmd ']) {
          const file = path.join(dir, name);
          fs.writeFileSync(file, `#!/bin/sh\ntouch "${file}.ran"\n`, { mode: 0o755 });
          const r = runChecked('updatedb', 'good.xml', file, '-updatedb', 'good.xml');
          assert.equal(r.status, 125, name);
          assert.match(r.stderr, /Could not start .*: .* is a batch file: Windows runs it through cmd\.exe/);
          assert.ok(!fs.existsSync(`${file}.ran`), `${name} ran`);
        }
      });
    });

    it('refuse: says which task did not run and why (given in base64), each line escaped, exit 1; a usage error is exit 2', () => {
      const b64 = (t: string) => Buffer.from(t, 'utf8').toString('base64');
      const r = spawnSync(process.execPath, [cli, 'refuse', b64('ssomanage -displaydb'), b64('ssomanage was not found at C:\\x\\ssomanage.exe.\nSet mss.ssomanagePath.\u001b[2J')], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, 'Master Secret Mover did not run "ssomanage -displaydb":\r\nssomanage was not found at C:\\x\\ssomanage.exe.\r\nSet mss.ssomanagePath.<U+001B>[2J\r\n');
      assert.equal(spawnSync(process.execPath, [cli, 'refuse', b64('only a name')], { cwd: dir, encoding: 'utf8' }).status, 2);
      assert.equal(spawnSync(process.execPath, [cli, 'refuse', 'not base64!', b64('why')], { cwd: dir, encoding: 'utf8' }).status, 2);
    });

    describe('run-all: the restart as one process, each program in turn', () => {
      // A program that records its label and exits with the code it is given.
      const exiter = () => {
        const file = path.join(dir, 'exiter.js');
        fs.writeFileSync(file, "require('fs').appendFileSync(require('path').join(__dirname, 'steps.txt'), process.argv[2] + '\\n'); process.exit(Number(process.argv[3]));\n");
        return file;
      };
      const steps = () => (fs.existsSync(path.join(dir, 'steps.txt')) ? fs.readFileSync(path.join(dir, 'steps.txt'), 'utf8').trim().split('\n') : []);
      const runAll = (...args: string[]) => spawnSync(process.execPath, [cli, 'run-all', ...args], { cwd: dir, encoding: 'utf8' });

      it('runs each program in turn, the second after the first failed; the exit code is the first non-zero one; says the notes and each step', () => {
        const e = exiter();
        const r = runAll('--say', 'Stopping ENTSSO stops the host instances.', '4', process.execPath, e, 'stop', '2', '4', process.execPath, e, 'start', '0');
        assert.equal(r.status, 2, r.stderr);
        assert.deepEqual(steps(), ['stop', 'start']);
        const q = (a: string) => (/\s/.test(a) ? `"${a}"` : a);
        assert.equal(r.stdout, `Stopping ENTSSO stops the host instances.\r\n> ${q(process.execPath)} ${q(e)} stop 2\r\n  exit code 2\r\n> ${q(process.execPath)} ${q(e)} start 0\r\n  exit code 0\r\n`);
        fs.rmSync(path.join(dir, 'steps.txt'));
        assert.equal(runAll('4', process.execPath, e, 'stop', '0', '4', process.execPath, e, 'start', '3').status, 3);
        assert.equal(runAll('4', process.execPath, e, 'stop', '0', '4', process.execPath, e, 'start', '0').status, 0);
        assert.deepEqual(steps(), ['stop', 'start', 'stop', 'start']);
      });

      it('a terminal that hangs up (every write fails with EIO) does not stop it: net start still runs after net stop', async () => {
        const e = exiter();
        const eio = () => { throw Object.assign(new Error('write EIO'), { code: 'EIO' }); };
        const code = await runAllInProcess(['4', process.execPath, e, 'stop', '0', '4', process.execPath, e, 'start', '4'], { stdout: eio, stderr: eio, cwd: dir });
        assert.equal(code, 4);
        assert.deepEqual(steps(), ['stop', 'start']);
      });

      it('the compiled entry point, its output gone while net stop runs (a closed pipe): both run, and it exits with their code', async () => {
        const slow = path.join(dir, 'slow.js');
        fs.writeFileSync(slow, "setTimeout(() => { require('fs').appendFileSync(require('path').join(__dirname, 'steps.txt'), process.argv[2] + '\\n'); process.exit(Number(process.argv[3])); }, 300);\n");
        const child = spawn(process.execPath, [cli, 'run-all', '4', process.execPath, slow, 'stop', '0', '4', process.execPath, slow, 'start', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.once('data', () => { child.stdout.destroy(); child.stderr.destroy(); });
        const status = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
        assert.equal(status, 0);
        assert.deepEqual(steps(), ['stop', 'start']);
      });

      it('runs net start after a net stop that could not start: a batch file, or one spawn throws for (a NUL in an argument)', async () => {
        const e = exiter();
        const bat = path.join(dir, 'net.bat');
        fs.writeFileSync(bat, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
        const r = runAll('2', bat, 'stop', '4', process.execPath, e, 'start', '0');
        assert.equal(r.status, 1, r.stderr);
        assert.match(r.stderr, /^Could not start .*net\.bat: .*batch file/);
        assert.deepEqual(steps(), ['start']);
        let stdout = '';
        const io: CliIo = { stdout: (t) => (stdout += t), stderr: () => {}, cwd: dir };
        assert.equal(await runAllInProcess(['3', process.execPath, e, 'st\0op', '4', process.execPath, e, 'start', '0'], io), 1);
        assert.deepEqual(steps(), ['start', 'start']);
        assert.match(stdout, /exit code 1\r\n> .* start 0\r\n {2}exit code 0\r\n$/);
      });

      it('a count that is not a number from 1, too few words, no program or --say without a text is a usage error (exit 2), and nothing runs', () => {
        const e = exiter();
        for (const args of [['0', process.execPath], ['x', process.execPath], ['5', process.execPath, e, 'stop', '0'], [], ['--say'], ['--say', 'a note']]) {
          const r = runAll(...args);
          assert.equal(r.status, 2, JSON.stringify(args));
          assert.match(r.stderr, /^mss-xml: /);
        }
        assert.deepEqual(steps(), []);
      });
    });
  });
});
