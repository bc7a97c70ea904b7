// The well-formedness layer of the validator: the XML declaration and DOCTYPE, the repairs the
// lenient parser made to read the file, fast-xml-parser's syntax error (in an admin's words)
// and extra root elements. Pure: no `vscode` import.
import type { RuleCode } from '../rules';
import { codePointLabel } from '../strict';
import { GLOBAL_INFO_DOC_TYPO, GLOBAL_INFO_ELEMENT, ROOT_ELEMENT } from '../schema';
import { describeInvisible, findInvisible, INVISIBLE_SOURCE, visible } from '../../ssoTools/serverName';
import { KNOWN_NAMES, type ParsedUpdateXml, type Recovery } from '../parse';
import type { XmlElement } from '../types';
import { elementEnd, renameSpans, trimLeftSpace, type Report, type Span } from './fixes';

export interface WellFormed {
  /** The root element to check the structure of. */
  root: XmlElement;
  /** nameStart → canonical name of the elements whose tags were repaired (already reported). */
  reported: Map<number, string>;
}

/**
 * Reports what keeps the file from being read as XML. Returns the root and the repaired names
 * when the structure can be checked, or undefined when it cannot (a syntax error, no element).
 */
export function checkWellFormed(report: Report, parsed: ParsedUpdateXml): WellFormed | undefined {
  // A declaration with a syntax error in it is not "valid XML": only the syntax error is reported.
  if (parsed.declaration && !(parsed.syntax && parsed.syntax.offset < parsed.declaration.end)) {
    const { start, end } = parsed.declaration;
    report.add(
      'xml-declaration',
      'information',
      start,
      end,
      'The XML declaration is valid XML, but none of the SSO docs\' globalInfo samples has one, so whether ssomanage -updatedb accepts it is unconfirmed. If the update fails, remove this line.',
      [report.fix('Remove the XML declaration', [report.deletion(start, end)])],
    );
  }
  if (parsed.doctype) {
    const { start, end, hasEntities } = parsed.doctype;
    report.add(
      'doctype',
      'error',
      start,
      Math.min(end, start + 9),
      hasEntities
        ? 'This file has a DOCTYPE with ENTITY declarations. An update file never needs one, and entities can expand into huge text or pull in other files; this extension never expands or fetches them. Remove the DOCTYPE before giving the file to ssomanage.'
        : 'This file has a DOCTYPE. An update file never needs one, and a DTD can pull in other files; this extension never fetches it. Remove the DOCTYPE before giving the file to ssomanage.',
      [report.fix('Remove the DOCTYPE declaration', [report.deletion(start, end)], true)],
    );
  }

  const reported = reportRecoveries(report, parsed.recoveries);

  if (parsed.syntax) {
    const { offset, end, message, code } = parsed.syntax;
    const text = code === 'char' || code === 'saxes' ? strictMessage(report.text, offset, message) : syntaxMessage(message);
    report.add('xml-syntax', 'error', offset, end, text);
    return undefined;
  }
  const root = parsed.roots[0];
  if (!root) {
    report.add('xml-syntax', 'error', parsed.base, parsed.base, syntaxMessage('Start tag expected.'));
    return undefined;
  }
  checkInvisibleNames(report, parsed.roots, reported);
  for (const extra of parsed.roots.slice(1)) {
    // XMLValidator misses a second root that is self-closing (<sso/>); the parser shows it.
    report.add('xml-syntax', 'error', extra.start, elementEnd(extra), syntaxMessage('Multiple possible root nodes found.'));
  }
  return { root, reported };
}

const NOT_WELL_FORMED = 'The file is not well-formed XML, so ssomanage -updatedb cannot read it: ';

