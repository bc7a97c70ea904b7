// Property-based fuzzing of the update-XML validator and its quick fixes (fast-check): update
// files generated from the format's pieces, then mutated (characters XML forbids, invisible
// ones, markup slips, cut and doubled spans), and plain random bytes. The properties:
//   never throws · every range (and every fix's edit) inside the document · the same input gives
//   the same output · a quick fix never adds an error · time linear in size (timeLinear below).
// fuzz.test.ts runs a few hundred cases in `npm test`; scripts/fuzz.ts (`npm run fuzz`) runs
// at least 100,000.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, LineIndex, validateUpdateXml, validateUpdateXmlBytes, type UpdateXmlDiagnostic } from '../../../src/updateXml';
import { KNOWN_NAMES } from '../../../src/updateXml/parse';

const EOLS = ['\n', '\r\n', '\r'];
const NAMES = [...KNOWN_NAMES, 'SSO', 'globalnfo', 'GlobalInfo', 'secretserver', 'x', 'ns:sso', 'secret\u200dServer', 'ticketTimeOut'];
const VALUES = ['BTSMSS02', 'BTSMSS02.fabrikam.com', 'FABRIKAM\\SSO Admins', '1000', '525600', '-1', '0', '', '  BTS02 ', 'A&amp;B', '10.0.0.1', 'BTS\u200bMSS', 'BTS\u202eX', 'Everyone', '1,000'];
const NASTY = ['\u0000', '\u0001', '\u001b', '\u0085', '\u200b', '\u200d', '\u202e', '\ufeff', '\ufffe', '\ud800', '\udc00', '😀', '<', '>', '&', '&#1;', '&#xD800;', '&bogus;', ']]>', '--', '<!--', '-->', '<?', '?>', '<![CDATA[', '"', "'", '=', ' ', '\t', '\n', '\r', '/', '</', '<sso>', '<?xml version="1.0"?>', '<!DOCTYPE sso>', 'é'];

const element = (depth: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...NAMES),
      fc.option(fc.constantFrom(' a="1"', ' xmlns="urn:x"', " b='<'"), { freq: 6 }),
      depth > 0 ? fc.array(element(depth - 1), { maxLength: 4 }) : fc.constant([] as string[]),
      fc.constantFrom(...VALUES),
      fc.constantFrom(...EOLS),
      fc.boolean(),
    )
    .map(([name, attr, children, value, eol, selfClosing]) =>
      selfClosing && children.length === 0
        ? `<${name}${attr ?? ''}/>`
        : `<${name}${attr ?? ''}>${children.length > 0 ? eol + children.join(eol) + eol : value}</${name}>`,
    );

/** A plausible update file: declaration, comments, `sso`, `globalInfo`, settings. */
export const updateFile: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(fc.constantFrom('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-8"?>', '\ufeff'), { freq: 3 }),
    fc.constantFrom(...EOLS),
    fc.array(element(2), { minLength: 0, maxLength: 6 }),
    fc.constantFrom('sso', 'SSO', 'globalInfo'),
    fc.constantFrom('globalInfo', 'globalnfo'),
    fc.option(fc.constantFrom('<!-- move -->', '<?pi x?>'), { freq: 3 }),
  )
  .map(([head, eol, settings, root, gi, misc]) =>
    [head ?? '', `<${root}>`, `  <${gi}>`, ...settings.map((s) => `    ${s}`), ...(misc ? [misc] : []), `  </${gi}>`, `</${root}>`, ''].join(eol),
  );

/** A generated file with random edits: inserted pieces, cut spans, doubled spans. */
export const mutatedFile: fc.Arbitrary<string> = fc
  .tuple(
    updateFile,
    fc.array(
      fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 4 }), fc.constant('')), fc.nat({ max: 8 }), fc.boolean()),
      { minLength: 1, maxLength: 5 },
    ),
  )
  .map(([text, edits]) => {
    let t = text;
    for (const [at, insert, cut, double] of edits) {
      const i = t.length === 0 ? 0 : at % (t.length + 1);
      t = double ? t.slice(0, i + cut) + t.slice(i, i + cut) + t.slice(i + cut) : t.slice(0, i) + insert + t.slice(i + cut);
    }
    return t;
  });

