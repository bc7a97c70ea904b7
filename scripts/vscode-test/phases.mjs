// The phases of the integration tests: one table for both runners, run.mjs
// (code-server driven by headless chromium, `npm run test:integration`) and
// electron.mjs (desktop VS Code by @vscode/test-electron, `npm run test:electron`).
// Each phase is a window of its own (a new extension host) that loads one
// extensionTestsPath; the entry point (test/integration/<folder>/index.ts) runs
// the *.test.js files of its folder.
//
// A phase:
//   tests      extensionTestsPath, relative to the repository (compiled by `npm run compile`)
//   workspace  what the window opens:
//                'shared'    the one copy of test/fixtures/workspace that main, reload and
//                            screenshots share (reload must find what main left there);
//                'copy'      a fresh copy of test/fixtures/workspace, with `overlay` laid over it;
//                'multiroot' two folders, "Server A" and "Server B", in a .code-workspace file;
//                'none'      no folder (File > New Window)
//   overlay    folder copied over a 'copy' workspace
//   trust      workspace trust on (otherwise the window runs with --disable-workspace-trust)
//   settings   user settings of the phase's own profile (phases with `server: 'own'`)
//   desktopSettings  user settings for desktop VS Code only (electron.mjs)
//   extension  'repo' (this folder, dist/ as `npm run build` makes it) or 'package' (the files
//              of the .vsix with the production bundle, see packageFolder.mjs)
//   server     code-server: 'shared' (the one server, its user data shared with main) or 'own'
//              (a server with its own user data, stopped when the phase ends)
//   browser    code-server: 'shared' or 'own' chromium profile. The web workbench keeps what it
//              last opened in the browser's storage; a window for another folder, workspace or
//              none, opened in the same browser, sometimes came up without its folders.
//              In desktop VS Code a phase shares main's user data only when both are 'shared'.
//   after      a phase that must run before this one, in the same profile
//
// The reload phase checks what survives a reload of the window. Its state is left by
// test/integration/reload/prepare.ts, which the main phase's entry point
// (test/integration/index.ts) runs explicitly after all of its suites.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The phases `MSS_TEST_PHASES` picks when it is not set, in this order. */
export const DEFAULT_PHASES = ['main', 'reload', 'multiroot', 'empty', 'restricted', 'packaged'];

// Workspace trust on, and nothing that asks about it in a modal dialog (no start-up
// prompt; files from outside the folder just open), so the folder, in a fresh user data
// folder and browser profile that trust nothing, opens in Restricted Mode and the tests
// run undisturbed.
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
};

const phase = (name, fields) => Object.freeze({
  name,
  tests: `out/test/integration/${name}/index.js`,
  workspace: 'shared',
  overlay: undefined,
  trust: false,
  settings: undefined,
  desktopSettings: undefined,
  extension: 'repo',
  server: 'shared',
  browser: 'shared',
  after: undefined,
  ...fields,
});

/** Every phase by name. */
export const PHASES = Object.freeze({
  // Every suite in test/integration/, then reload/prepare.js.
  main: phase('main', { tests: 'out/test/integration/index.js' }),
  // A new window on the same folder and profile, as after "Developer: Reload Window".
  reload: phase('reload', { after: 'main' }),
  // In a server of its own: after the other windows, a multi-root window of the shared
  // server sometimes read its .code-workspace file with no folders (and never again).
  multiroot: phase('multiroot', { workspace: 'multiroot', server: 'own', browser: 'own' }),
  empty: phase('empty', { workspace: 'none', browser: 'own', desktopSettings: { 'window.restoreWindows': 'none' } }),
  // Restricted Mode: trust on, an untrusted copy of the workspace with test/fixtures/restricted over it.
  restricted: phase('restricted', { workspace: 'copy', overlay: 'test/fixtures/restricted', trust: true, settings: RESTRICTED_SETTINGS, server: 'own', browser: 'own' }),
  // The extension as `npm run package` ships it.
  packaged: phase('packaged', { workspace: 'copy', extension: 'package', browser: 'own' }),
  // `npm run screenshots`: scenes that save PNGs of the real workbench (code-server only).
  screenshots: phase('screenshots'),
  // `npm run bench` (scripts/bench/run.mjs), never `npm test`: timings in the real VS Code,
  // each in a fresh window with no folder (nothing activates the extension before the test
  // does) and the extension as the .vsix ships it (production bundle).
  // benchActivation: activate() once per window (the runner lists it several times).
  benchActivation: phase('benchActivation', { tests: 'out/test/integration/bench/activation/index.js', workspace: 'none', extension: 'package', browser: 'own' }),
  // benchKeystroke: an edit to the moment languages.getDiagnostics shows its problem (or none).
  benchKeystroke: phase('benchKeystroke', { tests: 'out/test/integration/bench/keystroke/index.js', workspace: 'none', extension: 'package', browser: 'own' }),
});

/**
 * The phases named in `spec` (comma-separated, e.g. MSS_TEST_PHASES), or the default ones.
 * Throws on a name the table does not know.
 */
export function selectPhases(spec) {
  const names = spec ? spec.split(',').map((s) => s.trim()).filter(Boolean) : DEFAULT_PHASES;
  const unknown = names.filter((n) => !Object.hasOwn(PHASES, n));
  if (unknown.length) throw new Error(`unknown test phase(s) ${unknown.join(', ')}; known: ${Object.keys(PHASES).join(', ')}`);
  return names.map((n) => PHASES[n]);
}

/** Warnings for phases whose `after` phase does not run before them. */
export function orderWarnings(phases) {
  const names = phases.map((p) => p.name);
  return phases.filter((p, i) => p.after && !names.slice(0, i).includes(p.after))
    .map((p) => `phase "${p.name}" checks what phase "${p.after}" left: run "${p.after}" before it (MSS_TEST_PHASES=${p.after},${p.name})`);
}

/**
 * A fresh copy of the fixture workspace (the tests write files into it), with `overlay`
 * (relative to root) copied over it, in `dir` (default: a new temporary folder).
 */
export function copyWorkspace(root, overlay, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-workspace-'))) {
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  if (overlay) fs.cpSync(path.join(root, overlay), dir, { recursive: true });
  return dir;
}

/**
 * The multiroot phase's workspace: two folders, "Server A" (the fixture workspace) and
 * "Server B" (an update file of its own), in a .code-workspace file beside them.
 * Returns the folder (the caller removes it) and the .code-workspace file.
 */
export function multiRootWorkspace(root) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-multiroot-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), path.join(dir, 'Server A'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'Server B'));
  fs.writeFileSync(path.join(dir, 'Server B', 'NewMSSServer.xml'), '<sso>\n  <globalInfo>\n    <secretServer>BTSMSS09</secretServer>\n  </globalInfo>\n</sso>\n');
  const file = path.join(dir, 'mss.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: 'Server A' }, { path: 'Server B' }] }, null, 2));
  return { dir, file };
}
