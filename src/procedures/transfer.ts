// Carrying progress from one computer to the next. The move runs on several
// computers (the backup and -updatedb on the original master secret server, the
// restart and the restore on the new one; the cluster steps on each node), and
// progress is kept per computer. The Markdown record (report.ts) ends with the
// progress as JSON in an HTML comment, invisible in the preview; importing the
// record on the next computer reads it back here. The file is input from disk:
// everything in it is checked, nothing is trusted. Pure.
import { checkServerName } from '../ssoTools/serverName';
import type { CheckRecord, MachineRecord, ProcedureProgress, ProcedureShape, RunRecord, StepRecord } from './progress';
import { RUN_HISTORY_LIMIT } from './progress';

/** The first line of the block; the version is the number after `v`. */
const OPENING = '<!-- master-secret-mover progress v1';
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
  return `${OPENING}\n${json}\n${CLOSING}`;
}

export type ReadTransfer = { ok: true; transfer: ProgressTransfer } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isExitCode = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

class Invalid extends Error {}

/** A record is a few kilobytes (20 runs of each step at most); anything much larger is not one. */
export const MAX_RECORD_CHARS = 1024 * 1024;
/** The most machines of a step (a failover cluster has at most 64 nodes), ERROR lines and verdicts kept. */
const MAX_MACHINES = 64;
const MAX_ERRORS = 50;
const MAX_CHECKS = 200;

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

/** Checks one field list: known names only, each with its check; returns the fields that are set. */
function fields(where: string, value: unknown, checks: Record<string, (v: unknown) => boolean>, required: string[]): Record<string, unknown> {
  if (!isObject(value)) throw new Invalid(`${where} is not an object`);
  for (const [k, v] of Object.entries(value)) {
    const check = Object.hasOwn(checks, k) ? checks[k] : undefined;
    if (!check) throw new Invalid(`${where} has an unknown field "${k}"`);
    if (v !== undefined && !check(v)) throw new Invalid(`${where}.${k} has a wrong value: ${JSON.stringify(v)}`);
  }
  for (const k of required) if (value[k] === undefined) throw new Invalid(`${where} has no "${k}"`);
  return value;
}

function machineRecord(where: string, value: unknown): { name: string } & MachineRecord {
  const m = fields(where, value, {
    name: (v) => typeof v === 'string' && v.trim() !== '',
    done: (v) => typeof v === 'boolean',
    at: isTime,
    exitCode: isExitCode,
  }, ['name', 'done']);
  return structuredClone(m) as unknown as { name: string } & MachineRecord;
}

const isText = (v: unknown): v is string => typeof v === 'string';

function runRecord(where: string, value: unknown): RunRecord {
  const r = fields(where, value, {
    commandLine: isText,
    exitCode: isExitCode,
    startedAt: isTime,
    endedAt: isTime,
    computer: isText,
    user: isText,
    file: (v) => isObject(v) && isText(v.path) && (v.size === undefined || (Number.isInteger(v.size) && (v.size as number) >= 0)) && (v.sha256 === undefined || (isText(v.sha256) && /^[0-9a-f]{64}$/.test(v.sha256))) && Object.keys(v).every((k) => k === 'path' || k === 'size' || k === 'sha256'),
    secretServer: isText,
    machine: isText,
  }, ['commandLine', 'startedAt', 'endedAt', 'computer', 'user']);
  return structuredClone(r) as unknown as RunRecord;
}

const VERDICTS = ['pass', 'fail', 'unverified'];

function checkRecord(where: string, value: unknown): CheckRecord {
  const c = fields(where, value, {
    verdict: (v) => VERDICTS.includes(v as string),
    summary: isText,
    evidence: isText,
    next: isText,
    at: isTime,
    computer: isText,
  }, ['verdict', 'summary', 'evidence', 'at', 'computer']);
  return structuredClone(c) as unknown as CheckRecord;
}

function stepRecord(where: string, value: unknown, shape: ProcedureShape['steps'][number], stepIds: readonly string[], stored = false): StepRecord {
  const subSteps = shape.subSteps?.length ?? 0;
  const r = fields(where, value, {
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
    checks: (v) => isObject(v) && Object.keys(v).length <= MAX_CHECKS,
  }, ['done']);
  const out = structuredClone(r) as unknown as StepRecord;
  if (Array.isArray(r.machines)) out.machines = r.machines.map((m, i) => machineRecord(`${where}.machines[${i}]`, m));
  if (Array.isArray(r.runs)) out.runs = r.runs.map((x, i) => runRecord(`${where}.runs[${i}]`, x));
  if (isObject(r.checks)) out.checks = Object.fromEntries(Object.entries(r.checks).map(([id, c]) => [id, checkRecord(`${where}.checks.${id}`, c)]));
  return out;
}

function readSteps(what: string, value: unknown, shape: ProcedureShape, stepIds: readonly string[], stored: boolean): ProcedureProgress {
  if (!isObject(value)) throw new Invalid(`${what} is not an object`);
  const progress: ProcedureProgress = {};
  for (const [id, record] of Object.entries(value)) {
    const step = shape.steps.find((s) => s.id === id);
    if (!step) throw new Invalid(`${what} has a step "${id}", which ${shape.id} does not have`);
    progress[id] = stepRecord(`step ${id}`, record, step, stepIds, stored);
  }
  return progress;
}

/**
 * Why a value of the progress store (key `mss.progress.<procedure>`) is not progress, or
 * undefined when it is: the same shapes as a record's, for a procedure this version has.
 * The store keeps a value of a procedure it does not know as it is.
 */
export function checkStoredProgress(procedures: ReadonlyArray<ProcedureShape>, key: string, value: unknown): string | undefined {
  const shape = procedures.find((p) => `mss.progress.${p.id}` === key);
  if (!shape) return undefined;
  try {
    readSteps('it', value, shape, shape.steps.map((s) => s.id), true);
    return undefined;
  } catch (e) {
    if (e instanceof Invalid) return e.message;
    throw e;
  }
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
  const starts = text.split(OPENING).length - 1;
  if (starts === 0) {
    return { ok: false, error: /<!-- master-secret-mover progress v\d+/.test(text)
      ? 'The record was written by another version of Master Secret Mover, whose progress block this version cannot read.'
      : 'This file holds no progress of Master Secret Mover. Export the record with "Master Secret: Export a Record of the Move" on the computer where the steps were done, and import that file.' };
  }
  if (starts > 1) return { ok: false, error: 'This file holds more than one progress block. Import a record as Master Secret Mover wrote it: one procedure per file.' };
  const start = text.indexOf(OPENING) + OPENING.length;
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
      computer: (v) => typeof v === 'string',
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
 * The machines of both, by name (any case): a machine done on either is done, otherwise the
 * later record wins. One pass over each list (a map by name), in the order first seen.
 */
function mergeMachines(here: readonly Machine[], record: readonly Machine[]): Machine[] {
  const out = here.map((m) => ({ ...m }));
  const index = new Map<string, number>();
  out.forEach((m, i) => { if (!index.has(m.name.toLowerCase())) index.set(m.name.toLowerCase(), i); });
  for (const m of record) {
    const i = index.get(m.name.toLowerCase());
    if (i === undefined) {
      index.set(m.name.toLowerCase(), out.length);
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
