// Validation of the XML read by `ssomanage -updatedb`. Pure: no `vscode` import.
//
// Codes, severities and rules (rules derived from the docs; where the docs are silent we warn):
//  file-too-large       error    text over MAX_TEXT_LENGTH characters: not checked (a real file is a few hundred bytes)
//  xml-syntax           error    not well-formed (fast-xml-parser's XMLValidator), range at the reported line/column
//  doctype              error    a DOCTYPE (entity declarations mentioned); never expanded, never fetched
//  xml-declaration      info     `<?xml …?>` is fine XML, but its acceptance by -updatedb is unconfirmed
//  encoding             info/warning  (bytes only) UTF-16 acceptance unconfirmed / bytes that are not valid UTF-8
//  root-element         error    root is not `sso`; warning when it is only the case (`SSO`, used by other ssomanage samples)
//  missing-global-info  error    `sso` without a `globalInfo` child: nothing would be updated
//  global-info-typo     error    `globalnfo` (doc typo, also the malformed `<globalnfo>…</globalInfo>`) or another spelling
//  unknown-element      error    an element that is not one of the eight, a near-miss name (case, typo, prefix,
//                                whitespace after `<`), an element nested where only text belongs, or a setting
//                                placed directly in `sso`
//  duplicate-element    error    a setting (or globalInfo) given twice: which one ssomanage uses is undocumented
//  unexpected-text      error    text directly inside `sso` / `globalInfo`: it sets nothing
//  unexpected-attribute warning  attributes / namespace declarations: no sample has any; effect unknown
//  no-settings          warning  `globalInfo` has no recognised setting: -updatedb would change nothing
//  empty-value          error    a setting with an empty value
//  invalid-server-name  error/warning  `secretServer` against Windows computer-name rules (see ssoTools/serverName.ts);
//                                warning for FQDN / IP / underscore / whitespace around the name
//  invalid-account      error/warning  account elements: `DOMAIN\Name`; built-in accounts and Everyone refused
//                                (events 10776, 10777) → error; bare local name, UPN, list separators → warning
//  invalid-number       error    a number setting that is not a whole number
//  out-of-range         error    ticketTimeout outside 1–525600; warning for other numbers ≤ 0 or above 2147483647
//  element-order        warning  settings not in the documented order (enforcement unknown)
//  move-extra-elements  warning  `secretServer` together with other settings (see pitfalls 3 and 4)
//  admin-account-change info     an administrator account is changed: SSO must be disabled first
import { checkServerName } from '../ssoTools/serverName';
import { decodeUpdateXmlBytes, firstInvalidUtf8 } from './decode';
import { decodeEntities, KNOWN_NAMES, parseUpdateXml, resolveName, type NameMatch, type Recovery, type XmlElement } from './parse';
import {
  ACCOUNT_ELEMENTS,
  elementSpec,
  globalInfoElements,
  GLOBAL_INFO_DOC_TYPO,
  GLOBAL_INFO_ELEMENT,
  INT32_MAX,
  ROOT_ELEMENT,
  type ElementSpec,
} from './schema';
import { isXmlSpace, LineIndex } from './text';
import type { DiagnosticCode, QuickFix, Severity, TextEdit, UpdateXmlDiagnostic } from './types';

/** Above this many characters the file is not parsed (a real update file is a few hundred bytes). */
export const MAX_TEXT_LENGTH = 1024 * 1024;

const SETTING_NAMES = globalInfoElements.map((e) => e.name);

interface Span {
  start: number;
  end: number;
  newText: string;
}

