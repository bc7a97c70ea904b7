// extensionTestsPath of the bench phase "benchKeystroke" (npm run bench only): see ../record.ts.
import { runFolder } from '../../mochaRun';

export function run(): Promise<void> {
  return runFolder('benchKeystroke', __dirname);
}
