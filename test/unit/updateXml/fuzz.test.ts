// A quick run of the property-based fuzzing (fuzzProperties.ts) as part of `npm test`;
// `npm run fuzz` runs the same properties on 100,000 cases and more.
import { runAll, timeLinear } from './fuzzProperties';

describe('update XML fuzzing (quick run)', () => {
  it('never throws, keeps ranges inside, is deterministic, and no quick fix adds an error (4 x 250 cases)', function () {
    this.timeout(120_000);
    runAll(250);
  });

  it('takes time linear in the size of the file', function () {
    this.timeout(120_000);
    for (const unit of ['    <!-- c -->\n', '    <x a="1"/>\n', '    <secretServer>BTS02</secretServer>\n', '    <ticketTimeout>&amp;</ticketTimeout>\n']) {
      timeLinear(unit, 2000);
    }
  });
});