/** The message for a problem found by the conformant check (strict.ts), in the admin's words. */
function strictMessage(text: string, offset: number, raw: string): string {
  const c = text.codePointAt(offset);
  const shown = c === undefined ? '' : codePointLabel(c);
  let detail: string;
  let m: RegExpExecArray | null;
  if (raw === 'second byte order mark') {
    detail = 'the file starts with two byte order marks (U+FEFF). Remove the invisible character at the start of the file (or save it again as UTF-8).';
  } else if ((m = /^char (U\+[0-9A-F]+) (.*)$/.exec(raw))) {
    detail = `the character ${m[1]} (${m[2]}) is not allowed anywhere in XML, not even written as a character reference. Remove it; if the file was pasted from elsewhere, retype this part.`;
  } else if (/^malformed character entity/.test(raw)) {
    const ref = /^&#x?[0-9a-fA-F]*;?/.exec(text.slice(offset, offset + 12))?.[0] ?? '&#';
    detail = `the character reference ${ref} names a character XML does not allow (or is not written &#NUMBER; or &#xHEX;). Remove it.`;
  } else if (/^undefined entity/.test(raw) || /^empty entity name/.test(raw)) {
    detail = 'only the entities &lt; &gt; &amp; &quot; &apos; and character references exist in an update file. Write a bare "&" as &amp;.';
  } else if (/comment/.test(raw)) {
    detail = 'a comment must not contain "--" and must end with "-->" (not "--->"). Remove the extra hyphens.';
  } else if (raw === 'disallowed character.' && text[offset] === '<') {
    detail = 'a "<" inside an attribute value must be written as &lt;. Remove the attribute, or write &lt;.';
  } else if (/^disallowed character in (?:tag|attribute|closing tag|processing instruction) name|^disallowed character in closing tag/.test(raw)) {
    detail = `the character ${shown} cannot be part of a name here. Names are written right after "<" (or "</"), with letters, digits, "-", "_", "." and ":" only.`;
  } else if (/^disallowed character/.test(raw)) {
    detail = `the character ${shown} is not allowed here. Remove it, or write it with a character reference if it belongs in a value.`;
  } else if (/"\]\]>" is disallowed/.test(raw)) {
    detail = 'the text "]]>" must be written as ]]&gt; outside a CDATA section.';
  } else if ((m = /^duplicate attribute: (.*)\.$/.exec(raw))) {
    detail = `the attribute ${m[1]} is given twice on the same element. Remove one.`;
  } else if (/declaration|version|encoding|standalone|name\/value pairs/i.test(raw)) {
    detail = `the XML declaration is not written correctly (${raw.replace(/\.$/, '')}). It must be exactly <?xml version="1.0"?> (optionally with encoding="UTF-8"), at the very start of the file; or remove it, since update files need none.`;
  } else if (/processing instruction/.test(raw)) {
    detail = `a processing instruction (<?…?>) is not written correctly (${raw.replace(/\.$/, '')}). Remove it.`;
  } else if (/text data outside of root node/.test(raw)) {
    detail = 'there is text outside the <sso> element. Remove it.';
  } else if (/only one root/.test(raw)) {
    detail = 'there is more than one top-level element. An update file has exactly one <sso> element; put everything inside it.';
  } else if (/whitespace required|no whitespace between attributes/.test(raw)) {
    detail = 'a space is missing between two attributes (or after the element name). Add it.';
  } else if (/attribute without value|unquoted attribute value|value must be quoted|value required/.test(raw)) {
    detail = 'an attribute is not written as name="value". Write it so, or remove it.';
  } else if (/doctype/i.test(raw)) {
    detail = 'a DOCTYPE can only stand before the root element, once. Remove it.';
  } else {
    detail = `${raw.replace(/\.$/, '')}. Fix the markup here.`;
  }
  return NOT_WELL_FORMED + detail;
}

function syntaxMessage(raw: string): string {
  let detail: string;
  let m: RegExpExecArray | null;
  if ((m = /^Expected closing tag '([^']*)' \(opened in line (\d+), col (\d+)\) instead of closing tag '([^']*)'\.$/.exec(raw))) {
    detail = `the end tag </${m[4]}> does not match the open element <${m[1]}> (line ${m[2]}). Every start tag needs an end tag with exactly the same spelling.`;
  } else if ((m = /^Unclosed tag '([^']*)'\.$/.exec(raw))) {
    detail = `the element <${m[1]}> is never closed. Add </${m[1]}> where it ends.`;
  } else if ((m = /^Closing tag '([^']*)' has not been opened\.$/.exec(raw))) {
    detail = `the end tag </${m[1]}> has no matching start tag <${m[1]}>. Remove it or add the start tag.`;
  } else if ((m = /^Invalid '\[(.*)\]' found\.$/.exec(raw))) {
    const names = m[1].split(',').map((n) => n.trim().replace(/^"|"$/g, ''));
    detail = `the elements ${names.map((n) => `<${n}>`).join(', ')} are never closed. Add the missing end tags (</${names[names.length - 1]}> first).`;
  } else if ((m = /^Closing tag '([^']*)' (?:can't have attributes or invalid starting|doesn't have proper closing)\.$/.exec(raw))) {
    detail = `the end tag </${m[1]}> is not written correctly: it must be exactly </${m[1]}>, closed with ">".`;
  } else if (raw === 'Multiple possible root nodes found.') {
    detail = 'there is more than one top-level element. An update file has exactly one <sso> element; put everything inside it.';
  } else if (raw === 'Extra text at the end') {
    detail = 'there is text after the closing </sso>. Remove it.';
  } else if (raw === 'Start tag expected.') {
    detail = 'there is no XML element in it. An update file looks like <sso><globalInfo><secretServer>NAME</secretServer></globalInfo></sso>.';
  } else if (raw === "char '&' is not expected.") {
    detail = 'a bare "&" must be written as &amp;.';
  } else if ((m = /^char '(.)' is not expected\.$/.exec(raw))) {
    detail = `the character "${m[1]}" is outside any element. Remove it, or put it inside the element it belongs to.`;
  } else if (raw === "Invalid space after '<'.") {
    detail = 'there is a space after "<". Write the element name right after "<".';
  } else if ((m = /^Tag '([^']*)' is an invalid name\.$/.exec(raw))) {
    detail = `"${m[1]}" is not a valid element name. Check the spelling and the angle brackets.`;
  } else {
    detail = `${raw.replace(/\.$/, '')}. Fix the markup here.`;
  }
  return NOT_WELL_FORMED + detail;
}