class Report {
  readonly diagnostics: UpdateXmlDiagnostic[] = [];
  private readonly index: LineIndex;
  readonly eol: string;

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
    const m = /\r\n|\n|\r/.exec(text);
    this.eol = m ? m[0] : '\r\n';
  }

  add(code: DiagnosticCode, severity: Severity, start: number, end: number, message: string, fixes: QuickFix[] = []): void {
    this.diagnostics.push({ range: this.index.range(start, end), severity, code, message, fixes });
  }

  fix(title: string, spans: Span[], isPreferred = false): QuickFix {
    const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
    const merged: Span[] = [];
    for (const s of sorted) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end && last.newText === '' && s.newText === '') last.end = Math.max(last.end, s.end);
      else merged.push({ ...s });
    }
    const edits: TextEdit[] = merged.map((s) => ({ range: this.index.range(s.start, s.end), newText: s.newText }));
    return isPreferred ? { title, edits, isPreferred } : { title, edits };
  }

  /** The span that deletes [start, end) and, when they are alone on their lines, those whole lines. */
  deletion(start: number, end: number): Span {
    const t = this.text;
    let s = start;
    while (s > 0 && (t[s - 1] === ' ' || t[s - 1] === '\t')) s--;
    let e = end;
    while (e < t.length && (t[e] === ' ' || t[e] === '\t')) e++;
    const aloneBefore = s === 0 || t[s - 1] === '\n' || t[s - 1] === '\r' || (s === 1 && t.charCodeAt(0) === 0xfeff);
    const aloneAfter = e === t.length || t[e] === '\n' || t[e] === '\r';
    if (aloneBefore && aloneAfter) {
      if (t[e] === '\r' && t[e + 1] === '\n') e += 2;
      else if (e < t.length) e += 1;
      return { start: s, end: e, newText: '' };
    }
    return { start, end, newText: '' };
  }

  /** Leading whitespace of the line containing `offset`. */
  indentAt(offset: number): string {
    let s = offset;
    while (s > 0 && this.text[s - 1] !== '\n' && this.text[s - 1] !== '\r') s--;
    let e = s;
    while (e < this.text.length && (this.text[e] === ' ' || this.text[e] === '\t')) e++;
    return this.text.slice(s, e);
  }
}

function renameSpans(el: XmlElement, to: string): Span[] {
  const spans: Span[] = [{ start: el.nameStart, end: el.nameEnd, newText: to }];
  if (el.closeNameStart !== undefined && el.closeNameEnd !== undefined) {
    spans.push({ start: el.closeNameStart, end: el.closeNameEnd, newText: to });
  }
  return spans;
}

function elementEnd(el: XmlElement): number {
  return el.end ?? el.startTagEnd;
}

function quoteList(names: string[]): string {
  return names.map((n) => `<${n}>`).join(', ');
}

// ---------------------------------------------------------------------------------------------

export function validateUpdateXml(text: string): UpdateXmlDiagnostic[] {
  if (text.length > MAX_TEXT_LENGTH) {
    // No LineIndex over 50 MB: the one diagnostic sits at the start of the file.
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error',
        code: 'file-too-large',
        message: `This file has ${text.length.toLocaleString('en-US')} characters and was not checked. A real update file for ssomanage -updatedb is a few hundred bytes (one <sso> with one <globalInfo> and up to eight settings); check that this is the file you meant, or generate a new one with "Generate NewMSSServer.xml".`,
        fixes: [],
      },
    ];
  }
  const report = new Report(text);
  const parsed = parseUpdateXml(text);

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
    return report.diagnostics;
  }
  const root = parsed.roots[0];
  if (!root) {
    report.add('xml-syntax', 'error', parsed.base, parsed.base, syntaxMessage('Start tag expected.'));
    return report.diagnostics;
  }
  for (const extra of parsed.roots.slice(1)) {
    // XMLValidator misses a second root that is self-closing (<sso/>); the parser shows it.
    report.add('xml-syntax', 'error', extra.start, elementEnd(extra), syntaxMessage('Multiple possible root nodes found.'));
  }
  checkRoot(report, root, reported);
  return report.diagnostics;
}

export function validateUpdateXmlBytes(bytes: Uint8Array): UpdateXmlDiagnostic[] {
  const { text, encoding } = decodeUpdateXmlBytes(bytes);
  const diagnostics = validateUpdateXml(text);
  if (text.length > MAX_TEXT_LENGTH) return diagnostics;
  const zero = { line: 0, character: 0 };
  if (encoding === 'utf16le' || encoding === 'utf16be') {
    diagnostics.unshift({
      range: { start: zero, end: zero },
      severity: 'information',
      code: 'encoding',
      message: `This file is saved as UTF-16 (Notepad's "Unicode"${encoding === 'utf16be' ? ' big endian' : ''}). The SSO docs' samples are plain ASCII and the accepted encodings are undocumented; if ssomanage -updatedb rejects the file, save it as UTF-8.`,
      fixes: [],
    });
  } else {
    const bad = firstInvalidUtf8(bytes, encoding);
    if (bad !== undefined) {
      const at = new LineIndex(text).positionAt(bad);
      diagnostics.unshift({
        range: { start: at, end: { line: at.line, character: at.character + 1 } },
        severity: 'warning',
        code: 'encoding',
        message:
          'This file contains bytes that are not valid UTF-8 (it was probably saved as "ANSI"), so a character here cannot be read reliably. Save the file as UTF-8 and check the names in it.',
        fixes: [],
      });
    }
  }
  return diagnostics;
}

