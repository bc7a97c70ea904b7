// npm run fuzz: the property-based fuzzing of the update-XML validator and its quick fixes
// (test/unit/updateXml/fuzzProperties.ts) on many cases: 4 properties x RUNS cases (default
// 25,000 each, so 100,000 in all), then the linear-time check on larger files.
//   npm run fuzz                 100,000 cases from a random start (printed; fast-check prints it on failure too)
//   MSS_FUZZ_RUNS=50000 MSS_FUZZ_START=42 npm run fuzz   (repeats the run that started at 42)
import { runAll, timeLinear } from '../test/unit/updateXml/fuzzProperties';

const runs = Number(process.env.MSS_FUZZ_RUNS ?? 25_000);
const start = process.env.MSS_FUZZ_START !== undefined ? Number(process.env.MSS_FUZZ_START) : Math.floor(Math.random() * 2 ** 31);
const started = Date.now();
console.log(`fuzz: ${4 * runs} cases, start ${start} (MSS_FUZZ_START=${start} repeats this run)`);
const cases = runAll(runs, start);
for (const unit of ['    <!-- c -->\n', '    <x a="1"/>\n', '    <secretServer>BTS02</secretServer>\n', '    <ticketTimeout>&amp;</ticketTimeout>\n', '    <globalInfo/>\n']) {
  timeLinear(unit, 10_000);
}
console.log(`fuzz: ${cases} cases passed, time linear in size on 5 shapes up to 80,000 elements, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
