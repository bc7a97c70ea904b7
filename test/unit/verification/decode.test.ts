// Output bytes as the read-only programs write them: UTF-16 LE with or without its BOM, UTF-8,
// or the console's OEM code page (866 for a Russian sc). The readers decide on numbers and
// ASCII state names, which survive every one of these.
import * as assert from 'node:assert/strict';
import { decodeOutput } from '../../../src/verification/decode';
import { readServiceState } from '../../../src/verification/readers';
import { cp866, SC_CHINESE_NOT_INSTALLED, SC_RUSSIAN_NOT_INSTALLED, SC_STATES, scQuery, scQueryRussian } from './samples';

const utf16 = (text: string, bom: boolean): Buffer => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);

describe('verification/decode', () => {
  it('reads UTF-16 LE with its BOM, dropping the BOM', () => {
    const d = decodeOutput(utf16(scQuery(SC_STATES.RUNNING), true));
    assert.equal(d.encoding, 'utf-16le');
    assert.equal(d.text, scQuery(SC_STATES.RUNNING));
  });

  it('reads UTF-16 LE without a BOM (most odd bytes zero), Russian and Chinese text included', () => {
    for (const text of [scQuery(SC_STATES.STOPPED), scQueryRussian(4, 'RUNNING'), SC_CHINESE_NOT_INSTALLED]) {
      const d = decodeOutput(utf16(text, false));
      assert.equal(d.encoding, 'utf-16le');
      assert.equal(d.text, text);
    }
  });

  it('reads UTF-8, a UTF-8 BOM dropped', () => {
    const text = scQueryRussian(1, 'STOPPED');
    assert.deepEqual(decodeOutput(Buffer.from(text, 'utf8')), { text, encoding: 'utf-8' });
    assert.deepEqual(decodeOutput(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('abc')])), { text: 'abc', encoding: 'utf-8' });
  });

  it('reads bytes that are not UTF-8 (code page 866) one byte a character: digits and ASCII survive', () => {
    const bytes = cp866(scQueryRussian(4, 'RUNNING'));
    const d = decodeOutput(bytes);
    assert.equal(d.encoding, 'single-byte');
    assert.equal(d.text.length, bytes.length);
    assert.match(d.text, /: 4 {2}RUNNING\r\n/);
    assert.ok(!d.text.includes('Состояние'));
  });

  it('gives empty text for no bytes, and does not take short or odd-length output for UTF-16', () => {
    assert.deepEqual(decodeOutput(Buffer.alloc(0)), { text: '', encoding: 'utf-8' });
    assert.equal(decodeOutput(Buffer.from('ab')).encoding, 'utf-8');
    assert.equal(decodeOutput(Buffer.from([0x61, 0, 0x62, 0, 0x63])).encoding, 'utf-8');
  });

  it('decodes a large single-byte output in full', () => {
    const bytes = Buffer.alloc(100_000, 0xe2);
    const d = decodeOutput(bytes);
    assert.equal(d.encoding, 'single-byte');
    assert.equal(d.text.length, 100_000);
  });

  describe('readServiceState on decoded bytes', () => {
    it('reads the state of a Russian sc in code page 866, UTF-16 LE with and without BOM, and UTF-8', () => {
      for (const [code, name] of [[4, 'RUNNING'], [1, 'STOPPED'], [2, 'START_PENDING']] as const) {
        const text = scQueryRussian(code, name);
        for (const bytes of [cp866(text), utf16(text, true), utf16(text, false), Buffer.from(text, 'utf8')]) {
          assert.deepEqual(readServiceState(decodeOutput(bytes).text), { kind: 'state', code, name });
        }
      }
    });

    it('reads 1060 after [SC] in a Russian sc in code page 866 and in a Chinese sc in UTF-16', () => {
      assert.deepEqual(readServiceState(decodeOutput(cp866(SC_RUSSIAN_NOT_INSTALLED)).text, 1060), { kind: 'notInstalled' });
      assert.deepEqual(readServiceState(decodeOutput(cp866(SC_RUSSIAN_NOT_INSTALLED)).text), { kind: 'notInstalled' });
      assert.deepEqual(readServiceState(decodeOutput(utf16(SC_CHINESE_NOT_INSTALLED, false)).text), { kind: 'notInstalled' });
    });
  });
});
