// Progress of a procedure: which steps are done, when, with which exit code,
// per machine where a step is done once per machine, and which steps were ticked
// before the steps they depend on (recorded, after the admin confirmed).
// Pure: storage is a Memento-like key/value store handed in by the caller.
import { findInvisible, visible } from '../ssoTools/serverName';
import { computerKey } from './computers';

export interface MachineRecord { done: boolean; at?: string; exitCode?: number }

/** A file a run read or wrote, as it was on disk after the run (never its content). */
export interface RunFile { path: string; size?: number; sha256?: string }

/** One run of a step's tool, as it ran: for the record of the move. */
export interface RunRecord {
  /** The command line exactly as it ran: the program's path and every argument. */
  commandLine: string;
  /** Absent when the run was stopped before its process reported one. */
  exitCode?: number;
  startedAt: string;
  endedAt: string;
  /** The computer and the Windows user (DOMAIN\name) that ran it. */
  computer: string;
  user: string;
  /** The update XML file or the backup file of the run. */
  file?: RunFile;
  /** -updatedb: the server the file's <secretServer> names. */
  secretServer?: string;
  /** The machine of a per-machine step the run was for. */
  machine?: string;
}

/** A verdict of mss.verifyMove, kept with the step it bears on. */
export interface CheckRecord {
  verdict: 'pass' | 'fail' | 'unverified';
  summary: string;
  evidence: string;
  next?: string;
  at: string;
  /** The computer whose service and log were read. */
  computer: string;
}

/** A computer as verdicts and machines are kept: its first DNS label, upper case (BTSMSS02.contoso.com is BTSMSS02); one function for both (computers.ts). */
export { computerKey };

/** The key of a verdict in `StepRecord.checks`: the check and the computer read (`restoreLogged@NODE1`). */
export function checkKey(id: string, computer: string): string {
  return `${id}@${computerKey(computer)}`;
}

/** A kept verdict's check id and computer, from its key (a key without "@", written before verdicts were kept per computer, is the record's computer). */
export function checkEntry(key: string, record: CheckRecord): { id: string; computer: string } {
  const at = key.indexOf('@');
  return at < 0 ? { id: key, computer: record.computer } : { id: key.slice(0, at), computer: record.computer || key.slice(at + 1) };
}

/** The names of the clustered SSO role and its ENTSSO resource, as the cluster steps used them. */
export interface ClusterNames { role?: string; resource?: string }

/** The most runs kept per step (the oldest go first). */
export const RUN_HISTORY_LIMIT = 20;
/**
 * The most machines of a step (a failover cluster has at most 64 nodes), ERROR lines of a run
 * and verdicts of a step: the same limits for what the admin enters, a run, an import and the
 * reader of the progress file (transfer.ts), so that the store never writes what it would not read.
 */
export const MACHINE_LIMIT = 64;
export const ERROR_LINE_LIMIT = 50;
/** Verdicts are kept per check and per computer read (a cluster's nodes, the BizTalk Servers of a group). */
export const CHECK_LIMIT = 200;

/** Why a machine's name cannot be kept (empty, too long, a character that does not show), or undefined. */
export function machineNameProblem(name: string): string | undefined {
  if (name === '') return 'A machine name is empty.';
  if (name.length > 255) return `The machine name "${visible(name.slice(0, 40))}..." has ${name.length} characters; a DNS name has at most 255.`;
  const invisible = findInvisible(name);
  if (invisible) return `The machine name "${visible(name)}" contains a character that does not show (${visible(invisible.char)}), so it is not the name you see. Retype it.`;
  return undefined;
}
export interface StepRecord {
  done: boolean;
  at?: string;
  exitCode?: number;
  /** Per-machine steps: the machines the admin listed, in the order listed. */
  machines?: Array<{ name: string } & MachineRecord>;
  /** Set when the step was marked done before the steps it requires. */
  outOfOrder?: { at: string; missing: string[] };
  /** The tool's ERROR lines of the last failed run (e.g. `0xC0002A0F: Could not contact...`); cleared by a run that succeeds. */
  lastErrors?: string[];
  /** Set when the last run of the step's tool was stopped before its process reported an exit code. */
  stoppedAt?: string;
  /** The sub-steps ticked (their numbers, 1-based, as in the ids `<stepId>.<n>`), in order. */
  subStepsDone?: number[];
  /** -updatedb: the master secret server its file named, from its last run that succeeded. */
  newServer?: string;
  /** The move to a cluster: the clustered SSO role and resource the cluster steps ran with (kept with step 4's record). */
  cluster?: ClusterNames;
  /** Every run of the step's tool, oldest first (at most RUN_HISTORY_LIMIT). */
  runs?: RunRecord[];
  /** The verdicts of the checks that bear on the step, by check and computer read (`checkKey`), from the last verification of each computer. */
  checks?: Record<string, CheckRecord>;
}
export type ProcedureProgress = Record<string, StepRecord>;

