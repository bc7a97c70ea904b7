// The runner of the read-only programs: with a fake execFile (every way Node reports a
// program that could not start, did not finish or printed too much) and with real programs (small
// node scripts made here) that print UTF-16, exit non-zero or sleep past the time limit.
import * as assert from 'node:assert/strict';
import { execFile as realExecFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { locateProgram, READ_ONLY_MAX_OUTPUT, READ_ONLY_TIME_LIMIT_MS, runProgram, type ProgramRun, type RunnerDeps } from '../../../src/verification/runner';

const SC: ProgramRun = { setting: 'mss.scPath', executable: '/opt/tools/sc', args: ['\\\\BTSMSS02', 'query', 'ENTSSO'], label: 'sc \\\\BTSMSS02 query ENTSSO' };

interface Call { file: string; args: readonly string[]; options: Record<string, unknown> }

function fake(respond: (cb: (error: Error | null, stdout: Buffer, stderr: Buffer) => void) => void, calls: Call[] = []): RunnerDeps {
  return {
    platform: 'linux',
    exists: (p) => p === '/opt/tools/sc',
    which: () => undefined,
    execFile: ((file: string, args: readonly string[], options: Record<string, unknown>, cb: (error: Error | null, stdout: Buffer, stderr: Buffer) => void) => {
      calls.push({ file, args, options });
      respond(cb);
      return undefined;
    }) as RunnerDeps['execFile'],
  };
}

const err = (props: Record<string, unknown>, message = 'failed'): Error => Object.assign(new Error(message), props);

describe('verification/runner', () => {
  describe('locateProgram', () => {
    it('finds a program at its full path, or on PATH by its name', () => {
      assert.deepEqual(locateProgram(SC, { platform: 'linux', exists: () => true, which: () => undefined }), { path: '/opt/tools/sc' });
      assert.deepEqual(locateProgram({ ...SC, executable: ' sc ' }, { platform: 'linux', exists: () => false, which: (n) => (n === 'sc' ? '/usr/bin/sc' : undefined) }), { path: '/usr/bin/sc' });
    });

    it('says which program is missing and which setting to set', () => {
      const gone = locateProgram(SC, { platform: 'linux', exists: () => false, which: () => undefined });
      assert.ok('reason' in gone);
      assert.match(gone.reason, /sc\.exe was not found at \/opt\/tools\/sc\. sc\.exe is a Windows program\. Set mss\.scPath/);
      const ps = locateProgram({ setting: 'mss.powershellPath', executable: 'powershell.exe', args: [], label: 'powershell.exe' }, { platform: 'linux', exists: () => false, which: () => undefined });
      assert.ok('reason' in ps);
      assert.match(ps.reason, /powershell\.exe was not found on PATH.*mss\.powershellPath/);
    });

    it('refuses a batch file on Windows and a relative path', () => {
      const bat = locateProgram({ ...SC, executable: 'C:\\tools\\sc.cmd' }, { platform: 'win32', exists: () => true, which: () => undefined });
      assert.ok('reason' in bat);
      assert.match(bat.reason, /batch file/);
      const rel = locateProgram({ ...SC, executable: 'tools/sc' }, { platform: 'linux', exists: () => true, which: () => undefined });
      assert.ok('reason' in rel);
      assert.match(rel.reason, /not a full path/);
    });

    it("uses ssomanage's own rules for mss.ssomanagePath", () => {
      const r = locateProgram({ setting: 'mss.ssomanagePath', executable: '/opt/sso/ssomanage', args: ['-displaydb'], label: 'ssomanage -displaydb' }, { platform: 'linux', exists: () => false, which: () => undefined });
      assert.ok('reason' in r);
      assert.match(r.reason, /ssomanage\.exe was not found.*mss\.ssomanagePath \(or mss\.installFolder\)/);
    });
  });

  describe('runProgram with a fake execFile', () => {
    it('runs the located path with the argument vector, no shell, a time limit and an output bound', async () => {
      const calls: Call[] = [];
      const out = await runProgram(SC, { ...fake((cb) => cb(null, Buffer.from('STATE : 4  RUNNING\r\n'), Buffer.alloc(0)), calls), cwd: '/opt/tools' });
      assert.deepEqual(out, { ran: true, commandLine: SC.label, exitCode: 0, stdout: 'STATE : 4  RUNNING\r\n', stderr: '' });
      assert.equal(calls.length, 1);
      assert.equal(calls[0].file, '/opt/tools/sc');
      assert.deepEqual(calls[0].args, SC.args);
      assert.deepEqual(calls[0].options, { cwd: '/opt/tools', timeout: READ_ONLY_TIME_LIMIT_MS, killSignal: 'SIGKILL', windowsHide: true, maxBuffer: READ_ONLY_MAX_OUTPUT, encoding: 'buffer', shell: false });
    });

    it('decodes Buffer outputs (UTF-16 LE with a BOM on stdout, UTF-8 on stderr)', async () => {
      const out = await runProgram(SC, fake((cb) => cb(null, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Состояние : 1  STOPPED', 'utf16le')]), Buffer.from('warn ü'))));
      assert.ok(out.ran);
      assert.equal(out.stdout, 'Состояние : 1  STOPPED');
      assert.equal(out.stderr, 'warn ü');
    });

    it('keeps a non-zero exit code with what was printed', async () => {
      const out = await runProgram(SC, fake((cb) => cb(err({ code: 1060 }), Buffer.from('[SC] EnumQueryServicesStatus:OpenService FAILED 1060:'), Buffer.alloc(0))));
      assert.ok(out.ran);
      assert.equal(out.exitCode, 1060);
      assert.match(out.stdout, /FAILED 1060/);
    });

    it('says "could not start" for an error with a string code (ENOENT, EACCES)', async () => {
      for (const code of ['ENOENT', 'EACCES']) {
        const out = await runProgram(SC, fake((cb) => cb(err({ code }, `spawn /opt/tools/sc ${code}`), Buffer.alloc(0), Buffer.alloc(0))));
        assert.deepEqual(out, { ran: false, commandLine: SC.label, reason: `${SC.label} could not start: spawn /opt/tools/sc ${code}` });
      }
    });

    it('says it was stopped after the time limit when killed', async () => {
      const out = await runProgram(SC, { ...fake((cb) => cb(err({ killed: true, code: null, signal: 'SIGKILL' }), Buffer.from('partial'), Buffer.alloc(0))), timeoutMs: 2500 });
      assert.deepEqual(out, { ran: false, commandLine: SC.label, reason: `${SC.label} did not finish within 2.5 seconds and was stopped (an unreachable computer, or a prompt).` });
    });

    it('says it printed too much for ERR_CHILD_PROCESS_STDIO_MAXBUFFER, even when also killed', async () => {
      const out = await runProgram(SC, fake((cb) => cb(err({ code: 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER', killed: true }, 'stdout maxBuffer length exceeded'), Buffer.alloc(0), Buffer.alloc(0))));
      assert.deepEqual(out, { ran: false, commandLine: SC.label, reason: `${SC.label} printed more than 4 MiB and was stopped: that is not what this program prints.` });
    });

    it('never rejects when execFile throws (EINVAL for a batch file on Windows)', async () => {
      const deps = fake(() => {
        throw err({ code: 'EINVAL' }, 'spawn EINVAL');
      });
      assert.deepEqual(await runProgram(SC, deps), { ran: false, commandLine: SC.label, reason: `${SC.label} could not start: spawn EINVAL` });
      const thrownString = fake(() => {
        throw 'odd'; // eslint-disable-line @typescript-eslint/only-throw-error -- a non-Error thrown
      });
      assert.deepEqual(await runProgram(SC, thrownString), { ran: false, commandLine: SC.label, reason: `${SC.label} could not start: odd` });
    });

    it('does not call execFile when the program is missing', async () => {
      const calls: Call[] = [];
      const out = await runProgram({ ...SC, executable: '/nowhere/sc' }, fake((cb) => cb(null, Buffer.alloc(0), Buffer.alloc(0)), calls));
      assert.equal(out.ran, false);
      assert.equal(calls.length, 0);
    });
  });

  describe('runProgram with real programs', function () {
    this.timeout(20_000);
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-runner-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    function program(name: string, body: string): string {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `#!${process.execPath}\n${body}\n`);
      fs.chmodSync(file, 0o755);
      return file;
    }

    const real = (timeoutMs?: number): RunnerDeps => ({ platform: process.platform, exists: fs.existsSync, which: () => undefined, execFile: realExecFile as unknown as RunnerDeps['execFile'], ...(timeoutMs ? { timeoutMs } : {}) });

    it('reads a program that prints UTF-16 LE with a BOM, and gets its arguments as given', async function () {
      if (process.platform === 'win32') this.skip();
      const file = program('wevtutil', "process.stdout.write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(process.argv.slice(2)), 'utf16le')]));");
      const args = ['qe', 'Application', "/q:*[System[Provider[@Name='ENTSSO']]]", '/f:xml', '$x; `y` | z'];
      const out = await runProgram({ setting: 'mss.wevtutilPath', executable: file, args, label: 'wevtutil qe' }, real());
      assert.ok(out.ran);
      assert.equal(out.exitCode, 0);
      assert.deepEqual(JSON.parse(out.stdout), args);
    });

    it('keeps a non-zero exit code and both outputs', async function () {
      if (process.platform === 'win32') this.skip();
      const file = program('sc', "process.stdout.write('[SC] OpenSCManager FAILED 1722:\\r\\n'); process.stderr.write('oops'); process.exit(3);");
      const out = await runProgram({ ...SC, executable: file }, real());
      assert.deepEqual(out, { ran: true, commandLine: SC.label, exitCode: 3, stdout: '[SC] OpenSCManager FAILED 1722:\r\n', stderr: 'oops' });
    });

    it('stops a program that sleeps past timeoutMs, within about that time', async function () {
      if (process.platform === 'win32') this.skip();
      const file = program('slow', 'setTimeout(() => {}, 10000);');
      const started = Date.now();
      const out = await runProgram({ ...SC, executable: file }, real(300));
      assert.deepEqual(out, { ran: false, commandLine: SC.label, reason: `${SC.label} did not finish within 0.3 seconds and was stopped (an unreachable computer, or a prompt).` });
      assert.ok(Date.now() - started < 5000);
    });

    it('says "could not start" for a file that is not executable', async function () {
      if (process.platform === 'win32') this.skip();
      const file = path.join(dir, 'noexec');
      fs.writeFileSync(file, 'x');
      fs.chmodSync(file, 0o644);
      const out = await runProgram({ ...SC, executable: file }, real());
      assert.equal(out.ran, false);
      assert.ok(!out.ran);
      assert.match(out.reason, /could not start: .*EACCES/);
    });
  });
});