// ---------------------------------------------------------------------------------------------

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

function codeForName(canonical: string): DiagnosticCode {
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

function nameMessage(found: string, match: NameMatch, where: string): string {
  switch (match.how) {
    case 'typo':
      return `<${found}> is a typo copied from the SSO docs' samples; ssomanage -updatedb expects <${match.canonical}>. Rename both tags.`;
    case 'case':
      return `<${found}> is not <${match.canonical}>: XML element names are case-sensitive, so ${where} would not recognise it. Rename both tags to ${match.canonical}.`;
    case 'prefix':
      return `<${found}> has a namespace prefix; the update file uses plain names without namespaces. Rename both tags to ${match.canonical}.`;
    default:
      return `<${found}> is not a known element here; did you mean <${match.canonical}>? Rename both tags.`;
  }
}

function checkAttributes(report: Report, el: XmlElement, label: string): void {
  for (const a of el.attributes) {
    const isNs = a.name === 'xmlns' || a.name.startsWith('xmlns:');
    const message = isNs
      ? `The namespace declaration ${a.name}="${a.value}" puts the elements in a namespace; no SSO sample uses one, and a reader that checks the schema would then not recognise <${label}>. Remove it.`
      : `The attribute ${a.name} on <${label}> is not part of any SSO sample; ssomanage -updatedb probably ignores it (or rejects the file). Remove it.`;
    report.add('unexpected-attribute', 'warning', a.start, a.end, message, [
      report.fix(`Remove ${a.name}`, [{ start: trimLeftSpace(report.text, a.start), end: a.end, newText: '' }], true),
    ]);
  }
}

function trimLeftSpace(text: string, at: number): number {
  let s = at;
  while (s > 0 && isXmlSpace(text[s - 1])) s--;
  return s;
}

/** Reports non-whitespace text directly inside a container element. */
function checkContainerText(report: Report, el: XmlElement, label: string): void {
  if (!el.hasNonSpaceText || el.closeStart === undefined) return;
  // Walk the gaps between child elements, skipping comments and processing instructions.
  const t = report.text;
  const gaps: Array<[number, number]> = [];
  let at = el.startTagEnd;
  for (const c of el.children) {
    gaps.push([at, c.start]);
    at = elementEnd(c);
  }
  gaps.push([at, el.closeStart]);
  for (const [from, to] of gaps) {
    let i = from;
    let first = -1;
    let last = -1;
    while (i < to) {
      if (t.startsWith('<!--', i)) {
        const e = t.indexOf('-->', i + 4);
        i = e < 0 || e > to ? to : e + 3;
        continue;
      }
      if (t.startsWith('<?', i)) {
        const e = t.indexOf('?>', i + 2);
        i = e < 0 || e > to ? to : e + 2;
        continue;
      }
      if (!isXmlSpace(t[i])) {
        if (first < 0) first = i;
        last = i + 1;
      }
      i++;
    }
    if (first >= 0) {
      const snippet = t.slice(first, last);
      const short = snippet.length > 40 ? `${snippet.slice(0, 40)}…` : snippet;
      const hint =
        label === GLOBAL_INFO_ELEMENT
          ? ' If it is the new master secret server, write it as <secretServer>NAME</secretServer>.'
          : '';
      report.add(
        'unexpected-text',
        'error',
        first,
        last,
        `The text "${short}" stands directly inside <${label}>, where only elements belong; it sets nothing.${hint} Otherwise remove it.`,
        [report.fix('Remove the text', [{ start: first, end: last, newText: '' }], true)],
      );
    }
  }
}

function checkRoot(report: Report, root: XmlElement, reported: Map<number, string>): void {
  let treatAsGlobalInfo = false;
  if (!reported.has(root.nameStart) && root.name !== ROOT_ELEMENT) {
    const asRoot = resolveName(root.name, [ROOT_ELEMENT]);
    const asGlobal = resolveName(root.name, [GLOBAL_INFO_ELEMENT]);
    if (asRoot && asRoot.how === 'case') {
      report.add(
        'root-element',
        'warning',
        root.nameStart,
        root.nameEnd,
        `The root element is <${root.name}>; every globalInfo sample in the SSO docs writes <sso> in lower case. Other ssomanage samples use <SSO>, so it may be accepted, but XML names are case-sensitive. Rename both tags to sso.`,
        [report.fix('Rename both tags to sso', renameSpans(root, ROOT_ELEMENT), true)],
      );
    } else if (asGlobal) {
      treatAsGlobalInfo = true;
      const indent = '  ';
      const spans: Span[] = [
        { start: root.start, end: root.start, newText: `<sso>${report.eol}${indent}` },
        { start: elementEnd(root), end: elementEnd(root), newText: `${report.eol}</sso>` },
      ];
      report.add(
        'root-element',
        'error',
        root.nameStart,
        root.nameEnd,
        `<${root.name}> is the root element, but ssomanage -updatedb expects <sso> around <globalInfo>. Wrap it in <sso> … </sso>.`,
        [report.fix('Wrap in <sso>', spans, true)],
      );
    } else {
      report.add(
        'root-element',
        'error',
        root.nameStart,
        root.nameEnd,
        `The root element is <${root.name}>, but ssomanage -updatedb reads a file whose root is <sso> with one <globalInfo> inside. Check that this is the update file, or rename the root to sso.`,
        [report.fix('Rename both tags to sso', renameSpans(root, ROOT_ELEMENT))],
      );
    }
  }
  if (treatAsGlobalInfo) {
    if (!reported.has(root.nameStart) && root.name !== GLOBAL_INFO_ELEMENT) {
      const m = resolveName(root.name, [GLOBAL_INFO_ELEMENT])!;
      if (m.how !== 'exact') {
        report.add('global-info-typo', 'error', root.nameStart, root.nameEnd, nameMessage(root.name, m, 'ssomanage -updatedb'), [
          report.fix('Rename both tags to globalInfo', renameSpans(root, GLOBAL_INFO_ELEMENT), true),
        ]);
      }
    }
    checkGlobalInfo(report, root, reported);
    return;
  }
  checkAttributes(report, root, ROOT_ELEMENT);
  checkContainerText(report, root, ROOT_ELEMENT);

  const globalInfos: XmlElement[] = [];
  const misplaced: XmlElement[] = [];
  for (const child of root.children) {
    const pre = reported.get(child.nameStart);
    if (pre === GLOBAL_INFO_ELEMENT) {
      globalInfos.push(child);
      continue;
    }
    const m = resolveName(child.name, [GLOBAL_INFO_ELEMENT]);
    if (m && (m.how === 'exact' || m.how === 'typo' || m.how === 'case' || m.how === 'prefix' || m.how === 'near')) {
      if (m.how !== 'exact') {
        report.add('global-info-typo', 'error', child.nameStart, child.nameEnd, nameMessage(child.name, m, 'ssomanage -updatedb'), [
          report.fix('Rename both tags to globalInfo', renameSpans(child, GLOBAL_INFO_ELEMENT), true),
        ]);
      }
      globalInfos.push(child);
      continue;
    }
    const setting = pre ?? resolveName(child.name, SETTING_NAMES)?.canonical;
    if (setting && elementSpec(setting)) {
      misplaced.push(child);
      report.add(
        'unknown-element',
        'error',
        child.nameStart,
        child.nameEnd,
        `<${child.name}> stands directly inside <sso>; settings belong inside <globalInfo>, otherwise ssomanage -updatedb does not apply them. Move it into <globalInfo>.`,
      );
      continue;
    }
    report.add(
      'unknown-element',
      'error',
      child.nameStart,
      child.nameEnd,
      `<${child.name}> is not part of an update file: <sso> holds exactly one <globalInfo>. Remove it (affiliate applications and user mappings go in separate files for -createapps / -createmappings).`,
      [report.fix(`Remove <${child.name}>`, [report.deletion(child.start, elementEnd(child))], true)],
    );
  }

  if (globalInfos.length === 0) {
    let fix: QuickFix;
    if (misplaced.length > 0) {
      const first = misplaced[0];
      const last = misplaced[misplaced.length - 1];
      fix = report.fix(
        'Wrap the settings in <globalInfo>',
        [
          { start: first.start, end: first.start, newText: `<globalInfo>${report.eol}${report.indentAt(first.start)}` },
          { start: elementEnd(last), end: elementEnd(last), newText: `${report.eol}${report.indentAt(first.start)}</globalInfo>` },
        ],
        true,
      );
    } else if (root.selfClosing || root.closeStart === undefined) {
      fix = report.fix('Add <globalInfo>', [
        { start: root.start, end: elementEnd(root), newText: `<sso>${report.eol}  <globalInfo>${report.eol}  </globalInfo>${report.eol}</sso>` },
      ]);
    } else {
      const indent = report.indentAt(root.start) + '  ';
      fix = report.fix('Add <globalInfo>', [
        { start: root.startTagEnd, end: root.startTagEnd, newText: `${report.eol}${indent}<globalInfo>${report.eol}${indent}</globalInfo>` },
      ]);
    }
    report.add(
      'missing-global-info',
      'error',
      root.nameStart,
      root.nameEnd,
      '<sso> has no <globalInfo>, so ssomanage -updatedb has nothing to update. Put the settings inside <globalInfo> … </globalInfo>.',
      [fix],
    );
    return;
  }
  for (const dup of globalInfos.slice(1)) {
    report.add(
      'duplicate-element',
      'error',
      dup.nameStart,
      dup.nameEnd,
      '<sso> has more than one <globalInfo>; an update file has exactly one, and which one ssomanage -updatedb would read is undocumented. Merge the settings into the first <globalInfo> and remove this one.',
      [report.fix('Remove this <globalInfo>', [report.deletion(dup.start, elementEnd(dup))], true)],
    );
  }
  checkGlobalInfo(report, globalInfos[0], reported);
}

interface Setting {
  el: XmlElement;
  spec: ElementSpec;
}

function checkGlobalInfo(report: Report, gi: XmlElement, reported: Map<number, string>): void {
  checkAttributes(report, gi, GLOBAL_INFO_ELEMENT);
  checkContainerText(report, gi, GLOBAL_INFO_ELEMENT);
  const settings: Setting[] = [];
  for (const child of gi.children) {
    const pre = reported.get(child.nameStart);
    let canonical: string | undefined = pre;
    if (canonical === undefined) {
      const m = resolveName(child.name, SETTING_NAMES);
      if (m && m.how !== 'exact') {
        report.add('unknown-element', 'error', child.nameStart, child.nameEnd, nameMessage(child.name, m, 'ssomanage -updatedb'), [
          report.fix(`Rename both tags to ${m.canonical}`, renameSpans(child, m.canonical), true),
        ]);
      } else if (!m) {
        const other = resolveName(child.name, KNOWN_NAMES);
        const why =
          other && (other.canonical === ROOT_ELEMENT || other.canonical === GLOBAL_INFO_ELEMENT)
            ? `<${child.name}> cannot be nested inside <globalInfo>.`
            : `<${child.name}> is not one of the eight documented settings (${SETTING_NAMES.join(', ')}); ssomanage -updatedb would reject the file or ignore it.`;
        report.add('unknown-element', 'error', child.nameStart, child.nameEnd, `${why} Remove it or correct the name.`, [
          report.fix(`Remove <${child.name}>`, [report.deletion(child.start, elementEnd(child))], true),
        ]);
      }
      canonical = m?.canonical;
    }
    const spec = canonical ? elementSpec(canonical) : undefined;
    if (!spec) continue;
    checkAttributes(report, child, spec.name);
    settings.push({ el: child, spec });
  }

  if (settings.length === 0) {
    report.add(
      'no-settings',
      'warning',
      gi.nameStart,
      gi.nameEnd,
      '<globalInfo> has no settings, so ssomanage -updatedb would change nothing. To move the master secret server, add <secretServer>NAME</secretServer>.',
    );
    return;
  }

  const seen = new Map<string, Setting>();
  for (const s of settings) {
    const first = seen.get(s.spec.name);
    if (first) {
      report.add(
        'duplicate-element',
        'error',
        s.el.nameStart,
        s.el.nameEnd,
        `<${s.spec.name}> appears more than once; which value ssomanage -updatedb would use is undocumented. Keep one and remove this one.`,
        [report.fix(`Remove this <${s.spec.name}>`, [report.deletion(s.el.start, elementEnd(s.el))], true)],
      );
      continue;
    }
    seen.set(s.spec.name, s);
    checkValue(report, s);
  }

  checkOrder(report, settings);

  const server = seen.get('secretServer');
  const others = [...seen.values()].filter((s) => s.spec.name !== 'secretServer');
  if (server && others.length > 0) {
    const admins = others.filter((s) => s.spec.kind === 'account').map((s) => s.spec.name);
    const otherNames = others.map((s) => s.spec.name);
    const adminPart =
      admins.length > 0
        ? ` ssomanage -updatedb fails when it is run away from the current master secret server and the file also sets ${quoteList(admins)}, and changing administrator accounts needs SSO disabled first.`
        : ' Mixing changes makes a failed move harder to diagnose.';
    const removals = gi.children.filter((c) => c !== server.el).map((c) => report.deletion(c.start, elementEnd(c)));
    report.add(
      'move-extra-elements',
      'warning',
      server.el.nameStart,
      server.el.nameEnd,
      `This file moves the master secret server and also sets ${quoteList(otherNames)}. For a move, put only <secretServer> in the file.${adminPart} Make the other changes with a separate file.`,
      [report.fix('Keep only <secretServer> in this file', removals)],
    );
  }
  for (const name of ACCOUNT_ELEMENTS) {
    const s = seen.get(name);
    if (!s) continue;
    report.add(
      'admin-account-change',
      'information',
      s.el.nameStart,
      s.el.nameEnd,
      `Changing the ${name === 'ssoAdminAccount' ? 'SSO Administrators' : 'SSO Affiliate Administrators'} account: run ssomanage -disablesso first, then -updatedb, then -enablesso (events 10570/10572, 10773). The ENTSSO service account and you must be members of the new account (10774, 10597).`,
    );
  }
}

function checkOrder(report: Report, settings: Setting[]): void {
  const late: Setting[] = [];
  let max = 0;
  for (const s of settings) {
    if (s.spec.order < max) late.push(s);
    max = Math.max(max, s.spec.order);
  }
  if (late.length === 0) return;
  const slots = settings.map((s) => ({ start: s.el.start, end: elementEnd(s.el) }));
  const sorted = [...settings].sort((a, b) => a.spec.order - b.spec.order);
  let replacement = '';
  for (let i = 0; i < slots.length; i++) {
    const el = sorted[i].el;
    replacement += report.text.slice(el.start, elementEnd(el));
    if (i + 1 < slots.length) replacement += report.text.slice(slots[i].end, slots[i + 1].start);
  }
  const fix = report.fix(
    'Put the settings in the documented order',
    [{ start: slots[0].start, end: slots[slots.length - 1].end, newText: replacement }],
    true,
  );
  const orderText = globalInfoElements.map((e) => e.name).join(', ');
  for (const s of late) {
    report.add(
      'element-order',
      'warning',
      s.el.nameStart,
      s.el.nameEnd,
      `<${s.spec.name}> comes after a setting that the docs list later. Every sample uses the order ${orderText}; whether ssomanage -updatedb insists on it is undocumented, so keep that order to be safe.`,
      [fix],
    );
  }
}

interface Value {
  raw: string;
  value: string;
  trimmed: string;
  /** Range of the trimmed value (or of the element when empty). */
  start: number;
  end: number;
  /** Content range, when the content is plain text (no comments / CDATA) and can be rewritten. */
  contentStart?: number;
  contentEnd?: number;
}

function readValue(report: Report, el: XmlElement): Value {
  if (el.selfClosing || el.closeStart === undefined) {
    return { raw: '', value: '', trimmed: '', start: el.nameStart, end: el.nameEnd };
  }
  const t = report.text;
  const cs = el.startTagEnd;
  const ce = el.closeStart;
  const raw = t.slice(cs, ce);
  const plain = !raw.includes('<');
  const value = decodeEntities(plain ? raw : el.text);
  const trimmed = value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  let s = cs;
  let e = ce;
  while (s < e && isXmlSpace(t[s])) s++;
  while (e > s && isXmlSpace(t[e - 1])) e--;
  if (trimmed.length === 0) return { raw, value, trimmed, start: el.nameStart, end: el.nameEnd };
  return plain ? { raw, value, trimmed, start: s, end: e, contentStart: cs, contentEnd: ce } : { raw, value, trimmed, start: s, end: e };
}

function checkValue(report: Report, s: Setting): void {
  const { el, spec } = s;
  for (const nested of el.children) {
    report.add(
      'unknown-element',
      'error',
      nested.nameStart,
      nested.nameEnd,
      `<${spec.name}> holds only a value; the element <${nested.name}> inside it is not part of the format. Write the value directly: <${spec.name}>…</${spec.name}>.`,
      [report.fix(`Remove <${nested.name}>`, [report.deletion(nested.start, elementEnd(nested))], true)],
    );
  }
  if (el.children.length > 0) return;
  const v = readValue(report, el);
  if (v.trimmed.length === 0) {
    const fixes = [report.fix(`Remove the empty <${spec.name}>`, [report.deletion(el.start, elementEnd(el))], spec.kind !== 'integer')];
    if (spec.kind === 'integer') fixes.unshift(setValueFix(report, el, v, spec.default, `Use the default (${spec.default})`, true));
    report.add(
      'empty-value',
      'error',
      v.start,
      v.end,
      `<${spec.name}> is empty. What ssomanage -updatedb does with an empty value is undocumented; give it a value (${spec.type}) or remove the element to leave the setting unchanged.`,
      fixes,
    );
    return;
  }
  if (spec.kind === 'computerName') checkServerValue(report, s, v);
  else if (spec.kind === 'account') checkAccountValue(report, s, v);
  else checkNumberValue(report, s, v);
}

function setValueFix(report: Report, el: XmlElement, v: Value, value: string, title: string, preferred = false): QuickFix {
  if (el.selfClosing || el.closeStart === undefined) {
    return report.fix(title, [{ start: el.start, end: elementEnd(el), newText: `<${el.name}>${value}</${el.name}>` }], preferred);
  }
  if (v.contentStart !== undefined && v.contentEnd !== undefined) {
    return report.fix(title, [{ start: v.contentStart, end: v.contentEnd, newText: value }], preferred);
  }
  return report.fix(title, [{ start: el.startTagEnd, end: el.closeStart, newText: value }], preferred);
}

function trimFix(report: Report, el: XmlElement, v: Value): QuickFix[] {
  return v.contentStart !== undefined ? [setValueFix(report, el, v, escapeText(v.trimmed), 'Remove the surrounding whitespace', true)] : [];
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function checkServerValue(report: Report, { el }: Setting, v: Value): void {
  const check = checkServerName(v.trimmed);
  if (!check.ok || check.severity) {
    const fixes: QuickFix[] = [];
    if (check.ok && v.trimmed.includes('.')) {
      const host = v.trimmed.split('.')[0];
      const hostCheck = checkServerName(host);
      if (hostCheck.ok && !hostCheck.severity && !/^[0-9]+$/.test(host)) {
        fixes.push(setValueFix(report, el, v, host, `Use the bare computer name "${host}"`));
      }
    }
    report.add('invalid-server-name', check.ok ? 'warning' : 'error', v.start, v.end, check.message ?? 'Invalid server name.', fixes);
  }
  if (v.value !== v.trimmed) {
    report.add(
      'invalid-server-name',
      'warning',
      v.start,
      v.end,
      `The server name has whitespace (spaces or line breaks) around it inside <secretServer>. Whether ssomanage -updatedb trims it is undocumented, and "${v.trimmed} " is not the same computer name. Write <secretServer>${v.trimmed}</secretServer>.`,
      trimFix(report, el, v),
    );
  }
}

const BUILTIN_DOMAINS = new Set(['BUILTIN', 'NT AUTHORITY', 'NT SERVICE', 'NT VIRTUAL MACHINE', 'IIS APPPOOL', 'WINDOW MANAGER', 'FONT DRIVER HOST']);
const BUILTIN_NAMES = new Set([
  'EVERYONE', 'ADMINISTRATORS', 'USERS', 'GUESTS', 'POWER USERS', 'BACKUP OPERATORS', 'AUTHENTICATED USERS',
  'SYSTEM', 'LOCAL SYSTEM', 'LOCALSYSTEM', 'LOCAL SERVICE', 'NETWORK SERVICE', 'ANONYMOUS LOGON', 'INTERACTIVE',
  'NETWORK', 'SERVICE', 'BATCH', 'CREATOR OWNER', 'REMOTE DESKTOP USERS', 'ADMINISTRATOR', 'GUEST',
]);
const ACCOUNT_FORBIDDEN = '"/[]:|<>+=;,?*';

function checkAccountValue(report: Report, { el, spec }: Setting, v: Value): void {
  const value = v.trimmed;
  const role = spec.name === 'ssoAdminAccount' ? 'SSO Administrators' : 'SSO Affiliate Administrators';
  const add = (severity: Severity, message: string, fixes: QuickFix[] = []) =>
    report.add('invalid-account', severity, v.start, v.end, message, fixes);

  if (v.value !== value) {
    add(
      'warning',
      `The account has whitespace (spaces or line breaks) around it; whether ssomanage -updatedb trims it is undocumented. Write <${spec.name}>${value}</${spec.name}>.`,
      trimFix(report, el, v),
    );
  }
  if (/[;,]/.test(value)) {
    add(
      'warning',
      `"${value}" looks like a list of accounts. More than one account per role is possible, but how to separate them in this file is undocumented. Give one group (a domain group that contains the others) instead.`,
    );
    return;
  }
  const parts = value.split('\\');
  const domain = parts.length === 2 ? parts[0] : '';
  const name = parts[parts.length - 1];
  if (BUILTIN_NAMES.has(name.toUpperCase()) || BUILTIN_DOMAINS.has(domain.toUpperCase())) {
    add(
      'error',
      `"${value}" is a built-in account${name.toUpperCase() === 'EVERYONE' ? ' (Everyone)' : ''}; for security reasons SSO refuses built-in accounts and Everyone as the ${role} account (event 10777, ENTSSO_E_NO_BUILTIN_ACCOUNTS). Use a domain group such as DOMAIN\\${role}.`,
    );
    return;
  }
  if (parts.length > 2) {
    add('error', `"${value}" has more than one backslash; the account format is DOMAIN\\Name (event 10776). Correct it.`);
    return;
  }
  if (parts.length === 1) {
    if (value.includes('@')) {
      add(
        'warning',
        `"${value}" is in user@domain form; the SSO docs always write DOMAIN\\Name and whether -updatedb accepts this form is undocumented. Write it as DOMAIN\\Name.`,
      );
      return;
    }
    if (!checkAccountChars(add, value, value)) return;
    add(
      'warning',
      `"${value}" has no domain, so SSO reads it as a local account or group of the SSO server (event 10776: domain accounts must include the domain). A master secret server move or a cluster needs domain groups; write DOMAIN\\${value} unless you really mean a local group.`,
    );
    return;
  }
  if (domain.length === 0 || name.length === 0) {
    add(
      'error',
      `"${value}" is incomplete: the account format is DOMAIN\\Name, with both parts (event 10776, "The format of the account name is not valid"). Correct it.`,
    );
    return;
  }
  if (domain === '.') {
    add(
      'error',
      `".\\" names the local computer, but local accounts must not include a domain or computer name (event 10776). Use a domain group (DOMAIN\\Name), or just "${name}" for a local group.`,
    );
    return;
  }
  checkAccountChars(add, name, value);
}

function checkAccountChars(add: (severity: Severity, message: string) => void, name: string, value: string): boolean {
  const bad = [...name].find((c) => ACCOUNT_FORBIDDEN.includes(c));
  if (bad) {
    add('error', `"${value}" contains "${bad}", which Windows account names cannot contain (" / \\ [ ] : ; | = , + * ? < >). Correct the account name.`);
    return false;
  }
  return true;
}

function checkNumberValue(report: Report, { el, spec }: Setting, v: Value): void {
  const value = v.trimmed;
  const unit = spec.name.endsWith('Timeout') ? ' minutes' : ' entries';
  if (!/^[+-]?[0-9]+$/.test(value)) {
    const fixes: QuickFix[] = [];
    const compact = value.replace(/[,_ \u00a0']/g, '');
    if (compact !== value && /^[0-9]+$/.test(compact)) {
      fixes.push(setValueFix(report, el, v, String(Number(compact)), `Write it as ${Number(compact)}`, true));
    }
    fixes.push(setValueFix(report, el, v, spec.default, `Use the default (${spec.default})`, fixes.length === 0));
    report.add(
      'invalid-number',
      'error',
      v.start,
      v.end,
      `<${spec.name}> must be a whole number (${spec.type}), but it is "${value}". Write digits only, without separators, decimals or units (default ${spec.default}).`,
      fixes,
    );
    return;
  }
  const n = Number(value);
  const min = spec.min ?? 1;
  const max = spec.max ?? INT32_MAX;
  if (spec.rangeDocumented) {
    if (n < min || n > max) {
      const clamp = String(n < min ? min : max);
      report.add(
        'out-of-range',
        'error',
        v.start,
        v.end,
        `<${spec.name}> is ${value}, outside the documented range ${spec.range}${spec.name === 'ticketTimeout' ? ' (event 10614: the ticket time-out value is not valid)' : ''}. Use a value from ${min} to ${max}.`,
        [setValueFix(report, el, v, clamp, `Use ${clamp}`, true), setValueFix(report, el, v, spec.default, `Use the default (${spec.default})`)],
      );
    }
    return;
  }
  if (n <= 0) {
    report.add(
      'out-of-range',
      'warning',
      v.start,
      v.end,
      `<${spec.name}> is ${value}. No limits are documented, but it is a count of${unit} and should be positive; 0 or less is probably rejected. The default is ${spec.default}.`,
      [setValueFix(report, el, v, spec.default, `Use the default (${spec.default})`, true)],
    );
  } else if (n > max) {
    report.add(
      'out-of-range',
      'warning',
      v.start,
      v.end,
      `<${spec.name}> is ${value}, larger than ${max}, the largest number the SSO API's 32-bit values can hold (inferred; no limit is documented). Use a smaller value (default ${spec.default}).`,
      [setValueFix(report, el, v, spec.default, `Use the default (${spec.default})`, true)],
    );
  }
}

