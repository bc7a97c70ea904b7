// Properties of the readers and checks on arbitrary text: random strings and random edits of
// real-shaped outputs. fast-check is not a dependency, so a small deterministic generator is
// used (the same cases on every run; the start value is printed when a property fails).
import * as assert from 'node:assert/strict';
import { checkSecretServerName, checkServiceRunning, type ToolOutput } from '../../../src/verification/checks';
import { checkRestoreLogged as restoreLogged, runBound } from '../../../src/verification/eventChecks';
import { readEvents, readSecretServerName, readServiceState } from '../../../src/verification/readers';
import {
  DISPLAYDB_ERROR, DISPLAYDB_GERMAN, displayDb, E10520, E10523, E10524, E10534, E10575, event, events, SC_ACCESS_DENIED, SC_NOT_INSTALLED, SC_RPC_UNAVAILABLE,
  SC_STATES, scQuery,
} from './samples';

/** The restore check bound to a restart long before every sample event: the events alone decide. */
const EARLY_RESTART = runBound('the restart run (step 5)', '2000-01-01T00:00:00.000Z');
const checkRestoreLogged = (out: ToolOutput, computer: string) => restoreLogged(out, computer, { after: EARLY_RESTART, afterMissing: { what: 'restart run (step 5)', next: 'Restart it.' } });


/** mulberry32: a tiny deterministic pseudo-random generator, numbers in [0, 1). */
function generator(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)];

const FRAGMENTS = [
  '<', '>', '/', '/>', '</', '=', "'", '"', ':', ' ', '\t', '\r\n', '\n', '\r', '\uFEFF', '\u0000', '&', ';', '&amp;', '&lt;', '&#38;', '&bogus;',
  '<Event>', '</Event>', "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>", '<System>', '</System>', "<Provider Name='ENTSSO'/>",
  "<Provider Name='Other'/>", '<EventID>', '</EventID>', "<EventID Qualifiers='16384'>", '10523', '10524', '10520', '1052', '0', '.', 'x',
  "<TimeCreated SystemTime='2026-11-30T10:15:02.1234567Z'/>", '<Computer>BTSMSS02</Computer>', '<EventData>', '</EventData>', '<Data>', '</Data>',
  '<![CDATA[', ']]>', '<!--', '-->', '<!DOCTYPE', '<?xml', '?>', '<Events>', '</Events>', '__proto__', 'constructor', '#text', '@Name',
  'STATE', 'STATE              : 4  RUNNING', 'FAILED', 'FAILED 1060:', 'FAILED 5:', '[SC]', '1060', '4', 'RUNNING',
  'Single Sign-On Secret Server name', 'Single Sign-On Secret Server name : BTSMSS02', 'ERROR: 0xC0002A0F : x', 'BTSMSS02', '.contoso.com',
  'ü', '日本', '\uD83D\uDE00', '\uD800', '\uDFFF', '\u2028', '\u00A0',
];

function randomText(rng: Rng): string {
  const n = int(rng, 40);
  let s = '';
  for (let i = 0; i < n; i++) s += rng() < 0.8 ? pick(rng, FRAGMENTS) : String.fromCharCode(int(rng, 0x10000));
  return s;
}

/** A few random edits: delete a range, insert a fragment or random text, duplicate a slice. */
function mutate(rng: Rng, text: string): string {
  let s = text;
  const edits = 1 + int(rng, 4);
  for (let i = 0; i < edits; i++) {
    const at = int(rng, s.length + 1);
    const kind = int(rng, 4);
    if (kind === 0) s = s.slice(0, at) + s.slice(at + 1 + int(rng, 30));
    else if (kind === 1) s = s.slice(0, at) + pick(rng, FRAGMENTS) + s.slice(at);
    else if (kind === 2) s = s.slice(0, at) + randomText(rng) + s.slice(at);
    else {
      const from = int(rng, s.length + 1);
      s = s.slice(0, at) + s.slice(from, from + int(rng, 200)) + s.slice(at);
    }
  }
  return s;
}

const t = (m: number): string => `2026-11-30T10:${String(m).padStart(2, '0')}:00.0000000Z`;
const SAMPLES = [
  displayDb('BTSMSS02'), displayDb('BTSMSS01.contoso.com', '\n'), DISPLAYDB_GERMAN, DISPLAYDB_ERROR,
  ...Object.values(SC_STATES).map((s) => scQuery(s)), SC_NOT_INSTALLED, SC_ACCESS_DENIED, SC_RPC_UNAVAILABLE,
  events([E10523(t(15)), E10524(t(12)), E10520(t(9)), E10534(t(8))]),
  events([E10524(t(20)), E10523(t(15))], '\r\n'),
  events([E10520(t(9)), E10534(t(8)), E10575(t(1))], '\n'),
  events([{ ...E10523(t(15)), provider: 'Other' }, E10520(t(9))]),
  event(E10524(t(30))),
  '',
];

/** Arbitrary text: random strings half the time, random edits of a real-shaped output otherwise. */
function arbitrary(rng: Rng): string {
  return rng() < 0.5 ? randomText(rng) : mutate(rng, pick(rng, SAMPLES));
}

const RUNS = 3000;

function forAll(name: string, property: (text: string, rng: Rng) => void): void {
  it(name, () => {
    const rng = generator(20261130);
    for (let i = 0; i < RUNS; i++) {
      const text = arbitrary(rng);
      try {
        property(text, rng);
      } catch (e) {
        assert.fail(`case ${i}: ${JSON.stringify(text)}\n${e instanceof Error ? e.message : String(e)}`);
      }
    }
  });
}

