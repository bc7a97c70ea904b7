// The checks of `mss.verifyMove`: each turns what a read-only tool printed into a verdict,
// `pass`, `fail` or `unverified`, with a one-line summary, the evidence it rests on and what to
// do next. Anything that cannot be read is `unverified`, never `pass`. Pure.
// The tools' output shapes and the ENTSSO events are described in docs/tools.md and
// docs/events-and-errors.md.
import { sameComputer } from '../procedures/computers';
import { findToolErrors } from '../ssoTools/output';
import { readEvents, readSecretServerName, readServiceState, SECRET_SERVER_LABEL, type LoggedEvent } from './readers';

export type Verdict = 'pass' | 'fail' | 'unverified';
export type CheckId = 'secretServerName' | 'serviceRunning' | 'restoreLogged';
export const CHECK_IDS: readonly CheckId[] = ['secretServerName', 'serviceRunning', 'restoreLogged'];

export interface CheckResult {
  id: CheckId;
  verdict: Verdict;
  /** One line: what was found. */
  summary: string;
  /** What it rests on: the line read, the state printed, the event found, or why nothing could be read. */
  evidence: string;
  /** What to do when the verdict is not `pass`. */
  next?: string;
}

/** How a read-only tool run went: its output, or why it could not run (missing, timed out, refused). */
export type ToolOutput =
  | { ran: true; commandLine: string; exitCode: number; stdout: string; stderr: string }
  | { ran: false; commandLine: string; reason: string };

/** The most the evidence keeps of a tool's output. */
const EVIDENCE_LIMIT = 1500;

function clip(text: string): string {
  const t = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trim();
  return t.length > EVIDENCE_LIMIT ? `${t.slice(0, EVIDENCE_LIMIT)}\n… (${t.length - EVIDENCE_LIMIT} more characters)` : t;
}

function notRun(id: CheckId, out: Extract<ToolOutput, { ran: false }>): CheckResult {
  return { id, verdict: 'unverified', summary: `Not checked: ${out.reason}`, evidence: `${out.commandLine}\n${out.reason}`, next: 'Fix what the summary says, then verify again.' };
}

function failedRun(id: CheckId, out: Extract<ToolOutput, { ran: true }>, what: string): CheckResult {
  const error = findToolErrors(`${out.stdout}\n${out.stderr}`)[0];
  const said = error ? `: ERROR ${error.hresult} ${error.message}` : '';
  return {
    id,
    verdict: 'unverified',
    summary: `Not checked: ${what} ended with exit code ${out.exitCode}${said}`,
    evidence: `${out.commandLine}\nexit code ${out.exitCode}\n${clip(`${out.stdout}\n${out.stderr}`)}`,
    next: error ? `Run "Master Secret: Explain an ENTSSO Error Code or Event" on ${error.hresult}.` : 'Read the output in the evidence, then verify again.',
  };
}

/**
 * `secretServerName`: does the SSO database name the expected master secret server?
 * Names are compared by their first DNS label in any case (BTSMSS02.contoso.com is BTSMSS02).
 */
export function checkSecretServerName(out: ToolOutput, expected: string | undefined): CheckResult {
  const id: CheckId = 'secretServerName';
  if (!out.ran) return notRun(id, out);
  if (out.exitCode !== 0) return failedRun(id, out, 'ssomanage -displaydb');
  const name = readSecretServerName(out.stdout);
  const layout = 'Microsoft documents what -displaydb shows, not its exact layout.';
  if (name === undefined) {
    return {
      id, verdict: 'unverified',
      summary: `Not checked: -displaydb printed no "${SECRET_SERVER_LABEL}" line.`,
      evidence: `${out.commandLine}\n${clip(out.stdout)}`,
      next: `${layout} Read its output in the evidence: the master secret server is on the line that names the secret server.`,
    };
  }
  const line = `${SECRET_SERVER_LABEL}: ${name}`;
  if (expected === undefined || expected.trim() === '') {
    return {
      id, verdict: 'unverified',
      summary: `-displaydb names ${name}; no server is expected yet.`,
      evidence: `${out.commandLine}\n${line}`,
      next: 'Run ssomanage -updatedb from the extension first (it remembers the server the file names), or give the expected server.',
    };
  }
  if (sameComputer(name, expected)) {
    return { id, verdict: 'pass', summary: `-displaydb names ${name} as the master secret server.`, evidence: `${out.commandLine}\n${line}` };
  }
  return {
    id, verdict: 'fail',
    summary: `-displaydb names ${name}, not ${expected.trim()}.`,
    evidence: `${out.commandLine}\n${line}`,
    next: `The SSO database does not name ${expected.trim()}: run ssomanage -updatedb with the update XML file that names it, on the current master secret server, then verify again.`,
  };
}

