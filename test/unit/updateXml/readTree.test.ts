// The one-pass read (readTree.ts): saxes checks the text and builds the element tree. On every
// well-formed document it must give the tree fast-xml-parser's reading gives (parseLenient,
// the reading the validator used before), offsets included, and refuse what is not well-formed.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseLenient, parseUpdateXml } from '../../../src/updateXml/parse';
import type { XmlElement } from '../../../src/updateXml/types';
import { readTree } from '../../../src/updateXml/readTree';
import { firstStrictProblem } from '../../../src/updateXml/strict';
import { mutatedFile, updateFile } from './fuzzProperties';

const plain = (roots: XmlElement[]): unknown => JSON.parse(JSON.stringify(roots));

function rootsOf(text: string): XmlElement[] {
  const read = readTree(text);
  assert.ok('roots' in read, `refused: ${JSON.stringify(read)}`);
  return read.roots;
}

describe('update XML: the one-pass read (saxes builds the tree)', () => {
  it('gives the tree of the fast-xml-parser reading on generated and mutated well-formed files', () => {
    let compared = 0;
    const same = (text: string): boolean => {
      // fast-xml-parser misreads a quote inside a processing instruction (then it throws).
      if (firstStrictProblem(text) !== undefined) return true;
      const old = parseLenient(text);
      if (!old) return true;
      compared++;
      assert.deepEqual(plain(rootsOf(text)), plain(old.roots), JSON.stringify(text));
      return true;
    };
    fc.assert(fc.property(updateFile, same), { numRuns: 2000, seed: 11 });
    fc.assert(fc.property(mutatedFile, same), { numRuns: 3000, seed: 12 });
    assert.ok(compared > 300, `only ${compared} well-formed files compared`);
  });

  it('reads offsets of tags, attributes and closing tags, and the text as written, line ends as LF', () => {
    const text = '\ufeff<sso a="x>y">\r\n <g/>&amp;<![CDATA[<![CDATA[ 1 ]]><?pi <x ?>t<!-- <c> --></sso>\n';
    const [sso] = rootsOf(text);
    assert.equal(sso.start, 1);
    assert.equal(text.slice(sso.nameStart, sso.nameEnd), 'sso');
    assert.equal(text.slice(sso.start, sso.startTagEnd), '<sso a="x>y">');
    assert.deepEqual(sso.attributes.map((a) => [a.name, a.value, text.slice(a.start, a.end)]), [['a', 'x>y', 'a="x>y"']]);
    assert.equal(text.slice(sso.closeStart, sso.end), '</sso>');
    assert.equal(text.slice(sso.closeNameStart, sso.closeNameEnd), 'sso');
    // Character data raw (the entity not decoded), a CDATA section's content as written, a
    // comment and a processing instruction left out even when they hold '<'.
    assert.equal(sso.text, '\n &amp;<![CDATA[ 1 t');
    assert.equal(sso.hasNonSpaceText, true);
    const [g] = sso.children;
    assert.equal(g.selfClosing, true);
    assert.equal(text.slice(g.start, g.startTagEnd), '<g/>');
    assert.equal(g.end, g.startTagEnd);
    assert.equal(g.closeStart, undefined);
  });

  it('takes no-break spaces between elements for white space, as fast-xml-parser\'s reading did', () => {
    const [sso] = rootsOf('<sso>\u00a0\u00a0<globalInfo/>\ufeff</sso>');
    assert.equal(sso.hasNonSpaceText, false);
  });

  it('a lone surrogate, which saxes lets through or chokes on, is named by the validator where it is', () => {
    for (const text of ['<sso>\ud800a</sso>', '<sso/><!\ud800', '<sso/><?\ud800', '<sso>\udc00</sso>', '<sso>a\udc00\ud800</sso>']) {
      const parsed = parseUpdateXml(text);
      assert.equal(parsed.syntax?.code, 'char', JSON.stringify(text));
      assert.equal(parsed.syntax?.offset, text.search(/[\ud800-\udfff]/), JSON.stringify(text));
    }
  });

  it('a whole surrogate pair is a character like any other', () => {
    const parsed = parseUpdateXml('<sso>\ud83d\ude00</sso>');
    assert.equal(parsed.syntax, undefined);
    assert.equal(parsed.roots[0].text, '\ud83d\ude00');
  });

  it('refuses what is not well-formed, with saxes\' message and where it stopped', () => {
    for (const text of ['<sso><a></sso>', '<sso a="<"/>', '<sso><!-- a -- b --></sso>', '<sso>\u0001</sso>', '<sso>&#1;</sso>', '<sso/><sso/>', '']) {
      const read = readTree(text);
      assert.ok('error' in read, JSON.stringify(text));
      assert.ok(read.error.position >= 0 && read.error.position <= text.length, JSON.stringify(read));
    }
  });

  it('the validator reads a well-formed file in this one pass, and words errors as before', () => {
    const ok = parseUpdateXml('<sso>\n  <globalInfo>\n    <secretServer>BTSMSS02</secretServer>\n  </globalInfo>\n</sso>\n');
    assert.equal(ok.syntax, undefined);
    assert.deepEqual(ok.recoveries, []);
    assert.equal(ok.roots[0].children[0].children[0].text, 'BTSMSS02');
    // The repairs of the two slips still come from fast-xml-parser's validator.
    const slip = parseUpdateXml('<sso>\n  <globalnfo>\n  </globalInfo>\n</sso>\n');
    assert.equal(slip.recoveries[0]?.kind, 'mismatch');
    assert.equal(slip.syntax, undefined);
  });
});
