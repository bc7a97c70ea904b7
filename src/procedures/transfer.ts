// Carrying progress from one computer to the next. The move runs on several
// computers (the backup and -updatedb on the original master secret server, the
// restart and the restore on the new one; the cluster steps on each node), and
// progress is kept per computer. The Markdown record (report.ts) ends with the
// progress as JSON in an HTML comment, invisible in the preview; importing the
// record on the next computer reads it back here. The file is input from disk:
// everything in it is checked, nothing is trusted. Pure.
import { checkServerName, findInvisible, visible } from '../ssoTools/serverName';
import { computerKey } from './computers';
import type { CheckRecord, MachineRecord, ProcedureProgress, ProcedureShape, RunRecord, StepRecord } from './progress';
import { CHECK_LIMIT, ERROR_LINE_LIMIT, MACHINE_LIMIT, RUN_HISTORY_LIMIT } from './progress';

/** The first line of the block; the version is the number after `v`, and the line ends there. */
const VERSION = 1;
const OPENING = `<!-- master-secret-mover progress v${VERSION}\n`;
/** The opening line of any version (`v10` is not `v1`). */
const ANY_OPENING = /<!-- master-secret-mover progress v(\d+)\r?\n/g;
const CLOSING = '-->';

export interface ProgressTransfer {
  procedure: string;
  /** ISO time the record was written. */
  exportedAt: string;
  /** The computer the record was written on. */
  computer: string;
  progress: ProcedureProgress;
}

/**
 * The block that ends a record. `>` and `<` are written as `\u003e` and `\u003c` inside the JSON, so no
 * text in the progress (an ERROR line, a machine name) can close the comment early.
 */
export function renderTransferBlock(t: ProgressTransfer): string {
  const json = JSON.stringify({ procedure: t.procedure, exportedAt: t.exportedAt, computer: t.computer, progress: t.progress }).replace(/>/g, '\\u003e').replace(/</g, '\\u003c');
  return `${OPENING}${json}\n${CLOSING}`;
}

export type ReadTransfer = { ok: true; transfer: ProgressTransfer } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An ISO 8601 time as toISOString writes it (a `Z` or an offset, nothing else): no other text reaches the record's tables. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const isTime = (v: unknown): v is string => typeof v === 'string' && ISO_TIME.test(v) && !Number.isNaN(Date.parse(v));
/** A machine's name: not empty, at most a DNS name long, and nothing in it that does not show (U+200B, U+202E...). */
const isMachineName = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= 255 && findInvisible(v) === undefined && !/[\r\n]/.test(v);
const isExitCode = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

class Invalid extends Error {}

/** A record is a few kilobytes (20 runs of each step at most); anything much larger is not one. */
export const MAX_RECORD_CHARS = 1024 * 1024;
const MAX_MACHINES = MACHINE_LIMIT;
const MAX_ERRORS = ERROR_LINE_LIMIT;
const MAX_CHECKS = CHECK_LIMIT;

/** A value as a message quotes it: JSON, at most 60 characters, nothing invisible. */
export function quoteValue(v: unknown): string {
  const json = JSON.stringify(v) ?? String(v);
  return visible(json.length > 60 ? `${json.slice(0, 57)}...` : json);
}
/** The longest cluster role or resource name kept (a name is typed by the admin; a longer one is not a name). */
const MAX_CLUSTER_NAME = 1024;

/** Names that would reach an object's prototype, or shadow what every object has. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON.parse for data from disk: plain data only. A field named __proto__, constructor or
 * prototype (which no record or progress file of Master Secret Mover has) is refused: throws
 * Invalid, saying which.
 */
export function parsePlainJson(text: string): unknown {
  return JSON.parse(text, function (this: unknown, key: string, value: unknown) {
    if (PROTOTYPE_KEYS.has(key)) throw new Invalid(`it has a field named "${key}", which Master Secret Mover never writes`);
    return value;
  });
}

/**
 * Checks one field list: known names only, each with its check; returns the fields that are set.
 * With `dropped` (the progress file, which this version and a newer one write), a field this
 * version does not know is kept as it is, and a known field with a wrong value is dropped alone
 * and named in `dropped`; without it (an imported record), either refuses the whole.
 */
