// The Markdown made from the rules table (rules.ts): the table of the README (between two
// markers) and the page docs/update-xml-rules.md. Written by scripts/gen-rules-table.ts and
// compared with the committed files by test/unit/updateXml/rules.test.ts. Pure: no `vscode`.
import { RULES, type Rule } from './rules';

export const README_PATH = 'README.md';
export const RULES_DOC_PATH = 'docs/update-xml-rules.md';
export const RULES_START = '<!-- rules:start: generated from src/updateXml/rules.ts by `npm run generate`; do not edit -->';
export const RULES_END = '<!-- rules:end -->';

const rules: readonly Rule[] = RULES;

function severityCell(rule: Rule): string {
  return rule.severityText ?? rule.severities.join(' / ');
}

/** The README table: code, severity, rule. */
export function renderRulesTable(): string {
  const lines = ['| code | severity | rule |', '|---|---|---|'];
  for (const r of rules) lines.push(`| \`${r.code}\` | ${severityCell(r)} | ${r.rule} |`);
  return `${lines.join('\n')}\n`;
}

/** The whole of docs/update-xml-rules.md. */
export function renderRulesDoc(): string {
  const out: string[] = [
    '<!-- Generated from src/updateXml/rules.ts by scripts/gen-rules-table.ts (`npm run generate`); do not edit. -->',
    '# Update XML rules',
    '',
    'Every finding on an update XML file (the `NewMSSServer.xml` read by `ssomanage -updatedb`) has',
    '`source: "mss"` and one of the codes below, in VS Code (squiggles, Problems), in the result of',
    '`mss.validateUpdateXml` and in the output of `mss-xml validate`. The format itself, and the',
    'Microsoft pages the rules come from, are described in `docs/update-xml.md`. Where the docs are',
    'unsure, the finding is a **warning**, not an error.',
    '',
    'A **public** code is part of the extension\'s interface: it is never renamed or dropped. The other',
    'codes may still change. New codes may be added.',
    '',
    '| code | severity | public | rule |',
    '|---|---|---|---|',
  ];
  for (const r of rules) out.push(`| \`${r.code}\` | ${severityCell(r)} | ${r.public ? 'yes' : 'no'} | ${r.rule} |`);
  out.push('', '## What each rule checks');
  for (const r of rules) out.push('', `### ${r.code}`, '', r.detail);
  return `${out.join('\n')}\n`;
}

/** `readme` with the text between the markers replaced by the table; throws when a marker is missing. */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(RULES_START);
  const end = readme.indexOf(RULES_END);
  if (start < 0 || end < start) throw new Error(`${README_PATH} has no ${RULES_START} … ${RULES_END} block`);
  return `${readme.slice(0, start + RULES_START.length)}\n\n${renderRulesTable()}\n${readme.slice(end)}`;
}

/** What differs between the files on disk and the generator's output (empty: up to date). */
export function findRulesDrift(readFile: (path: string) => string | undefined): string[] {
  const drift: string[] = [];
  const readme = readFile(README_PATH);
  if (readme === undefined) drift.push(`${README_PATH} is missing`);
  else {
    try {
      if (withRulesTable(readme) !== readme) drift.push(`${README_PATH}: the rules table differs from src/updateXml/rules.ts`);
    } catch (error) {
      drift.push((error as Error).message);
    }
  }
  const doc = readFile(RULES_DOC_PATH);
  if (doc === undefined) drift.push(`${RULES_DOC_PATH} is missing`);
  else if (doc !== renderRulesDoc()) drift.push(`${RULES_DOC_PATH} differs from src/updateXml/rules.ts`);
  return drift;
}
