// The well-formedness layer of the validator: the XML declaration and DOCTYPE, the repairs the
// lenient parser made to read the file, fast-xml-parser's syntax error (in an admin's words)
// and extra root elements. Pure: no `vscode` import.
import type { ParsedUpdateXml, Recovery, XmlElement } from '../parse';
import type { RuleCode } from '../rules';
import { GLOBAL_INFO_DOC_TYPO, GLOBAL_INFO_ELEMENT, ROOT_ELEMENT } from '../schema';
import { elementEnd, type Report, type Span } from './fixes';

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
  if (parsed.declaration) {
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
    const { offset, end, message } = parsed.syntax;
    report.add('xml-syntax', 'error', offset, end, syntaxMessage(message));
    return undefined;
  }
  const root = parsed.roots[0];
  if (!root) {
    report.add('xml-syntax', 'error', parsed.base, parsed.base, syntaxMessage('Start tag expected.'));
    return undefined;
  }
  for (const extra of parsed.roots.slice(1)) {
    // XMLValidator misses a second root that is self-closing (<sso/>); the parser shows it.
    report.add('xml-syntax', 'error', extra.start, elementEnd(extra), syntaxMessage('Multiple possible root nodes found.'));
  }
  return { root, reported };
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
  return `The file is not well-formed XML, so ssomanage -updatedb cannot read it: ${detail}`;
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
      report.add(
        'unknown-element',
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