function fields(where: string, value: unknown, checks: Record<string, (v: unknown) => boolean>, required: string[], dropped?: string[]): Record<string, unknown> {
  if (!isObject(value)) throw new Invalid(`${where} is not an object`);
  const out: Record<string, unknown> = { ...value };
  for (const [k, v] of Object.entries(value)) {
    const check = Object.hasOwn(checks, k) ? checks[k] : undefined;
    if (!check) {
      if (dropped) continue;
      throw new Invalid(`${where} has an unknown field "${k}"`);
    }
    if (v !== undefined && !check(v)) {
      const why = `${where}.${k} has a wrong value: ${quoteValue(v)}`;
      // A required field that is wrong makes the whole item wrong (the caller drops it alone).
      if (!dropped || required.includes(k)) throw new Invalid(why);
      dropped.push(why);
      delete out[k];
    }
  }
  for (const k of required) if (out[k] === undefined) throw new Invalid(`${where} has no "${k}"`);
  return out;
}

/** The items of a list, each read by `read`; with `dropped`, an item that is wrong is dropped alone (and named). */
function items<T>(where: string, list: unknown[], read: (where: string, v: unknown) => T, dropped?: string[]): T[] {
  const out: T[] = [];
  list.forEach((v, i) => {
    try {
      out.push(read(`${where}[${i}]`, v));
    } catch (e) {
      if (!dropped || !(e instanceof Invalid)) throw e;
      dropped.push(e.message);
    }
  });
  return out;
}

function machineRecord(where: string, value: unknown, dropped?: string[]): { name: string } & MachineRecord {
  const m = fields(where, value, {
    name: isMachineName,
    done: (v) => typeof v === 'boolean',
    at: isTime,
    exitCode: isExitCode,
  }, ['name', 'done'], dropped);
  return structuredClone(m) as unknown as { name: string } & MachineRecord;
}

const isText = (v: unknown): v is string => typeof v === 'string';

function runRecord(where: string, value: unknown, dropped?: string[]): RunRecord {
  const r = fields(where, value, {
    commandLine: isText,
    exitCode: isExitCode,
    startedAt: isTime,
    endedAt: isTime,
    computer: isText,
    user: isText,
    file: (v) => isObject(v) && isText(v.path) && (v.size === undefined || (Number.isInteger(v.size) && (v.size as number) >= 0)) && (v.sha256 === undefined || (isText(v.sha256) && /^[0-9a-f]{64}$/.test(v.sha256))) && Object.keys(v).every((k) => k === 'path' || k === 'size' || k === 'sha256'),
    secretServer: isText,
    machine: isMachineName,
  }, ['commandLine', 'startedAt', 'endedAt', 'computer', 'user'], dropped);
  return structuredClone(r) as unknown as RunRecord;
}

const VERDICTS = ['pass', 'fail', 'unverified'];

function checkRecord(where: string, value: unknown, dropped?: string[]): CheckRecord {
  const c = fields(where, value, {
    verdict: (v) => VERDICTS.includes(v as string),
    summary: isText,
    evidence: isText,
    next: isText,
    at: isTime,
    computer: isText,
  }, ['verdict', 'summary', 'evidence', 'at', 'computer'], dropped);
  return structuredClone(c) as unknown as CheckRecord;
}

/** The lists of a step and their limits (the same for a record, the progress file and a write). */
const LISTS: Record<string, number> = { machines: MAX_MACHINES, runs: RUN_HISTORY_LIMIT, lastErrors: MAX_ERRORS };

