// `npm run test:electron`: the same integration suites in desktop VS Code,
// downloaded and cached by @vscode/test-electron (needs access to VS Code's
// download server, which this project's CI machine does not have; there
// `npm run test:integration` runs them in code-server instead). Tests that click
// the workbench through the browser bridge skip themselves here and are reported
// as pending, not passed. The phases are run.mjs's (phases.mjs; MSS_TEST_PHASES
// picks some): each a VS Code of its own with its user data folder, main and
// reload the same one (the reload phase checks what survives a new window).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { makePackageFolder } from './packageFolder.mjs';
import { copyWorkspace, multiRootWorkspace, orderWarnings, selectPhases } from './phases.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = process.env.MSS_VSCODE_VERSION || '1.100.3';
const phases = selectPhases(process.env.MSS_TEST_PHASES);
for (const w of orderWarnings(phases)) console.error(`test-electron: warning: ${w}`);
// MSS_TEST_DRY_RUN=1: print the phases and what each window would get, and stop (the unit tests read it).
if (process.env.MSS_TEST_DRY_RUN === '1') {
  console.log(JSON.stringify({ runner: 'electron', phases: phases.map((p) => ({ name: p.name, tests: p.tests, workspace: p.workspace, extension: p.extension, trust: p.trust, sharedUserData: p.server === 'shared' && p.browser === 'shared' })) }));
  process.exit(0);
}

/** Folders made for the run, removed at its end. */
const made = [];
const keep = (dir) => { made.push(dir); return dir; };

/** A user data folder with these user settings. */
function userDataWith(settings) {
  const dir = keep(fs.mkdtempSync(path.join(os.tmpdir(), 'mss-user-data-')));
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dir;
}

// What main, reload and screenshots share: the folder and the user data.
const sharedWorkspace = keep(copyWorkspace(root));
const sharedUserData = userDataWith({});

/** The folder (or .code-workspace file) a phase opens, or undefined for none. */
function targetOf(phase) {
  switch (phase.workspace) {
    case 'shared': return sharedWorkspace;
    case 'none': return undefined;
    case 'copy': return keep(copyWorkspace(root, phase.overlay));
    case 'multiroot': {
      const { dir, file } = multiRootWorkspace(root);
      keep(dir);
      return file;
    }
    default: throw new Error(`phase "${phase.name}": unknown workspace "${phase.workspace}"`);
  }
}

let failed = false;
try {
  for (const phase of phases) {
    const target = targetOf(phase);
    const userData = phase.server === 'shared' && phase.browser === 'shared' ? sharedUserData : userDataWith({ ...phase.settings, ...phase.desktopSettings });
    const extension = phase.extension === 'package' ? keep(makePackageFolder(root)) : root;
    try {
      await runTests({
        version,
        extensionDevelopmentPath: extension,
        extensionTestsPath: path.join(root, phase.tests),
        launchArgs: [...(target ? [target] : []), '--user-data-dir', userData, ...(phase.trust ? [] : ['--disable-workspace-trust']), '--disable-extensions'],
        // The tests play a Windows server named BTSMSS01 (the extension reads COMPUTERNAME, as on Windows).
        extensionTestsEnv: { COMPUTERNAME: 'BTSMSS01', ...(phase.workspace === 'copy' || phase.workspace === 'shared' ? { MSS_TEST_WORKSPACE: target } : {}) },
      });
    } catch (e) {
      console.error(`test-electron: ${phase.tests} failed: ${e && e.message ? e.message : e}`);
      failed = true;
      break;
    }
  }
} finally {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
