import * as assert from 'node:assert/strict';
import { procedures } from '../../../src/procedures';
import type { ProcedureProgress } from '../../../src/procedures/progress';
import { checkStoredProgress, MAX_RECORD_CHARS, mergeProblem, mergeProgress, parsePlainJson, readStoredProgress, readTransfer } from '../../../src/procedures/transfer';

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

  it('checks stored progress with the same shapes: null, a list, a wrong type are named; a step of a newer version is kept', () => {
    assert.equal(checkStoredProgress(ALL, 'mss.progress.moveToServer', { backup: { done: true, at: AT, newServer: 'any name read' } }), undefined);
    assert.match(checkStoredProgress(ALL, 'mss.progress.moveToServer', null) ?? '', /it is not an object/);
    assert.match(checkStoredProgress(ALL, 'mss.progress.moveToServer', []) ?? '', /it is not an object/);
    assert.match(checkStoredProgress(ALL, 'mss.progress.moveToServer', { backup: { done: 'yes' } }) ?? '', /step backup\.done has a wrong value/);
    assert.equal(checkStoredProgress(ALL, 'mss.progress.moveToServer', { nope: { done: true } }), undefined, 'a step of a newer version is kept as it is');
    assert.equal(checkStoredProgress(ALL, 'mss.progress.someFutureProcedure', [1, 2]), undefined, 'a procedure this version does not know is kept as it is');
  });
});

describe('procedures/transfer: the store never writes what its reader refuses', () => {
  const KEY = 'mss.progress.moveToCluster';
  const machines = (prefix: string, n: number, suffix = '') => Array.from({ length: n }, (_x, i) => ({ name: `${prefix}${i}${suffix}`, done: true, at: AT }));

  it('a merge compares machine names by their first DNS label: NODE1 and NODE1.contoso.com are one machine', () => {
    const merged = mergeProgress({ copyBackup: { done: false, machines: machines('NODE', 40) } }, { copyBackup: { done: false, machines: machines('node', 40, '.contoso.com') } });
    assert.equal(merged.copyBackup.machines?.length, 40);
    assert.equal(mergeProblem(ALL, 'moveToCluster', merged), undefined);
  });

  it('a merge over the limit (40 + 40 machines of different names) is refused before the question, saying why', () => {
    const merged = mergeProgress({ copyBackup: { done: false, machines: machines('A', 40) } }, { copyBackup: { done: false, machines: machines('B', 40) } });
    assert.match(mergeProblem(ALL, 'moveToCluster', merged) ?? '', /^Merge is not possible: .*copyBackup\.machines has 80 items, more than 64.*Replace keeps only what the record says\.$/);
  });

  it('the progress file: a bad field is dropped alone, what a newer version added is kept, the message quotes at most 60 characters', () => {
    const read = readStoredProgress(ALL, KEY, {
      copyBackup: { done: true, at: 'x'.repeat(5000), futureField: { kept: true }, machines: [{ name: 'NODE1', done: true }, { name: 'NODE\u200B2', done: true }] },
      clusterSetup: { done: 'yes', exitCode: 0 },
      aFutureStep: { anything: 1 },
    });
    assert.deepEqual(read.value, {
      copyBackup: { done: true, futureField: { kept: true }, machines: [{ name: 'NODE1', done: true }] },
      clusterSetup: { done: false, exitCode: 0 },
      aFutureStep: { anything: 1 },
    });
    assert.equal(read.dropped.length, 3, read.dropped.join('\n'));
    assert.ok(read.dropped.every((d) => d.length < 200), read.dropped.join('\n'));
    assert.ok(!read.dropped.join('').includes('\u200B'), 'the invisible character is written <U+200B>');
    assert.equal(checkStoredProgress(ALL, KEY, { copyBackup: { done: true, futureField: 1 } }), undefined, 'a newer version\'s field is no reason to refuse a write');
  });

  it('lists over their limit in the progress file keep the newest runs and the first machines and ERROR lines', () => {
    const run = { commandLine: 'x', startedAt: AT, endedAt: AT, computer: 'A', user: 'B' };
    const read = readStoredProgress(ALL, KEY, { copyBackup: { done: false, machines: machines('N', 70), lastErrors: Array.from({ length: 51 }, (_x, i) => `E${i}`), runs: Array.from({ length: 25 }, (_x, i) => ({ ...run, exitCode: i })) } });
    const step = (read.value as ProcedureProgress).copyBackup;
    assert.equal(step.machines?.length, 64);
    assert.equal(step.lastErrors?.length, 50);
    assert.deepEqual(step.runs?.map((r) => r.exitCode), Array.from({ length: 20 }, (_x, i) => i + 5));
  });

  it('time fields are ISO 8601 only: text that Date.parse takes (parentheses, line breaks, |, <!--) is refused', () => {
    for (const at of ['2026-11-24T09:00:00.000Z (\n| fake | row |)', '2026-11-24T09:00:00.000Z <!--', 'Tue Nov 24 2026', '2026-11-24 | x']) {
      assert.match(refusal(record({ install: { done: true, at } })), /step install\.at has a wrong value/, at);
    }
    assert.match(refusal(block(JSON.stringify({ procedure: 'moveToServer', exportedAt: '2026-11-24T09:00:00Z (\n| x |)', computer: 'A', progress: {} }))), /exportedAt has a wrong value/);
    assert.ok(readTransfer(record({ install: { done: true, at: '2026-11-24T09:00:00+01:00' } }), ALL).ok, 'an offset is ISO 8601');
  });

  it('machine names and the computer with U+200B or U+202E are refused', () => {
    const cluster = (name: string) => record({ copyBackup: { done: false, machines: [{ name, done: true }] } }, 'moveToCluster');
    assert.match(refusal(cluster('NODE\u200B1')), /machines\[0\]\.name has a wrong value: "NODE<U\+200B>1"/);
    assert.match(refusal(cluster('\u202E1EDON')), /machines\[0\]\.name has a wrong value/);
    assert.match(refusal(block(JSON.stringify({ procedure: 'moveToServer', exportedAt: AT, computer: 'BTS\u202E10SSM', progress: {} }))), /computer has a wrong value: "BTS<U\+202E>10SSM"/);
  });

  it('a v10 block is told as written by a newer version, not as changed after it was written', () => {
    const error = refusal(`<!-- master-secret-mover progress v10\n${JSON.stringify({ procedure: 'moveToServer', exportedAt: AT, computer: 'A', progress: {} })}\n-->`);
    assert.match(error, /written by a newer version of Master Secret Mover \(its progress block is version 10; this version reads version 1\)/);
    assert.doesNotMatch(error, /changed after it was written/);
  });
});
