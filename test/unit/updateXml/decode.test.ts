import * as assert from 'node:assert/strict';
import { validateUpdateXmlBytes } from '../../../src/updateXml';

const file = (encoding: string) => Buffer.from(`<?xml version="1.0" encoding="${encoding}"?>\n<sso>\n  <globalInfo>\n    <secretServer>BTSMSS02</secretServer>\n  </globalInfo>\n</sso>\n`, 'latin1');
const encodingFindings = (encoding: string) => validateUpdateXmlBytes(file(encoding)).filter((d) => d.code === 'encoding');

describe('updateXml/decode: a declared encoding the extension cannot read (XML 1.0, 4.3.3)', () => {
  for (const name of ['UTFF-8', 'UTF-32', 'UCS-4', 'EBCDIC-CP-US', 'IBM037', 'UTF-7', 'no-such-encoding']) {
    it(`encoding="${name}" on ASCII bytes is an error at the declaration`, () => {
      const found = encodingFindings(name);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0].severity, 'error');
      assert.ok(found[0].message.includes(`encoding="${name}", an encoding that this extension cannot read`), found[0].message);
      assert.deepEqual([found[0].range.start.line, found[0].range.start.character], [0, 30]);
    });
  }

  for (const name of ['UTF-8', 'utf8', 'windows-1252', 'ISO-8859-1', 'US-ASCII', 'Shift_JIS']) {
    it(`encoding="${name}" on ASCII bytes stays clean`, () => {
      assert.deepEqual(encodingFindings(name), []);
    });
  }
});
