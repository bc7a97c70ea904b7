// The mocha reporter of the Windows phase (scripts/windows-test/run.mjs): mocha's spec output,
// and the counts written to the file %MSS_WINDOWS_RESULTS% at the end. Under Wine the exit
// status of node.exe reaches Linux with only its low 8 bits, and its output must go to files, so
// the runner reads the counts from this file rather than from the exit status.
import * as fs from 'node:fs';
import * as Mocha from 'mocha';

class CountingSpec extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const skipped: string[] = [];
    runner.on('pending', (test) => skipped.push(test.fullTitle()));
    runner.once('end', () => {
      const file = process.env.MSS_WINDOWS_RESULTS;
      const s = this.stats;
      if (file) fs.writeFileSync(file, JSON.stringify({ passed: s.passes, failed: s.failures, skipped, platform: process.platform, node: process.version }));
    });
  }
}

export = CountingSpec;
