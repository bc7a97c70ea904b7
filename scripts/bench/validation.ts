// Validation against the floor, in one process: the extension's full validation
// (validateUpdateXml) against fast-xml-parser alone on the same text, XMLParser.parse with the
// options src/updateXml/parse.ts gives it and XMLValidator.validate, and against saxes alone (the
// conformant parser the validator reads with, no handler: what conformance costs by itself), at
// the size of a real update file, 10 KB, 100 KB and just under the 1 MiB cap, filled with
// comments or with blank lines, valid and invalid. Median of timed samples after a warm-up; each
// sample repeats the call until it lasts about 5 ms (small files take microseconds).
//
//   node out/scripts/bench/validation.js            prints the results as JSON
//   node --cpu-prof --cpu-prof-dir=DIR out/scripts/bench/validation.js --profile
//                                                    only validates the largest files, ~3 s, for a profile
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { MAX_TEXT_LENGTH, validateUpdateXml } from '../../src/updateXml';
import { PARSER_OPTIONS } from '../../src/updateXml/parse';
import { FILLERS, REAL_FILE, updateXmlOfSize, type Filler } from './inputs';
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
  /** What fills the file beyond a real one's content. */
  filler: Filler;
  chars: number;
  valid: boolean;
  diagnostics: number;
  /** Medians, in milliseconds per call. */
  fullMs: number;
  parseMs: number;
  validatorMs: number;
  /** saxes alone: the text read with no handler, the options of src/updateXml/readTree.ts. */
  saxesMs: number;
  /** full / parse, full / validator, full / (parse + validator), full / saxes alone. */
  vsParse: number;
  vsValidator: number;
  vsBoth: number;
  vsSaxes: number;
}

/** saxes reading `text` with nothing listening but errors. */
export function saxesAlone(text: string): void {
  const p = new SaxesParser({ xmlns: false, position: true, defaultXMLVersion: '1.0', forceXMLVersion: true });
  p.on('error', () => {});
  p.write(text).close();
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
  for (const filler of FILLERS) {
    for (const { label, chars } of SIZES) {
      if (filler !== FILLERS[0] && chars === REAL_FILE.length) continue; // a real file has no filler
      for (const valid of [true, false]) {
        const text = updateXmlOfSize(chars, valid, filler);
        const full = () => validateUpdateXml(text);
        const parse = () => parser.parse(text);
        const validator = () => XMLValidator.validate(text);
        const saxes = () => saxesAlone(text);
        const diagnostics = full().length;
        if (valid !== (diagnostics === 0)) throw new Error(`the ${label} ${valid ? 'valid' : 'invalid'} input has ${diagnostics} diagnostic(s)`);
        // Interleaved, so that a slow spell of the machine hits all four alike.
        const reps = { full: repsFor(full), parse: repsFor(parse), validator: repsFor(validator), saxes: repsFor(saxes) };
        const f: number[] = [], p: number[] = [], v: number[] = [], x: number[] = [];
        for (let round = 0; round < 5; round++) {
          f.push(time(full, reps.full, 5));
          p.push(time(parse, reps.parse, 5));
          v.push(time(validator, reps.validator, 5));
          x.push(time(saxes, reps.saxes, 5));
        }
        const fullMs = median(f), parseMs = median(p), validatorMs = median(v), saxesMs = median(x);
        rows.push({
          size: label, filler, chars: text.length, valid, diagnostics, fullMs, parseMs, validatorMs, saxesMs,
          vsParse: fullMs / parseMs, vsValidator: fullMs / validatorMs, vsBoth: fullMs / (parseMs + validatorMs), vsSaxes: fullMs / saxesMs,
        });
      }
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
