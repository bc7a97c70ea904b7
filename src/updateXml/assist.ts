// Completion and hover for update XML files, from the same schema as validation.
import { markdownLink } from '../sources';
import { parseLenient, resolveName } from './parse';
import { containerElements, globalInfoElements, GLOBAL_INFO_DOC_TYPO, GLOBAL_INFO_ELEMENT, ROOT_ELEMENT, type ElementSpec } from './schema';
import { isXmlSpace, LineIndex } from './positions';
import type { Position, Range, XmlElement } from './types';
import { MAX_TEXT_LENGTH } from './validate';

export interface CompletionEntry {
  label: string;
  detail: string;
  /** Markdown. */
  documentation: string;
  /**
   * Plain text (no snippet syntax). When the cursor follows `<` (optionally with part of a
   * name typed), just the element name, e.g. `secretServer`; otherwise the whole empty element,
   * e.g. `<secretServer></secretServer>`.
   */
  insertText: string;
}

const SOURCE_NOTE = '_Reconstructed from the SSO documentation: Microsoft\'s GlobalInfo.xsd is not public._';

export function elementMarkdown(spec: ElementSpec): string {
  const rows = [
    ['Type', spec.type],
    ['Allowed', spec.range],
    ['Default', spec.default],
    ['Position', `${spec.order} of ${globalInfoElements.length} inside \`<globalInfo>\` (documented order)`],
    ['SSO API', `\`ISSOAdmin.GetGlobalInfo\` parameter \`${spec.apiParameter}\``],
  ];
  const lines = [
    `**\`<${spec.name}>\`**`,
    '',
    spec.meaning,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`),
    '',
  ];
  if (spec.note) lines.push(spec.note, '');
  lines.push(`Sources: ${spec.sources.map(markdownLink).join(', ')}`, '', SOURCE_NOTE);
  return lines.join('\n');
}

function containerMarkdown(name: string): string {
  const c = containerElements.find((e) => e.name === name)!;
  return [
    `**\`<${c.name}>\`**`,
    '',
    c.meaning,
    '',
    `Sources: ${c.sources.map(markdownLink).join(', ')}`,
    '',
    SOURCE_NOTE,
  ].join('\n');
}

function entry(name: string, afterLt: boolean): CompletionEntry {
  const spec = globalInfoElements.find((e) => e.name === name);
  return {
    label: name,
    detail: spec ? `${spec.type}; default ${spec.default}` : name === ROOT_ELEMENT ? 'root of the update file' : 'SSO global settings',
    documentation: spec ? elementMarkdown(spec) : containerMarkdown(name),
    insertText: afterLt ? name : `<${name}></${name}>`,
  };
}

function isGlobalInfoName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === GLOBAL_INFO_ELEMENT.toLowerCase() || lower === GLOBAL_INFO_DOC_TYPO;
}

function openPath(roots: XmlElement[]): XmlElement[] {
  const path: XmlElement[] = [];
  let level = roots;
  for (;;) {
    const open = level.find((e) => e.end === undefined && !e.selfClosing);
    if (!open) return path;
    path.push(open);
    level = open.children;
  }
}

function findByStart(roots: XmlElement[], start: number): XmlElement | undefined {
  for (const e of roots) {
    if (e.start === start) return e;
    const inner = findByStart(e.children, start);
    if (inner) return inner;
  }
  return undefined;
}

/** Element names valid at the cursor (see `CompletionEntry.insertText` for what is inserted). */
export function completionsAt(text: string, position: Position): CompletionEntry[] {
  if (text.length > MAX_TEXT_LENGTH) return [];
  const offset = new LineIndex(text).offsetAt(position);
  let cut = offset;
  let afterLt = false;
  const before = text.slice(0, offset);
  if (before.lastIndexOf('<!--') > before.lastIndexOf('-->')) return [];
  const lt = before.lastIndexOf('<');
  if (lt > before.lastIndexOf('>')) {
    if (!/^[A-Za-z_][\w.:-]*$|^$/.test(before.slice(lt + 1))) return []; // in an end tag, attributes, PI…
    afterLt = true;
    cut = lt;
  }
  const prefix = parseLenient(text.slice(0, cut));
  if (!prefix) return [];
  // The rest of the document tells which settings already exist after the cursor.
  const whole = afterLt ? parseLenient(text.slice(0, cut) + text.slice(offset).replace(/^[\w.:-]*\s*>?/, '')) : parseLenient(text);
  const path = openPath(prefix.roots);
  if (path.length === 0) {
    const hasRoot = prefix.roots.length > 0 || (whole?.roots.length ?? 0) > 0;
    return hasRoot ? [] : [entry(ROOT_ELEMENT, afterLt)];
  }
  const inner = path[path.length - 1];
  const counterpart = whole ? findByStart(whole.roots, inner.start) : undefined;
  const siblings = [...inner.children, ...(counterpart?.children ?? [])].map((c) => c.name);
  if (path.length === 1 && inner.name.toLowerCase() === ROOT_ELEMENT) {
    return siblings.some(isGlobalInfoName) ? [] : [entry(GLOBAL_INFO_ELEMENT, afterLt)];
  }
  if (isGlobalInfoName(inner.name) && path.length <= 2) {
    const present = new Set(siblings);
    return globalInfoElements.filter((e) => !present.has(e.name)).map((e) => entry(e.name, afterLt));
  }
  return [];
}

function isNameChar(c: string | undefined): boolean {
  return c !== undefined && !isXmlSpace(c) && !'<>/="\'!?'.includes(c);
}

/** Hover on an element name in a start or end tag. */
export function hoverAt(text: string, position: Position): { range: Range; markdown: string } | undefined {
  if (text.length > MAX_TEXT_LENGTH) return undefined;
  const index = new LineIndex(text);
  const offset = index.offsetAt(position);
  let s = offset;
  while (s > 0 && isNameChar(text[s - 1])) s--;
  let e = offset;
  while (e < text.length && isNameChar(text[e])) e++;
  if (e === s) return undefined;
  let k = s - 1;
  if (text[k] === '/') k--;
  while (k >= 0 && isXmlSpace(text[k])) k--;
  if (text[k] !== '<') return undefined;
  const name = text.slice(s, e);
  const range = index.range(s, e);
  const spec = globalInfoElements.find((x) => x.name === name);
  if (spec) return { range, markdown: elementMarkdown(spec) };
  if (name === ROOT_ELEMENT || name === GLOBAL_INFO_ELEMENT) return { range, markdown: containerMarkdown(name) };
  const all = [ROOT_ELEMENT, GLOBAL_INFO_ELEMENT, ...globalInfoElements.map((x) => x.name)];
  const match = resolveName(name, all);
  if (!match) return undefined;
  const target = globalInfoElements.find((x) => x.name === match.canonical);
  const lead =
    match.how === 'typo'
      ? `**\`<${name}>\`** is a typo copied from the SSO docs; write \`<${match.canonical}>\`.`
      : `**\`<${name}>\`** is not a known element (names are case-sensitive); did you mean \`<${match.canonical}>\`?`;
  return { range, markdown: `${lead}\n\n---\n\n${target ? elementMarkdown(target) : containerMarkdown(match.canonical)}` };
}
