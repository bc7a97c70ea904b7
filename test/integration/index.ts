// extensionTestsPath of the main phase: every suite in this folder.
import { runFolder } from './mochaRun';

export function run(): Promise<void> {
  return runFolder('main', __dirname);
}
