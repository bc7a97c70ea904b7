// The check before the move (`mss.checkBeforeMove`): read-only, like the verification, and it
// changes nothing and blocks nothing: it informs. Which server the SSO database names now, the
// new servers (or nodes) joined to the same SSO database, the same ENTSSO service account
// everywhere, a current backup, and the new servers answering on RPC. Each verdict says what it
// rests on and what to do. Pure; docs/verification.md ("Before the move").
import { sameComputer } from '../procedures/computers';
import type { ProcedureId } from '../procedures/model';
import { clip, failedRun, notRun, type CheckId, type CheckResult, type ToolOutput } from './checks';
import { staleBackupWarning } from './eventChecks';
import { checkServiceAccount } from './hostChecks';
import { displayDbRun, eventsRun, remoteComputer, rpcReachableRun, scQcRun, type EvidenceRun, type VerifySettings } from './programs';
import { describePsFailure, readRpcReachable } from './psReaders';
import { readDisplayDb, readDisplayDbDatabase, readEvents } from './readers';
import type { VerificationPlan } from './verify';

/** The step the verdicts of the check before the move are kept on: the first of each move. */
export const PREFLIGHT_STEP: Readonly<Record<ProcedureId, string>> = { moveToServer: 'install', moveToCluster: 'clusterSetup' };

/**
 * `currentServer`: which server the SSO database names now. In the move to another server it
 * must not be one of the new servers already; in the move to a cluster, not the cluster's name.
 */
export function checkCurrentServer(out: ToolOutput, here: string, targets: readonly string[], clusterName?: string): CheckResult {
  const id: CheckId = 'currentServer';
  if (!out.ran) return notRun(id, out);
  if (out.exitCode !== 0) return failedRun(id, out, 'ssomanage -displaydb');
  const read = readDisplayDb(out.stdout);
  const evidence = [out.commandLine, ...(read.banner ? [read.banner] : []), ...(read.ambiguous ?? (read.row ? [read.row] : [clip(out.stdout)]))].join('\n');
  const name = read.secretServer;
  if (!name) return { id, verdict: 'unverified', summary: 'Not checked: -displaydb printed no row whose label ends in "secret server name".', evidence, next: 'Read the output in the evidence: the master secret server is on the row that names the secret server.' };
  const already = [...targets, ...(clusterName ? [clusterName] : [])].find((t) => sameComputer(t, name));
  if (already) {
    return { id, verdict: 'fail', summary: `The SSO database already names ${name}, a computer this move goes to, as the master secret server.`, evidence, next: 'Check whether the move was done before (verify it instead), or give the computers of this move again.' };
  }
  const where = sameComputer(name, here) ? 'this computer' : name;
  return { id, verdict: 'pass', summary: `The SSO database names ${name} as the current master secret server: the backup and -updatedb run on ${where}.`, evidence };
}

/**
 * `sameDatabase`: each new server's newest 10501 or 10611 (the service starting: computer, SQL
 * Server, SSO database) names the SQL Server and the SSO database -displaydb names.
 */
export function checkSameDatabase(displaydb: ToolOutput, reads: ReadonlyArray<{ computer: string; out: ToolOutput }>): CheckResult {
  const id: CheckId = 'sameDatabase';
  if (!displaydb.ran) return notRun(id, displaydb);
  if (displaydb.exitCode !== 0) return failedRun(id, displaydb, 'ssomanage -displaydb');
  const db = readDisplayDbDatabase(displaydb.stdout);
  const evidence: string[] = [displaydb.commandLine, `SQL Server: ${db.sqlServer ?? '(not read)'}; SSO database: ${db.database ?? '(not read)'}`];
  if (!db.sqlServer || !db.database) return { id, verdict: 'unverified', summary: 'Not checked: -displaydb printed no SQL Server or SSO database row that could be read.', evidence: evidence.join('\n'), next: 'Read the output of ssomanage -displaydb yourself.' };
  if (reads.length === 0) return { id, verdict: 'unverified', summary: 'Not checked: no new server or node was given.', evidence: evidence.join('\n'), next: 'Give the new server (or the cluster nodes) and check again.' };
  const differ: string[] = [];
  const unread: string[] = [];
  for (const { computer, out } of reads) {
    evidence.push(out.commandLine);
    const events = out.ran && out.exitCode === 0 ? readEvents(out.stdout) : undefined;
    const start = events?.filter((e) => e.provider.toUpperCase() === 'ENTSSO' && (e.id === 10501 || e.id === 10611) && !Number.isNaN(e.ms)).sort((a, b) => b.ms - a.ms)[0];
    if (!start || start.data.length < 3) {
      unread.push(computer);
      evidence.push(out.ran ? `no 10501 or 10611 read on ${computer}` : out.reason);
      continue;
    }
    const [, sql, name] = start.data;
    evidence.push(`${start.id} at ${start.time} on ${computer}: SQL Server ${sql}, SSO database ${name}`);
    if (sql.toLowerCase() !== db.sqlServer.toLowerCase() || name.toLowerCase() !== db.database.toLowerCase()) differ.push(`${computer} (${sql}, ${name})`);
  }
  if (differ.length) return { id, verdict: 'fail', summary: `Not the SSO database of this group (${db.sqlServer}, ${db.database}): ${differ.join('; ')}.`, evidence: evidence.join('\n'), next: 'Configure Enterprise SSO there to join the existing SSO system with this SQL Server and SSO database (step 2 of the move; on a cluster, every node).' };
  if (unread.length) return { id, verdict: 'unverified', summary: `Not checked on ${unread.join(', ')}: no 10501 or 10611 (the SSO service starting) could be read there.`, evidence: evidence.join('\n'), next: 'Its Application log names the SQL Server and SSO database each time ENTSSO starts; restart ENTSSO there, or read ssoconfig -showdb on it.' };
  return { id, verdict: 'pass', summary: `${reads.map((r) => r.computer).join(', ')} use the SSO database ${db.database} on ${db.sqlServer}.`, evidence: evidence.join('\n') };
}

