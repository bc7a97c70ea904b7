// The rules table (src/updateXml/rules.ts) is the one list of diagnostic codes: the validator
// reports exactly its codes with its severities, the fixture corpus shows every one of them,
// and the README table and docs/update-xml-rules.md are what the generator makes of it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MAX_TEXT_LENGTH, validateUpdateXml, validateUpdateXmlBytes, type UpdateXmlDiagnostic } from '../../../src/updateXml';
import { RULES, ruleFor, type Rule } from '../../../src/updateXml/rules';
import {
  findRulesDrift,
  README_PATH,
  renderRulesDoc,
  renderRulesTable,
  RULES_DOC_PATH,
  RULES_END,
  RULES_START,
  withRulesTable,
} from '../../../src/updateXml/rulesDoc';

// Compiled to out/test/unit/updateXml: the repository root is four levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'xml');
const VALIDATOR = path.join(ROOT, 'src', 'updateXml', 'validate');
const GENERATOR = path.join(ROOT, 'out', 'scripts', 'gen-rules-table.js');

const rules: readonly Rule[] = RULES;
const codes = rules.map((r) => r.code);

function readRoot(file: string): string | undefined {
  const full = path.join(ROOT, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
}

/** code/severity of every diagnostic of every fixture, and of one text over the size limit. */
function emitted(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const note = (where: string, diagnostics: UpdateXmlDiagnostic[]) => {
    for (const d of diagnostics) {
      const key = `${d.code}/${d.severity}`;
      found.set(key, [...(found.get(key) ?? []), where]);
    }
  };
  for (const name of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xml')).sort()) {
    note(name, validateUpdateXmlBytes(fs.readFileSync(path.join(FIXTURES, name))));
  }
  // The one code without a file in the corpus: a fixture over 1 MiB is not worth committing.
  note('(generated text over MAX_TEXT_LENGTH)', validateUpdateXml(' '.repeat(MAX_TEXT_LENGTH + 1)));
  return found;
}

describe('update XML rules table', () => {
  it('lists each code once, in kebab case, with its severities, rule and detail', () => {
    assert.equal(new Set(codes).size, codes.length, 'a code is listed twice');
    for (const r of rules) {
      assert.match(r.code, /^[a-z]+(?:-[a-z]+)*$/, r.code);
      assert.ok(r.severities.length > 0, `${r.code}: no severity`);
      assert.equal(new Set(r.severities).size, r.severities.length, `${r.code}: a severity is listed twice`);
      for (const s of r.severities) assert.ok(['error', 'warning', 'information'].includes(s), `${r.code}: ${s}`);
      assert.ok(r.rule.length > 10 && !r.rule.includes('\n'), `${r.code}: the rule must be one line`);
      assert.ok(r.detail.length > 40 && /[.)]$/.test(r.detail), `${r.code}: the detail must be a sentence`);
      if (r.severityText !== undefined) {
        for (const s of r.severities) assert.ok(r.severityText.includes(s), `${r.code}: "${r.severityText}" does not name ${s}`);
      }
    }
  });

  it('keeps the twelve public codes public', () => {
    assert.deepEqual(
      rules.filter((r) => r.public).map((r) => r.code).sort(),
      [
        'xml-syntax', 'root-element', 'global-info-typo', 'unknown-element', 'duplicate-element', 'empty-value',
        'invalid-server-name', 'invalid-number', 'out-of-range', 'element-order', 'move-extra-elements', 'doctype',
      ].sort(),
    );
  });

  it('finds a rule by its code, and none for other codes', () => {
    assert.equal(ruleFor('doctype')?.severities[0], 'error');
    assert.equal(ruleFor('no-such-code'), undefined);
  });

  it('has every code and severity the validator emits, and the corpus emits every code and severity of the table', () => {
    const found = emitted();
    const unknown = [...found.keys()].filter((key) => {
      const [code, severity] = key.split('/');
      return !ruleFor(code)?.severities.some((s) => s === severity);
    });
    assert.deepEqual(unknown, [], `emitted but not in the table: ${unknown.map((k) => `${k} (${found.get(k)?.[0]})`).join(', ')}`);
    const unseen = rules.flatMap((r) => r.severities.map((s) => `${r.code}/${s}`)).filter((key) => !found.has(key));
    assert.deepEqual(unseen, [], 'in the table but emitted by no fixture');
  });

  it('is the list of the codes the validator source can report', () => {
    // Literal codes in the validator: report.add('code', …), code: 'code' and codeForName's returns.
    const inSource = new Set<string>();
    const files = fs.readdirSync(VALIDATOR).filter((f) => f.endsWith('.ts'));
    assert.deepEqual(files.sort(), ['fixes.ts', 'index.ts', 'structure.ts', 'values.ts', 'wellFormed.ts']);
    for (const file of files) {
      const text = fs.readFileSync(path.join(VALIDATOR, file), 'utf8');
      for (const m of text.matchAll(/\.add\(\s*'([^']+)'|\bcode: '([^']+)'|\breturn '([a-z-]+)';/g)) inSource.add(m[1] ?? m[2] ?? m[3]);
    }
    assert.deepEqual([...inSource].sort(), [...codes].sort());
  });
});

describe('update XML rules in README.md and docs/update-xml-rules.md', () => {
  it('are what the generator makes of the table (run npm run generate after changing rules.ts)', () => {
    assert.deepEqual(findRulesDrift(readRoot), []);
  });

  it('put one row per code in the README table, in the order of the table', () => {
    const readme = readRoot(README_PATH) ?? '';
    const block = readme.slice(readme.indexOf(RULES_START), readme.indexOf(RULES_END));
    const rows = block.split('\n').filter((l) => l.startsWith('| `'));
    assert.deepEqual(rows.map((l) => /^\| `([^`]+)`/.exec(l)?.[1]), codes);
    assert.equal(renderRulesTable().split('\n')[0], '| code | severity | rule |');
  });

  it('give each code a row and a section in docs/update-xml-rules.md, saying whether it is public', () => {
    const doc = renderRulesDoc();
    for (const r of rules) {
      assert.ok(doc.includes(`| \`${r.code}\` | `), r.code);
      assert.ok(doc.includes(`\n### ${r.code}\n\n${r.detail}\n`), r.code);
    }
    assert.ok(doc.includes('| `xml-syntax` | error | yes |'));
    assert.ok(doc.includes('| `file-too-large` | error | no |'));
  });

  it('refuse a README without the markers', () => {
    assert.throws(() => withRulesTable('# README\n'), /rules:start/);
    assert.throws(() => withRulesTable(`${RULES_END}\n${RULES_START}\n`), /rules:start/);
  });

  describe('generator script', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(tmpdir(), 'mss-rules-'));
    });
    afterEach(() => {
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('rewrites only the text between the markers and writes the doc; --check then passes', () => {
      const before = `# Title\n\nText before.\n\n${RULES_START}\n| old | table |\n${RULES_END}\n\nText after.\n`;
      fs.writeFileSync(path.join(dir, README_PATH), before);
      assert.throws(() => execFileSync(process.execPath, [GENERATOR, '--root', dir, '--check'], { stdio: 'pipe' }));
      execFileSync(process.execPath, [GENERATOR, '--root', dir], { stdio: 'pipe' });
      const after = fs.readFileSync(path.join(dir, README_PATH), 'utf8');
      assert.equal(after, `# Title\n\nText before.\n\n${RULES_START}\n\n${renderRulesTable()}\n${RULES_END}\n\nText after.\n`);
      assert.equal(fs.readFileSync(path.join(dir, RULES_DOC_PATH), 'utf8'), renderRulesDoc());
      assert.equal(execFileSync(process.execPath, [GENERATOR, '--root', dir, '--check'], { encoding: 'utf8' }).trim(), 'rules tables are up to date');
    });

    it('fails on a README without the markers and leaves it alone', () => {
      fs.writeFileSync(path.join(dir, README_PATH), '# Title\n');
      assert.throws(() => execFileSync(process.execPath, [GENERATOR, '--root', dir], { stdio: 'pipe' }));
      assert.equal(fs.readFileSync(path.join(dir, README_PATH), 'utf8'), '# Title\n');
    });

    it('--check passes on the repository', () => {
      assert.equal(execFileSync(process.execPath, [GENERATOR, '--check'], { encoding: 'utf8' }).trim(), 'rules tables are up to date');
    });
  });
});
