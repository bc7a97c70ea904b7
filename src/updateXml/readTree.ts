// One pass over the text: saxes (a conformant XML 1.0 parser, see strict.ts) checks every
// well-formedness constraint and, from the same events, the element tree is built with the
// offsets the validator reports at. On a well-formed document this is the whole read: neither
// fast-xml-parser pass runs (parse.ts runs them only on a document saxes refuses, for their
// messages and the repairs of the two common slips).
//
// Offsets come from saxes' position (UTF-16 offset in the text written, the byte order mark
// counted), taken when an event fires: just after a tag's '>', a CDATA section's "]]>" or a
// processing instruction's "?>"; for a comment, before its final '>'. A tag starts at the last
// '<' before its end (no '<' can be inside a tag of a well-formed document, not even in an
// attribute value). Inside the root every markup is seen, so the character data before a piece
// of markup runs from where the last one ended to the first '<' after it (character data holds
// no '<'): no text handler is needed, and saxes then builds no text of its own.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { XmlAttribute, XmlElement } from './types';

/** The elements of a well-formed text, or saxes' first complaint (offset just after what it read). */
export type TreeRead = { roots: XmlElement[] } | { error: { message: string; position: number } };

/**
 * True when `s` holds more than white space as JavaScript's trim() sees it (which also takes
 * U+00A0, U+FEFF and the other Unicode spaces for white space): the reading of fast-xml-parser
 * the checks were written against, kept so that indentation pasted with no-break spaces stays
 * allowed between the settings.
 */
function hasNonSpace(s: string): boolean {
  return /\S/.test(s);
}

/** Attributes as written between `from` and `to` (the value raw: entities not decoded). */
export function scanAttributes(text: string, from: number, to: number): XmlAttribute[] {
  const out: XmlAttribute[] = [];
  const re = /([^\s=/>"']+)\s*=\s*("[^"]*"|'[^']*')/g;
  const chunk = text.slice(from, to);
  let m: RegExpExecArray | null;
  while ((m = re.exec(chunk)) !== null) {
    out.push({ name: m[1], value: m[2].slice(1, -1), start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

/**
 * Reads `text` (a leading U+FEFF is the byte order mark) with saxes: XML 1.0 rules even when the
 * declaration says version="1.1", no namespaces (the update file has none). `allowUndefinedEntities`:
 * with a DOCTYPE, references to entities it may declare are not errors.
 */
export function readTree(text: string, allowUndefinedEntities = false): TreeRead {
  const parser = new SaxesParser({ xmlns: false, position: true, defaultXMLVersion: '1.0', forceXMLVersion: true });
  let error: { message: string; position: number } | undefined;
  const roots: XmlElement[] = [];
  const open: XmlElement[] = [];
  /** Where the last markup inside the root ended. */
  let lastEnd = 0;

  /** Text of the open element: line ends as XML reads them (LF), entities not decoded yet. */
  const addText = (raw: string): void => {
    const el = open[open.length - 1];
    if (!el || raw.length === 0) return;
    el.text += raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    if (!el.hasNonSpaceText && hasNonSpace(raw)) el.hasNonSpaceText = true;
  };
  /** The character data from the last markup to `start`. */
  const textUpTo = (start: number): void => {
    if (start > lastEnd) addText(text.slice(lastEnd, start));
  };
  /** Markup other than a tag, ending at `end`: the text before it is kept, and `content` as text. */
  const otherMarkup = (end: number, content?: (start: number) => string): void => {
    const start = text.indexOf('<', lastEnd);
    if (start >= 0 && start < end) {
      textUpTo(start);
      if (content) addText(content(start));
    }
    lastEnd = end;
  };

  parser.on('error', (err: Error) => {
    if (error) return;
    const message = err.message.replace(/^\d+:\d+: /, '');
    if (allowUndefinedEntities && /^undefined entity/.test(message)) return;
    error = { message, position: parser.position };
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const startTagEnd = parser.position;
    const start = text.lastIndexOf('<', startTagEnd - 1);
    textUpTo(start);
    const nameStart = start + 1;
    const nameEnd = nameStart + tag.name.length;
    const selfClosing = tag.isSelfClosing;
    const el: XmlElement = {
      name: tag.name,
      start,
      nameStart,
      nameEnd,
      startTagEnd,
      selfClosing,
      attributes: scanAttributes(text, nameEnd, Math.max(nameEnd, selfClosing ? startTagEnd - 2 : startTagEnd - 1)),
      children: [],
      text: '',
      hasNonSpaceText: false,
    };
    (open.length > 0 ? open[open.length - 1].children : roots).push(el);
    open.push(el);
    lastEnd = startTagEnd;
  });
  parser.on('closetag', () => {
    const end = parser.position;
    const el = open[open.length - 1];
    if (!el) return;
    el.end = end;
    if (!el.selfClosing) {
      el.closeStart = text.lastIndexOf('<', end - 1);
      textUpTo(el.closeStart);
      el.closeNameStart = el.closeStart + 2;
      el.closeNameEnd = el.closeNameStart + el.name.length;
    }
    open.pop();
    lastEnd = end;
  });
  // A CDATA section's content counts as text, as written (after "<![CDATA[", before "]]>").
  parser.on('cdata', () => otherMarkup(parser.position, (start) => text.slice(start + 9, parser.position - 3)));
  // saxes reports a comment on the second '-' of its "-->", before the '>'.
  parser.on('comment', () => otherMarkup(parser.position + 1));
  parser.on('processinginstruction', () => otherMarkup(parser.position));
  // No more handlers than these: measured with saxes 6.0.0 on Node.js 20, eight handlers
  // (doctype and xmldecl besides these six) make every parse about ten times slower (V8 then
  // reads the parser's fields the slow way). Neither is needed: both come before the root, where
  // no text is kept and a tag's start is found from its end.
  parser.write(text).close();
  return error ? { error } : { roots };
}