/** `backupCurrent`: the newest backup (10559) here is newer than any new secret (10525). */
export function checkBackupCurrent(out: ToolOutput): CheckResult {
  const id: CheckId = 'backupCurrent';
  if (!out.ran) return notRun(id, out);
  const said = staleBackupWarning(out, undefined);
  const evidence = `${out.commandLine}\n${said.note}`;
  if (said.warning) return { id, verdict: 'fail', summary: said.warning, evidence, next: 'Back up the master secret on the master secret server (step 3) before you go on.' };
  if (/^The backup of /.test(said.note)) return { id, verdict: 'pass', summary: said.note, evidence };
  return { id, verdict: 'unverified', summary: said.note, evidence, next: 'Back up the master secret on the master secret server (ssoconfig -backupSecret) and keep the file and its password; ENTSSO logs 10559 when it worked.' };
}

/** `rpcReachable`: each new server answers on TCP port 135 (the dynamic RPC ports cannot be tested this way). */
export function checkRpcReachable(reads: ReadonlyArray<{ computer: string; out: ToolOutput }>): CheckResult {
  const id: CheckId = 'rpcReachable';
  if (reads.length === 0) return { id, verdict: 'unverified', summary: 'Not checked: no new server or node was given.', evidence: '', next: 'Give the new server (or the cluster nodes) and check again.' };
  const closed: string[] = [];
  const unread: string[] = [];
  const evidence: string[] = [];
  for (const { computer, out } of reads) {
    if (!out.ran) { unread.push(`${computer} (${out.reason})`); evidence.push(`${out.commandLine}\n${out.reason}`); continue; }
    evidence.push(`${out.commandLine}\n${clip(out.stdout)}`);
    const r = readRpcReachable(out.stdout, out.exitCode);
    if (!r.ok) unread.push(`${computer} (${describePsFailure(r, computer).summary.replace(/^Not checked: /, '')})`);
    else if (!r.value.open) closed.push(computer);
  }
  if (closed.length) return { id, verdict: 'fail', summary: `TCP port 135 (RPC) does not answer on ${closed.join(', ')}.`, evidence: evidence.join('\n'), next: 'Open the RPC endpoint mapper (TCP 135) and the dynamic RPC ports between the SSO servers in the firewall (Ports for the Enterprise Single Sign-On Servers), then check again.' };
  if (unread.length) return { id, verdict: 'unverified', summary: `Not checked on ${unread.join(', ')}.`, evidence: evidence.join('\n'), next: 'Fix what the summary says, then check again.' };
  return { id, verdict: 'pass', summary: `${reads.map((r) => r.computer).join(', ')} answer on TCP port 135 (the dynamic RPC ports cannot be tested this way).`, evidence: evidence.join('\n') };
}

/** The plan of a check before `procedure`, from this computer, towards `targets` (the new server, or the nodes). */
export function preflightPlan(procedure: ProcedureId, s: VerifySettings, platform: NodeJS.Platform, here: string, targets: readonly string[], clusterName?: string): VerificationPlan {
  const remote = targets.map((t) => ({ computer: t, name: remoteComputer(t, here) }));
  const displaydb = displayDbRun(s, platform);
  const eventsHere = eventsRun(s);
  const starts = remote.map((t) => ({ computer: t.computer, run: eventsRun(s, t.name) }));
  const accounts = [{ computer: here, run: scQcRun(s) }, ...remote.map((t) => ({ computer: t.computer, run: scQcRun(s, t.name) }))];
  const rpc = remote.filter((t) => t.name).map((t) => ({ computer: t.computer, run: rpcReachableRun(s, t.name!) }));
  const runs: EvidenceRun[] = [displaydb, eventsHere, ...starts.map((x) => x.run), ...accounts.map((a) => a.run), ...rpc.map((r) => r.run)];
  const unique = [...new Map(runs.map((r) => [r.label, r])).values()];
  const missing = (r: EvidenceRun): ToolOutput => ({ ran: false, commandLine: r.label, reason: 'not run' });
  return {
    runs: unique,
    verdicts: (outputs) => {
      const out = (r: EvidenceRun) => outputs.get(r.label) ?? missing(r);
      return [
        checkCurrentServer(out(displaydb), here, targets, procedure === 'moveToCluster' ? clusterName : undefined),
        checkSameDatabase(out(displaydb), starts.map((x) => ({ computer: x.computer, out: out(x.run) }))),
        checkServiceAccount(accounts.map((a) => ({ computer: a.computer, out: out(a.run) }))),
        checkBackupCurrent(out(eventsHere)),
        checkRpcReachable(rpc.map((r) => ({ computer: r.computer, out: out(r.run) }))),
      ];
    },
  };
}