function stepRecord(where: string, value: unknown, shape: ProcedureShape['steps'][number], stepIds: readonly string[], stored: boolean, dropped?: string[]): StepRecord {
  const subSteps = shape.subSteps?.length ?? 0;
  let input = value;
  if (dropped && isObject(value)) {
    // The progress file: a list over its limit keeps its first items (the newest runs), a wrong "done" reads as not done.
    input = { ...value };
    const v = input as Record<string, unknown>;
    for (const [k, limit] of Object.entries(LISTS)) {
      const list = v[k];
      if (Array.isArray(list) && list.length > limit) {
        dropped.push(`${where}.${k} has ${list.length} items, more than ${limit}: the ${k === 'runs' ? 'oldest' : 'last'} ${list.length - limit} dropped`);
        v[k] = k === 'runs' ? list.slice(-limit) : list.slice(0, limit);
      }
    }
    if (isObject(v.checks) && Object.keys(v.checks).length > MAX_CHECKS) {
      dropped.push(`${where}.checks has more than ${MAX_CHECKS} verdicts: the others dropped`);
      v.checks = Object.fromEntries(Object.entries(v.checks).slice(0, MAX_CHECKS));
    }
    if (typeof v.done !== 'boolean') {
      dropped.push(`${where}.done has a wrong value: ${quoteValue(v.done)}`);
      v.done = false;
    }
  }
  const r = fields(where, input, {
    done: (v) => typeof v === 'boolean',
    at: isTime,
    exitCode: isExitCode,
    machines: (v) => Array.isArray(v) && shape.perMachine !== undefined && v.length <= MAX_MACHINES,
    outOfOrder: (v) => isObject(v) && isTime(v.at) && Array.isArray(v.missing) && v.missing.every((id) => typeof id === 'string' && stepIds.includes(id)) && Object.keys(v).every((k) => k === 'at' || k === 'missing'),
    lastErrors: (v) => Array.isArray(v) && v.length <= MAX_ERRORS && v.every((e) => typeof e === 'string'),
    stoppedAt: isTime,
    subStepsDone: (v) => Array.isArray(v) && v.every((n) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= subSteps),
    // What this computer stored came from a file it ran -updatedb with: any name it read.
    newServer: (v) => typeof v === 'string' && (stored ? v.trim() !== '' : checkServerName(v).ok),
    runs: (v) => Array.isArray(v) && v.length <= RUN_HISTORY_LIMIT,
    cluster: (v) => isObject(v) && Object.entries(v).every(([k, n]) => (k === 'role' || k === 'resource') && isText(n) && n.length <= MAX_CLUSTER_NAME),
    checks: (v) => isObject(v) && Object.keys(v).length <= MAX_CHECKS,
  }, ['done'], dropped);
  const out = structuredClone(r) as unknown as StepRecord;
  if (Array.isArray(r.machines)) out.machines = items(`${where}.machines`, r.machines, (w, m) => machineRecord(w, m, dropped), dropped);
  if (Array.isArray(r.runs)) out.runs = items(`${where}.runs`, r.runs, (w, x) => runRecord(w, x, dropped), dropped);
  if (isObject(r.checks)) {
    const kept: Record<string, CheckRecord> = {};
    for (const [id, c] of Object.entries(r.checks)) for (const x of items(`${where}.checks`, [c], (_w, v) => checkRecord(`${where}.checks.${id}`, v, dropped), dropped)) kept[id] = x;
    out.checks = kept;
  }
  return out;
}

function readSteps(what: string, value: unknown, shape: ProcedureShape, stepIds: readonly string[], stored: boolean, dropped?: string[]): ProcedureProgress {
  if (!isObject(value)) throw new Invalid(`${what} is not an object`);
  const progress: ProcedureProgress = {};
  for (const [id, record] of Object.entries(value)) {
    const step = shape.steps.find((s) => s.id === id);
    if (!step) {
      // A step of a newer version, in the progress file: kept as it is.
      if (dropped) { progress[id] = record as StepRecord; continue; }
      throw new Invalid(`${what} has a step "${id}", which ${shape.id} does not have`);
    }
    if (dropped && !isObject(record)) {
      dropped.push(`step ${id} is not an object: ${quoteValue(record)}`);
      continue;
    }
    progress[id] = stepRecord(`step ${id}`, record, step, stepIds, stored, dropped);
  }
  return progress;
}

/**
 * The progress file's value of a key read as this version reads it: for `mss.progress.<procedure>`
 * of a procedure this version has, what is wrong is dropped field by field (each named in
 * `dropped`), what a newer version added (a field, a step) is kept; any other key as it is.
 * A value that is not an object at all reads as no progress.
 */
export function readStoredProgress(procedures: ReadonlyArray<ProcedureShape>, key: string, value: unknown): { value: unknown; dropped: string[] } {
  const shape = procedures.find((p) => `mss.progress.${p.id}` === key);
  if (!shape) return { value, dropped: [] };
  const dropped: string[] = [];
  try {
    return { value: readSteps('it', value, shape, shape.steps.map((s) => s.id), true, dropped), dropped };
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    return { value: {}, dropped: [e.message] };
  }
}

