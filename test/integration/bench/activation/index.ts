// extensionTestsPath of the bench phase "benchActivation" (npm run bench only): see ../record.ts.
import { runFolder } from '../../mochaRun';

export function run(): Promise<void> {
  return runFolder('benchActivation', __dirname);
}
