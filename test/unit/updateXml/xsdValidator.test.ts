// schemas/globalInfo.xsd checked by a real XML Schema validator (libxml2's
// xmllint, compiled to WebAssembly: the xmllint-wasm package), against the
// fixture corpus and the core's own verdicts.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { validateXML } from 'xmllint-wasm';
import { generateUpdateXml, validateUpdateXmlBytes } from '../../../src/updateXml';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'xml');
const XSD = fs.readFileSync(path.join(ROOT, 'schemas', 'globalInfo.xsd'), 'utf8');

interface Verdict { file: string; parsed: boolean; valid: boolean; xsdErrors: string[]; ourErrors: string[]; ourProblems: number }

async function xsdCheck(fileName: string, contents: Uint8Array | string): Promise<{ valid: boolean; errors: string[] }> {
  const r = await validateXML({ xml: [{ fileName, contents }], schema: [{ fileName: 'globalInfo.xsd', contents: XSD }] });
  return { valid: r.valid, errors: r.errors.map((e) => e.message) };
}

describe('schemas/globalInfo.xsd under a real schema validator (xmllint)', function () {
  this.timeout(60_000);
  const verdicts: Verdict[] = [];

  before(async () => {
    for (const file of fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.xml')).sort()) {
      const bytes = fs.readFileSync(path.join(FIXTURES, file));
      const ours = validateUpdateXmlBytes(bytes);
      const x = await xsdCheck(file, bytes);
      verdicts.push({
        file, valid: x.valid, xsdErrors: x.errors,
        // xmllint reports XML it cannot read as "parser error" or an I/O error, not a schema error.
        parsed: !x.errors.some((m) => /parser error|I\/O error/.test(m)),
        ourErrors: ours.filter((d) => d.severity === 'error').map((d) => d.code),
        ourProblems: ours.length,
      });
    }
    assert.ok(verdicts.length >= 80, `the corpus was read: ${verdicts.length} files`);
  });

  it('accepts every valid-* fixture, the file with every element, and a generated file', async () => {
    const good = verdicts.filter((v) => /^valid-|^full-all-elements/.test(v.file));
    assert.ok(good.length >= 8);
    for (const v of good) assert.ok(v.valid, `${v.file}: ${v.xsdErrors.join('; ')}`);
    const generated = generateUpdateXml('BTSMSS02');
    const x = await xsdCheck('NewMSSServer.xml', generated);
    assert.ok(x.valid, x.errors.join('; '));
  });

  it('never rejects a file the extension calls clean: every file the schema rejects has a problem in the editor too', () => {
    const rejectedButClean = verdicts.filter((v) => v.parsed && !v.valid && v.ourProblems === 0).map((v) => `${v.file}: ${v.xsdErrors[0]}`);
    assert.deepEqual(rejectedButClean, []);
  });

  it('rejects every file with an error the schema can express (structure, names of elements, numbers)', () => {
    const expressible = new Set(['root-element', 'global-info-typo', 'missing-global-info', 'unknown-element', 'duplicate-element', 'invalid-number', 'out-of-range']);
    const checked = verdicts.filter((v) => v.ourErrors.some((c) => expressible.has(c)));
    assert.ok(checked.length >= 20, `${checked.length} files with such errors`);
    const accepted = checked.filter((v) => v.valid).map((v) => `${v.file} (${v.ourErrors.join(', ')})`);
    assert.deepEqual(accepted, []);
  });
});
