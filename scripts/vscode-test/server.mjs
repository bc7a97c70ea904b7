// Starts one code-server (VS Code's server, with its real Node extension host) on
// 127.0.0.1 and a random free port, in a private run folder, and stops it with
// its whole process tree: signalling only the top process leaves the extension
// host, pty host and file watcher behind as orphans.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { codeServerEntry } from './install.mjs';

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'terminal.integrated.enablePersistentSessions': false,
  'security.workspace.trust.enabled': false,
};

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function descendants(rootPid) {
  let table;
  try {
    table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const children = new Map();
  for (const line of table.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!pid) continue;
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  const out = [];
  const queue = [rootPid];
  while (queue.length) {
    const p = queue.shift();
    for (const c of children.get(p) || []) { out.push(c); queue.push(c); }
  }
  return out;
}

const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };

/** Kills the given processes and everything below them: TERM, then KILL after 5 s. */
export async function killTrees(...roots) {
  const pids = [];
  for (const r of roots) if (r && alive(r)) pids.push(r, ...descendants(r));
  for (const p of pids) { try { process.kill(p, 'SIGTERM'); } catch { /* gone */ } }
  const end = Date.now() + 5000;
  while (pids.some(alive) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  for (const p of pids.filter(alive)) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
}

/**
 * @param {{ settings?: object, env?: object, keep?: boolean, log?: (s: string) => void }} opts
 * @returns {Promise<{ port: number, runDir: string, workbenchUrl: (folder: string | null | { workspaceFile: string }, payload: [string, string][]) => string, remote: (p: string) => string, stop: () => Promise<void> }>}
 */
export async function startServer(opts = {}) {
  const log = opts.log || ((s) => process.stderr.write(`[vscode-test] ${s}\n`));
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-vscode-'));
  const userData = path.join(runDir, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(path.join(runDir, 'extensions'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...(opts.settings || {}) }, null, 2));
  fs.writeFileSync(path.join(runDir, 'config.yaml'), '');
  const port = await freePort();
  const serverLog = fs.openSync(path.join(runDir, 'server.log'), 'a');
  const child = spawn(process.execPath, [codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    '--ignore-last-opened', '--config', path.join(runDir, 'config.yaml'),
    '--user-data-dir', userData, '--extensions-dir', path.join(runDir, 'extensions'),
    ...(opts.trust ? [] : ['--disable-workspace-trust'])],
  {
    // The extension host inherits this environment. No extension gallery: the
    // public one is unreachable here and every query would log a failure.
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...(opts.env || {}) },
    stdio: ['ignore', serverLog, serverLog],
  });
  let exited = false;
  child.on('exit', () => { exited = true; });
  const t0 = Date.now();
  for (;;) {
    if (exited) {
      throw new Error(`code-server exited during start; see ${path.join(runDir, 'server.log')}:\n${fs.readFileSync(path.join(runDir, 'server.log'), 'utf8').slice(-3000)}`);
    }
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch { /* not yet */ }
    if (Date.now() - t0 > 90_000) {
      await killTrees(child.pid);
      throw new Error(`code-server did not answer on 127.0.0.1:${port} within 90 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`code-server (VS Code ${'1.100.3'}) pid ${child.pid} on http://127.0.0.1:${port}, ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const authority = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  return {
    port,
    runDir,
    remote,
    // folder: a folder path; null: an empty window (File > New Window); { workspaceFile }: a
    // multi-root workspace (File > Open Workspace from File).
    workbenchUrl: (folder, payload) => {
      const what = folder === null ? 'ew=true'
        : typeof folder === 'object' ? `workspace=${encodeURIComponent(path.resolve(folder.workspaceFile))}`
          : `folder=${encodeURIComponent(path.resolve(folder))}`;
      return `http://${authority}/?${what}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    stop: async () => {
      await killTrees(child.pid);
      if (!opts.keep) fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}