function output(commandLine: string, stdout: string, rng: Rng): ToolOutput {
  const exitCode = rng() < 0.7 ? 0 : pick(rng, [1, 5, 1060, 1722, -1073730033]);
  return { ran: true, commandLine, exitCode, stdout, stderr: rng() < 0.2 ? randomText(rng) : '' };
}

/** The raw text holds an EventID element whose content is 10523 (comments and CDATA markers aside). */
function has10523(raw: string): boolean {
  const plain = raw.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[|\]\]>/g, '');
  return /<EventID\b[^>]*>\s*10523\s*<\/EventID\s*>/.test(plain) && /ENTSSO/i.test(plain);
}

describe('verification readers and checks on arbitrary text (properties)', () => {
  forAll('the readers never throw, and say what they read in the shapes they promise', (text) => {
    const name = readSecretServerName(text);
    if (name !== undefined) {
      assert.notEqual(name, '');
      assert.equal(name, name.trim());
      assert.ok(!/[\r\n]/.test(name));
    }
    const state = readServiceState(text);
    assert.ok(['state', 'notInstalled', 'failed', 'unreadable'].includes(state.kind));
    if (state.kind === 'state') assert.ok(Number.isInteger(state.code) && /^[A-Z_]+$/.test(state.name));
    const read = readEvents(text);
    if (read !== undefined) {
      for (const e of read) {
        assert.ok(Number.isInteger(e.id) && e.id >= 0);
        assert.equal(typeof e.provider, 'string');
        assert.equal(typeof e.time, 'string');
        assert.equal(typeof e.computer, 'string');
        assert.ok(e.data.every((d) => typeof d === 'string'));
      }
    }
  });

  forAll('checkRestoreLogged never throws, and never passes unless an ENTSSO 10523 event is in the output and wevtutil ended with 0', (text, rng) => {
    const out = output('wevtutil qe Application', text, rng);
    const r = checkRestoreLogged(out, 'BTSMSS02');
    assert.ok(['pass', 'fail', 'unverified'].includes(r.verdict));
    if (r.verdict === 'pass') {
      assert.ok(out.ran && out.exitCode === 0, 'a failing run is never a pass');
      assert.ok(has10523(text), `pass without a 10523 event: ${r.summary}`);
      assert.match(r.summary, /^10523 logged at /);
      assert.ok(readEvents(text)?.some((e) => e.id === 10523 && e.provider.toUpperCase() === 'ENTSSO'));
    }
    if (r.verdict === 'fail') assert.ok(readEvents(text)?.some((e) => e.id === 10524 && e.provider.toUpperCase() === 'ENTSSO'));
  });

  forAll('checkSecretServerName never throws, and passes only on a row whose label ends in "secret server name" naming the server, with exit code 0', (text, rng) => {
    const out = output('ssomanage -displaydb', text, rng);
    const r = checkSecretServerName(out, pick(rng, ['BTSMSS02', undefined, '']));
    if (r.verdict === 'pass') {
      assert.ok(out.ran && out.exitCode === 0);
      assert.match(text, /secret[\s.]+server[\s.]+name[\s.]*:\s*BTSMSS02(?![^.\s])/i);
    }
  });

  forAll('checkServiceRunning never throws, and passes only on one state row ": 4  RUNNING" with no [SC] error row', (text, rng) => {
    const out = output('sc query ENTSSO', text, rng);
    const r = checkServiceRunning(out, 'BTSMSS02');
    const all = out.ran ? `${out.stdout}\n${out.stderr}` : '';
    const rows = all.split(/\r\n|\r|\n/);
    if (r.verdict === 'pass') {
      assert.ok(rows.some((l) => /:\s*4\s+RUNNING\s*$/.test(l)), 'a row with the state number 4 and RUNNING');
      assert.ok(!rows.some((l) => /:\s*[1235-7]\s+(STOPPED|START_PENDING|STOP_PENDING|CONTINUE_PENDING|PAUSE_PENDING|PAUSED)\s*$/.test(l)), 'no row with another state');
      assert.ok(!rows.some((l) => l.length <= 400 && /^\s*\[SC\][^\n]*\d+\s*:\s*$/.test(l)), 'no [SC] error row');
    }
    if (r.verdict === 'fail' && r.summary.includes('not installed')) assert.ok((out.ran && out.exitCode === 1060) || rows.some((l) => l.length <= 400 && /^\s*\[SC\][^\n]*\D1060\s*:\s*$/.test(l)), 'not installed only on 1060');
  });

  it('the generator covers the interesting cases: passes and fails of every check occur', () => {
    const rng = generator(20261130);
    const seen = new Set<string>();
    for (let i = 0; i < RUNS; i++) {
      const text = arbitrary(rng);
      const ok: ToolOutput = { ran: true, commandLine: 'x', exitCode: 0, stdout: text, stderr: '' };
      seen.add(`restore:${checkRestoreLogged(ok, 'BTSMSS02').verdict}`);
      seen.add(`name:${checkSecretServerName(ok, 'BTSMSS02').verdict}`);
      seen.add(`service:${checkServiceRunning(ok, 'BTSMSS02').verdict}`);
    }
    for (const check of ['restore', 'name', 'service']) for (const v of ['pass', 'fail', 'unverified']) assert.ok(seen.has(`${check}:${v}`), `${check}:${v} never occurred`);
  });
});
