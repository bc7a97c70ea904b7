// extensionTestsPath of the reload phase: a new window (new extension host) after
// the main phase, checking what must survive a reload.
import { runFolder } from '../mochaRun';

export function run(): Promise<void> {
  return runFolder('reload', __dirname);
}
