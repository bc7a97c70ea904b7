// extensionTestsPath of the main phase: every suite in this folder, then
// reload/prepare.js, which leaves the progress the reload phase (a new window,
// scripts/vscode-test/phases.mjs) must find again. It runs last because it is
// named here, not because of its file name.
import * as path from 'path';
import { phaseFiles, runFolder } from './mochaRun';

/** Run after every suite of the main phase. */
export const RUN_LAST: readonly string[] = [path.join(__dirname, 'reload', 'prepare.js')];

/** The files of the main phase, in the order they run. */
export function mainFiles(): string[] {
  return phaseFiles(__dirname, RUN_LAST);
}

export function run(): Promise<void> {
  return runFolder('main', __dirname, RUN_LAST);
}
