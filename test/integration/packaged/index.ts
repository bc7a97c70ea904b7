// extensionTestsPath of the packaged phase: the window loads the extension from
// the files of its package (as `npm run package` ships it, production bundle).
import { runFolder } from '../mochaRun';

export function run(): Promise<void> {
  return runFolder('packaged', __dirname);
}