/** Windows error codes sc prints after FAILED, in the admin's words. */
function scFailure(code: number, message: string, computer: string): { summary: string; next: string } {
  if (code === 5) return { summary: `Not checked: access to the services of ${computer} was denied (error 5).`, next: `Run VS Code as an administrator with rights on ${computer} (for a remote computer: a domain account that is an administrator there).` };
  if (code === 1722 || code === 1753 || code === 1726 || code === 53 || code === 1231) return { summary: `Not checked: ${computer} cannot be reached (error ${code}${message ? `: ${message}` : ''}).`, next: `Check the computer name, that ${computer} is on, and that the firewall allows remote service management (RPC) from this computer.` };
  return { summary: `Not checked: sc failed with error ${code}${message ? `: ${message}` : ''}.`, next: 'Read the output in the evidence, then verify again.' };
}

/** `serviceRunning`: is the ENTSSO service running on the computer read? */
export function checkServiceRunning(out: ToolOutput, computer: string): CheckResult {
  const id: CheckId = 'serviceRunning';
  if (!out.ran) return notRun(id, out);
  const state = readServiceState(`${out.stdout}\n${out.stderr}`);
  const evidence = `${out.commandLine}\n${clip(`${out.stdout}\n${out.stderr}`)}`;
  switch (state.kind) {
    case 'state':
      if (state.code === 4) return { id, verdict: 'pass', summary: `ENTSSO is running on ${computer}.`, evidence };
      return {
        id, verdict: 'fail', summary: `ENTSSO is ${state.name} on ${computer}, not RUNNING.`, evidence,
        next: state.code === 2 ? 'ENTSSO is starting (it can take about 3 minutes): verify again in a moment.' : `Start Enterprise SSO on ${computer} (the restart step, or net start ENTSSO there), then verify again. The Application log (source ENTSSO) says why it stopped.`,
      };
    case 'notInstalled':
      return { id, verdict: 'fail', summary: `ENTSSO is not installed on ${computer} (sc: 1060, the service does not exist).`, evidence, next: `Install and configure Enterprise SSO on ${computer} (steps 1 and 2 of the move to another server), or check the computer name.` };
    case 'failed': {
      const f = scFailure(state.code, state.message, computer);
      return { id, verdict: 'unverified', summary: f.summary, evidence, next: f.next };
    }
    default:
      return { id, verdict: 'unverified', summary: `Not checked: sc printed no STATE line (exit code ${out.exitCode}).`, evidence, next: 'Read the output in the evidence (a localized Windows prints other words), then verify again.' };
  }
}

/** The ENTSSO events that tell how a move went, newest first, with their meaning. */
export const MOVE_EVENTS: Readonly<Record<number, string>> = {
  10575: 'the secret server name was updated (-updatedb)',
  10534: 'this computer is the master secret server (after the restart)',
  10520: 'no secrets in the registry of the master secret server (expected until the restore)',
  10523: 'the master secrets were restored',
  10524: 'the restore of the master secrets failed',
};

/** When an event was logged: its SystemTime, as ms since 1970, or NaN when unreadable. */
function timeOf(e: LoggedEvent): number {
  return Date.parse(e.time);
}

/** The newest of the events (by TimeCreated; by the order printed, newest first, when a time is unreadable). */
function newest(events: readonly LoggedEvent[]): LoggedEvent | undefined {
  let best: LoggedEvent | undefined;
  for (const e of events) {
    if (!best) { best = e; continue; }
    const a = timeOf(e);
    const b = timeOf(best);
    if (!Number.isNaN(a) && !Number.isNaN(b) && a > b) best = e;
  }
  return best;
}

