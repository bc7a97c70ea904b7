// The checks that read the ENTSSO events of the Application log (`wevtutil qe`): the restart,
// the restore, the other SSO servers following the new master secret server, and a stale
// backup. Each is bound to this move: an event counts only when it is newer than the run it
// bears on, as the record of the move holds it; with no such run recorded the check says which
// run is missing and is `unverified`. Pure. Events and their insertion strings:
// docs/events-and-errors.md; the rules: docs/verification.md.
import * as path from 'path';
import { sameComputer } from '../procedures/computers';
import { clip, failedRun, notRun, type CheckId, type CheckResult, type ToolOutput } from './checks';
import { readEvents, type LoggedEvent } from './readers';

/** The ENTSSO events that tell how a move went, with their meaning. */
export const MOVE_EVENTS: Readonly<Record<number, string>> = {
  10501: 'the SSO service is starting',
  10611: 'the SSO service is starting (without SSL)',
  10502: 'the SSO service started',
  10503: 'the SSO service failed to start',
  10504: 'the SSO service is stopping',
  10505: 'the SSO service stopped',
  10575: 'the secret server name was updated (-updatedb)',
  10534: 'this computer is the master secret server (after the restart)',
  10520: 'no secrets in the registry of the master secret server (expected until the restore)',
  10523: 'the master secrets were restored',
  10524: 'the restore of the master secrets failed',
  10525: 'a new master secret was generated',
  10559: 'the master secrets were backed up',
  10529: 'the secrets were read from the master secret server',
  10533: 'got the current secret from the master secret server',
  10530: 'got the previous secret from the master secret server',
  10532: 'failed to retrieve the master secrets',
};

/** The ids the event query asks for: the events above, and no others (wevtutil's /q filter). */
export const QUERIED_EVENT_IDS: readonly number[] = Object.keys(MOVE_EVENTS).map(Number).sort((a, b) => a - b);

/** A run of the record that an event must be newer than: the restart, the resource cycle, the restore, the backup. */
export interface RunBound {
  /** In the admin's words: "the restart run", "the resource cycle (step 6)". */
  what: string;
  /** When it started (ISO), as the record holds it. */
  at: string;
  ms: number;
}

export function runBound(what: string, at: string | undefined): RunBound | undefined {
  if (!at) return undefined;
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? undefined : { what, at, ms };
}

function describeEvent(e: LoggedEvent): string {
  const meaning = MOVE_EVENTS[e.id];
  return `${e.id} at ${e.time || 'an unknown time'}${e.computer ? ` on ${e.computer}` : ''}${meaning ? ` (${meaning})` : ''}${e.data.length ? `: ${e.data.join(' | ')}` : ''}`;
}

/** The events of a move found in the log, newest first, one line each, for the evidence. */
export function moveEventLines(events: readonly LoggedEvent[]): string[] {
  return [...events].filter((e) => e.id in MOVE_EVENTS).sort(byTimeDesc).map(describeEvent);
}

function byTimeDesc(a: LoggedEvent, b: LoggedEvent): number {
  if (Number.isNaN(a.ms) || Number.isNaN(b.ms)) return 0;
  return b.ms - a.ms;
}

/** The newest of the events by TimeCreated (events without a readable time never count). */
function newest(events: readonly LoggedEvent[]): LoggedEvent | undefined {
  return events.filter((e) => !Number.isNaN(e.ms)).sort(byTimeDesc)[0];
}

/** Where wevtutil failed, in the admin's words (its messages are localized: only the English ones are recognised). */
function wevtutilFailure(text: string, computer: string): string | undefined {
  if (/access is denied/i.test(text)) return `access to the Application log of ${computer} was denied: run VS Code as an administrator with rights there`;
  if (/RPC server is unavailable/i.test(text)) return `${computer} cannot be reached (the RPC server is unavailable): check the name, that it is on, and that the firewall allows remote event log management`;
  return undefined;
}

type Read = { ok: true; entsso: LoggedEvent[]; evidence: (first: string, extra?: string[]) => string } | { ok: false; result: CheckResult };