function checkRanges(text: string, diagnostics: readonly UpdateXmlDiagnostic[]): void {
  const index = new LineIndex(text);
  const lineLength = (line: number): number => {
    const start = index.offsetAt({ line, character: 0 });
    return index.offsetAt({ line, character: Number.MAX_SAFE_INTEGER }) - start;
  };
  const inside = (p: { line: number; character: number }, what: string): void => {
    assert.ok(p.line >= 0 && p.line < index.lineCount, `${what}: line ${p.line} of ${index.lineCount}`);
    assert.ok(p.character >= 0 && p.character <= lineLength(p.line), `${what}: character ${p.character} past the line`);
  };
  for (const d of diagnostics) {
    inside(d.range.start, d.code);
    inside(d.range.end, d.code);
    assert.ok(index.offsetAt(d.range.start) <= index.offsetAt(d.range.end), `${d.code}: range ends before it starts`);
    for (const f of d.fixes) {
      for (const e of f.edits) {
        inside(e.range.start, `${d.code} fix "${f.title}"`);
        inside(e.range.end, `${d.code} fix "${f.title}"`);
      }
    }
  }
}

const errors = (ds: readonly UpdateXmlDiagnostic[]): number => ds.filter((d) => d.severity === 'error').length;

/** All properties on one text. */
export function checkText(text: string): void {
  const first = validateUpdateXml(text);
  checkRanges(text, first);
  assert.equal(JSON.stringify(validateUpdateXml(text)), JSON.stringify(first), 'same input, other output');
  // With a syntax error, structure and values are not checked: a fix that removes it may reveal
  // their errors, which were there before. Then the fix must not add a syntax error.
  const syntaxOnly = first.some((d) => d.code === 'xml-syntax');
  const counted = (ds: readonly UpdateXmlDiagnostic[]): number => (syntaxOnly ? ds.filter((d) => d.code === 'xml-syntax').length : errors(ds));
  const before = counted(first);
  if (first.some((d) => d.code === 'too-many-problems')) return;
  for (const d of first) {
    for (const fix of d.fixes) {
      const fixed = applyEdits(text, fix.edits); // throws on overlapping edits
      const after = validateUpdateXml(fixed);
      assert.ok(counted(after) <= before, `"${fix.title}" (${d.code}) adds an error: ${JSON.stringify(text)} → ${JSON.stringify(fixed)}: ${after.filter((x) => x.severity === 'error').map((x) => x.code).join(', ')}`);
    }
  }
}

/** The bytes properties: never throws, ranges inside the decoded text, deterministic. */
export function checkBytes(bytes: Uint8Array): void {
  const first = validateUpdateXmlBytes(bytes);
  assert.equal(JSON.stringify(validateUpdateXmlBytes(bytes)), JSON.stringify(first));
}

export const randomBytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  mutatedFile.chain((t) =>
    fc.constantFrom(
      Buffer.from(t, 'utf8'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
      Buffer.concat([Buffer.from(t, 'utf8'), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff])]),
    ),
  ),
);

/** Runs every property with `runs` cases each, from the random `start` given (fast-check prints it on failure). */
export function runAll(runs: number, start?: number): number {
  // fast-check's parameter for the start value.
  const params = start === undefined ? { numRuns: runs } : { numRuns: runs, seed: start };
  fc.assert(fc.property(updateFile, checkText), params);
  fc.assert(fc.property(mutatedFile, checkText), params);
  fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), checkText), params);
  fc.assert(fc.property(randomBytes, checkBytes), params);
  return 4 * runs;
}

/** ms per validation of `unit` repeated n times inside globalInfo (median of 5 runs). */
export function timeFor(unit: string, n: number): number {
  const text = `<sso>\n  <globalInfo>\n${unit.repeat(n)}  </globalInfo>\n</sso>\n`;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    validateUpdateXml(text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times.sort((a, b) => a - b)[2];
}

/** Time linear in size: 8 times the text takes less than `factor` × 8 times as long. */
export function timeLinear(unit: string, n: number, factor = 3): void {
  timeFor(unit, n); // warm up
  // At least 5 ms, so that a pause of the garbage collector cannot make the ratio.
  const small = Math.max(timeFor(unit, n), 5);
  const large = timeFor(unit, 8 * n);
  assert.ok(large < 8 * factor * small, `${JSON.stringify(unit)}: ${small.toFixed(1)} ms for ${n}, ${large.toFixed(1)} ms for ${8 * n}`);
}