/**
 * Why a value of the progress store (key `mss.progress.<procedure>`) is not progress as this
 * version reads it (readStoredProgress would drop something), or undefined when it is. The store
 * writes nothing this says no to. A procedure this version does not know is kept as it is.
 */
export function checkStoredProgress(procedures: ReadonlyArray<ProcedureShape>, key: string, value: unknown): string | undefined {
  const { dropped } = readStoredProgress(procedures, key, value);
  return dropped.length > 0 ? dropped.join('; ') : undefined;
}

/**
 * Reads the progress block of a record. Refuses, saying why, a text without a
 * block or with more than one, JSON that does not parse, an unknown procedure, an
 * unknown step, or a field of the wrong type.
 */
export function readTransfer(text: string, procedures: ReadonlyArray<ProcedureShape>): ReadTransfer {
  if (text.length > MAX_RECORD_CHARS) {
    return { ok: false, error: `This file has ${Math.round(text.length / 1024)} KiB, and a record written by Master Secret Mover has a few KiB: it is not one. Pick the exported record of the move.` };
  }
  const blocks = [...text.matchAll(ANY_OPENING)];
  if (blocks.length === 0) {
    return { ok: false, error: /<!-- master-secret-mover progress v/.test(text)
      ? 'The progress block at the end of the record is damaged (its first line was changed). Export the record again.'
      : 'This file holds no progress of Master Secret Mover. Export the record with "Master Secret: Export a Record of the Move" on the computer where the steps were done, and import that file.' };
  }
  if (blocks.length > 1) return { ok: false, error: 'This file holds more than one progress block. Import a record as Master Secret Mover wrote it: one procedure per file.' };
  const version = Number(blocks[0][1]);
  if (version !== VERSION) {
    return { ok: false, error: version > VERSION
      ? `The record was written by a newer version of Master Secret Mover (its progress block is version ${version}; this version reads version ${VERSION}). Update Master Secret Mover on this computer, then import the record again.`
      : `The record was written by another version of Master Secret Mover (its progress block is version ${version}; this version reads version ${VERSION}). Export the record again with this version.` };
  }
  const start = blocks[0].index + blocks[0][0].length;
  const end = text.indexOf(CLOSING, start);
  if (end < 0) return { ok: false, error: 'The progress block at the end of the record is cut off (no closing -->). Export the record again.' };
  let value: unknown;
  try {
    value = parsePlainJson(text.slice(start, end));
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: `The progress in this record cannot be imported: ${e.message}. Export the record again on the computer where the steps were done.` };
    return { ok: false, error: 'The progress block at the end of the record is not valid JSON: the file was changed after it was written. Export the record again.' };
  }
  try {
    const top = fields('the record', value, {
      procedure: (v) => typeof v === 'string',
      exportedAt: isTime,
      computer: (v) => typeof v === 'string' && v.length <= 255 && findInvisible(v) === undefined && !/[\r\n]/.test(v),
      progress: isObject,
    }, ['procedure', 'exportedAt', 'computer', 'progress']);
    const shape = procedures.find((p) => p.id === top.procedure);
    if (!shape) throw new Invalid(`the record is of procedure "${String(top.procedure)}", which this version does not have`);
    const stepIds = shape.steps.map((s) => s.id);
    const progress = readSteps('the record', top.progress, shape, stepIds, false);
    return { ok: true, transfer: { procedure: shape.id, exportedAt: top.exportedAt as string, computer: top.computer as string, progress } };
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    return { ok: false, error: `The progress in this record cannot be imported: ${e.message}. Export the record again on the computer where the steps were done.` };
  }
}

const time = (at: string | undefined): number => (at ? Date.parse(at) || 0 : 0);

type Machine = NonNullable<StepRecord['machines']>[number];

/**
 * The machines of both, by name (any case, by the first DNS label: NODE1 is NODE1.contoso.com, computers.ts): a machine done on either is done, otherwise the
 * later record wins. One pass over each list (a map by name), in the order first seen.
 */
function mergeMachines(here: readonly Machine[], record: readonly Machine[]): Machine[] {
  const out = here.map((m) => ({ ...m }));
  const index = new Map<string, number>();
  out.forEach((m, i) => { if (!index.has(computerKey(m.name))) index.set(computerKey(m.name), i); });
  for (const m of record) {
    const i = index.get(computerKey(m.name));
    if (i === undefined) {
      index.set(computerKey(m.name), out.length);
      out.push({ ...m });
    } else if ((m.done && !out[i].done) || (m.done === out[i].done && time(m.at) > time(out[i].at))) {
      out[i] = { ...m };
    }
  }
  return out;
}

