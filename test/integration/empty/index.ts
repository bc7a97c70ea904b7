// extensionTestsPath of the empty phase: a window with no folder open (File >
// New Window), where an admin may follow the walkthrough on a server.
import { runFolder } from '../mochaRun';

export function run(): Promise<void> {
  return runFolder('empty', __dirname);
}
