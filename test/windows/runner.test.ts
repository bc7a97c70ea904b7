// The read-only runner of verification (src/verification/runner.ts) on Windows node, handed
// child_process.execFile and the file system as src/features/shared/readOnlyTools.ts hands them
// (that adapter itself imports vscode and cannot load here), running the fake Windows tools:
// the argument vectors as the tools' C runtime parses them, the remote forms, the time limit, and
// what UTF-16, OEM code page and UTF-8 output decode to.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProgram } from '../../src/ssoTools/programPath';
import { readEvents, readSecretServerName, readServiceState } from '../../src/verification/readers';
import { bizTalkGroupRun, clusterStateRun, displayDbRun, eventsRun, registryRun, scQcRun, scQueryRun, type EvidenceRun, type VerifySettings } from '../../src/verification/programs';
import { runProgram, type RunnerDeps } from '../../src/verification/runner';
import { cp866, fake, fakesDir, SC_RUSSIAN_RUNNING, workFolder } from './helpers';

const isFile = (p: string): boolean => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

describe('Windows runtime: the read-only runner of verification', () => {
  let w: ReturnType<typeof workFolder>;
  let installFolder: string;
  let settings: VerifySettings;
  const saved: NodeJS.ProcessEnv = {};
  before(() => fakesDir());
  beforeEach(() => {
    w = workFolder();
    installFolder = path.join(w.dir, 'Enterprise Single Sign-On');
    fs.mkdirSync(installFolder);
    fs.copyFileSync(fake('ssomanage'), path.join(installFolder, 'ssomanage.exe'));
    settings = { installFolder, ssomanagePath: '', ssoconfigPath: '', netPath: 'net', scPath: fake('sc'), wevtutilPath: fake('wevtutil'), powershellPath: fake('powershell'), regPath: fake('reg') };
    tell({ MSS_FAKE_LOG: w.log });
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    for (const k of Object.keys(saved)) delete saved[k];
    w.done();
  });
  /** Sets variables the fake tools read (the runner's programs inherit this process's environment). */
  const tell = (vars: Record<string, string>) => {
    for (const [k, v] of Object.entries(vars)) {
      if (!(k in saved)) saved[k] = process.env[k];
      process.env[k] = v;
    }
  };
  const deps = (extra: Partial<RunnerDeps> = {}): RunnerDeps => ({
    platform: process.platform,
    exists: fs.existsSync,
    which: (name) => findProgram(name, { platform: process.platform, pathEnv: process.env.PATH, pathExt: process.env.PATHEXT, isFile }),
    execFile,
    cwd: installFolder,
    ...extra,
  });
  const ran = async (run: EvidenceRun, extra: Partial<RunnerDeps> = {}) => {
    const out = await runProgram(run, deps(extra));
    assert.ok(out.ran, `${run.label}: ${out.ran ? '' : out.reason}`);
    return out;
  };

  it('runs each program with its exact argument vector (the event query, the PowerShell script in base64), -displaydb in the install folder', async () => {
    const runs = [displayDbRun(settings, 'win32'), scQueryRun(settings), eventsRun(settings), scQcRun(settings), registryRun(settings), clusterStateRun(settings), bizTalkGroupRun(settings)];
    for (const run of runs) assert.equal((await ran(run)).exitCode, 0, run.label);
    const records = w.records();
    assert.deepEqual(records.map((r) => r.argv), runs.map((r) => r.args));
    assert.deepEqual(records.map((r) => r.tool), ['ssomanage', 'sc', 'wevtutil', 'sc', 'reg', 'powershell', 'powershell']);
    assert.equal(records[0].cwd.toLowerCase(), installFolder.toLowerCase());
    assert.ok(records[0].commandLine.toLowerCase().includes(path.join(installFolder, 'ssomanage.exe').toLowerCase()), records[0].commandLine);
  });

  it('reads another computer through sc \\\\NAME, wevtutil /r:NAME and reg \\\\NAME\\...; -displaydb stays local', async () => {
    const runs = [displayDbRun(settings, 'win32'), scQueryRun(settings, 'BTSMSS02'), eventsRun(settings, 'BTSMSS02'), scQcRun(settings, 'BTSMSS02'), registryRun(settings, 'BTSMSS02')];
    for (const run of runs) await ran(run);
    const [displaydb, sc, events, qc, reg] = w.records().map((r) => r.argv);
    assert.deepEqual(displaydb, ['-displaydb']);
    assert.deepEqual(sc, ['\\\\BTSMSS02', 'query', 'ENTSSO']);
    assert.equal(events.at(-1), '/r:BTSMSS02');
    assert.deepEqual(qc, ['\\\\BTSMSS02', 'qc', 'ENTSSO']);
    assert.match(reg[1], /^\\\\BTSMSS02\\HKLM\\/);
  });

  it('decodes UTF-16 output (with and without its byte order mark), the OEM code page of a Russian sc, and UTF-8, so that the readers find what they read', async () => {
    tell({ MSS_FAKE_SSOMANAGE: 'enc=utf16', MSS_FAKE_WEVTUTIL: 'enc=utf16' });
    const displaydb = await ran(displayDbRun(settings, 'win32'));
    assert.equal(readSecretServerName(displaydb.stdout), 'BTSMSS02');
    const events = await ran(eventsRun(settings));
    assert.deepEqual(readEvents(events.stdout)?.map((e) => e.id), [10534, 10575]);
    // UTF-16 LE without a BOM, as a redirected PowerShell can write it.
    const noBom = path.join(w.dir, 'sc-utf16.txt');
    fs.writeFileSync(noBom, Buffer.from('\r\nSERVICE_NAME: ENTSSO\r\n        TYPE               : 10  WIN32_OWN_PROCESS\r\n        STATE              : 1  STOPPED\r\n', 'utf16le'));
    tell({ MSS_FAKE_SC: `out=${noBom}` });
    assert.deepEqual(readServiceState((await ran(scQueryRun(settings))).stdout), { kind: 'state', code: 1, name: 'STOPPED' });
    const oem = path.join(w.dir, 'sc-ru.txt');
    fs.writeFileSync(oem, cp866(SC_RUSSIAN_RUNNING));
    tell({ MSS_FAKE_SC: `out=${oem}` });
    assert.deepEqual(readServiceState((await ran(scQueryRun(settings))).stdout), { kind: 'state', code: 4, name: 'RUNNING' });
    tell({ MSS_FAKE_SC: 'state=3' });
    assert.deepEqual(readServiceState((await ran(scQueryRun(settings))).stdout), { kind: 'state', code: 3, name: 'STOP_PENDING' });
  });

  it('keeps exit codes above 255 whole: sc FAILED 1060 is "not installed"; 0xC0000005 is its own number', async () => {
    tell({ MSS_FAKE_SC: 'fail=1' });
    const sc = await ran(scQueryRun(settings));
    assert.equal(sc.exitCode, 1060);
    assert.deepEqual(readServiceState(sc.stdout, sc.exitCode), { kind: 'notInstalled' });
    tell({ MSS_FAKE_SSOMANAGE: 'exit=0xC0000005' });
    assert.equal((await ran(displayDbRun(settings, 'win32'))).exitCode, 0xc0000005);
  });

  it('stops a program that does not finish within the time limit: a reason, not a hang', async () => {
    tell({ MSS_FAKE_SC: 'sleep=60000' });
    const started = Date.now();
    const out = await runProgram(scQueryRun(settings, 'BTSMSS02'), deps({ timeoutMs: 2000, cwd: w.dir }));
    assert.equal(out.ran, false);
    assert.match(out.ran ? '' : out.reason, /did not finish within 2 seconds and was stopped/);
    assert.ok(Date.now() - started < 30_000, `${Date.now() - started} ms`);
    assert.equal(w.records().length, 1, 'it started');
  });

  it('refuses a batch file as sc or wevtutil, running nothing; a missing program is a reason too', async () => {
    const bat = path.join(w.dir, 'sc.bat');
    fs.writeFileSync(bat, `@echo off\r\necho ran > "${path.join(w.dir, 'ran.txt')}"\r\n`);
    const out = await runProgram(scQueryRun({ ...settings, scPath: bat }), deps());
    assert.ok(!out.ran && /sc\.bat is a batch file/.test(out.reason), JSON.stringify(out));
    const missing = await runProgram(eventsRun({ ...settings, wevtutilPath: path.join(w.dir, 'wevtutil.exe') }), deps());
    assert.ok(!missing.ran && /wevtutil\.exe was not found at /.test(missing.reason), JSON.stringify(missing));
    assert.ok(!fs.existsSync(path.join(w.dir, 'ran.txt')));
    assert.deepEqual(w.records(), []);
  });
});
