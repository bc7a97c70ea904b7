// extensionTestsPath of `npm run screenshots`: scenes of the real workbench saved
// as PNG files in media/screenshots/ (the README shows them).
import { runFolder } from '../mochaRun';

export function run(): Promise<void> {
  return runFolder('screenshots', __dirname);
}