export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
  /**
   * Applies `fn` to the value as stored now and writes what it returns, once (a store shared by
   * several windows does it under its lock, on the value read under the lock). Resolves with
   * what was written. A store without it gets a read, `fn` and an update.
   */
  change?(key: string, fn: (current: unknown) => unknown): PromiseLike<unknown>;
  /** A store that another window writes too tells which keys that window changed. */
  onDidChangeKeys?(listener: (keys: readonly string[]) => void): { dispose(): void };
}

/** What progress needs to know of a procedure (the model provides it). */
export interface ProcedureShape {
  id: string;
  steps: ReadonlyArray<{ id: string; title: string; requires: readonly string[]; perMachine?: unknown; subSteps?: ReadonlyArray<unknown> }>;
}

export interface StepSnapshot { done: boolean; at?: string; exitCode?: number }

const storageKey = (procedure: string) => `mss.progress.${procedure}`;

/** A record after a run that ended with an exit code: its ERROR lines (none: cleared; the first ERROR_LINE_LIMIT kept), and no longer stopped. */
function withRunOutcome(record: StepRecord, errors: readonly string[]): StepRecord {
  const next = { ...record };
  if (errors.length > 0) next.lastErrors = errors.slice(0, ERROR_LINE_LIMIT);
  else delete next.lastErrors;
  delete next.stoppedAt;
  return next;
}

