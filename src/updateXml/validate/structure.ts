// The structure layer of the validator: `sso`, its one `globalInfo`, the settings in it
// (names, attributes, stray text, duplicates, order) and the combinations a move must avoid.
// Each setting's value is checked by values.ts. Pure: no `vscode` import.
import { KNOWN_NAMES, resolveName, type NameMatch } from '../parse';
import { ACCOUNT_ELEMENTS, elementSpec, globalInfoElements, GLOBAL_INFO_ELEMENT, ROOT_ELEMENT } from '../schema';
import { isXmlSpace } from '../positions';
import type { QuickFix, XmlElement } from '../types';
import { elementEnd, renameSpans, trimLeftSpace, type Report, type Span } from './fixes';
import { checkValue, type Setting } from './values';

const SETTING_NAMES = globalInfoElements.map((e) => e.name);

function quoteList(names: string[]): string {
  return names.map((n) => `<${n}>`).join(', ');
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

/** Checks the root element and what is in it; `reported` holds the names already reported as repaired. */
export function checkRoot(report: Report, root: XmlElement, reported: Map<number, string>): void {
  if (checkRootName(report, root, reported)) {
    checkRootAsGlobalInfo(report, root, reported);
    return;
  }
  checkAttributes(report, root, ROOT_ELEMENT);
  checkContainerText(report, root, ROOT_ELEMENT);
  const { globalInfos, misplaced } = sortRootChildren(report, root, reported);
  if (globalInfos.length === 0) {
    reportMissingGlobalInfo(report, root, misplaced);
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

/**
 * Reports a root that is not `sso` (a root whose tags were repaired, reported, is still checked
 * for being `sso`). True when the root is a `globalInfo` without its `sso`: it is then checked
 * as the `globalInfo`.
 */
function checkRootName(report: Report, root: XmlElement, reported: Map<number, string>): boolean {
  if (reported.get(root.nameStart) === ROOT_ELEMENT || root.name === ROOT_ELEMENT) return false;
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
    return false;
  }
  if (asGlobal) {
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
    return true;
  }
  report.add(
    'root-element',
    'error',
    root.nameStart,
    root.nameEnd,
    `The root element is <${root.name}>, but ssomanage -updatedb reads a file whose root is <sso> with one <globalInfo> inside. Check that this is the update file, or rename the root to sso.`,
    [report.fix('Rename both tags to sso', renameSpans(root, ROOT_ELEMENT))],
  );
  return false;
}

/** A root `globalInfo` (with no `sso` around it): its name, then its settings. */
function checkRootAsGlobalInfo(report: Report, root: XmlElement, reported: Map<number, string>): void {
  if (!reported.has(root.nameStart) && root.name !== GLOBAL_INFO_ELEMENT) {
    const m = resolveName(root.name, [GLOBAL_INFO_ELEMENT])!;
    if (m.how !== 'exact') {
      report.add('global-info-typo', 'error', root.nameStart, root.nameEnd, nameMessage(root.name, m, 'ssomanage -updatedb'), [
        report.fix('Rename both tags to globalInfo', renameSpans(root, GLOBAL_INFO_ELEMENT), true),
      ]);
    }
  }
  checkGlobalInfo(report, root, reported);
}

/** The children of `sso`: its `globalInfo` elements (a misspelt one reported), settings outside it and other elements reported. */
function sortRootChildren(report: Report, root: XmlElement, reported: Map<number, string>): { globalInfos: XmlElement[]; misplaced: XmlElement[] } {
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
  return { globalInfos, misplaced };
}

/** `sso` with no `globalInfo`: the fix wraps the settings found directly in `sso`, or adds an empty `globalInfo`. */
function reportMissingGlobalInfo(report: Report, root: XmlElement, misplaced: XmlElement[]): void {
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
      // Its value is checked too: removing the first one must not reveal errors in this one.
      checkValue(report, s);
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
