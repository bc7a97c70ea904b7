// A verification of a move: which checks apply to the procedure and the computer read, which
// read-only programs they need, the facts of this move the record holds (the server -updatedb
// named, the restart, the resource cycle, the restore, the -serverall name, the computers of the
// move), and the verdicts of one run of those programs. Pure.
import { procedureIds, procedures } from '../procedures';
import { sameComputer } from '../procedures/computers';
import type { ProcedureId } from '../procedures/model';
import type { ProcedureProgress, RunRecord, StepRecord } from '../procedures/progress';
import { CHECK_IDS, checkSecretServerName, checkServiceRunning, type CheckId, type CheckResult, type ToolOutput } from './checks';
import { checkClusterResource, checkGenericService, checkGroupSsoServer, checkHostInstances, clusterNetworkName, clusterStateOf } from './clusterChecks';
import { checkRestartLogged, checkRestoreLogged, checkSsoFollows, runBound, type RunBound } from './eventChecks';
import { checkSecretInRegistry, checkServiceAccount, checkSsoServerShown } from './hostChecks';
import { bizTalkGroupRun, clusterStateRun, displayDbRun, eventsRun, registryRun, scQcRun, scQueryRun, showServerRun, type EvidenceRun, type VerifySettings } from './programs';
import { readEvents } from './readers';

/** The step of each procedure a check bears on (its `verifiedBy`): its verdict is shown and kept there. */
export const CHECK_STEPS: Readonly<Record<ProcedureId, Readonly<Partial<Record<CheckId, string>>>>> = Object.fromEntries(
  procedureIds.map((id) => [id, Object.fromEntries(CHECK_IDS.flatMap((check) => {
    const step = procedures[id].steps.find((s) => s.verifiedBy?.includes(check));
    return step ? [[check, step.id]] : [];
  }))]),
) as Record<ProcedureId, Partial<Record<CheckId, string>>>;

/** The checks that bear on a step (the walkthrough's Verify link, the tree's verdict rows). */
export function checksOfStep(procedure: ProcedureId, step: string): CheckId[] {
  return (Object.entries(CHECK_STEPS[procedure]) as Array<[CheckId, string]>).filter(([, s]) => s === step).map(([id]) => id);
}

/** The server -displaydb should name: the one the procedure's last successful -updatedb named. */
export function expectedServer(procedure: ProcedureId, progress: ProcedureProgress): string | undefined {
  const step = CHECK_STEPS[procedure].secretServerName;
  return step ? progress[step]?.newServer : undefined;
}

const lastRun = (r: StepRecord | undefined, pick: (run: RunRecord) => boolean = () => true): RunRecord | undefined => [...(r?.runs ?? [])].reverse().find(pick);

/** What the record of the move says, for binding the verdicts to this move's runs. */
export interface MoveFacts {
  /** The new master secret server (-updatedb's file named it). */
  expected?: string;
  /** The restart run (move to another server) or the resource cycle (cluster): events must be newer. */
  restart?: RunBound;
  /** This computer's restore run: when it started and the file it restored. */
  restore?: RunBound & { file?: string };
  /** The name the last successful -serverall set (cluster step 3). */
  serverAllName?: string;
  /** The other computers of the move the record names (the original server, the new one, the nodes). */
  computers: string[];
}

function addName(list: string[], name: string | undefined): void {
  const n = name?.trim();
  if (n && !list.some((x) => sameComputer(x, n))) list.push(n);
}

/** The facts of `procedure`'s record that bear on `computer` (the computer read). */
export function moveFacts(procedure: ProcedureId, progress: ProcedureProgress, computer: string, expected?: string): MoveFacts {
  const facts: MoveFacts = { computers: [] };
  facts.expected = expected?.trim() || expectedServer(procedure, progress);
  const forComputer = (run: RunRecord) => sameComputer(run.machine ?? run.computer, computer);
  if (procedure === 'moveToCluster') {
    const cycle = progress.cycleResource;
    const run = lastRun(cycle);
    facts.restart = run ? runBound('the resource cycle run (step 6)', run.startedAt) : cycle?.done ? runBound('the resource cycle (step 6, ticked)', cycle.at) : undefined;
    const restore = lastRun(progress.restoreEachNode, forComputer);
    if (restore) facts.restore = { ...runBound(`the restore run on ${computer}`, restore.startedAt)!, file: restore.file?.path };
    const serverAll = lastRun(progress.serverAll, (r) => r.exitCode === 0);
    facts.serverAllName = serverAll ? /-serverall\s+"?([^"\s]+)"?\s*$/i.exec(serverAll.commandLine)?.[1] : undefined;
    for (const step of ['copyBackup', 'restoreEachNode'] as const) for (const m of progress[step]?.machines ?? []) addName(facts.computers, m.name);
  } else {
    const run = lastRun(progress.restartService);
    facts.restart = run ? runBound('the restart run (step 5)', run.startedAt) : undefined;
    const restore = lastRun(progress.restore);
    if (restore) facts.restore = { ...runBound('the restore run (step 6)', restore.startedAt)!, file: restore.file?.path };
    for (const step of ['backup', 'updateDb'] as const) addName(facts.computers, lastRun(progress[step])?.computer);
    addName(facts.computers, facts.expected);
  }
  facts.computers = facts.computers.filter((c) => !sameComputer(c, computer));
  return facts;
}

