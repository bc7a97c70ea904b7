// The fixture corpus: every file in test/fixtures/xml with its exact expected diagnostics
// (code, severity, 0-based start line/character, end line/character), and every quick fix
// applied to its file. Fixtures are written by test/fixtures/xml/make-fixtures.mjs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  applyEdits,
  decodeUpdateXmlBytes,
  validateUpdateXml,
  validateUpdateXmlBytes,
  type UpdateXmlDiagnostic,
} from '../../../src/updateXml';

// Compiled to out/test/unit/updateXml: the repository root is four levels up.
const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/xml');

type Row = [code: string, severity: string, startLine: number, startChar: number, endLine: number, endChar: number];

const expected: Record<string, Row[]> = {
  'account-bad-char.xml': [
    ['invalid-account', 'error', 2, 21, 2, 40],
    ['admin-account-change', 'information', 2, 5, 2, 20],
  ],
  'account-builtin.xml': [
    ['invalid-account', 'error', 2, 30, 2, 52],
    ['admin-account-change', 'information', 2, 5, 2, 29],
  ],
  'account-dot.xml': [
    ['invalid-account', 'error', 2, 21, 2, 41],
    ['admin-account-change', 'information', 2, 5, 2, 20],
  ],
  'account-everyone.xml': [
    ['invalid-account', 'error', 2, 21, 2, 29],
    ['admin-account-change', 'information', 2, 5, 2, 20],
  ],
  'account-incomplete.xml': [
    ['invalid-account', 'error', 2, 21, 2, 30],
    ['admin-account-change', 'information', 2, 5, 2, 20],
  ],
  'account-list.xml': [
    ['invalid-account', 'warning', 2, 21, 2, 49],
    ['admin-account-change', 'information', 2, 5, 2, 20],
  ],
  'account-no-domain.xml': [
    ['invalid-account', 'warning', 2, 21, 2, 39],
    ['admin-account-change', 'information', 2, 5, 2, 20],
  ],
  'account-upn.xml': [
    ['invalid-account', 'warning', 2, 21, 2, 43],
    ['admin-account-change', 'information', 2, 5, 2, 20],
  ],
  'account-whitespace.xml': [
    ['invalid-account', 'warning', 2, 22, 2, 41],
    ['admin-account-change', 'information', 2, 5, 2, 20],
  ],
  'admins.xml': [
    ['admin-account-change', 'information', 2, 5, 2, 20],
    ['admin-account-change', 'information', 3, 5, 3, 29],
  ],
  'attribute.xml': [
    ['unexpected-attribute', 'warning', 1, 14, 1, 25],
  ],
  'declaration.xml': [
    ['xml-declaration', 'information', 0, 0, 0, 38],
  ],
  'doctype-entity.xml': [
    ['doctype', 'error', 0, 0, 0, 9],
  ],
  'doctype-external.xml': [
    ['doctype', 'error', 0, 0, 0, 9],
  ],
  'duplicate-element.xml': [
    ['duplicate-element', 'error', 3, 5, 3, 17],
  ],
  'duplicate-global-info.xml': [
    ['duplicate-element', 'error', 4, 3, 4, 13],
  ],
  'empty-value-self-closing.xml': [
    ['empty-value', 'error', 2, 5, 2, 18],
  ],
  'empty-value-spaces.xml': [
    ['empty-value', 'error', 2, 5, 2, 20],
    ['admin-account-change', 'information', 2, 5, 2, 20],
  ],
  'empty-value.xml': [
    ['empty-value', 'error', 2, 5, 2, 17],
  ],
  'enc-ansi.xml': [
    // An error (it was once a warning): without another declared encoding the file must be UTF-8.
    ['encoding', 'error', 2, 21, 2, 22],
    ['invalid-server-name', 'warning', 2, 18, 2, 22],
  ],
  'enc-cr-only.xml': [
    ['xml-syntax', 'error', 3, 20, 3, 35],
  ],
  'enc-crlf-syntax.xml': [
    ['xml-syntax', 'error', 3, 20, 3, 35],
  ],
  'enc-non-bmp.xml': [
    ['invalid-server-name', 'error', 3, 27, 3, 33],
  ],
  'enc-utf16be-range.xml': [
    ['encoding', 'information', 0, 0, 0, 0],
    ['invalid-server-name', 'error', 2, 18, 2, 27],
  ],
  'enc-utf16be.xml': [
    ['encoding', 'information', 0, 0, 0, 0],
  ],
  'enc-utf16le-docs-typo.xml': [
    ['encoding', 'information', 0, 0, 0, 0],
    ['global-info-typo', 'error', 1, 3, 1, 12],
  ],
  'enc-utf16le.xml': [
    ['encoding', 'information', 0, 0, 0, 0],
  ],
  'enc-utf8-bom-crlf-range.xml': [
    ['out-of-range', 'error', 2, 19, 2, 20],
  ],
  'enc-utf8-bom.xml': [],
  'extra-sso-child.xml': [
    ['unknown-element', 'error', 4, 3, 4, 14],
  ],
  'full-all-elements.xml': [
    ['move-extra-elements', 'warning', 4, 5, 4, 17],
    ['admin-account-change', 'information', 2, 5, 2, 20],
    ['admin-account-change', 'information', 3, 5, 3, 29],
  ],
  'missing-global-info-empty.xml': [
    ['missing-global-info', 'error', 0, 1, 0, 4],
  ],
  'missing-global-info.xml': [
    ['unknown-element', 'error', 1, 3, 1, 15],
    ['missing-global-info', 'error', 0, 1, 0, 4],
  ],
  'move-extra-admin.xml': [
    ['move-extra-elements', 'warning', 3, 5, 3, 17],
    ['admin-account-change', 'information', 2, 5, 2, 20],
  ],
  'move-extra-timeout.xml': [
    ['move-extra-elements', 'warning', 2, 5, 2, 17],
  ],
  'namespace.xml': [
    ['unexpected-attribute', 'warning', 0, 5, 0, 42],
  ],
  'no-settings.xml': [
    ['no-settings', 'warning', 1, 3, 1, 13],
  ],
  'number-decimal.xml': [
    ['invalid-number', 'error', 2, 22, 2, 25],
  ],
  'number-huge.xml': [
    ['out-of-range', 'warning', 2, 26, 2, 36],
  ],
  'number-invalid.xml': [
    ['invalid-number', 'error', 2, 19, 2, 28],
  ],
  'number-negative.xml': [
    ['out-of-range', 'warning', 2, 22, 2, 24],
  ],
  'number-out-of-range.xml': [
    ['out-of-range', 'error', 2, 19, 2, 25],
  ],
  'number-separator.xml': [
    ['invalid-number', 'error', 2, 19, 2, 26],
  ],
  'number-zero.xml': [
    ['out-of-range', 'warning', 2, 22, 2, 23],
  ],
  'order.xml': [
    ['element-order', 'warning', 3, 5, 3, 21],
  ],
  'root-globalinfo.xml': [
    ['root-element', 'error', 0, 1, 0, 11],
  ],
  'root-uppercase.xml': [
    ['root-element', 'warning', 0, 1, 0, 4],
  ],
  'root-wrong.xml': [
    ['root-element', 'error', 0, 1, 0, 9],
  ],
  'server-backslash.xml': [
    ['invalid-server-name', 'error', 2, 18, 2, 35],
  ],
  'server-entity.xml': [
    ['invalid-server-name', 'error', 2, 18, 2, 29],
  ],
  'server-forbidden-char.xml': [
    ['invalid-server-name', 'error', 2, 18, 2, 25],
  ],
  'server-fqdn.xml': [
    ['invalid-server-name', 'warning', 2, 18, 2, 39],
  ],
  'server-ip.xml': [
    ['invalid-server-name', 'warning', 2, 18, 2, 27],
  ],
  'server-leading-hyphen.xml': [
    ['invalid-server-name', 'error', 2, 18, 2, 27],
  ],
  'server-localhost.xml': [
    ['invalid-server-name', 'error', 2, 18, 2, 27],
  ],
  'server-numeric.xml': [
    ['invalid-server-name', 'error', 2, 18, 2, 23],
  ],
  'server-space.xml': [
    ['invalid-server-name', 'error', 2, 18, 2, 27],
  ],
  'server-too-long.xml': [
    ['invalid-server-name', 'error', 2, 18, 2, 35],
  ],
  'server-underscore.xml': [
    ['invalid-server-name', 'warning', 2, 18, 2, 27],
  ],
  'server-whitespace.xml': [
    ['invalid-server-name', 'warning', 3, 6, 3, 14],
  ],
  'syntax-ampersand.xml': [
    ['xml-syntax', 'error', 2, 34, 2, 35],
  ],
  'syntax-empty.xml': [
    ['xml-syntax', 'error', 0, 0, 0, 0],
  ],
  'syntax-mismatch.xml': [
    ['xml-syntax', 'error', 2, 26, 2, 42],
  ],
  'syntax-text-after.xml': [
    ['xml-syntax', 'error', 5, 0, 5, 9],
  ],
  'syntax-two-roots.xml': [
    ['xml-syntax', 'error', 5, 0, 5, 6],
  ],
  'syntax-unclosed.xml': [
    ['xml-syntax', 'error', 0, 0, 0, 5],
  ],
  'text-in-global-info.xml': [
    ['unexpected-text', 'error', 2, 4, 2, 12],
    ['no-settings', 'warning', 1, 3, 1, 13],
  ],
  'typo-case.xml': [
    ['global-info-typo', 'error', 1, 3, 1, 13],
  ],
  'typo-consistent.xml': [
    ['global-info-typo', 'error', 1, 3, 1, 12],
  ],
  'typo-docs-sample.xml': [
    ['global-info-typo', 'error', 1, 3, 1, 12],
  ],
  'unknown-case-mismatch.xml': [
    ['unknown-element', 'error', 2, 5, 2, 17],
  ],
  'unknown-element.xml': [
    ['unknown-element', 'error', 2, 5, 2, 14],
    ['no-settings', 'warning', 1, 3, 1, 13],
  ],
  'unknown-lowercase.xml': [
    ['unknown-element', 'error', 2, 5, 2, 17],
  ],
  'unknown-nested.xml': [
    ['unknown-element', 'error', 2, 19, 2, 23],
  ],
  'unknown-prefix.xml': [
    ['unexpected-attribute', 'warning', 0, 5, 0, 26],
    ['unknown-element', 'error', 2, 5, 2, 19],
  ],
  'unknown-space.xml': [
    // Whitespace after "<" is not well-formed: xml-syntax (it was unknown-element), same ranges and fix.
    ['xml-syntax', 'error', 2, 4, 2, 18],
    ['xml-syntax', 'error', 2, 27, 2, 42],
  ],
  'unknown-typo.xml': [
    ['unknown-element', 'error', 2, 5, 2, 16],
  ],
  'unknown-uppercase.xml': [
    ['unknown-element', 'error', 2, 5, 2, 17],
  ],
  'valid-audit.xml': [],
  'valid-cluster.xml': [],
  'valid-comments.xml': [],
  'valid-move-crlf.xml': [],
  'valid-move.xml': [],
  'valid-one-line.xml': [],
  'valid-timeouts.xml': [],
  'account-invisible.xml': [
    ['invalid-account', 'error', 2, 21, 2, 40],
    ['admin-account-change', 'information', 2, 5, 2, 20],
  ],
  'enc-ansi-declared.xml': [
    ['encoding', 'warning', 3, 21, 3, 22],
    ['xml-declaration', 'information', 0, 0, 0, 45],
    ['invalid-server-name', 'warning', 3, 18, 3, 22],
  ],
  'enc-bom-declares-utf16.xml': [
    ['encoding', 'error', 0, 30, 0, 36],
    ['xml-declaration', 'information', 0, 0, 0, 39],
  ],
  'enc-double-bom.xml': [
    ['encoding', 'error', 0, 0, 0, 1],
  ],
  'enc-invalid-utf8.xml': [
    ['encoding', 'error', 2, 21, 2, 22],
    ['invalid-server-name', 'warning', 2, 18, 2, 22],
  ],
  'enc-overlong-utf8.xml': [
    ['encoding', 'error', 2, 21, 2, 22],
    ['invalid-server-name', 'warning', 2, 18, 2, 23],
  ],
  'enc-surrogate-utf8.xml': [
    ['encoding', 'error', 2, 21, 2, 22],
    ['invalid-server-name', 'warning', 2, 18, 2, 24],
  ],
  'enc-utf16-declares-utf8.xml': [
    ['encoding', 'information', 0, 0, 0, 0],
    ['encoding', 'error', 0, 30, 0, 35],
    ['xml-declaration', 'information', 0, 0, 0, 38],
  ],
  'name-invisible.xml': [
    ['invisible-character', 'error', 2, 5, 2, 18],
  ],
  'server-bidi.xml': [
    ['invalid-server-name', 'error', 2, 18, 2, 27],
  ],
  'server-next-line.xml': [
    ['invalid-server-name', 'error', 2, 18, 2, 27],
  ],
  'server-zero-width.xml': [
    ['invalid-server-name', 'error', 2, 18, 2, 27],
  ],
  'wf-attribute-lt.xml': [
    ['xml-syntax', 'error', 1, 21, 1, 22],
  ],
  'wf-charref-control.xml': [
    ['xml-syntax', 'error', 2, 21, 2, 25],
  ],
  'wf-charref-surrogate.xml': [
    ['xml-syntax', 'error', 2, 21, 2, 29],
  ],
  'wf-comment-dashes.xml': [
    ['xml-syntax', 'error', 2, 13, 2, 15],
  ],
  'wf-control.xml': [
    ['xml-syntax', 'error', 2, 21, 2, 22],
  ],
  'wf-declaration-late.xml': [
    ['xml-syntax', 'error', 1, 5, 1, 6],
  ],
  'wf-noncharacter.xml': [
    ['xml-syntax', 'error', 2, 9, 2, 10],
  ],
  'wf-nul.xml': [
    ['xml-syntax', 'error', 2, 21, 2, 22],
  ],
  // The list stops at 100 findings; the 101st counts the rest (with the severity of the worst).
  'many-unknown.xml': [
    ...Array.from({ length: 100 }, (_, i): Row => ['unknown-element', 'error', 2 + i, 5, 2 + i, 12 + String(i).length]),
    ['too-many-problems', 'error', 101, 5, 101, 5],
  ],
  'many-attributes.xml': [
    ...Array.from({ length: 100 }, (_, i): Row => {
      const start = 14 + Array.from({ length: i }, (_, k) => `a${k}="1" `.length).reduce((a, b) => a + b, 0);
      return ['unexpected-attribute', 'warning', 1, start, 1, start + `a${i}="1"`.length];
    }),
    ['too-many-problems', 'warning', 1, 796, 1, 796],
  ],
};

