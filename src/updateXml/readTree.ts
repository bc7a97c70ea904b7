// One pass over the text: saxes (a conformant XML 1.0 parser, see strict.ts) checks every
// well-formedness constraint and, from the same events, the element tree is built with the
// offsets the validator reports at. On a well-formed document this is the whole read: neither
// fast-xml-parser pass runs (parse.ts runs them only on a document saxes refuses, for their
// messages and the repairs of the two common slips).
//
// Offsets come from saxes' position (UTF-16 offset in the text written, the byte order mark
// counted), taken when an event fires:
//  * opentag / closetag: just after the tag's '>'; the tag starts at the last '<' before it (no
//    '<' can be inside a tag of a well-formed document, not even in an attribute value);
//  * text: just after the '<' of the markup that follows the text;
//  * cdata, processinginstruction: just after their end; comment: before its final '>'.
// A text event is the only way to know where markup that follows text starts (a comment, a
// CDATA section or a processing instruction may contain '<'); markup that follows markup starts
// where the previous one ended.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { XmlAttribute, XmlElement } from './parse';
import { isXmlSpace } from './text';

/** The elements of a well-formed text, or saxes' first complaint (offset just after what it read). */
export type TreeRead = { roots: XmlElement[] } | { error: { message: string; position: number } };

function hasNonSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isXmlSpace(s[i])) return true;
  return false;
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
  /** Where the markup being read started, and where the last one ended (character data, as
   * written, is between the two; line ends normalized to LF as XML reads them). */
  let lastEnd = 0;
  let markupStart = 0;

  const addText = (raw: string): void => {
    const el = open[open.length - 1];
    if (!el || raw.length === 0) return;
    el.text += raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    if (!el.hasNonSpaceText && hasNonSpace(raw)) el.hasNonSpaceText = true;
  };
  const ended = (): void => {
    lastEnd = parser.position;
    markupStart = lastEnd;
  };

  parser.on('error', (err: Error) => {
    if (error) return;
    const message = err.message.replace(/^\d+:\d+: /, '');
    if (allowUndefinedEntities && /^undefined entity/.test(message)) return;
    error = { message, position: parser.position };
  });
  parser.on('text', () => {
    // Character data from the end of the last markup to the '<' just read (entities raw).
    markupStart = parser.position - 1;
    addText(text.slice(lastEnd, markupStart));
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const startTagEnd = parser.position;
    const start = text.lastIndexOf('<', startTagEnd - 1);
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
    ended();
  });
  parser.on('closetag', () => {
    const el = open.pop();
    if (!el) return;
    const end = parser.position;
    el.end = end;
    if (!el.selfClosing) {
      el.closeStart = text.lastIndexOf('<', end - 1);
      el.closeNameStart = el.closeStart + 2;
      el.closeNameEnd = el.closeNameStart + el.name.length;
    }
    ended();
  });
  parser.on('cdata', () => {
    // Its content counts as text, as written (from after "<![CDATA[" to before "]]>").
    addText(text.slice(markupStart + 9, parser.position - 3));
    ended();
  });
  parser.on('comment', () => {
    // saxes reports a comment on its second '-' of "-->", before the '>'.
    lastEnd = parser.position + 1;
    markupStart = lastEnd;
  });
  parser.on('processinginstruction', ended);
  // No more handlers than these seven: measured with saxes 6.0.0 on Node.js 20, an eighth
  // (doctype or xmldecl) makes every parse about ten times slower (V8 then reads the parser's
  // fields the slow way). Neither is needed: both come before the root, where no text is kept.
  parser.write(text).close();
  return error ? { error } : { roots };
}
