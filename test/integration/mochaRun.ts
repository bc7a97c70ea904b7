// Runs the mocha files of one folder inside the extension host (the
// extensionTestsPath entry points call this). Resolves when every test passed
// and at least one ran; writes {passed, failed} for the runner script.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/**
 * The files a phase runs: the *.test.js files of `folder` in name order, then `last`
 * in the order given (files a phase runs after its suites, whatever their names).
 */
export function phaseFiles(folder: string, last: readonly string[] = []): string[] {
  const own = fs.readdirSync(folder).filter((n) => n.endsWith('.test.js')).sort().map((f) => path.join(folder, f));
  return [...own, ...last];
}

export function runFolder(phase: string, folder: string, last: readonly string[] = []): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, grep: process.env.MSS_TEST_GREP || undefined });
  for (const f of phaseFiles(folder, last)) {
    mocha.addFile(f);
  }
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run((failures) => {
      const dir = process.env.MSS_TEST_RESULTS_DIR;
      if (dir) fs.writeFileSync(path.join(dir, `${phase}.json`), JSON.stringify({ passed, failed }));
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else if (passed === 0) reject(new Error('no test ran'));
      else resolve();
    });
    runner.on('pass', () => { passed++; });
    runner.on('fail', () => { failed++; });
  });
}