function rows(diagnostics: UpdateXmlDiagnostic[]): Row[] {
  return diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
}

function read(name: string): Uint8Array {
  return fs.readFileSync(path.join(FIXTURES, name));
}

describe('update XML fixture corpus', () => {
  const onDisk = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xml')).sort();

  it('has at least 40 fixtures, each with an expectation', () => {
    assert.ok(onDisk.length >= 40, `only ${onDisk.length} fixtures`);
    assert.deepEqual(onDisk, Object.keys(expected).sort());
  });

  it('covers every diagnostic code and every severity', () => {
    const codes = new Set(Object.values(expected).flatMap((r) => r.map((x) => x[0])));
    for (const code of [
      'xml-syntax', 'root-element', 'global-info-typo', 'unknown-element', 'duplicate-element', 'empty-value',
      'invalid-server-name', 'invalid-number', 'out-of-range', 'element-order', 'move-extra-elements', 'doctype',
      'missing-global-info', 'no-settings', 'unexpected-text', 'unexpected-attribute', 'invalid-account',
      'admin-account-change', 'xml-declaration', 'encoding', 'invisible-character', 'too-many-problems',
    ]) {
      assert.ok(codes.has(code), `no fixture for ${code}`);
    }
    const severities = new Set(Object.values(expected).flatMap((r) => r.map((x) => x[1])));
    assert.deepEqual([...severities].sort(), ['error', 'information', 'warning']);
  });

  for (const [name, want] of Object.entries(expected)) {
    it(`${name}`, () => {
      assert.deepEqual(rows(validateUpdateXmlBytes(read(name))), want);
    });
  }

  it('gives the same findings for the decoded text (apart from the encoding note)', () => {
    for (const name of Object.keys(expected)) {
      const { text } = decodeUpdateXmlBytes(read(name));
      const fromBytes = rows(validateUpdateXmlBytes(read(name))).filter((r) => r[0] !== 'encoding');
      assert.deepEqual(rows(validateUpdateXml(text)), fromBytes, name);
    }
  });

  it('writes every message as a full sentence that says what to do', () => {
    for (const name of Object.keys(expected)) {
      for (const d of validateUpdateXmlBytes(read(name))) {
        assert.ok(d.message.length > 40, `${name}: short message "${d.message}"`);
        assert.ok(/[.)]$/.test(d.message), `${name}: "${d.message}" does not end a sentence`);
        assert.ok(!d.message.includes('\n'), `${name}: multi-line message`);
      }
    }
  });
});

