// Reads the text (no XML parser of our own). A well-formed file is read in one pass by saxes,
// which checks it and builds the tree (readTree.ts). A file saxes refuses is read with
// fast-xml-parser: XMLValidator words the error with line/column and lets two common slips be
// repaired (checkWellFormed), then saxes checks the repaired copy (strict.ts) and XMLParser with
// captureMetaData gives the element offsets; XMLParser also reads incomplete text leniently for
// completion (parseLenient). Small scans only locate a tag's name, attributes and end around an
// offset a parser gave us.
//
// Parser options and why:
//  * preserveOrder      – keeps duplicates and document order (needed for duplicate/order checks)
//  * captureMetaData    – start/end offsets of every element (in the text we pass, CRLF-exact)
//  * processEntities: false – DOCTYPE entities are never expanded (and fast-xml-parser never
//                       fetches anything); the five predefined entities and character
//                       references in values are decoded by `decodeEntities` below
//  * trimValues: false, parseTagValue: false – keep values exactly as written ("007" stays a
//                       string, surrounding whitespace stays visible)
//  * ignoreAttributes: false – so attributes can be reported
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { globalInfoElements, GLOBAL_INFO_DOC_TYPO, GLOBAL_INFO_ELEMENT, ROOT_ELEMENT } from './schema';
import { readTree, scanAttributes } from './readTree';
import { firstStrictProblem } from './strict';
import { isXmlSpace } from './positions';
import type { XmlElement } from './types';

export type Recovery =
  | {
      kind: 'tag-space';
      closing: boolean;
      tagStart: number;
      spaceStart: number;
      spaceEnd: number;
      name: string;
    }
  | {
      kind: 'mismatch';
      canonical: string;
      openStart: number;
      openNameStart: number;
      openNameEnd: number;
      openName: string;
      closeNameStart: number;
      closeNameEnd: number;
      closeName: string;
    };

export interface SyntaxProblem {
  offset: number;
  end: number;
  message: string;
  code: string;
}

