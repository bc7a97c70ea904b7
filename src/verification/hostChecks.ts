// Checks of what an expert also reads on each computer of the move, with read-only tools whose
// output Microsoft does not fully publish: the ENTSSO service account on every computer
// (`sc qc ENTSSO`), the secret in the master secret server's registry (`reg query`), and the SSO
// server a BizTalk server uses (`ssomanage -showserver`). Where the output cannot be read they
// are `unverified`, and the output is shown as read. Pure. docs/verification.md says more.
import { sameComputer } from '../procedures/computers';
import { clip, failedRun, notRun, type CheckId, type CheckResult, type ToolOutput } from './checks';
import { readRegistrySubkeys, readServiceAccount, showServerNames } from './readers';

/** `serviceAccount`: the same ENTSSO service account on every computer of the move read (sc qc ENTSSO). */
export function checkServiceAccount(reads: ReadonlyArray<{ computer: string; out: ToolOutput }>): CheckResult {
  const id: CheckId = 'serviceAccount';
  const accounts: Array<{ computer: string; account: string }> = [];
  const unread: string[] = [];
  const evidence: string[] = [];
  for (const { computer, out } of reads) {
    if (!out.ran) {
      unread.push(`${computer} (${out.reason})`);
      evidence.push(`${out.commandLine}\n${out.reason}`);
      continue;
    }
    evidence.push(`${out.commandLine}\n${clip(`${out.stdout}\n${out.stderr}`)}`);
    const a = readServiceAccount(`${out.stdout}\n${out.stderr}`, out.exitCode);
    if (a.kind === 'account') accounts.push({ computer, account: a.account });
    else unread.push(`${computer} (${a.kind === 'notInstalled' ? 'ENTSSO is not installed' : a.kind === 'failed' ? `sc error ${a.code}` : a.why ?? 'no SERVICE_START_NAME row'})`);
  }
  const distinct = [...new Map(accounts.map((a) => [a.account.toLowerCase(), a.account])).values()];
  const list = accounts.map((a) => `${a.computer}: ${a.account}`).join('; ');
  if (distinct.length > 1) {
    return { id, verdict: 'fail', summary: `ENTSSO runs as different accounts: ${list}.`, evidence: evidence.join('\n'), next: 'Enterprise SSO runs under the same service account on every SSO server of the move (and every cluster node); a secret restored under another account cannot be read (10565). Set the same account in the Enterprise SSO configuration, then verify again.' };
  }
  if (unread.length || accounts.length < 2) {
    return {
      id, verdict: 'unverified',
      summary: accounts.length ? `ENTSSO runs as ${distinct[0]} on ${accounts.map((a) => a.computer).join(', ')}; ${unread.length ? `not read on ${unread.join(', ')}` : 'no other computer of the move is known to compare with'}.` : `Not checked: the service account could not be read on ${unread.join(', ')}.`,
      evidence: evidence.join('\n'),
      next: 'The account is compared across the original server, the new one and every cluster node the record names; verify on (or give) the others. A localized sc may print other row labels: read the evidence.',
    };
  }
  return { id, verdict: 'pass', summary: `ENTSSO runs as ${distinct[0]} on ${accounts.map((a) => a.computer).join(', ')}.`, evidence: evidence.join('\n') };
}

/** The key of the master secret in the registry of a master secret server (Event 10520's page names it). */
export const SECRET_KEY = 'HKLM\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS';

/**
 * `secretInRegistry`: the master secret server's registry holds the restored secret: a subkey
 * of SSOSS named by the MSID the restore's 10523 carried. The layout of this key is not
 * documented beyond its name: a listing without that subkey is `unverified`, never `fail`.
 */
export function checkSecretInRegistry(out: ToolOutput, computer: string, restoredMsid: string | undefined): CheckResult {
  const id: CheckId = 'secretInRegistry';
  if (!out.ran) return notRun(id, out);
  const evidence = `${out.commandLine}\n${clip(`${out.stdout}\n${out.stderr}`)}`;
  if (out.exitCode !== 0) {
    return { id, verdict: 'unverified', summary: `Not checked: reg query ended with exit code ${out.exitCode} on ${computer} (the key may be missing, or access denied).`, evidence, next: `The master secret is kept under ${SECRET_KEY} on the master secret server; with no secret there ENTSSO logs 10520. Restore the master secret on ${computer}, then verify again.` };
  }
  const subkeys = readRegistrySubkeys(out.stdout, SECRET_KEY);
  if (subkeys === undefined) return { id, verdict: 'unverified', summary: 'Not checked: reg query printed no registry key.', evidence, next: 'Read the output in the evidence.' };
  if (!restoredMsid) {
    return { id, verdict: 'unverified', summary: `${SECRET_KEY} on ${computer} has ${subkeys.length} subkey${subkeys.length === 1 ? '' : 's'}; no restore of this move (10523) gives the MSID to look for.`, evidence, next: 'Restore the master secret, then verify again.' };
  }
  const bare = (s: string) => s.replace(/[{}]/g, '').toLowerCase();
  if (subkeys.some((k) => bare(k) === bare(restoredMsid))) {
    return { id, verdict: 'pass', summary: `The registry of ${computer} holds the restored secret ${restoredMsid} under ${SECRET_KEY}.`, evidence };
  }
  return { id, verdict: 'unverified', summary: `${SECRET_KEY} on ${computer} has no subkey named ${restoredMsid} (the MSID of this move's restore).`, evidence, next: 'How ENTSSO names these subkeys is not documented: read the evidence. If ENTSSO logs 10520 after a start, the secret is not there: restore it again.' };
}

/**
 * `ssoServerShown`: `ssomanage -showserver` on this BizTalk server names the SSO server
 * -serverall set. Its layout is not published: a line that names the server passes, anything
 * else is shown as read.
 */
export function checkSsoServerShown(out: ToolOutput, computer: string, expected: string | undefined): CheckResult {
  const id: CheckId = 'ssoServerShown';
  if (!out.ran) return notRun(id, out);
  if (out.exitCode !== 0) return failedRun(id, out, 'ssomanage -showserver');
  const evidence = `${out.commandLine}\n${clip(out.stdout)}`;
  if (!expected) return { id, verdict: 'unverified', summary: `ssomanage -showserver on ${computer} printed the output in the evidence; no -serverall run of this move is recorded to compare with.`, evidence, next: 'Run ssomanage -serverall from the extension (step 3), then verify again.' };
  const line = showServerNames(out.stdout, expected);
  if (line) return { id, verdict: 'pass', summary: `ssomanage -showserver on ${computer} names ${expected}: "${line}".`, evidence };
  const other = /\bUsing SSO server\b/i.test(out.stdout) && sameComputer(computer, expected);
  return { id, verdict: 'unverified', summary: `ssomanage -showserver on ${computer} printed no line naming ${expected}${other ? ' (it may say "this computer")' : ''}.`, evidence, next: `Microsoft does not publish its layout: read the evidence. If it names another SSO server, run ssomanage -serverall ${expected} on ${computer}.` };
}
