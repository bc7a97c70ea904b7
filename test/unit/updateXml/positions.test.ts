// Positions as VS Code counts them: 0-based, UTF-16 code units, CRLF / LF / CR, BOM handling.
import * as assert from 'node:assert/strict';
import { decodeUpdateXmlBytes, LineIndex, validateUpdateXml, validateUpdateXmlBytes, type UpdateXmlDiagnostic } from '../../../src/updateXml';

const BAD_LF = '<sso>\n  <globalInfo>\n    <ticketTimeout>0</ticketTimeout>\n  </globalInfo>\n</sso>\n';

function at(d: UpdateXmlDiagnostic): string {
  return `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

describe('positions', () => {
  it('are the same for LF, CRLF and lone CR line ends', () => {
    const lf = validateUpdateXml(BAD_LF).map(at);
    assert.deepEqual(lf, ['out-of-range@2:19-2:20']);
    assert.deepEqual(validateUpdateXml(BAD_LF.replace(/\n/g, '\r\n')).map(at), lf);
    assert.deepEqual(validateUpdateXml(BAD_LF.replace(/\n/g, '\r')).map(at), lf);
  });

  it('count a U+FEFF left at the start of the text as one character of line 0 only', () => {
    const withBom = validateUpdateXml('\ufeff' + BAD_LF).map(at);
    assert.deepEqual(withBom, ['out-of-range@2:19-2:20']);
    const oneLine = '\ufeff<sso><globalInfo><ticketTimeout>0</ticketTimeout></globalInfo></sso>';
    // "0" is at UTF-16 offset 33 of the text (32 without the BOM).
    assert.equal(oneLine.indexOf('0<'), 33);
    assert.deepEqual(validateUpdateXml(oneLine).map(at), ['out-of-range@0:33-0:34']);
    assert.deepEqual(validateUpdateXml(oneLine.slice(1)).map(at), ['out-of-range@0:32-0:33']);
  });

  it('do not count the BOM of UTF-8 or UTF-16 bytes', () => {
    const oneLine = '<sso><globalInfo><ticketTimeout>0</ticketTimeout></globalInfo></sso>';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(oneLine, 'utf16le')]);
    const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(oneLine, 'utf8')]);
    assert.equal(oneLine.indexOf('0<'), 32);
    assert.deepEqual(validateUpdateXmlBytes(bom8).map(at), ['out-of-range@0:32-0:33']);
    assert.deepEqual(validateUpdateXmlBytes(le).map(at), ['encoding@0:0-0:0', 'out-of-range@0:32-0:33']);
  });

  it('count characters outside the BMP as two UTF-16 units', () => {
    const text = '<sso><globalInfo><!--😀--><ticketTimeout>0</ticketTimeout></globalInfo></sso>';
    assert.deepEqual(validateUpdateXml(text).map(at), ['out-of-range@0:41-0:42']);
    assert.equal(text.indexOf('0</'), 41);
  });

  it('point xml-syntax at the offending tag after CRLF lines', () => {
    const text = '<sso>\r\n  <globalInfo>\r\n    <secretServer>A</secretServer>\r\n  </globalInfo>\r\n</settings>\r\n';
    const [d, ...rest] = validateUpdateXml(text);
    assert.equal(d.code, 'xml-syntax');
    assert.deepEqual(rest, []);
    assert.deepEqual(d.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 11 } });
  });

  it('repair a near-miss end tag of the root as root-element, with a rename of both tags', () => {
    const text = '<sso>\r\n  <globalInfo>\r\n    <secretServer>A</secretServer>\r\n  </globalInfo>\r\n</ssox>\r\n';
    const [d] = validateUpdateXml(text);
    assert.equal(at(d), 'root-element@4:2-4:6');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.fixes[0].edits.map((e) => [e.range.start.line, e.range.start.character, e.newText]), [
      [0, 1, 'sso'],
      [4, 2, 'sso'],
    ]);
  });
});

describe('decodeUpdateXmlBytes', () => {
  const sample = '<sso>\r\n  <globalInfo><secretServer>BTSMSS02</secretServer></globalInfo>\r\n</sso>';
  it('detects and strips each BOM', () => {
    const be = Buffer.from(sample, 'utf16le');
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    const cases: Array<[Buffer, string]> = [
      [Buffer.from(sample, 'utf8'), 'utf8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]), 'utf8bom'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]), 'utf16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf16be'],
    ];
    for (const [bytes, encoding] of cases) {
      const decoded = decodeUpdateXmlBytes(bytes);
      assert.equal(decoded.encoding, encoding);
      assert.equal(decoded.text, sample);
    }
  });
});

describe('LineIndex', () => {
  it('round-trips offsets over mixed line ends', () => {
    const text = 'a\r\nbc\nd\re\r\n';
    const index = new LineIndex(text);
    assert.equal(index.lineCount, 5);
    for (let o = 0; o <= text.length; o++) {
      const p = index.positionAt(o);
      if (text[o - 1] === '\r' && text[o] === '\n') continue; // between \r and \n is not a position
      assert.equal(index.offsetAt(p), o, `offset ${o}`);
    }
    assert.deepEqual(index.positionAt(text.indexOf('e')), { line: 3, character: 0 });
  });
});