/**
 * Element and attribute names with an invisible, bidirectional or format character (XML allows
 * U+200C, U+200D, U+FEFF and others in names). When the name without them is a known one, the
 * element is checked as that one (`reported`), so its value is still checked.
 */
function checkInvisibleNames(report: Report, roots: XmlElement[], reported: Map<number, string>): void {
  const stack = [...roots];
  while (stack.length > 0 && !report.full) {
    const el = stack.pop()!;
    for (const c of el.children) stack.push(c); // not push(...): 250,000 children overflow the stack
    const found = findInvisible(el.name);
    if (found) {
      const bare = el.name.replace(new RegExp(INVISIBLE_SOURCE, 'gu'), '');
      const known = KNOWN_NAMES.includes(bare);
      if (known) reported.set(el.nameStart, bare);
      const fixes = bare.length > 0 ? [report.fix(`Rename both tags to ${bare}`, renameSpans(el, bare), true)] : [];
      report.add(
        'invisible-character',
        'error',
        el.nameStart,
        el.nameEnd,
        `The element name <${visible(el.name)}> contains ${describeInvisible(found.char)}, a character that does not show, so it is not the element ${known ? `<${bare}>` : 'it looks like'} and ssomanage -updatedb does not recognise it. Rename both tags${bare.length > 0 ? ` to ${bare}` : ''}.`,
        fixes,
      );
    }
    for (const a of el.attributes) {
      const inAttr = findInvisible(a.name);
      if (!inAttr) continue;
      report.add(
        'invisible-character',
        'error',
        a.start,
        a.start + a.name.length,
        `The attribute name ${visible(a.name)} contains ${describeInvisible(inAttr.char)}, a character that does not show. No update file needs attributes: remove it.`,
        [report.fix(`Remove ${visible(a.name)}`, [{ start: trimLeftSpace(report.text, a.start), end: a.end, newText: '' }], true)],
      );
    }
  }
}

function codeForName(canonical: string): RuleCode {
  if (canonical === ROOT_ELEMENT) return 'root-element';
  if (canonical === GLOBAL_INFO_ELEMENT) return 'global-info-typo';
  return 'unknown-element';
}

/** Turns the repairs made to read the file into diagnostics; returns nameStart → canonical name. */
function reportRecoveries(report: Report, recoveries: Recovery[]): Map<number, string> {
  const reported = new Map<number, string>();
  for (const r of recoveries) {
    if (r.kind === 'tag-space') {
      const nameEnd = r.spaceEnd + r.name.length;
      // Not well-formed (XML 1.0: no whitespace after "<"): an xml-syntax error, with the repair as its fix.
      report.add(
        'xml-syntax',
        'error',
        r.tagStart,
        nameEnd,
        `There is whitespace between "${r.closing ? '</' : '<'}" and "${r.name}", so this is not the element ${r.name} and the file is not well-formed XML. Remove the space.`,
        [report.fix(`Remove the space before "${r.name}"`, [{ start: r.spaceStart, end: r.spaceEnd, newText: '' }], true)],
      );
      continue;
    }
    const spans: Span[] = [
      { start: r.openNameStart, end: r.openNameEnd, newText: r.canonical },
      { start: r.closeNameStart, end: r.closeNameEnd, newText: r.canonical },
    ];
    const wrongOpen = r.openName !== r.canonical;
    const [s, e] = wrongOpen ? [r.openNameStart, r.openNameEnd] : [r.closeNameStart, r.closeNameEnd];
    let message: string;
    if (r.canonical === GLOBAL_INFO_ELEMENT && [r.openName, r.closeName].some((n) => n.toLowerCase() === GLOBAL_INFO_DOC_TYPO)) {
      message = `<${r.openName}> is closed by </${r.closeName}>: the typo "globalnfo" copied from the SSO docs' samples makes the file malformed, so ssomanage -updatedb rejects it. Name both tags globalInfo.`;
    } else {
      message = `The start tag <${r.openName}> and the end tag </${r.closeName}> are spelled differently, so the file is not well-formed XML (names are case-sensitive). Name both tags ${r.canonical}.`;
    }
    report.add(codeForName(r.canonical), 'error', s, e, message, [report.fix(`Rename both tags to ${r.canonical}`, spans, true)]);
    reported.set(r.openNameStart, r.canonical);
  }
  return reported;
}