/** What one verification runs and how it turns the outputs into verdicts. */
export interface VerificationPlan {
  runs: EvidenceRun[];
  verdicts: (outputs: ReadonlyMap<string, ToolOutput>) => CheckResult[];
}

const missing = (run: EvidenceRun): ToolOutput => ({ ran: false, commandLine: run.label, reason: 'not run' });

/**
 * The plan of a verification of `procedure` on `computer` (`remote`: the name when it is not
 * this computer). Each check reads what it needs; the service account is compared across the
 * computers of the move the record names.
 */
export function verificationPlan(procedure: ProcedureId, s: VerifySettings, platform: NodeJS.Platform, where: { computer: string; remote?: string }, facts: MoveFacts): VerificationPlan {
  const { computer, remote } = where;
  const displaydb = displayDbRun(s, platform);
  const scQuery = scQueryRun(s, remote);
  const events = eventsRun(s, remote);
  const accounts = [{ computer, run: scQcRun(s, remote) }, ...facts.computers.map((c) => ({ computer: c, run: scQcRun(s, c) }))];
  const runs: EvidenceRun[] = [displaydb, scQuery, events, ...accounts.map((a) => a.run)];
  const isNewServer = facts.expected !== undefined && sameComputer(facts.expected, computer);
  const registry = procedure === 'moveToServer' && isNewServer ? registryRun(s, remote) : undefined;
  const cluster = procedure === 'moveToCluster' ? clusterStateRun(s, remote) : undefined;
  const group = procedure === 'moveToCluster' ? bizTalkGroupRun(s, remote) : undefined;
  const showserver = procedure === 'moveToCluster' && !remote ? showServerRun(s, platform) : undefined;
  for (const r of [registry, cluster, group, showserver]) if (r) runs.push(r);
  const verdicts = (outputs: ReadonlyMap<string, ToolOutput>): CheckResult[] => {
    const out = (r: EvidenceRun) => outputs.get(r.label) ?? missing(r);
    const account = checkServiceAccount(accounts.map((a) => ({ computer: a.computer, out: out(a.run) })));
    const secret = checkSecretServerName(out(displaydb), facts.expected);
    if (procedure === 'moveToCluster') {
      const state = clusterStateOf(out(cluster!));
      const entsso = state?.resources.length === 1 ? state.resources[0] : undefined;
      const nodes = state?.nodes.length ? state.nodes.map((n) => n.name) : [computer, ...facts.computers];
      const network = clusterNetworkName(state);
      const expectedGroup = facts.serverAllName ? { name: facts.serverAllName, from: 'the name -serverall set (step 3)' } : { name: network, from: 'the network name the ENTSSO resource depends on' };
      return [
        secret,
        checkClusterResource(out(cluster!), remote ?? computer),
        checkGenericService(out(cluster!), remote ?? computer),
        checkServiceRunning(out(scQuery), computer, { owner: entsso ? { ownerNode: entsso.ownerNode, state: entsso.state } : undefined, why: state ? undefined : 'the cluster could not be read' }),
        checkGroupSsoServer(out(group!), remote ?? computer, expectedGroup),
        checkHostInstances(out(group!), remote ?? computer, nodes),
        ...(showserver ? [checkSsoServerShown(out(showserver), computer, facts.serverAllName ?? network)] : []),
        checkRestoreLogged(out(events), computer, { after: facts.restart, afterMissing: { what: 'resource cycle (step 6)', next: 'Take the ENTSSO resource offline and bring it online (step 6), and tick the step, so that the record holds when; then restore and verify again.' }, restoredFile: facts.restore?.file }),
        account,
      ];
    }
    return [
      secret,
      checkServiceRunning(out(scQuery), computer),
      checkRestartLogged(out(events), computer, facts.restart),
      checkRestoreLogged(out(events), computer, { after: facts.restart, afterMissing: { what: 'restart run (step 5)', next: 'Restart Enterprise SSO from the extension (step 5), so that its run is in the record, restore, then verify again.' }, restoredFile: facts.restore?.file }),
      ...(registry ? [checkSecretInRegistry(out(registry), computer, restoredMsid(out(events), facts.restart))] : []),
      ...(facts.expected && !isNewServer ? [checkSsoFollows(out(events), computer, facts.expected, facts.restore)] : []),
      account,
    ];
  };
  return { runs, verdicts };
}

/** The MSID the newest 10523 newer than `after` carried (its Current MSID), for the registry check. */
function restoredMsid(out: ToolOutput, after: RunBound | undefined): string | undefined {
  if (!out.ran || out.exitCode !== 0 || !after) return undefined;
  const restored = (readEvents(out.stdout) ?? []).filter((e) => e.id === 10523 && e.ms > after.ms).sort((a, b) => b.ms - a.ms)[0];
  return restored?.data[1];
}

export interface VerificationResult {
  procedure: ProcedureId;
  /** The computer whose service and Application log were read. */
  computer: string;
  at: string;
  /** The server -displaydb was expected to name, if any. */
  expected?: string;
  /** Set for the check before the move (mss.checkBeforeMove): the view shows it apart from the verification. */
  before?: true;
  checks: CheckResult[];
}

/** "2 pass, 1 unverified": the verdicts counted, worst first. */
export function verdictCounts(checks: readonly CheckResult[]): string {
  return (['fail', 'unverified', 'pass'] as const)
    .map((v) => [v, checks.filter((c) => c.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v}`)
    .join(', ');
}
