// Small fake ssomanage / ssoconfig / net / sc / wevtutil programs made by the tests: each
// records its argument vector and working folder, prints a chosen output (the documented
// output of the real tool, garbage or nothing) and exits with a chosen code.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ENTSSO_EVENT_QUERY } from '../../src/verification/programs';

/** One run of a fake: its argument vector and folder; for powershell, the script -EncodedCommand held, decoded. */
export interface Call { tool: string; args: string[]; cwd: string; script?: string }

const TOOLS = ['ssomanage', 'ssoconfig', 'net', 'sc', 'wevtutil', 'powershell', 'reg'] as const;
export type FakeTool = (typeof TOOLS)[number];

export class FakeTools {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss fake tools '));  // a space on purpose

  constructor() {
    for (const tool of TOOLS) {
      const file = path.join(this.dir, tool);
      fs.writeFileSync(file, `#!${process.execPath}
const fs = require('fs'), path = require('path');
const args = process.argv.slice(2);
// What selects the output: the first argument, else the first one that is not a remote computer (sc \\\\NAME qc), else for
// powershell the id on the first line of the decoded script ("# Master Secret Mover: clusterState").
const enc = args.indexOf('-EncodedCommand');
const script = enc >= 0 ? Buffer.from(args[enc + 1] || '', 'base64').toString('utf16le') : undefined;
const scriptId = script ? ((/^# Master Secret Mover: (\\w+)/.exec(script) || [])[1] || '') : undefined;
const sub = scriptId ?? (args.find((a) => !a.startsWith('\\\\')) || '');
fs.appendFileSync(path.join(__dirname, 'calls.jsonl'), JSON.stringify({ tool: ${JSON.stringify(tool)}, args, cwd: process.cwd(), ...(script === undefined ? {} : { script }) }) + '\\n');
// A hold file keeps the program running (like ssoconfig waiting at its password prompt) until it is removed.
const hold = path.join(__dirname, ${JSON.stringify(tool)} + '.hold');
if (fs.existsSync(hold)) {
  const end = Date.now() + 120000;
  const timer = setInterval(() => { if (!fs.existsSync(hold) || Date.now() > end) { clearInterval(timer); finish(); } }, 100);
} else {
  finish();
}
function finish() {
const keys = [...new Set([${JSON.stringify(tool)} + '.' + (args[0] || ''), ${JSON.stringify(tool)} + '.' + sub, ${JSON.stringify(tool)}])];
for (const name of keys.map((k) => k + '.stdout')) {
  let text;
  try { text = fs.readFileSync(path.join(__dirname, name)); } catch { continue; }
  let code = 0;
  for (const c of keys.map((k) => k + '.exitcode')) {
    try { code = Number(fs.readFileSync(path.join(__dirname, c), 'utf8')); break; } catch {}
  }
  process.stdout.write(text, () => process.exit(code));
  return;
}
let code = 0;
for (const name of keys.map((k) => k + '.exitcode')) {
  try { code = Number(fs.readFileSync(path.join(__dirname, name), 'utf8')); break; } catch {}
}
if (code !== 0) console.log('ERROR: 0xC0002A0F : Could not contact the SSO server \\'fake\\'. Check that SSO is configured and that the SSO service is running on that server.');
else console.log('The operation completed successfully.');
process.exit(code);
}
`, { mode: 0o755 });
    }
  }

  path(tool: FakeTool): string {
    return path.join(this.dir, tool);
  }

  /** Exit code of the next runs of a tool (optionally only for one first argument, e.g. net 'stop'). */
  exitWith(tool: string, code: number, firstArg?: string): void {
    fs.writeFileSync(path.join(this.dir, firstArg ? `${tool}.${firstArg}.exitcode` : `${tool}.exitcode`), String(code));
  }

  /**
   * What the next runs of a tool print (optionally only for one first argument, e.g. ssomanage '-displaydb', the first
   * argument after a remote computer, e.g. sc 'qc', or a PowerShell script's id, e.g. 'clusterState'), instead of the default line.
   */
  print(tool: FakeTool, output: string | Buffer, firstArg?: string): void {
    fs.writeFileSync(path.join(this.dir, firstArg ? `${tool}.${firstArg}.stdout` : `${tool}.stdout`), output);
  }

  /** Keeps the next runs of a tool running until release(). */
  hold(tool: string): void {
    fs.writeFileSync(path.join(this.dir, `${tool}.hold`), '');
  }

  release(tool: string): void {
    fs.rmSync(path.join(this.dir, `${tool}.hold`), { force: true });
  }

  calls(): Call[] {
    const f = path.join(this.dir, 'calls.jsonl');
    return fs.existsSync(f) ? fs.readFileSync(f, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Call) : [];
  }

  clear(): void {
    for (const f of fs.readdirSync(this.dir)) if (f.endsWith('.jsonl') || f.endsWith('.exitcode') || f.endsWith('.hold') || f.endsWith('.stdout')) fs.rmSync(path.join(this.dir, f));
  }

  /** Points the extension's settings at the fakes; returns a function that puts the old values back. */
  async use(): Promise<() => Promise<void>> {
    const c = vscode.workspace.getConfiguration('mss');
    const keys = ['installFolder', 'ssomanagePath', 'ssoconfigPath', 'netPath', 'scPath', 'wevtutilPath', 'powershellPath', 'regPath'] as const;
    const old = keys.map((k) => c.inspect(k)?.globalValue);
    await c.update('installFolder', this.dir, vscode.ConfigurationTarget.Global);
    await c.update('ssomanagePath', this.path('ssomanage'), vscode.ConfigurationTarget.Global);
    await c.update('ssoconfigPath', this.path('ssoconfig'), vscode.ConfigurationTarget.Global);
    await c.update('netPath', this.path('net'), vscode.ConfigurationTarget.Global);
    await c.update('scPath', this.path('sc'), vscode.ConfigurationTarget.Global);
    await c.update('wevtutilPath', this.path('wevtutil'), vscode.ConfigurationTarget.Global);
    await c.update('powershellPath', this.path('powershell'), vscode.ConfigurationTarget.Global);
    await c.update('regPath', this.path('reg'), vscode.ConfigurationTarget.Global);
    return async () => {
      for (let i = 0; i < keys.length; i++) await vscode.workspace.getConfiguration('mss').update(keys[i], old[i], vscode.ConfigurationTarget.Global);
    };
  }
}

/** The read-only check run before -updatedb's question from the UI: which server the SSO database names now. */
export const READ_BEFORE_UPDATEDB: [string, string[]] = ['ssomanage', ['-displaydb']];
/** The read-only checks run before the restore's question from the UI: whether ENTSSO runs here, and whether the backup is current (its events). */
export const READ_BEFORE_RESTORE: Array<[string, string[]]> = [['sc', ['query', 'ENTSSO']], ['wevtutil', ['qe', 'Application', ENTSSO_EVENT_QUERY, '/f:xml', '/rd:true', '/c:50']]];
/** The read-only check run before the restart's question: the services that depend on ENTSSO. */
export const READ_BEFORE_RESTART: [string, string[]] = ['sc', ['enumdepend', 'ENTSSO', '65536']];
