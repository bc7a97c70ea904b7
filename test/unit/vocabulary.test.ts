import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { procedureIds, procedures } from '../../src/procedures';
import { stepTooltipMarkdown } from '../../src/procedures/stepText';
import { renderWalkthroughs } from '../../src/procedures/walkthroughs';
import { allExplanations } from '../../src/ssoTools/errors';
import { explanationHtml } from '../../src/ssoTools/explanationHtml';
import { restartQuestion } from '../../src/ssoTools/dependents';

// No internal vocabulary reaches an admin. The words of the team's notes (their
// citation keys, community numbers, procedure keys, file names, the project's own section
// numbers) and the generator's footer are kept out of every page the extension shows, every
// string of src/, the manifest, the README and the release notes.

const ROOT = path.join(__dirname, '..', '..', '..');

/** What an admin must never read, with a name for the failure message. */
export const INTERNAL_WORDS: ReadonlyArray<readonly [string, RegExp]> = [
  ['the word "seed"', /\bseed\b/i],
  ['a page citation key (ev:, bt:, tg:, ig:, tr:, his:)', /\b(?:ev|bt|tg|ig|tr|his):[A-Za-z0-9]/],
  ['a community number (C and a number in brackets)', /\[C\d+\]/],
  ['a procedure key (P1-P5)', /\bP[1-5](?:\.\d)?\b/],
  ['a section sign', /\u00a7/],
  ['the project\'s own section numbering', /\bsections?\s+\d+(?:\.\d+)?\b|^#{1,6}\s+\d+\.\d+\s/im],
  ['a generator footer', /Generated from src|do not edit by hand/],
  ['a file of the team\'s notes', /\b(?:commands|pitfalls|procedures|sources|updatedb-xml|CONTRACT|STYLE)\.md\b/],
  ['a path of the notes or of the sources', /(?:^|[\s(`'"])(?:shared|src|out)\/[\w./-]/m],
  ['"folded in" (our word, not Microsoft\'s)', /\bfolded[ -]in\b/i],
];

/** Strings of src/ that only a developer reads (drift messages of the generators), by file. */
const DEVELOPER_ONLY: ReadonlyArray<readonly [string, RegExp]> = [
  ['src/updateXml/rulesDoc.ts', /differs from src\/updateXml\/rules\.ts/],
];

function offences(text: string): string[] {
  return INTERNAL_WORDS.filter(([, re]) => re.test(text)).map(([name]) => {
    const m = INTERNAL_WORDS.find(([n]) => n === name)![1].exec(text)!;
    return `${name}: "…${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\n/g, ' ')}…"`;
  });
}

function assertClean(text: string, where: string): void {
  const found = offences(text);
  assert.deepEqual(found, [], `${where} has internal vocabulary:\n${found.join('\n')}`);
}

/** Every string and template part in a TypeScript file, comments left out. */
function stringLiterals(file: string): Array<{ line: number; text: string }> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      // An import path is not text anyone reads.
      if (!ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
        out.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every string value of a JSON document, with its path. */
function jsonStrings(value: unknown, at = ''): Array<{ at: string; text: string }> {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => jsonStrings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonStrings(v, `${at}.${k}`));
  return [];
}

describe('text: no internal vocabulary reaches an admin', () => {
  it('the patterns catch what the issue found', () => {
    for (const bad of [
      'The seed names the media through an include token',
      'Sources: ev:10728, ig:upgrade-to-biztalk-server-2016.md',
      `a field report [C${4}] says`,
      'as in (P3)',
      'section 5.2 of its step 1',
      '### 5.1 Install and configure Enterprise SSO on the cluster nodes',
      '*Generated from src/procedures; do not edit by hand.*',
      `matched in captured output (commands${'.md'} \u00a79)`,
      '## Folded in: How to Back Up the Master Secret',
    ]) assert.notDeepEqual(offences(bad), [], bad);
    for (const good of [
      'Restore the master secret on the second cluster node',
      '**2.1** Open the Configuration tool.',
      'BizTalk Server 2006 R2',
      'the section **Update the master secret server name in the SSO database** of step 1',
    ]) assert.deepEqual(offences(good), [], good);
  });

  it('every generated walkthrough page and card, as rendered and as committed', () => {
    const rendered = renderWalkthroughs();
    for (const [file, text] of Object.entries(rendered.files)) {
      assertClean(text, file);
      assertClean(fs.readFileSync(path.join(ROOT, file), 'utf8'), `${file} (committed)`);
    }
    for (const w of rendered.contribution) {
      assertClean(`${w.title}\n${w.description}`, w.id);
      for (const s of w.steps) assertClean(`${s.title}\n${s.description}`, `${w.id}/${s.id} card`);
    }
  });

  it('every tree tooltip of a step, done or not', () => {
    for (const id of procedureIds) {
      for (const step of procedures[id].steps) {
        assertClean(stepTooltipMarkdown(step, { done: false }), `${id}/${step.id}`);
        assertClean(stepTooltipMarkdown(step, { done: true, at: '2025-03-12T13:05:00.000Z', exitCode: 0 }), `${id}/${step.id} done`);
      }
    }
  });

  it('every explanation, and its Explain view', () => {
    for (const e of allExplanations()) {
      assertClean([e.title, e.meaning, e.cause, e.fix, e.source, ...e.references.map((r) => r.title)].join('\n'), e.title);
      assertClean(explanationHtml(e), `${e.title} (view)`);
    }
  });

  it('the restart question', () => {
    const q = restartQuestion({ commandLines: ['net stop ENTSSO', 'net start ENTSSO'], dependents: [{ name: 'BTSSvc$BizTalkServerApplication', displayName: 'BizTalk Service BizTalk Group : BizTalkServerApplication' }], elsewhere: 'This is not the new master secret server.' });
    assertClean(`${q.title}\n${q.detail}\n${q.confirm}`, 'restart question');
  });

  it('every string in src/ (notifications, questions, diagnostics, hovers, the record)', () => {
    const found: string[] = [];
    for (const file of tsFiles(path.join(ROOT, 'src'))) {
      const rel = path.relative(ROOT, file).replace(/\\/g, '/');
      for (const { line, text } of stringLiterals(file)) {
        // Comments of generated files (the README's rules-table markers, the XSD's header) are not shown.
        if (/^\s*<!--|^\s*Generated from src\/updateXml\/schema\.ts/.test(text)) continue;
        // What `npm run generate` and the unit tests tell a developer when a generated file drifted.
        if (DEVELOPER_ONLY.some(([f, re]) => f === rel && re.test(text))) continue;
        for (const o of offences(text)) found.push(`${rel}:${line}: ${o}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('the manifest: titles, descriptions, settings, walkthroughs', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    const shown = Object.fromEntries(Object.entries(pkg).filter(([k]) => !['scripts', 'devDependencies', 'dependencies'].includes(k)));
    const found = jsonStrings(shown).flatMap(({ at, text }) => offences(text).map((o) => `${at}: ${o}`));
    assert.deepEqual(found, []);
  });

  it('the README and the release notes', () => {
    for (const file of ['README.md', 'CHANGELOG.md']) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      // The README may point at the repository's own docs/ pages and at CONTRIBUTING.md.
      assertClean(text.replace(/<!--[\s\S]*?-->/g, '').replace(/docs\/[\w-]+\.md/g, 'docs/page'), file);
    }
  });
});
