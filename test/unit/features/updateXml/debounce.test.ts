import * as assert from 'node:assert/strict';
import { debounceMs, MAX_DEBOUNCE_MS, NO_DEBOUNCE_UP_TO } from '../../../../src/features/updateXml/debounce';
import { MAX_TEXT_LENGTH } from '../../../../src/updateXml';
import { REAL_FILE, updateXmlOfSize } from '../../../../scripts/bench/inputs';

describe('the wait before an edited update XML file is validated again', () => {
  it('is 0 for a real update file and for any file up to 128 KiB (the squiggle follows the keystroke)', () => {
    assert.equal(debounceMs(REAL_FILE.length), 0);
    assert.equal(debounceMs(10 * 1024), 0);
    assert.equal(debounceMs(100 * 1024), 0);
    assert.equal(debounceMs(NO_DEBOUNCE_UP_TO), 0);
  });

  it('grows with the size above that, never shrinks, and is the 300 ms of a fixed debounce at the cap and above', () => {
    assert.ok(debounceMs(NO_DEBOUNCE_UP_TO + 1) > 0);
    let last = 0;
    for (let n = NO_DEBOUNCE_UP_TO + 1; n <= MAX_TEXT_LENGTH; n += 4096) {
      const ms = debounceMs(n);
      assert.ok(ms >= last, `${n} characters: ${ms} ms after ${last} ms`);
      last = ms;
    }
    assert.equal(debounceMs(MAX_TEXT_LENGTH), MAX_DEBOUNCE_MS);
    assert.equal(debounceMs(50 * MAX_TEXT_LENGTH), MAX_DEBOUNCE_MS);
    assert.equal(MAX_DEBOUNCE_MS, 300);
    assert.equal(debounceMs(512 * 1024), 150);
  });
});

describe('the benchmarks\' update XML files', () => {
  it('are the real file at its size, and exactly the size asked for above it', () => {
    assert.equal(updateXmlOfSize(REAL_FILE.length), REAL_FILE);
    for (const n of [200, 1000, 10 * 1024, 100 * 1024 + 7]) assert.equal(updateXmlOfSize(n).length, n, String(n));
  });

  it('differ between valid and invalid only in the server name, at the same offset', () => {
    const a = updateXmlOfSize(10 * 1024, true), b = updateXmlOfSize(10 * 1024, false);
    assert.equal(a.length, b.length);
    const diff = [...a].map((c, i) => (c === b[i] ? -1 : i)).filter((i) => i >= 0);
    assert.ok(diff.length > 0 && diff.length <= 8 && diff.every((i) => i > a.indexOf('<secretServer>')), String(diff));
  });
});