/** The ENTSSO events wevtutil printed, or the verdict that nothing could be read. */
function readLog(id: CheckId, out: ToolOutput, computer: string): Read {
  if (!out.ran) return { ok: false, result: notRun(id, out) };
  if (out.exitCode !== 0) {
    const why = wevtutilFailure(`${out.stdout}\n${out.stderr}`, computer);
    if (why) return { ok: false, result: { id, verdict: 'unverified', summary: `Not checked: ${why}.`, evidence: `${out.commandLine}\nexit code ${out.exitCode}\n${clip(`${out.stdout}\n${out.stderr}`)}`, next: 'Fix what the summary says, then verify again.' } };
    return { ok: false, result: failedRun(id, out, 'wevtutil') };
  }
  const events = readEvents(out.stdout);
  if (events === undefined) {
    return { ok: false, result: { id, verdict: 'unverified', summary: 'Not checked: wevtutil printed something that is not event XML.', evidence: `${out.commandLine}\n${clip(out.stdout)}`, next: 'Read the output in the evidence, or look for the ENTSSO events (10523 and 10524 for the restore) in Event Viewer (Windows Logs > Application).' } };
  }
  const entsso = events.filter((e) => e.provider.toUpperCase() === 'ENTSSO');
  const found = moveEventLines(entsso);
  const evidence = (first: string, extra: string[] = []) => [out.commandLine, first, ...(found.length ? ['ENTSSO events of the move found, newest first:', ...found] : []), ...extra].join('\n');
  return { ok: true, entsso, evidence };
}

/** Not bound to this move: the run the check needs is not in the record. */
function missingRun(id: CheckId, what: string, next: string, evidence: string): CheckResult {
  return { id, verdict: 'unverified', summary: `Not checked: no ${what} of this move is recorded, so no event can be bound to it.`, evidence, next };
}

/**
 * `restartLogged` (move to another server): ENTSSO events newer than the last restart run. A
 * 10502 (started) or 10534 (this computer is the master secret server) passes; a 10503 (failed
 * to start) newest fails.
 */