function describeEvent(e: LoggedEvent): string {
  const meaning = MOVE_EVENTS[e.id];
  return `${e.id} at ${e.time || 'an unknown time'}${e.computer ? ` on ${e.computer}` : ''}${meaning ? ` (${meaning})` : ''}${e.data.length ? `: ${e.data.join(' | ')}` : ''}`;
}

/** The events of a move found in the log, newest first, one line each, for the evidence. */
export function moveEventLines(events: readonly LoggedEvent[]): string[] {
  return events.filter((e) => e.id in MOVE_EVENTS).map(describeEvent);
}

/** Where wevtutil failed, in the admin's words (its messages are localized: only the English ones are recognised). */
function wevtutilFailure(text: string, computer: string): string | undefined {
  if (/access is denied/i.test(text)) return `access to the Application log of ${computer} was denied: run VS Code as an administrator with rights there`;
  if (/RPC server is unavailable/i.test(text)) return `${computer} cannot be reached (the RPC server is unavailable): check the name, that it is on, and that the firewall allows remote event log management`;
  return undefined;
}

/**
 * `restoreLogged`: the ENTSSO events of the Application log of the computer read. The newer of
 * the newest 10523 (restored) and the newest 10524 (restore failed) decides; neither: unverified.
 */
export function checkRestoreLogged(out: ToolOutput, computer: string): CheckResult {
  const id: CheckId = 'restoreLogged';
  if (!out.ran) return notRun(id, out);
  if (out.exitCode !== 0) {
    const why = wevtutilFailure(`${out.stdout}\n${out.stderr}`, computer);
    if (why) return { id, verdict: 'unverified', summary: `Not checked: ${why}.`, evidence: `${out.commandLine}\nexit code ${out.exitCode}\n${clip(`${out.stdout}\n${out.stderr}`)}`, next: 'Fix what the summary says, then verify again.' };
    return failedRun(id, out, 'wevtutil');
  }
  const events = readEvents(out.stdout);
  if (events === undefined) {
    return { id, verdict: 'unverified', summary: 'Not checked: wevtutil printed something that is not event XML.', evidence: `${out.commandLine}\n${clip(out.stdout)}`, next: 'Read the output in the evidence, or look for events 10523 and 10524 (source ENTSSO) in Event Viewer.' };
  }
  const entsso = events.filter((e) => e.provider.toUpperCase() === 'ENTSSO');
  const found = moveEventLines(entsso);
  const evidenceOf = (first: string) => [out.commandLine, first, ...(found.length ? ['ENTSSO events of the move found, newest first:', ...found] : [])].join('\n');
  const decisive = newest(entsso.filter((e) => e.id === 10523 || e.id === 10524));
  if (!decisive) {
    return {
      id, verdict: 'unverified',
      summary: `No restore is logged on ${computer}: neither 10523 nor 10524 among the ${entsso.length} newest ENTSSO events.`,
      evidence: evidenceOf(`${entsso.length} ENTSSO events read`),
      next: 'Restore the master secret on the master secret server (ssoconfig -restoreSecret), then verify again. Until then the new master secret server logs warning 10520 after each start.',
    };
  }
  if (decisive.id === 10523) {
    return { id, verdict: 'pass', summary: `10523 logged at ${decisive.time || 'an unknown time'} on ${decisive.computer || computer}: the master secrets were restored.`, evidence: evidenceOf(describeEvent(decisive)) };
  }
  return {
    id, verdict: 'fail',
    summary: `10524 logged at ${decisive.time || 'an unknown time'} on ${decisive.computer || computer}: the restore of the master secrets failed${decisive.data.length ? ` (${decisive.data[decisive.data.length - 1]})` : ''}.`,
    evidence: evidenceOf(describeEvent(decisive)),
    next: 'Check the backup file and its password, and that this is the master secret server after -updatedb and the restart; run the restore again, then verify again. "Explain an ENTSSO Error Code or Event" explains the error code.',
  };
}

/** The ENTSSO events to expect in the Application log, stage by stage of the move. */
export const EXPECTED_EVENTS = {
  afterRestart: 'After the restart, the new master secret server logs 10534 ("This computer is the master secret server") and warning 10520 ("No secrets were found in the registry of the master secret server"): 10520 is expected until the restore.',
  afterRestore: 'After the restore it logs 10523 ("The master secrets were successfully restored"); 10524 means the restore failed.',
} as const;
