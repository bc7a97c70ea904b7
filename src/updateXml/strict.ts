// The conformant well-formedness check: every XML 1.0 (fifth edition) well-formedness constraint
// that applies to a document without a DOCTYPE (https://www.w3.org/TR/xml/). A well-formed file
// is read by saxes alone (readTree.ts); this is the check of a file it refused, after
// fast-xml-parser (parse.ts) gave the admin-friendly messages for the common slips. fast-xml-parser
// lets through what every conformant parser refuses (control characters, `&#1;`, `--` in a
// comment, `<` in an attribute value, a malformed declaration...). So the text also goes through
// saxes, a conformant non-validating parser (namespaces off: the update file has none), after a
// scan for characters outside the Char production, which gives their exact position.
//
// Why saxes and not more checks of our own on top of fast-xml-parser: measured on the W3C XML
// Conformance Test Suite, fast-xml-parser alone refuses 112 of the 228 applicable not-well-formed
// documents; with saxes the validator refuses them all (RELIABILITY.md, "XML well-formedness",
// has the figures, the speed and the bundle size). Writing the ~60 constraints ourselves would
// be a second XML parser to maintain.
import { SaxesParser } from 'saxes';

export interface StrictProblem {
  offset: number;
  end: number;
  /** saxes' message, or ours for a character outside the Char production. */
  message: string;
  /** 'char' (a character XML forbids), 'saxes' (any other constraint). */
  code: 'char' | 'saxes';
}

/**
 * Offset of the first UTF-16 code unit (or pair) that is not an XML 1.0 Char (#x9 | #xA | #xD |
 * [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]), or -1.
 */
export function firstNonXmlChar(text: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c === 0x9 || c === 0xa || c === 0xd) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xe000 && c <= 0xfffd) continue;
    return i;
  }
  return -1;
}

/** `U+0007`, `U+1D173`: how messages name a character. */
export function codePointLabel(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

function charProblem(text: string, at: number): StrictProblem {
  const c = text.codePointAt(at) ?? 0;
  const what =
    c >= 0xd800 && c <= 0xdfff
      ? 'half of a surrogate pair (a broken character)'
      : c === 0xfffe || c === 0xffff
        ? 'a noncharacter'
        : 'a control character';
  return { offset: at, end: at + 1, code: 'char', message: `char ${codePointLabel(c)} ${what}` };
}

/** The range saxes' error is about: it reports the offset just after what it read. */
function saxesRange(text: string, message: string, pos: number): { offset: number; end: number } {
  const p = Math.max(0, Math.min(pos, text.length));
  const back = (s: string): number => {
    const at = text.lastIndexOf(s, Math.max(0, p - 1));
    return at < 0 ? Math.max(0, p - 1) : at;
  };
  if (/entity/.test(message)) return { offset: back('&'), end: p };
  if (/comment/.test(message)) {
    const dashes = text.lastIndexOf('--', Math.max(0, p - 1));
    const open = text.lastIndexOf('<!--', Math.max(0, p - 1));
    return dashes > open + 3 ? { offset: dashes, end: Math.min(p, dashes + 2) } : { offset: open < 0 ? back('<') : open, end: p };
  }
  if (/only one root/.test(message)) {
    const start = back('<');
    const close = text.indexOf('>', start);
    return { offset: start, end: close < 0 ? text.length : close + 1 };
  }
  if (/close tag|duplicate attribute|xml declaration|processing instruction|unclosed tag/i.test(message)) {
    return { offset: back('<'), end: p };
  }
  if (/must contain a root|unexpected end/.test(message)) return { offset: p, end: p };
  const start = Math.max(0, p - 1);
  const prev = text.charCodeAt(start);
  if (prev >= 0xdc00 && prev <= 0xdfff && start > 0) return { offset: start - 1, end: p };
  return { offset: start, end: p };
}

/**
 * The first well-formedness error of `text` (a leading U+FEFF is taken as the byte order mark),
 * or undefined when it is well-formed XML 1.0. With a DOCTYPE (which the validator refuses
 * anyway), references to entities it may declare are not errors.
 */
export function firstStrictProblem(text: string, hasDoctype = false): StrictProblem | undefined {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (base === 1 && text.charCodeAt(1) === 0xfeff) {
    return { offset: 1, end: 2, code: 'char', message: 'second byte order mark' };
  }
  const bad = firstNonXmlChar(text, base);
  if (bad >= 0) return charProblem(text, bad);
  // XML 1.0 rules even when the declaration says version="1.1".
  const parser = new SaxesParser({ xmlns: false, position: true, defaultXMLVersion: '1.0', forceXMLVersion: true });
  let problem: StrictProblem | undefined;
  parser.on('error', (err: Error) => {
    if (problem) return;
    const message = err.message.replace(/^\d+:\d+: /, '');
    if (hasDoctype && /^undefined entity/.test(message)) return;
    problem = { ...saxesRange(text, message, parser.position), message, code: 'saxes' };
  });
  // saxes skips a leading BOM itself (and counts it in its positions); a second one is "text
  // data outside of root node".
  parser.write(text).close();
  return problem;
}
