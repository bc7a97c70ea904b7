import * as assert from 'node:assert/strict';
import { procedures } from '../../../src/procedures';
import type { ProcedureProgress } from '../../../src/procedures/progress';
import { checkStoredProgress, MAX_RECORD_CHARS, mergeProgress, parsePlainJson, readTransfer } from '../../../src/procedures/transfer';

const ALL = Object.values(procedures);
const AT = '2026-11-24T09:00:00.000Z';
const block = (json: string) => `# x\n\n<!-- master-secret-mover progress v1\n${json}\n-->\n`;
const record = (progress: unknown, procedure = 'moveToServer') => block(JSON.stringify({ procedure, exportedAt: AT, computer: 'BTSMSS01', progress }));
const refusal = (text: string): string => {
  const r = readTransfer(text, ALL);
  assert.equal(r.ok, false, 'refused');
  return (r as { error: string }).error;
};

describe('procedures/transfer: limits of an imported record', () => {
  it('refuses a field named __proto__, constructor, prototype or toString anywhere, saying which, and changes no prototype', () => {
    const cases: Array<[string, string]> = [
      ['{"procedure":"moveToServer","exportedAt":"' + AT + '","computer":"A","progress":{"__proto__":{"done":true}}}', '__proto__'],
      ['{"procedure":"moveToServer","exportedAt":"' + AT + '","computer":"A","progress":{"backup":{"done":true,"constructor":1}}}', 'constructor'],
      ['{"procedure":"moveToServer","exportedAt":"' + AT + '","computer":"A","progress":{"backup":{"done":true,"prototype":{}}}}', 'prototype'],
      ['{"procedure":"moveToServer","exportedAt":"' + AT + '","computer":"A","__proto__":{"polluted":true},"progress":{}}', '__proto__'],
    ];
    for (const [json, key] of cases) {
      const error = refusal(block(json));
      assert.match(error, new RegExp(`a field named "${key}"`), json);
    }
    assert.match(refusal(record({ backup: { done: true, toString: 'x' } })), /step backup has an unknown field "toString"/);
    assert.match(refusal(record({ backup: { done: true, hasOwnProperty: 'x' } })), /unknown field "hasOwnProperty"/);
    assert.match(refusal(record({ toString: { done: true } })), /has a step "toString", which moveToServer does not have/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
    assert.throws(() => parsePlainJson('{"a":{"__proto__":1}}'), /a field named "__proto__"/);
  });

  it('refuses a text over the size limit before reading it, and says what a record is', () => {
    const big = record({}) + ' '.repeat(MAX_RECORD_CHARS);
    const started = Date.now();
    assert.match(refusal(big), /^This file has \d+ KiB, and a record written by Master Secret Mover has a few KiB: it is not one\./);
    assert.ok(Date.now() - started < 200);
  });

  it('refuses more machines than a cluster has nodes, more runs than are kept, too many ERROR lines', () => {
    const machines = Array.from({ length: 65 }, (_x, i) => ({ name: `N${i}`, done: true }));
    assert.match(refusal(record({ restoreEachNode: { done: true, machines } }, 'moveToCluster')), /step restoreEachNode\.machines has a wrong value/);
    const run = { commandLine: 'x', startedAt: AT, endedAt: AT, computer: 'A', user: 'B' };
    assert.match(refusal(record({ backup: { done: true, runs: Array.from({ length: 21 }, () => run) } })), /step backup\.runs has a wrong value/);
    assert.ok(readTransfer(record({ backup: { done: true, runs: Array.from({ length: 20 }, () => run) } }), ALL).ok, '20 runs are kept');
    assert.match(refusal(record({ backup: { done: false, lastErrors: Array.from({ length: 51 }, () => 'E') } })), /lastErrors has a wrong value/);
  });

  it('merges machine lists in linear time: 2 x 20,000 machines in well under a second (was quadratic)', () => {
    const machines = (prefix: string, n: number) => Array.from({ length: n }, (_x, i) => ({ name: `${prefix}${i}`, done: i % 2 === 0, at: AT }));
    const here: ProcedureProgress = { restoreEachNode: { done: false, machines: machines('A', 20000) } };
    const theirs: ProcedureProgress = { restoreEachNode: { done: false, machines: [...machines('a', 10000), ...machines('B', 10000)] } };
    const started = Date.now();
    const merged = mergeProgress(here, theirs);
    const took = Date.now() - started;
    assert.equal(merged.restoreEachNode.machines?.length, 30000, 'A0..A19999 once (any case), B0..B9999 added');
    assert.ok(took < 1000, `took ${took} ms`);
  });

  it('checks stored progress with the same shapes: null, a list, a wrong type or an unknown step are named', () => {
    assert.equal(checkStoredProgress(ALL, 'mss.progress.moveToServer', { backup: { done: true, at: AT, newServer: 'any name read' } }), undefined);
    assert.match(checkStoredProgress(ALL, 'mss.progress.moveToServer', null) ?? '', /it is not an object/);
    assert.match(checkStoredProgress(ALL, 'mss.progress.moveToServer', []) ?? '', /it is not an object/);
    assert.match(checkStoredProgress(ALL, 'mss.progress.moveToServer', { backup: { done: 'yes' } }) ?? '', /step backup\.done has a wrong value/);
    assert.match(checkStoredProgress(ALL, 'mss.progress.moveToServer', { nope: { done: true } }) ?? '', /has a step "nope"/);
    assert.equal(checkStoredProgress(ALL, 'mss.progress.someFutureProcedure', [1, 2]), undefined, 'a procedure this version does not know is kept as it is');
  });
});