/** The runs of both, once each (by start time, command line and computer), oldest first. */
function mergeRuns(here: readonly RunRecord[], record: readonly RunRecord[]): RunRecord[] {
  const key = (r: RunRecord) => `${r.startedAt}\u0000${r.commandLine}\u0000${r.computer}`;
  const byKey = new Map<string, RunRecord>();
  for (const r of [...here, ...record]) if (!byKey.has(key(r))) byKey.set(key(r), structuredClone(r));
  return [...byKey.values()].sort((a, b) => time(a.startedAt) - time(b.startedAt)).slice(-RUN_HISTORY_LIMIT);
}

/** The verdicts of both, the later one of each check. */
function mergeChecks(here: Readonly<Record<string, CheckRecord>>, record: Readonly<Record<string, CheckRecord>>): Record<string, CheckRecord> {
  const out: Record<string, CheckRecord> = structuredClone({ ...here });
  for (const [id, c] of Object.entries(record)) if (!out[id] || time(c.at) > time(out[id].at)) out[id] = structuredClone(c);
  return out;
}

function mergeStep(here: StepRecord, record: StepRecord): StepRecord {
  // The later record says how the last run went; a step done on either computer is done.
  const [newer, older] = time(record.at ?? record.stoppedAt) > time(here.at ?? here.stoppedAt) ? [record, here] : [here, record];
  const next: StepRecord = structuredClone(newer);
  const doneOne = newer.done ? newer : older.done ? older : undefined;
  next.done = doneOne !== undefined;
  if (doneOne?.outOfOrder) next.outOfOrder = structuredClone(doneOne.outOfOrder); else delete next.outOfOrder;
  const subSteps = [...new Set([...(here.subStepsDone ?? []), ...(record.subStepsDone ?? [])])].sort((a, b) => a - b);
  if (subSteps.length > 0) next.subStepsDone = subSteps; else delete next.subStepsDone;
  const newServer = newer.newServer ?? older.newServer;
  if (newServer !== undefined) next.newServer = newServer;
  if (here.cluster || record.cluster) next.cluster = { ...older.cluster, ...newer.cluster };
  if (here.runs || record.runs) next.runs = mergeRuns(here.runs ?? [], record.runs ?? []);
  if (here.checks || record.checks) next.checks = mergeChecks(here.checks ?? {}, record.checks ?? {});
  if (here.machines || record.machines) {
    next.machines = mergeMachines(here.machines ?? [], record.machines ?? []);
    // A step done once per machine is done when every machine is (as ProgressBook keeps it),
    // or when it was ticked done without machines on either computer.
    const tickedWithoutMachines = [here, record].some((r) => r.done && !r.machines?.length);
    next.done = (next.machines.length > 0 && next.machines.every((m) => m.done)) || tickedWithoutMachines;
    if (!next.done) delete next.outOfOrder;
  }
  return next;
}

/**
 * The progress of this computer and a record's together: a step done on either is done,
 * sub-steps and machines of both are kept, and the later of the two says how the last run
 * went (exit code, ERROR lines). For the steps done once per machine, where each computer
 * records its own runs (the restore on each cluster node).
 */
export function mergeProgress(here: ProcedureProgress, record: ProcedureProgress): ProcedureProgress {
  const out = structuredClone(here) as ProcedureProgress;
  for (const [id, r] of Object.entries(record)) out[id] = out[id] ? mergeStep(out[id], r) : structuredClone(r);
  return out;
}

/**
 * Why the merge of this computer's progress and a record's cannot be kept (over a limit: for
 * example 40 + 40 machines of different names), in the words of the Merge / Replace question;
 * undefined when it can. The same check as every write of the progress file.
 */
export function mergeProblem(procedures: ReadonlyArray<ProcedureShape>, procedure: string, merged: ProcedureProgress): string | undefined {
  const why = checkStoredProgress(procedures, `mss.progress.${procedure}`, merged);
  return why === undefined ? undefined : `Merge is not possible: the two together would be more than the progress keeps (${why}). Replace keeps only what the record says.`;
}
