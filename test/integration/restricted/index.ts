// extensionTestsPath of the restricted phase: a window of its own server with
// workspace trust on, whose folder (a copy of test/fixtures/workspace with
// test/fixtures/restricted laid over it) opens untrusted, in Restricted Mode.
import { runFolder } from '../mochaRun';

export function run(): Promise<void> {
  return runFolder('restricted', __dirname);
}
