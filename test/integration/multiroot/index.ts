// extensionTestsPath of the multiroot phase: a workspace of two folders.
import { runFolder } from '../mochaRun';

export function run(): Promise<void> {
  return runFolder('multiroot', __dirname);
}