/** A list that stopped at the cap (its last finding counts the others). */
function capped(ds: readonly UpdateXmlDiagnostic[]): boolean {
  return ds.some((d) => d.code === 'too-many-problems');
}

/** The findings listed and counted. */
function total(ds: readonly UpdateXmlDiagnostic[]): number {
  const counted = ds.find((d) => d.code === 'too-many-problems');
  return ds.length - (counted ? 1 : 0) + (counted ? Number(/^([\d,]+) more/.exec(counted.message)![1].replace(/,/g, '')) : 0);
}

describe('quick fixes on the corpus', () => {
  let applied = 0;
  after(() => {
    assert.ok(applied >= 40, `only ${applied} fixes were applied`);
  });

  for (const name of Object.keys(expected)) {
    it(`each fix for ${name} removes its finding and keeps the XML readable`, () => {
      const { text } = decodeUpdateXmlBytes(read(name));
      const before = validateUpdateXml(text);
      const hadSyntax = before.some((d) => d.code === 'xml-syntax');
      for (const d of before) {
        const sameCode = before.filter((x) => x.code === d.code).length;
        for (const fix of d.fixes) {
          assert.ok(fix.edits.length > 0, `${name}: "${fix.title}" has no edits`);
          const fixed = applyEdits(text, fix.edits);
          const after = validateUpdateXml(fixed);
          const left = after.filter((x) => x.code === d.code).length;
          const label = `${name}: "${fix.title}" for ${d.code} → ${JSON.stringify(fixed)}`;
          if (capped(before)) assert.equal(total(after), total(before) - 1, label); // listed + counted
          else if (d.code === 'element-order') assert.equal(left, 0, label); // one fix reorders everything
          else if (sameCode === 1) assert.equal(left, 0, label);
          else assert.ok(left < sameCode, label);
          if (!hadSyntax) assert.ok(!after.some((x) => x.code === 'xml-syntax'), `${label} made the XML malformed`);
          applied++;
        }
      }
    });
  }
});
