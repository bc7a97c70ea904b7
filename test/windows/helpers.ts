// Helpers of the Windows-runtime suite (run by scripts/windows-test/run.mjs in the official
// Windows node.exe under Wine, never by the Linux unit run): where the fake Windows tools are
// (built from test/windows/fakes/fake.c), what they recorded, and mss-xml (dist/cli.js) run by
// this node.exe as VS Code's task runs it, with exit codes read here, whole 32 bits.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** The folder of the fake tools; the suite refuses to run anywhere but Windows node with them. */
export function fakesDir(): string {
  assert.equal(process.platform, 'win32', 'the Windows-runtime suite runs on Windows node (npm run test:windows)');
  const dir = process.env.MSS_WINDOWS_FAKES;
  assert.ok(dir && fs.existsSync(path.join(dir, 'ssomanage.exe')), `no fake tools in MSS_WINDOWS_FAKES=${dir}`);
  return dir;
}

export const fake = (tool: string): string => path.join(fakesDir(), `${tool}.exe`);

export interface Record {
  tool: string;
  commandLine: string;
  argv: string[];
  cwd: string;
  stdin: string[];
}

/** A fresh folder, and the log the fake tools append to while it is current. */
export function workFolder(): { dir: string; log: string; records: () => Record[]; done: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-win-'));
  const log = path.join(dir, 'fake-tools.jsonl');
  return {
    dir,
    log,
    records: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record) : []),
    // Windows keeps a folder busy while a process that runs in it ends (a tool stopped at its time limit): retry.
    done: () => fs.rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 }),
  };
}

export interface CliRun {
  status: number | null;
  stdout: Buffer;
  stderr: string;
  error?: Error;
}

/** The environment of a run: this process's, the fake tools' log, and what each fake is told (MSS_FAKE_*). */
export function env(log: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('MSS_FAKE_')) e[k] = v;
  return { ...e, MSS_FAKE_LOG: log, ...extra };
}

/** mss-xml ARGS run by this node.exe in `cwd`, stdin from `input`. */
export function mssXml(args: readonly string[], opts: { cwd: string; log: string; env?: NodeJS.ProcessEnv; input?: string | Buffer; timeout?: number }): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd, env: env(opts.log, opts.env), input: opts.input ?? '', timeout: opts.timeout ?? 60_000, windowsHide: true });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8'), ...(r.error ? { error: r.error } : {}) };
}

export const SAMPLE = '<sso>\r\n  <globalInfo>\r\n    <secretServer>BTSMSS02</secretServer>\r\n  </globalInfo>\r\n</sso>\r\n';
export const TYPO = '<sso>\r\n  <globalnfo>\r\n    <secretServer>BTSMSS02</secretServer>\r\n  </globalInfo>\r\n</sso>\r\n';

/** A batch file that, were it ever run, would leave `marker` behind. */
export function batchFile(dir: string, name: string): { file: string; marker: string } {
  const file = path.join(dir, name);
  const marker = path.join(dir, `${name}.ran`);
  fs.writeFileSync(file, `@echo off\r\necho ran > "${marker}"\r\n`);
  return { file, marker };
}

/** Text in code page 866 (the OEM code page of a Russian Windows console): ASCII as is, Cyrillic by the table's three runs. */
export function cp866(text: string): Buffer {
  return Buffer.from([...text].map((c) => {
    const n = c.codePointAt(0) ?? 0x3f;
    if (n < 0x80) return n;
    if (n >= 0x410 && n <= 0x43f) return n - 0x410 + 0x80; // А..я up to п
    if (n >= 0x440 && n <= 0x44f) return n - 0x440 + 0xe0; // р..я
    return 0x3f;
  }));
}

/** sc query ENTSSO of a Russian Windows: the STATE row as a published capture shows it (label translated; number and state name not); the other rows are left in English here. */
export const SC_RUSSIAN_RUNNING = '\r\nSERVICE_NAME: ENTSSO\r\n        TYPE               : 10  WIN32_OWN_PROCESS\r\n        Состояние          : 4  RUNNING\r\n                                (STOPPABLE, PAUSABLE, ACCEPTS_SHUTDOWN)\r\n        WIN32_EXIT_CODE    : 0  (0x0)\r\n';
