// Validation against the floor, in one process: the extension's full validation
// (validateUpdateXml) against fast-xml-parser alone on the same text, XMLParser.parse with the
// options src/updateXml/parse.ts gives it and XMLValidator.validate, at the size of a real update file, 10 KB,
// 100 KB and just under the 1 MiB cap, valid and invalid. Median of timed samples after a
// warm-up; each sample repeats the call until it lasts about 5 ms (small files take microseconds).
//
//   node out/scripts/bench/validation.js            prints the results as JSON
//   node --cpu-prof --cpu-prof-dir=DIR out/scripts/bench/validation.js --profile
//                                                    only validates the largest files, ~3 s, for a profile
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_TEXT_LENGTH, validateUpdateXml } from '../../src/updateXml';
import { PARSER_OPTIONS } from '../../src/updateXml/parse';
import { REAL_FILE, updateXmlOfSize } from './inputs';
import { median } from './stats';

/** The parser of src/updateXml/parse.ts, with its very options. */
const parser = new XMLParser(PARSER_OPTIONS);

export const SIZES: ReadonlyArray<{ label: string; chars: number }> = [
  { label: 'real file', chars: REAL_FILE.length },
  { label: '10 KB', chars: 10 * 1024 },
  { label: '100 KB', chars: 100 * 1024 },
  { label: 'just under 1 MiB', chars: MAX_TEXT_LENGTH - 1024 },
];

export interface ValidationRow {
  size: string;
  chars: number;
  valid: boolean;
  diagnostics: number;
  /** Medians, in milliseconds per call. */
  fullMs: number;
  parseMs: number;
  validatorMs: number;
  /** full / parse, full / validator, full / (parse + validator). */
  vsParse: number;
  vsValidator: number;
  vsBoth: number;
}

const now = () => performance.now();

/** Median milliseconds per call of `f`, over `samples` samples of `reps` calls each. */
function time(f: () => unknown, reps: number, samples = 15): number {
  const per: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = now();
    for (let i = 0; i < reps; i++) f();
    per.push((now() - t0) / reps);
  }
  return median(per);
}

/** How many calls of `f` last about `ms` milliseconds (after a warm-up of `f`). */
function repsFor(f: () => unknown, ms = 5): number {
  const t0 = now();
  let n = 0;
  while (now() - t0 < 50) { f(); n++; }  // warm-up: 50 ms of calls
  const each = (now() - t0) / n;
  return Math.max(1, Math.round(ms / each));
}

export function runValidationBench(): ValidationRow[] {
  const rows: ValidationRow[] = [];
  for (const { label, chars } of SIZES) {
    for (const valid of [true, false]) {
      const text = updateXmlOfSize(chars, valid);
      const full = () => validateUpdateXml(text);
      const parse = () => parser.parse(text);
      const validator = () => XMLValidator.validate(text);
      const diagnostics = full().length;
      if (valid !== (diagnostics === 0)) throw new Error(`the ${label} ${valid ? 'valid' : 'invalid'} input has ${diagnostics} diagnostic(s)`);
      // Interleaved, so that a slow spell of the machine hits all three alike.
      const reps = { full: repsFor(full), parse: repsFor(parse), validator: repsFor(validator) };
      const f: number[] = [], p: number[] = [], v: number[] = [];
      for (let round = 0; round < 5; round++) {
        f.push(time(full, reps.full, 5));
        p.push(time(parse, reps.parse, 5));
        v.push(time(validator, reps.validator, 5));
      }
      const fullMs = median(f), parseMs = median(p), validatorMs = median(v);
      rows.push({ size: label, chars: text.length, valid, diagnostics, fullMs, parseMs, validatorMs, vsParse: fullMs / parseMs, vsValidator: fullMs / validatorMs, vsBoth: fullMs / (parseMs + validatorMs) });
    }
  }
  return rows;
}

/** For --cpu-prof: about `ms` milliseconds of full validation of the largest files only. */
function profileRun(ms = 3000): void {
  const texts = [updateXmlOfSize(SIZES[SIZES.length - 1].chars, true), updateXmlOfSize(SIZES[SIZES.length - 1].chars, false)];
  const t0 = now();
  let n = 0;
  while (now() - t0 < ms) validateUpdateXml(texts[n++ % 2]);
  process.stderr.write(`profiled ${n} validations of ${texts[0].length} characters\n`);
}

if (require.main === module) {
  if (process.argv.includes('--profile')) profileRun();
  else process.stdout.write(`${JSON.stringify(runValidationBench(), null, 2)}\n`);
}
