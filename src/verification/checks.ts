// The checks of `mss.verifyMove`: each turns what a read-only tool printed into a verdict,
// `pass`, `fail` or `unverified`, with a one-line summary, the evidence it rests on and what to
// do next. Anything that cannot be read, or reads two ways, is `unverified`, never `pass`. Pure.
// What each check reads, proves and cannot prove: docs/verification.md.
import { sameComputer } from '../procedures/computers';
import { findToolErrors } from '../ssoTools/output';
import { readDisplayDb, readServiceState } from './readers';

export type Verdict = 'pass' | 'fail' | 'unverified';

/** Every check, in the order a verification lists them. Which apply depends on the procedure (verify.ts). */
export const CHECK_IDS = [
  'secretServerName',
  'serviceRunning',
  'restartLogged',
  'restoreLogged',
  'clusterResource',
  'genericService',
  'groupSsoServer',
  'hostInstances',
  'ssoServerShown',
  'serviceAccount',
  'secretInRegistry',
  'ssoFollows',
  // Before the move (mss.checkBeforeMove, preflight.ts).
  'currentServer',
  'sameDatabase',
  'backupCurrent',
  'rpcReachable',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

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

export function clip(text: string): string {
  const t = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trim();
  return t.length > EVIDENCE_LIMIT ? `${t.slice(0, EVIDENCE_LIMIT)}\n… (${t.length - EVIDENCE_LIMIT} more characters)` : t;
}

export function notRun(id: CheckId, out: Extract<ToolOutput, { ran: false }>): CheckResult {
  return { id, verdict: 'unverified', summary: `Not checked: ${out.reason}`, evidence: `${out.commandLine}\n${out.reason}`, next: 'Fix what the summary says, then verify again.' };
}

export function failedRun(id: CheckId, out: Extract<ToolOutput, { ran: true }>, what: string): CheckResult {
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
 * `secretServerName`: does the SSO database name the expected master secret server? The row
 * whose label ends in "secret server name" (both published layouts); the banner says which SSO
 * server answered. Names are compared by their first DNS label in any case.
 */
export function checkSecretServerName(out: ToolOutput, expected: string | undefined): CheckResult {
  const id: CheckId = 'secretServerName';
  if (!out.ran) return notRun(id, out);
  if (out.exitCode !== 0) return failedRun(id, out, 'ssomanage -displaydb');
  const read = readDisplayDb(out.stdout);
  const banner = read.banner ? [read.banner] : [];
  const layout = 'Microsoft documents what -displaydb shows, not its exact layout.';
  if (read.ambiguous) {
    return {
      id, verdict: 'unverified',
      summary: `Not checked: -displaydb printed ${read.ambiguous.length} rows that name different secret servers.`,
      evidence: [out.commandLine, ...banner, ...read.ambiguous].join('\n'),
      next: 'Read the output of ssomanage -displaydb yourself: the master secret server is on the row that names the secret server.',
    };
  }
  const name = read.secretServer;
  if (name === undefined) {
    return {
      id, verdict: 'unverified',
      summary: 'Not checked: -displaydb printed no row whose label ends in "secret server name".',
      evidence: `${out.commandLine}\n${clip(out.stdout)}`,
      next: `${layout} Read its output in the evidence (a localized Windows prints other labels): the master secret server is on the row that names the secret server.`,
    };
  }
  const evidence = [out.commandLine, ...banner, read.row ?? name].join('\n');
  if (expected === undefined || expected.trim() === '') {
    return {
      id, verdict: 'unverified',
      summary: `-displaydb names ${name}; no server is expected yet.`,
      evidence,
      next: 'Run ssomanage -updatedb from the extension first (it remembers the server the file names), or give the expected server.',
    };
  }
  if (sameComputer(name, expected)) {
    return { id, verdict: 'pass', summary: `-displaydb names ${name} as the master secret server.`, evidence };
  }
  return {
    id, verdict: 'fail',
    summary: `-displaydb names ${name}, not ${expected.trim()}.`,
    evidence,
    next: `The SSO database does not name ${expected.trim()}: run ssomanage -updatedb with the update XML file that names it, on the current master secret server, then verify again.`,
  };
}

/** Windows error codes sc prints after `[SC]`, in the admin's words. */
function scFailure(code: number, message: string, computer: string): { summary: string; next: string } {
  if (code === 5) return { summary: `Not checked: access to the services of ${computer} was denied (error 5).`, next: `Run VS Code as an administrator with rights on ${computer} (for a remote computer: a domain account that is an administrator there).` };
  if (code === 1722 || code === 1753 || code === 1726 || code === 53 || code === 1231) return { summary: `Not checked: ${computer} cannot be reached (error ${code}${message ? `: ${message}` : ''}).`, next: `Check the computer name, that ${computer} is on, and that the firewall allows remote service management (RPC) from this computer.` };
  return { summary: `Not checked: sc failed with error ${code}${message ? `: ${message}` : ''}.`, next: 'Read the output in the evidence, then verify again.' };
}

/** What the cluster says of the ENTSSO resource, for the service check on a cluster node. */
export interface ClusterOwner {
  /** The node that owns the ENTSSO resource, as the cluster reports it. */
  ownerNode: string;
  /** The resource's state (Online, Offline, Failed, ...). */
  state: string;
}

/**
 * `serviceRunning`: the ENTSSO service on the computer read, by the state number sc prints in
 * any display language. On a cluster node (`cluster` given: the move to a cluster) a stopped
 * ENTSSO is the cluster's doing on a node that does not own the role: never a failure for that
 * alone, and nothing here tells the admin to start it with net start there.
 */
export function checkServiceRunning(out: ToolOutput, computer: string, cluster?: { owner?: ClusterOwner; why?: string }): CheckResult {
  const id: CheckId = 'serviceRunning';
  if (!out.ran) return notRun(id, out);
  const state = readServiceState(`${out.stdout}\n${out.stderr}`, out.exitCode);
  const evidence = `${out.commandLine}\n${clip(`${out.stdout}\n${out.stderr}`)}`;
  switch (state.kind) {
    case 'state':
      if (state.code === 4) return { id, verdict: 'pass', summary: `ENTSSO is running on ${computer}.`, evidence };
      if (cluster) return clusterNodeStopped(state, computer, evidence, cluster);
      return {
        id, verdict: 'fail', summary: `ENTSSO is ${state.name} on ${computer}, not RUNNING.`, evidence,
        next: state.code === 2 ? 'ENTSSO is starting (it can take about 3 minutes): verify again in a moment.' : `Start Enterprise SSO on ${computer} (the restart step, or net start ENTSSO there), then verify again. The Application log (source ENTSSO) says why it stopped.`,
      };
    case 'notInstalled':
      return { id, verdict: 'fail', summary: `ENTSSO is not installed on ${computer} (sc: 1060, the service does not exist).`, evidence, next: cluster ? `Install and configure Enterprise SSO on ${computer} as a node of the cluster (step 1), or check the computer name.` : `Install and configure Enterprise SSO on ${computer} (steps 1 and 2 of the move to another server), or check the computer name.` };
    case 'failed': {
      const f = scFailure(state.code, state.message, computer);
      return { id, verdict: 'unverified', summary: f.summary, evidence, next: f.next };
    }
    default:
      return { id, verdict: 'unverified', summary: `Not checked: ${state.why ?? `sc printed no service state (exit code ${out.exitCode})`}.`, evidence, next: 'Read the output in the evidence, then verify again.' };
  }
}

/** A cluster node's ENTSSO is not running: what the cluster says decides, never "net start". */
function clusterNodeStopped(state: { code: number; name: string }, computer: string, evidence: string, cluster: { owner?: ClusterOwner; why?: string }): CheckResult {
  const id: CheckId = 'serviceRunning';
  const owner = cluster.owner;
  if (!owner) {
    return {
      id, verdict: 'unverified',
      summary: `ENTSSO is ${state.name} on ${computer}; on a cluster node that does not own the clustered SSO role this is by design, and which node owns it could not be read${cluster.why ? ` (${cluster.why})` : ''}.`,
      evidence,
      next: 'Look in Failover Cluster Manager which node owns the clustered SSO role. Do not start the ENTSSO service by hand on a cluster node (Services, a command, a monitoring tool): the cluster starts it on the owner node.',
    };
  }
  const ownerLine = `\nThe cluster reports the ENTSSO resource ${owner.state} on ${owner.ownerNode}.`;
  if (!sameComputer(owner.ownerNode, computer)) {
    return { id, verdict: 'pass', summary: `ENTSSO is ${state.name} on ${computer}, as expected: ${owner.ownerNode} owns the clustered SSO role and runs it.`, evidence: evidence + ownerLine };
  }
  return {
    id, verdict: 'fail',
    summary: `ENTSSO is ${state.name} on ${computer}, which owns the clustered SSO role (the resource is ${owner.state}).`,
    evidence: evidence + ownerLine,
    next: 'Bring the ENTSSO resource online from the cluster (Failover Cluster Manager: the resource, Bring Online); the cluster starts the service on its owner node. Its Application log (source ENTSSO) says why it stopped.',
  };
}

/** The ENTSSO events to expect in the Application log, stage by stage of the move. */
export const EXPECTED_EVENTS = {
  afterRestart: 'After the restart, the new master secret server logs 10534 ("This computer is the master secret server") and warning 10520 ("No secrets were found in the registry of the master secret server"): 10520 is expected until the restore.',
  afterRestore: 'After the restore it logs 10523 ("The master secrets were successfully restored"); 10524 means the restore failed.',
} as const;