export class ProgressBook {
  private readonly listeners = new Set<(procedure: string) => void>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly procedures: ReadonlyArray<ProcedureShape>,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Progress another window wrote: the trees and ticks of that procedure refresh.
    store.onDidChangeKeys?.((keys) => {
      for (const p of this.procedures) if (keys.includes(storageKey(p.id))) for (const l of this.listeners) l(p.id);
    });
  }

  onDidChange(listener: (procedure: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  procedure(id: string): ProcedureShape {
    const p = this.procedures.find((x) => x.id === id);
    if (!p) {
      throw new Error(`Unknown procedure "${id}". Use one of: ${this.procedures.map((x) => x.id).join(', ')}.`);
    }
    return p;
  }

  private step(procedure: string, step: string) {
    const p = this.procedure(procedure);
    const s = p.steps.find((x) => x.id === step);
    if (!s) {
      throw new Error(`Unknown step "${step}" in ${procedure}. Steps: ${p.steps.map((x) => x.id).join(', ')}.`);
    }
    return s;
  }

  /** The stored records (absent steps are not done). */
  read(procedure: string): ProcedureProgress {
    this.procedure(procedure);
    const raw = this.store.get<ProcedureProgress>(storageKey(procedure));
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? structuredClone(raw) : {};
  }

  record(procedure: string, step: string): StepRecord {
    this.step(procedure, step);
    return this.read(procedure)[step] ?? { done: false };
  }

  /** What mss.getProgress resolves (README.md, "Commands"): every top-level step, `{ done, at?, exitCode? }`. */
  snapshot(procedure: string): Record<string, StepSnapshot> {
    const stored = this.read(procedure);
    const out: Record<string, StepSnapshot> = {};
    for (const s of this.procedure(procedure).steps) {
      const r = stored[s.id];
      const entry: StepSnapshot = { done: r?.done ?? false };
      if (r?.at !== undefined) entry.at = r.at;
      if (r?.exitCode !== undefined) entry.exitCode = r.exitCode;
      out[s.id] = entry;
    }
    return out;
  }

  /** Required steps of `step` that are not done yet, in procedure order. */
  missingPrerequisites(procedure: string, step: string): string[] {
    return this.missingIn(this.read(procedure), procedure, step);
  }

  counts(procedure: string): { done: number; total: number } {
    const stored = this.read(procedure);
    const steps = this.procedure(procedure).steps;
    return { done: steps.filter((s) => stored[s.id]?.done).length, total: steps.length };
  }

  /**
   * The one way progress changes: `fn` gets the procedure's progress as it is stored now (in the
   * progress file: read under its lock, with what other windows wrote), changes it in place, and
   * the result is written once, atomically. What `fn` returns is handed back. A change that
   * throws writes nothing. Every mutator below is a caller of this.
   */
  async change<T>(procedure: string, fn: (progress: ProcedureProgress, at: string) => T): Promise<T> {
    this.procedure(procedure);
    let result: T | undefined;
    let applied = false;
    const apply = (current: unknown): ProcedureProgress => {
      const progress: ProcedureProgress = current && typeof current === 'object' && !Array.isArray(current) ? structuredClone(current as ProcedureProgress) : {};
      result = fn(progress, this.now().toISOString());
      applied = true;
      return progress;
    };
    const key = storageKey(procedure);
    if (this.store.change) await this.store.change(key, apply);
    else await this.store.update(key, apply(this.store.get<unknown>(key)));
    if (!applied) throw new Error(`The progress of ${procedure} was not changed.`);
    for (const l of this.listeners) l(procedure);
    return result as T;
  }

  /** The step's record in `progress`, created not done when absent (for a change). */
  private stepIn(progress: ProcedureProgress, procedure: string, step: string): StepRecord {
    this.step(procedure, step);
    progress[step] ??= { done: false };
    return progress[step];
  }

  /** Required steps of `step` not done in `progress`. */
  private missingIn(progress: ProcedureProgress, procedure: string, step: string): string[] {
    const s = this.step(procedure, step);
    return this.procedure(procedure).steps.filter((x) => s.requires.includes(x.id) && !progress[x.id]?.done).map((x) => x.id);
  }

  /**
   * Marks a step done or not done. Marking it done before the steps it requires
   * is recorded in `outOfOrder` (the caller asks the admin first). Marking a
   * per-machine step done ticks every listed machine; not done clears them.
   */
  async setDone(procedure: string, step: string, done: boolean, extra: { exitCode?: number } = {}): Promise<StepRecord> {
    this.step(procedure, step);
    return this.change(procedure, (progress, at) => this.doneIn(progress, procedure, step, done, at, extra.exitCode));
  }

  private doneIn(progress: ProcedureProgress, procedure: string, step: string, done: boolean, at: string, exitCode?: number): StepRecord {
    const previous = progress[step];
    const next: StepRecord = { done };
    if (done) {
      next.at = at;
      if (exitCode !== undefined) next.exitCode = exitCode;
      const missing = this.missingIn(progress, procedure, step);
      if (missing.length > 0) next.outOfOrder = { at, missing };
    } else if (exitCode !== undefined) {
      next.at = at;
      next.exitCode = exitCode;
    }
    // The history of runs and the verdicts stay whatever the admin ticks.
    if (previous?.runs) next.runs = previous.runs;
    if (previous?.checks) next.checks = previous.checks;
    if (previous?.machines) {
      next.machines = previous.machines.map((m) => (done ? { ...m, done: true, at: m.done ? m.at : at } : { name: m.name, done: false }));
    }
    // A step done has all its sub-steps done; marking it not done leaves the sub-steps ticked as they were.
    const subSteps = this.step(procedure, step).subSteps?.length ?? 0;
    if (done && subSteps > 0) next.subStepsDone = Array.from({ length: subSteps }, (_x, i) => i + 1);
    else if (previous?.subStepsDone?.length) next.subStepsDone = [...previous.subStepsDone];
    progress[step] = next;
    return next;
  }

  /**
   * Records how a tool run for a step ended: exit 0 marks it done with time and
   * code; anything else records the code and leaves the step not done. For a
   * per-machine step, `machine` names the machine the run was for.
   */
  async recordRun(procedure: string, step: string, exitCode: number, machine?: string, errors: string[] = [], run?: RunRecord): Promise<StepRecord> {
    return this.recordToolRun(procedure, step, { exitCode, machine, errors, run });
  }

  /** Records a run that was stopped before its process reported an exit code: the step stays as it was. */
  async recordStopped(procedure: string, step: string, run?: RunRecord): Promise<StepRecord> {
    return this.recordToolRun(procedure, step, { run });
  }

  /**
   * A tool run, as one change (one write): its record in the step's history, how it ended (exit
   * 0 ticks the step or the machine; another code is recorded with the ERROR lines and leaves it
   * as it was; no code: stopped), and, for a -updatedb that succeeded, the server its file named.
   */
  async recordToolRun(procedure: string, step: string, outcome: { exitCode?: number; machine?: string; errors?: readonly string[]; run?: RunRecord; newServer?: string }): Promise<StepRecord> {
    const s = this.step(procedure, step);
    if (outcome.machine !== undefined && !s.perMachine) throw new Error(`Step "${step}" is not done once per machine.`);
    return this.change(procedure, (progress, at) => {
      const { exitCode, machine, run } = outcome;
      if (run) this.runIn(progress, procedure, step, run);
      let next: StepRecord;
      if (exitCode === undefined) {
        next = { ...this.stepIn(progress, procedure, step), stoppedAt: at };
        delete next.lastErrors;
      } else {
        const errors = exitCode === 0 ? [] : outcome.errors ?? [];
        if (machine !== undefined) this.machineDoneIn(progress, procedure, step, machine, exitCode === 0, at, exitCode);
        else if (exitCode === 0) this.doneIn(progress, procedure, step, true, at, exitCode);
        else {
          const previous = this.stepIn(progress, procedure, step);
          // A failed re-run does not undo a step that was done before: record the code only.
          progress[step] = { ...previous, exitCode, at, done: previous.done };
        }
        next = withRunOutcome(progress[step], errors);
      }
      if (exitCode === 0 && outcome.newServer) next.newServer = outcome.newServer;
      progress[step] = next;
      return next;
    });
  }

  /** Adds a run to the step's history (oldest dropped past RUN_HISTORY_LIMIT); the step stays as it is. */
  async addRun(procedure: string, step: string, run: RunRecord): Promise<StepRecord> {
    this.step(procedure, step);
    return this.change(procedure, (progress) => this.runIn(progress, procedure, step, run));
  }

  private runIn(progress: ProcedureProgress, procedure: string, step: string, run: RunRecord): StepRecord {
    const previous = this.stepIn(progress, procedure, step);
    progress[step] = { ...previous, runs: [...(previous.runs ?? []), structuredClone(run)].slice(-RUN_HISTORY_LIMIT) };
    return progress[step];
  }

  /**
   * Keeps the verdicts of a verification with the steps they bear on (`step` of each check),
   * per computer read: a verification of one computer replaces that computer's verdicts only.
   * Whether a step is done does not change.
   */
  async recordChecks(procedure: string, checks: ReadonlyArray<{ id: string; step: string } & CheckRecord>): Promise<void> {
    for (const c of checks) this.step(procedure, c.step);
    await this.change(procedure, (progress) => {
      for (const c of checks) {
        const previous = this.stepIn(progress, procedure, c.step);
        const kept: CheckRecord = { verdict: c.verdict, summary: c.summary, evidence: c.evidence, at: c.at, computer: c.computer, ...(c.next ? { next: c.next } : {}) };
        const others = Object.fromEntries(Object.entries(previous.checks ?? {}).filter(([key, r]) => {
          const e = checkEntry(key, r);
          return !(e.id === c.id && computerKey(e.computer) === computerKey(c.computer));
        }));
        progress[c.step] = { ...previous, checks: { ...others, [checkKey(c.id, c.computer)]: kept } };
      }
    });
  }

  /**
   * Ticks or unticks sub-step `n` (1-based) of a step. A sub-step is a checklist
   * item: it does not change whether the step itself is done.
   */
  async setSubStepDone(procedure: string, step: string, n: number, done: boolean): Promise<StepRecord> {
    const s = this.step(procedure, step);
    const count = s.subSteps?.length ?? 0;
    if (!Number.isInteger(n) || n < 1 || n > count) {
      throw new Error(count === 0 ? `Step "${step}" has no sub-steps.` : `Step "${step}" has sub-steps ${step}.1 to ${step}.${count}; there is no ${step}.${n}.`);
    }
    return this.change(procedure, (progress) => {
      const next: StepRecord = { ...this.stepIn(progress, procedure, step) };
      const ticked = new Set(next.subStepsDone ?? []);
      if (done) ticked.add(n); else ticked.delete(n);
      if (ticked.size > 0) next.subStepsDone = [...ticked].sort((a, b) => a - b);
      else delete next.subStepsDone;
      progress[step] = next;
      return next;
    });
  }

  /** Remembers the server a successful -updatedb named (the restart and the restore check it). */
  async setNewServer(procedure: string, step: string, server: string): Promise<StepRecord> {
    this.step(procedure, step);
    return this.change(procedure, (progress) => {
      progress[step] = { ...this.stepIn(progress, procedure, step), newServer: server };
      return progress[step];
    });
  }

  /** Keeps the cluster's role and resource names with a step (given names replace the kept ones; the others stay). */
  async setClusterNames(procedure: string, step: string, names: ClusterNames): Promise<StepRecord> {
    this.step(procedure, step);
    return this.change(procedure, (progress) => {
      const previous = this.stepIn(progress, procedure, step);
      const cluster: ClusterNames = { ...previous.cluster };
      if (names.role !== undefined) cluster.role = names.role;
      if (names.resource !== undefined) cluster.resource = names.resource;
      progress[step] = { ...previous, cluster };
      return progress[step];
    });
  }

  /**
   * Sets the machines of a per-machine step (names trimmed, duplicates ignored: any case, by the
   * first DNS label, as computers.ts compares them). Refuses a name that does not show as it is,
   * and more than MACHINE_LIMIT machines.
   */
  async setMachines(procedure: string, step: string, names: string[]): Promise<StepRecord> {
    const s = this.step(procedure, step);
    if (!s.perMachine) throw new Error(`Step "${step}" is not done once per machine.`);
    return this.change(procedure, (progress, at) => {
      const previous = this.stepIn(progress, procedure, step);
      const seen = new Set<string>();
      const machines: NonNullable<StepRecord['machines']> = [];
      for (const raw of names) {
        const name = raw.trim();
        if (!name || seen.has(computerKey(name))) continue;
        const problem = machineNameProblem(name);
        if (problem) throw new Error(problem);
        seen.add(computerKey(name));
        machines.push(previous.machines?.find((m) => computerKey(m.name) === computerKey(name)) ?? { name, done: false });
      }
      if (machines.length > MACHINE_LIMIT) throw new Error(`${machines.length} machines: a step lists at most ${MACHINE_LIMIT} (a failover cluster has at most ${MACHINE_LIMIT} nodes). List the nodes of the cluster, or the BizTalk Servers of the group.`);
      progress[step] = this.withMachineTotals(progress, { ...previous, machines }, at, procedure, step);
      return progress[step];
    });
  }

  async setMachineDone(procedure: string, step: string, machine: string, done: boolean, exitCode?: number): Promise<StepRecord> {
    const s = this.step(procedure, step);
    if (!s.perMachine) throw new Error(`Step "${step}" is not done once per machine.`);
    return this.change(procedure, (progress, at) => this.machineDoneIn(progress, procedure, step, machine, done, at, exitCode));
  }

  private machineDoneIn(progress: ProcedureProgress, procedure: string, step: string, machine: string, done: boolean, at: string, exitCode?: number): StepRecord {
    const previous = this.stepIn(progress, procedure, step);
    const machines = (previous.machines ?? []).map((x) => ({ ...x }));
    let m = machines.find((x) => computerKey(x.name) === computerKey(machine));
    if (!m) {
      const problem = machineNameProblem(machine.trim());
      if (problem) throw new Error(problem);
      if (machines.length >= MACHINE_LIMIT) throw new Error(`${step} lists ${machines.length} machines already, the most a step keeps: ${machine.trim()} was not added.`);
      m = { name: machine.trim(), done: false };
      machines.push(m);
    }
    m.done = done;
    m.at = at;
    if (exitCode !== undefined) m.exitCode = exitCode; else delete m.exitCode;
    progress[step] = this.withMachineTotals(progress, { ...previous, machines }, at, procedure, step);
    return progress[step];
  }

  /** A per-machine step is done when it has machines and all of them are done. */
  private withMachineTotals(progress: ProcedureProgress, r: StepRecord, at: string, procedure: string, step: string): StepRecord {
    const machines = r.machines ?? [];
    const allDone = machines.length > 0 && machines.every((m) => m.done);
    const next: StepRecord = { ...r, done: allDone };
    if (allDone && !r.done) {
      next.at = at;
      const missing = this.missingIn(progress, procedure, step);
      if (missing.length > 0) next.outOfOrder = { at: next.at, missing };
    }
    if (!allDone) delete next.outOfOrder;
    return next;
  }

  /** The change (ticket) number the admin gave for a procedure, for the record of the move. */
  changeNumber(procedure: string): string | undefined {
    this.procedure(procedure);
    const v = this.store.get<unknown>(`mss.change.${procedure}`);
    return typeof v === 'string' && v.trim() !== '' ? v : undefined;
  }

  async setChangeNumber(procedure: string, change: string | undefined): Promise<void> {
    this.procedure(procedure);
    const key = `mss.change.${procedure}`;
    const value = change?.trim() || undefined;
    if (this.store.change) await this.store.change(key, () => value);
    else await this.store.update(key, value);
  }

  /** Puts back records read earlier with read() (undo of a reset, an import's Replace). */
  async restore(procedure: string, stored: ProcedureProgress): Promise<void> {
    await this.change(procedure, (progress) => replaceProgress(progress, structuredClone(stored)));
  }

  async reset(procedure?: string): Promise<void> {
    const ids = procedure === undefined ? this.procedures.map((p) => p.id) : [this.procedure(procedure).id];
    for (const id of ids) await this.change(id, (progress) => replaceProgress(progress, {}));
  }
}

/** Makes `progress` hold `next` only (for a change that replaces a procedure's progress whole). */
export function replaceProgress(progress: ProcedureProgress, next: ProcedureProgress): void {
  for (const k of Object.keys(progress)) delete progress[k];
  Object.assign(progress, next);
}
