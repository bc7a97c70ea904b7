// Installs a real VS Code for the integration tests into a cache folder, the way
// @vscode/test-electron caches a downloaded VS Code. Here VS Code cannot be
// downloaded, so we take code-server from the npm registry (code-server 4.100.3
// bundles VS Code 1.100.3: its server, its Node extension host and its web
// workbench) and drive the workbench with Debian's chromium through
// playwright-core. Only the npm registry and Debian's packages are used.
//
// Idempotent: a finished install leaves a marker file and is reused.
//   node scripts/vscode-test/install.mjs        (prints the install folder)
// Env: MSS_VSCODE_CACHE (default ~/.cache/master-secret-mover), MSS_VSCODE_REINSTALL=1.
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3'; // = VS Code 1.100.3; the last release that runs on node 20
export const VSCODE_VERSION = '1.100.3';
export const PLAYWRIGHT_CORE_VERSION = '1.65.1';

export const cacheRoot = process.env.MSS_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'master-secret-mover');
export const installDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}+playwright-${PLAYWRIGHT_CORE_VERSION}`);
export const codeServerEntry = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const marker = path.join(installDir, '.installed');

const note = (s) => process.stderr.write(`[vscode-test install] ${s}\n`);

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v "$1"`, 'sh', cmd], { stdio: 'ignore' }).status === 0;
}

function step(name, cmd, args, opts = {}) {
  const t0 = Date.now();
  const logFile = path.join(cacheRoot, 'install-logs', `${name}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts, env: { ...process.env, ...(opts.env || {}) } });
  fs.writeFileSync(logFile, `${r.stdout || ''}\n${r.stderr || ''}`);
  if (r.status !== 0) {
    note(`step "${name}" failed (exit ${r.status}); last lines of ${logFile}:`);
    process.stderr.write(fs.readFileSync(logFile, 'utf8').split('\n').filter((l) => !/Unknown .*config "nodedir"/.test(l)).slice(-40).join('\n') + '\n');
    throw new Error(`install step ${name} failed`);
  }
  note(`${name}: ok (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

function ensureSystemPackages() {
  const wanted = [];
  if (!has('chromium')) wanted.push('chromium');
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h')) wanted.push('libkrb5-dev'); // code-server's kerberos module
  if (!has('rg')) wanted.push('ripgrep'); // instead of @vscode/ripgrep's download from GitHub
  for (const tool of ['g++', 'make', 'python3']) if (!has(tool)) wanted.push(tool);
  if (wanted.length === 0) return;
  // As root apt-get runs as is; otherwise through sudo.
  const apt = (...args) => (process.getuid && process.getuid() !== 0 ? ['sudo', ['apt-get', ...args]] : ['apt-get', args]);
  note(`apt-get install ${wanted.join(' ')}`);
  step('apt-update', ...apt('update'));
  step('apt-install', ...apt('install', '-y', ...wanted), { env: { DEBIAN_FRONTEND: 'noninteractive' } });
}

export function isInstalled() {
  return fs.existsSync(marker) && fs.existsSync(codeServerEntry);
}

export function ensureInstalled() {
  ensureSystemPackages();
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) throw new Error(`code-server ${CODE_SERVER_VERSION} needs node 20; this is node ${process.versions.node}`);
  if (isInstalled() && !process.env.MSS_VSCODE_REINSTALL) return installDir;
  const t0 = Date.now();
  note(`installing code-server ${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) and playwright-core ${PLAYWRIGHT_CORE_VERSION} into ${installDir}`);
  fs.rmSync(installDir, { recursive: true, force: true });
  fs.mkdirSync(installDir, { recursive: true });
  fs.writeFileSync(path.join(installDir, 'package.json'), '{ "name": "mss-vscode-test-cache", "private": true }\n');
  const npm = 'npm';
  // Without install scripts: code-server's own postinstall downloads ripgrep from GitHub
  // and calls `npx node-gyp` without --yes; both fail offline, so its steps are redone below.
  step('npm-install', npm, ['install', '--no-audit', '--no-fund', '--ignore-scripts',
    `code-server@${CODE_SERVER_VERSION}`, `playwright-core@${PLAYWRIGHT_CORE_VERSION}`], { cwd: installDir });
  // argon2 (loaded at start-up) has no usable prebuilt here and compiles from source.
  step('build-argon2', npm, ['rebuild', '--foreground-scripts', 'argon2'], { cwd: installDir });
  const cs = path.join(installDir, 'node_modules', 'code-server');
  const vs = path.join(cs, 'lib', 'vscode');
  step('vscode-deps', npm, ['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts'], { cwd: vs });
  const rgBin = path.join(vs, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(rgBin, { recursive: true });
  fs.rmSync(path.join(rgBin, 'rg'), { force: true });
  fs.symlinkSync(execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim(), path.join(rgBin, 'rg'));
  step('vscode-native', npm, ['rebuild', '--foreground-scripts'], { cwd: vs, env: { npm_config_yes: 'true' } });
  step('code-server-postinstall', npm, ['run', 'postinstall'], { cwd: cs, env: { npm_config_unsafe_perm: 'true', npm_config_yes: 'true' } });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-cs-check-'));
  step('check', process.execPath, [codeServerEntry, '--version'], { env: { XDG_CONFIG_HOME: tmp, XDG_DATA_HOME: tmp } });
  fs.rmSync(tmp, { recursive: true, force: true });
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