export function checkRestartLogged(out: ToolOutput, computer: string, restart: RunBound | undefined): CheckResult {
  const id: CheckId = 'restartLogged';
  const read = readLog(id, out, computer);
  if (!read.ok) return read.result;
  if (!restart) return missingRun(id, 'restart run (step 5)', 'Restart Enterprise SSO from the extension (step 5: the Run button, or the entsso task), so that its run is in the record, then verify again.', read.evidence(`${read.entsso.length} ENTSSO events read`));
  const after = read.entsso.filter((e) => e.ms > restart.ms);
  const decisive = newest(after.filter((e) => e.id === 10502 || e.id === 10534 || e.id === 10503));
  const bound = `Bound to ${restart.what} started at ${restart.at}.`;
  if (!decisive) {
    const older = newest(read.entsso.filter((e) => e.id === 10502 || e.id === 10534));
    return {
      id, verdict: 'unverified',
      summary: `No start of ENTSSO is logged on ${computer} after ${restart.what} at ${restart.at}${older ? ` (the ${older.id} at ${older.time} is older: not this move's)` : ''}.`,
      evidence: read.evidence(bound),
      next: `Verify on the computer that was restarted (the new master secret server). If it was restarted there, ENTSSO may still be starting: verify again in a few minutes. A clock difference between this computer and ${computer} also shifts the times.`,
    };
  }
  if (decisive.id === 10503) {
    return { id, verdict: 'fail', summary: `10503 logged at ${decisive.time} on ${decisive.computer || computer}: the SSO service failed to start after ${restart.what}${decisive.data.length ? ` (${decisive.data[decisive.data.length - 1]})` : ''}.`, evidence: read.evidence(describeEvent(decisive), [bound]), next: 'Read the Application log (source ENTSSO) around that time for the cause; "Explain an ENTSSO Error Code or Event" explains the error code. Start ENTSSO again once it is fixed, then verify again.' };
  }
  return { id, verdict: 'pass', summary: `${decisive.id} logged at ${decisive.time} on ${decisive.computer || computer}, after ${restart.what}: ${MOVE_EVENTS[decisive.id]}.`, evidence: read.evidence(describeEvent(decisive), [bound]) };
}

/** Two Windows paths are the same file: compared as Windows does, in any case, after normalising. */
export function sameFile(a: string, b: string): boolean {
  const norm = (p: string) => path.win32.normalize(p.trim()).replace(/[\\]+$/, '').toLowerCase();
  return norm(a) === norm(b);
}

export interface RestoreBounds {
  /** The restart (move to another server) or the resource cycle (cluster): the restore must be newer. */
  after?: RunBound;
  /** How to get that run recorded, for the "missing run" answer. */
  afterMissing: { what: string; next: string };
  /** The file this move's restore ran with, when its run is recorded. */
  restoredFile?: string;
}

/**
 * `restoreLogged`: the newest of 10523 (restored) and 10524 (restore failed) newer than the
 * restart or the resource cycle decides. A 10523 of another file than this move's restore is a
 * failure; a backup's 10559 of that file, when the log shows one, must carry the same MSID.
 */
export function checkRestoreLogged(out: ToolOutput, computer: string, bounds: RestoreBounds): CheckResult {
  const id: CheckId = 'restoreLogged';
  const read = readLog(id, out, computer);
  if (!read.ok) return read.result;
  const { after } = bounds;
  if (!after) return missingRun(id, bounds.afterMissing.what, bounds.afterMissing.next, read.evidence(`${read.entsso.length} ENTSSO events read`));
  const restores = read.entsso.filter((e) => e.id === 10523 || e.id === 10524);
  const decisive = newest(restores.filter((e) => e.ms > after.ms));
  const bound = `Bound to ${after.what} at ${after.at}.`;
  if (!decisive) {
    const older = newest(restores.filter((e) => e.id === 10523));
    return {
      id, verdict: 'unverified',
      summary: `No restore is logged on ${computer} after ${after.what} at ${after.at}: neither 10523 nor 10524 among the ${read.entsso.length} newest ENTSSO events${older ? `; the 10523 at ${older.time} is older, not this move's restore` : ''}.`,
      evidence: read.evidence(bound),
      next: 'Restore the master secret on the master secret server (ssoconfig -restoreSecret), then verify again. Until then the new master secret server logs warning 10520 after each start.',
    };
  }
  if (decisive.id === 10524) {
    return {
      id, verdict: 'fail',
      summary: `10524 logged at ${decisive.time} on ${decisive.computer || computer}: the restore of the master secrets failed${decisive.data.length ? ` (${decisive.data[decisive.data.length - 1]})` : ''}.`,
      evidence: read.evidence(describeEvent(decisive), [bound]),
      next: 'Check the backup file and its password, and that this is the master secret server after -updatedb and the restart; run the restore again, then verify again. "Explain an ENTSSO Error Code or Event" explains the error code.',
    };
  }
  const file = decisive.data[0] ?? '';
  if (bounds.restoredFile && file && !sameFile(file, bounds.restoredFile)) {
    return {
      id, verdict: 'fail',
      summary: `The 10523 at ${decisive.time} restored ${file}, not ${bounds.restoredFile}, the file of this move's restore.`,
      evidence: read.evidence(describeEvent(decisive), [bound]),
      next: `Restore ${bounds.restoredFile} (the backup of this move) on the master secret server, then verify again.`,
    };
  }
  const msid = decisive.data[1];
  const backup = newest(read.entsso.filter((e) => e.id === 10559 && e.ms < decisive.ms && file !== '' && e.data[0] !== undefined && sameFile(e.data[0], file)));
  if (backup && msid && backup.data[1] && backup.data[1].toLowerCase() !== msid.toLowerCase()) {
    return {
      id, verdict: 'fail',
      summary: `The 10523 at ${decisive.time} restored the secret ${msid}, but the backup of ${file} at ${backup.time} (10559) holds ${backup.data[1]}.`,
      evidence: read.evidence(describeEvent(decisive), [describeEvent(backup), bound]),
      next: 'The file was overwritten by another backup after this one, or another file was restored: restore the backup made for this move, then verify again.',
    };
  }
  const msidNote = backup ? [`MSID ${msid} matches the backup's 10559 at ${backup.time}.`] : ["The backup's 10559 is not in this log (it is logged where the backup ran): MSID not compared."];
  return { id, verdict: 'pass', summary: `10523 logged at ${decisive.time} on ${decisive.computer || computer}, after ${after.what}: the master secrets were restored.`, evidence: read.evidence(describeEvent(decisive), [...msidNote, bound]) };
}

/**
 * `ssoFollows`: on an SSO server other than the new master secret server, the newest of 10529,
 * 10533 and 10530 (the secret read from the master secret server) newer than the restore names
 * the new server; a newer 10532 (failed to retrieve the secrets) fails. These events may need a
 * higher audit level: none found is `unverified`.
 */
export function checkSsoFollows(out: ToolOutput, computer: string, newServer: string | undefined, restore: RunBound | undefined): CheckResult {
  const id: CheckId = 'ssoFollows';
  const read = readLog(id, out, computer);
  if (!read.ok) return read.result;
  if (!newServer) return { id, verdict: 'unverified', summary: 'Not checked: no new master secret server is known yet.', evidence: read.evidence(`${read.entsso.length} ENTSSO events read`), next: 'Run ssomanage -updatedb from the extension first (it remembers the server the file names).' };
  if (!restore) return missingRun(id, 'restore run', 'Restore the master secret from the extension (its run is then in the record), then verify this SSO server again.', read.evidence(`${read.entsso.length} ENTSSO events read`));
  const after = read.entsso.filter((e) => e.ms > restore.ms);
  const decisive = newest(after.filter((e) => e.id === 10529 || e.id === 10533 || e.id === 10530 || e.id === 10532));
  const bound = `Bound to ${restore.what} at ${restore.at}.`;
  if (!decisive) {
    return { id, verdict: 'unverified', summary: `No secret fetch is logged on ${computer} after ${restore.what} at ${restore.at}.`, evidence: read.evidence(bound), next: 'SSO servers fetch the new secret within about a minute, but these events may be logged only at a higher audit level. Verify again later, or look for 10533 and 10532 in its Application log.' };
  }
  const named = decisive.data[0] ?? '';
  if (decisive.id === 10532) {
    return { id, verdict: 'fail', summary: `10532 logged at ${decisive.time} on ${computer}: it failed to retrieve the master secrets${named ? ` from ${named}` : ''}.`, evidence: read.evidence(describeEvent(decisive), [bound]), next: `Check that ${computer} can reach ${newServer} (RPC, port 135 and the dynamic ports) and that ENTSSO runs there; restart ENTSSO on ${computer} if it keeps failing.` };
  }
  if (named && !sameComputer(named, newServer)) {
    return { id, verdict: 'fail', summary: `${decisive.id} at ${decisive.time} on ${computer} names ${named}, not ${newServer}.`, evidence: read.evidence(describeEvent(decisive), [bound]), next: `Restart ENTSSO on ${computer} so that it reads the new master secret server from the SSO database, then verify again.` };
  }
  return { id, verdict: 'pass', summary: `${decisive.id} logged at ${decisive.time} on ${computer}: it reads the secret from ${named || newServer}.`, evidence: read.evidence(describeEvent(decisive), [bound]) };
}

/**
 * Before the restore: a 10525 (a new secret was generated) newer than the backup's 10559 means
 * the backup holds an older secret. Read on the computer that made the backup.
 */
export function staleBackupWarning(out: ToolOutput, backupFile: string | undefined): { warning?: string; note: string } {
  if (!out.ran) return { note: `Not checked whether the backup is current: ${out.reason}` };
  if (out.exitCode !== 0) return { note: `Not checked whether the backup is current: ${out.commandLine} ended with exit code ${out.exitCode}.` };
  const events = readEvents(out.stdout);
  if (!events) return { note: 'Not checked whether the backup is current: wevtutil printed something that is not event XML.' };
  const entsso = events.filter((e) => e.provider.toUpperCase() === 'ENTSSO');
  const backup = newest(entsso.filter((e) => e.id === 10559 && (!backupFile || (e.data[0] !== undefined && sameFile(e.data[0], backupFile)))));
  if (!backup) return { note: `Not checked whether the backup is current: no 10559 (backup succeeded)${backupFile ? ` for ${backupFile}` : ''} among the events read.` };
  const generated = newest(entsso.filter((e) => e.id === 10525 && e.ms > backup.ms));
  if (!generated) return { note: `The backup of ${backup.time} (10559) is newer than any 10525 read: it holds the current secret.` };
  return {
    warning: `A new master secret was generated at ${generated.time} (10525), after the backup at ${backup.time} (10559)${backupFile ? ` of ${backupFile}` : ''}: that backup holds an older secret. Back up the master secret again on the master secret server and restore the new file.`,
    note: `10525 at ${generated.time} is newer than the backup's 10559 at ${backup.time}.`,
  };
}