export interface ParsedUpdateXml {
  /** 1 when the text starts with U+FEFF (kept in the text, skipped for parsing). */
  base: number;
  roots: XmlElement[];
  declaration?: { start: number; end: number };
  doctype?: { start: number; end: number; hasEntities: boolean };
  syntax?: SyntaxProblem;
  recoveries: Recovery[];
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** The options of the parser: element order and offsets kept, nothing converted or expanded (the benchmark parses with the same). */
export const PARSER_OPTIONS = {
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  ignoreDeclaration: false,
  ignorePiTags: false,
} as const;

const parser = new XMLParser(PARSER_OPTIONS);

/** Names the repair and the near-miss logic know about. */
export const KNOWN_NAMES: readonly string[] = [ROOT_ELEMENT, GLOBAL_INFO_ELEMENT, ...globalInfoElements.map((e) => e.name)];

// ---------------------------------------------------------------------------------------------
// names

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

export type NameMatch = { canonical: string; how: 'exact' | 'case' | 'prefix' | 'typo' | 'near' };

/** Which known name `name` most likely means, among `candidates`; undefined when none is close. */
export function resolveName(name: string, candidates: readonly string[]): NameMatch | undefined {
  if (candidates.includes(name)) return { canonical: name, how: 'exact' };
  const lower = name.toLowerCase();
  if (lower === GLOBAL_INFO_DOC_TYPO && candidates.includes(GLOBAL_INFO_ELEMENT)) {
    return { canonical: GLOBAL_INFO_ELEMENT, how: 'typo' };
  }
  const byCase = candidates.find((c) => c.toLowerCase() === lower);
  if (byCase) return { canonical: byCase, how: 'case' };
  const colon = name.indexOf(':');
  if (colon > 0) {
    const local = resolveName(name.slice(colon + 1), candidates);
    if (local) return { canonical: local.canonical, how: 'prefix' };
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  const allowed = name.length >= 6 ? 2 : 1;
  for (const c of candidates) {
    // The distance is at least the difference in length: such a candidate can never be close.
    if (Math.abs(lower.length - c.length) > allowed) continue;
    const d = levenshtein(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= allowed) return { canonical: best, how: 'near' };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// small scans around offsets the parser or validator gave

function readName(text: string, i: number): { start: number; end: number } {
  let end = i;
  while (end < text.length) {
    const c = text[end];
    if (isXmlSpace(c) || c === '>' || c === '/' || c === '<') break;
    end++;
  }
  return { start: i, end };
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isXmlSpace(text[i])) i++;
  return i;
}

/** Index just after the '>' that ends the tag starting at or after `i` (quotes respected). */
export function tagEnd(text: string, i: number): number {
  let quote = '';
  for (; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return text.length;
}

/** XML declaration and DOCTYPE, read from the prolog (the only place they can be). */
export function scanProlog(text: string, base: number): Pick<ParsedUpdateXml, 'declaration' | 'doctype'> {
  const result: Pick<ParsedUpdateXml, 'declaration' | 'doctype'> = {};
  let i = skipSpace(text, base);
  for (let guard = 0; guard < 10000 && i < text.length; guard++) {
    if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      const end = close < 0 ? text.length : close + 2;
      if (/^<\?xml[\s?]/.test(text.slice(i, i + 6)) && !result.declaration && i === base) result.declaration = { start: i, end };
      i = skipSpace(text, end);
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      i = skipSpace(text, close < 0 ? text.length : close + 3);
    } else if (text.startsWith('<!DOCTYPE', i) || text.startsWith('<!doctype', i)) {
      // Find the end: brackets of the internal subset and quoted literals respected.
      let depth = 0;
      let quote = '';
      let j = i + 9;
      for (; j < text.length; j++) {
        const c = text[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      const end = Math.min(j + 1, text.length);
      result.doctype = { start: i, end, hasEntities: /<!ENTITY/i.test(text.slice(i, end)) };
      return result;
    } else {
      return result;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// well-formedness with repair of the two slips admins (and the docs) make

function lineColToOffset(text: string, base: number, line: number, col: number | undefined): number {
  // The validator counts lines split on /\r?\n/ and columns from 1, in the text it was given.
  let at = base;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return Math.min(text.length, at + Math.max(0, (col ?? 1) - 1));
}

function replaceSameLength(text: string, start: number, replacement: string): string {
  return text.slice(0, start) + replacement + text.slice(start + replacement.length);
}

function tokenEnd(text: string, offset: number): number {
  if (text[offset] === '<') {
    let j = offset + 1;
    while (j < text.length && text[j] !== '>' && text[j] !== '<' && text[j] !== '\n' && text[j] !== '\r') j++;
    return text[j] === '>' ? j + 1 : j;
  }
  let j = offset;
  while (j < text.length && !isXmlSpace(text[j]) && text[j] !== '<' && (j === offset || text[j] !== '>')) j++;
  return Math.max(j, Math.min(offset + 1, text.length));
}

const MAX_REPAIRS = 50;

/**
 * Validates well-formedness; repairs (in a same-length copy, so every offset stays valid) a
 * space between `<` and a name, and a closing tag that names the same known element with
 * another spelling (`<globalnfo>…</globalInfo>` from the docs). Each repair is reported.
 */
function checkWellFormed(
  text: string,
  base: number,
): { patched: string; recoveries: Recovery[]; syntax?: SyntaxProblem } {
  let patched = text;
  const recoveries: Recovery[] = [];
  for (let round = 0; round < MAX_REPAIRS; round++) {
    const result = XMLValidator.validate(patched.slice(base));
    if (result === true) return { patched, recoveries };
    const { code, msg, line, col } = result.err;
    const offset = lineColToOffset(patched, base, line, col);

    if (msg === "Invalid space after '<'.") {
      // offset points at the whitespace; find the '<' or '</' before it and the name after it.
      let lt = offset - 1;
      const closing = patched[lt] === '/' && patched[lt - 1] === '<';
      if (closing) lt--;
      const spaceEnd = skipSpace(patched, offset);
      const name = readName(patched, spaceEnd);
      if (patched[lt] === '<' && name.end > name.start) {
        const opener = closing ? '</' : '<';
        const spaces = patched.slice(offset, spaceEnd);
        patched = replaceSameLength(patched, lt, spaces + opener);
        recoveries.push({
          kind: 'tag-space',
          closing,
          tagStart: lt,
          spaceStart: offset,
          spaceEnd,
          name: patched.slice(name.start, name.end),
        });
        continue;
      }
    }

    const mismatch = /^Expected closing tag '([^']*)' \(opened in line (\d+), col (\d+)\) instead of closing tag '([^']*)'\.$/.exec(msg);
    if (mismatch) {
      const openStart = lineColToOffset(patched, base, Number(mismatch[2]), Number(mismatch[3]));
      const openName = readName(patched, skipSpace(patched, openStart + 1));
      const closeName = readName(patched, skipSpace(patched, offset + 2));
      const openText = patched.slice(openName.start, openName.end);
      const closeText = patched.slice(closeName.start, closeName.end);
      const a = resolveName(openText, KNOWN_NAMES);
      const b = resolveName(closeText, KNOWN_NAMES);
      if (a && b && a.canonical === b.canonical && openText === mismatch[1] && closeText === mismatch[4]) {
        recoveries.push({
          kind: 'mismatch',
          canonical: a.canonical,
          openStart,
          openNameStart: openName.start,
          openNameEnd: openName.end,
          openName: openText,
          closeNameStart: closeName.start,
          closeNameEnd: closeName.end,
          closeName: closeText,
        });
        if (closeText.length >= openText.length) {
          patched = replaceSameLength(patched, closeName.start, openText.padEnd(closeText.length, ' '));
        } else {
          patched = replaceSameLength(patched, openName.start, closeText.padEnd(openText.length, ' '));
        }
        continue;
      }
    }
    const at = Math.min(offset, text.length);
    return { patched, recoveries, syntax: { offset: at, end: tokenEnd(text, at), message: msg, code } };
  }
  return { patched, recoveries, syntax: { offset: base, end: base, message: 'Too many problems to read the file.', code: 'InvalidXml' } };
}

// ---------------------------------------------------------------------------------------------
// tree

interface RawNode {
  [key: string]: unknown;
}

function nodeKey(node: RawNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}

/** Builds elements from parser output; offsets from `META` are relative to `text.slice(base)`. */
function buildElements(
  nodes: RawNode[],
  text: string,
  base: number,
): { elements: XmlElement[]; text: string; hasNonSpaceText: boolean } {
  const elements: XmlElement[] = [];
  let ownText = '';
  let hasNonSpaceText = false;
  for (const node of nodes) {
    const key = nodeKey(node);
    if (key === undefined) continue;
    if (key === '#text') {
      const t = String(node[key] ?? '');
      ownText += t;
      if (t.trim().length > 0) hasNonSpaceText = true;
      continue;
    }
    const meta = (node as Record<symbol, { startIndex?: number; endIndex?: number } | undefined>)[META];
    if (key.startsWith('?') || meta?.startIndex === undefined) continue; // declaration / PI: see scanProlog
    let start = meta.startIndex + base;
    // A repaired "< name" has its '<' one step later in the parsed copy; find the original.
    while (start > base && text[start] !== '<') start--;
    let nameFrom = start + 1;
    nameFrom = skipSpace(text, nameFrom);
    const name = readName(text, nameFrom);
    const startTagEnd = tagEnd(text, name.end);
    const selfClosing = text[startTagEnd - 2] === '/';
    const attrTo = selfClosing ? startTagEnd - 2 : startTagEnd - 1;
    const attributes = scanAttributes(text, name.end, Math.max(name.end, attrTo));
    const children = buildElements((node[key] as RawNode[]) ?? [], text, base);
    const el: XmlElement = {
      name: key,
      start,
      nameStart: name.start,
      nameEnd: name.end,
      startTagEnd,
      selfClosing,
      attributes,
      children: children.elements,
      text: children.text,
      hasNonSpaceText: children.hasNonSpaceText,
    };
    if (meta.endIndex !== undefined) {
      el.end = meta.endIndex + base;
      if (!selfClosing) {
        const closeStart = text.lastIndexOf('<', el.end - 1);
        if (closeStart >= startTagEnd) {
          el.closeStart = closeStart;
          const cn = readName(text, skipSpace(text, closeStart + 2));
          el.closeNameStart = cn.start;
          el.closeNameEnd = cn.end;
        }
      }
    }
    elements.push(el);
  }
  return { elements, text: ownText, hasNonSpaceText };
}

/** Parses leniently (no validation); used for completion contexts and file detection. */
export function parseLenient(text: string): { roots: XmlElement[] } | undefined {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  try {
    const nodes = parser.parse(text.slice(base)) as RawNode[];
    return { roots: buildElements(nodes, text, base).elements };
  } catch {
    return undefined;
  }
}

/** The same-length copy of a well-formed text with its PIs (not the declaration) and comments as spaces. */
function blankMarkup(text: string): string {
  return text.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<\?(?!xml[ \t\r\n?])[\s\S]*?\?>|<!--[\s\S]*?-->/g, (m) =>
    m.startsWith('<![') ? m : m.replace(/[^\r\n]/g, ' '),
  );
}

/**
 * Half of a surrogate pair: saxes reads a high surrogate with whatever follows it (it lets
 * `\uD800a` through, and throws on one at the end of some markup). Every other character XML
 * forbids, saxes refuses itself. (Free on a text of Latin-1 characters: V8 knows none can match.)
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function parseUpdateXml(text: string): ParsedUpdateXml {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const prolog = scanProlog(text, base);
  // One pass first: a well-formed document (the usual case) is read by saxes alone, which
  // checks it and builds the tree (readTree.ts). A second U+FEFF after the byte order mark is
  // left to the slow path (saxes reads it as text outside the root; strict.ts names it).
  // saxes does not refuse half of a surrogate pair (see LONE_SURROGATE): a native search finds
  // one first, and such a text takes the slow path, which names the character where it is.
  if (prolog.doctype === undefined && !(base === 1 && text.charCodeAt(1) === 0xfeff) && !LONE_SURROGATE.test(text)) {
    try {
      const read = readTree(text);
      if ('roots' in read) return { base, roots: read.roots, recoveries: [], ...prolog };
    } catch {
      // Not expected on a text of XML characters; the slow path reads it.
    }
  }
  const wf = checkWellFormed(text, base);
  const out: ParsedUpdateXml = { base, roots: [], recoveries: wf.recoveries, ...prolog };
  // Not well-formed (or with a DOCTYPE): fast-xml-parser's validator words the error and
  // repairs the two common slips (checkWellFormed), then the conformant check (strict.ts) runs
  // on the repaired copy: a character XML forbids is reported where it is; otherwise
  // fast-xml-parser's error stands (its messages are the tested ones), unless saxes finds the
  // text well-formed (then fast-xml-parser was wrong); and what fast-xml-parser lets through
  // but saxes refuses is an error too.
  const strict = firstStrictProblem(wf.patched, prolog.doctype !== undefined);
  const syntax = strict?.code === 'char' ? strict : wf.syntax && strict ? wf.syntax : strict;
  if (syntax) {
    out.syntax = syntax;
    return out;
  }
  // Offsets are computed on the original text; the patched copy has the same length. The text
  // is well-formed here; when fast-xml-parser still refuses it (it misreads quotes in a
  // processing instruction), a copy with the processing instructions and comments blanked out
  // is read instead.
  for (const readable of [() => wf.patched, () => blankMarkup(wf.patched)]) {
    try {
      out.roots = buildElements(parser.parse(readable().slice(base)) as RawNode[], text, base).elements;
      delete out.syntax;
      return out;
    } catch (e) {
      out.syntax = { offset: base, end: base, message: e instanceof Error ? e.message : String(e), code: 'ParseError' };
    }
  }
  return out;
}

/** Decodes the predefined entities and character references; leaves unknown `&name;` as is. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}
