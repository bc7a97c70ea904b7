import * as assert from 'node:assert/strict';
import { localTime, stepStatusLine } from '../../../src/procedures/stepText';

describe('the text of a step: times', () => {
  it('shows a stored time in the given locale, local time; the stored text when it is not a time', () => {
    const iso = '2025-03-12T13:05:00.000Z';
    assert.equal(localTime(iso, 'en-GB'), new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }));
    assert.notEqual(localTime(iso, 'en-GB'), iso);
    assert.notEqual(localTime(iso, 'de'), localTime(iso, 'en-US'));
    assert.equal(localTime('not a time'), 'not a time');
    assert.match(stepStatusLine({ done: true, at: iso, exitCode: 0 }, 'en-GB'), new RegExp(`^\\*\\*Done\\*\\* on ${localTime(iso, 'en-GB')}, exit code 0$`));
  });
});
