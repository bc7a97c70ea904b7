// The read-only programs of `mss.verifyMove` and their argument vectors. They print and exit;
// none of them changes anything. Another computer is read through the tools' own remote forms
// (`sc \\NAME query ENTSSO`, `wevtutil qe Application /r:NAME`, `reg query \\NAME\HKLM\...`,
// `Get-ClusterResource -Cluster NAME`, `Get-CimInstance -ComputerName NAME`); `-displaydb` reads
// the SSO database, which is the same from any SSO server, and always runs here. Pure.
import { sameComputer } from '../procedures/computers';
import { bizTalkGroupScript, clusterStateScript, powershellArgs, powershellLabel, rpcReachableScript, type PsScript } from '../ssoTools/powershell';
import { displayCommandLine, resolveExecutable, type ToolSettings } from '../ssoTools/commandLines';
import { checkServerName } from '../ssoTools/serverName';
import { QUERIED_EVENT_IDS } from './eventChecks';
import { SECRET_KEY } from './hostChecks';
import type { ProgramRun } from './runner';

export interface VerifySettings extends ToolSettings {
  /** `mss.scPath`: the program run as `sc query ENTSSO`; default `sc`. */
  scPath: string;
  /** `mss.wevtutilPath`: the program run as `wevtutil qe Application ...`; default `wevtutil`. */
  wevtutilPath: string;
  /** `mss.powershellPath`: Windows PowerShell, for the cluster's and the BizTalk group's read-only cmdlets; default `powershell.exe`. */
  powershellPath: string;
  /** `mss.regPath`: the program run as `reg query ...`; default `reg`. */
  regPath: string;
}

/** What a verification reads; one program run each (`scQc` once per computer of the move). */
export type EvidenceId = 'displaydb' | 'scQuery' | 'events' | 'scQc' | 'registry' | 'showserver' | 'clusterState' | 'bizTalkGroup' | 'rpcReachable';

export interface EvidenceRun extends ProgramRun {
  source: EvidenceId;
  /** The computer read (`scQc`, `registry`); undefined: this computer. */
  computer?: string;
}

/** How many of the newest ENTSSO events of the move are read. */
export const EVENT_COUNT = 50;

/** The XPath query of ENTSSO's events of the move (one argument: no shell ever sees it, so it is not quoted). */
export const ENTSSO_EVENT_QUERY = `/q:*[System[Provider[@Name='ENTSSO'] and (${QUERIED_EVENT_IDS.map((id) => `EventID=${id}`).join(' or ')})]]`;

/**
 * Checks a computer to read: undefined or this computer means this computer (local forms);
 * another name must be a valid computer name. Throws with what to fix otherwise.
 */
export function remoteComputer(computer: string | undefined, here: string): string | undefined {
  if (computer === undefined || computer.trim() === '' || sameComputer(computer, here)) return undefined;
  const name = computer.trim();
  const verdict = checkServerName(name);
  if (!verdict.ok || /[\s"'`&|<>^%!;,()\\/\u2018-\u201B]/.test(name)) {
    throw new Error(`mss.verifyMove: "${computer}" is not a computer name${verdict.message ? `: ${verdict.message}` : '.'} Give the name of the computer to read (for example BTSMSS02).`);
  }
  return name;
}

function run(source: EvidenceId, setting: string, executable: string, args: string[], computer?: string): EvidenceRun {
  return { source, setting, executable, args, label: displayCommandLine({ executable, args }), ...(computer ? { computer } : {}) };
}

function psRun(source: EvidenceId, s: VerifySettings, script: PsScript): EvidenceRun {
  const exe = s.powershellPath.trim() || 'powershell.exe';
  return { source, setting: 'mss.powershellPath', executable: exe, args: powershellArgs(script), label: powershellLabel(exe, script) };
}

const sc = (s: VerifySettings) => s.scPath.trim() || 'sc';

export function displayDbRun(s: VerifySettings, platform: NodeJS.Platform): EvidenceRun {
  return run('displaydb', 'mss.ssomanagePath', resolveExecutable('ssomanage', s, platform), ['-displaydb']);
}

export function scQueryRun(s: VerifySettings, remote?: string): EvidenceRun {
  return run('scQuery', 'mss.scPath', sc(s), [...(remote ? [`\\\\${remote}`] : []), 'query', 'ENTSSO']);
}

export function eventsRun(s: VerifySettings, remote?: string): EvidenceRun {
  const exe = s.wevtutilPath.trim() || 'wevtutil';
  return run('events', 'mss.wevtutilPath', exe, ['qe', 'Application', ENTSSO_EVENT_QUERY, '/f:xml', '/rd:true', `/c:${EVENT_COUNT}`, ...(remote ? [`/r:${remote}`] : [])], remote);
}

export function scQcRun(s: VerifySettings, remote?: string): EvidenceRun {
  return run('scQc', 'mss.scPath', sc(s), [...(remote ? [`\\\\${remote}`] : []), 'qc', 'ENTSSO'], remote);
}

export function registryRun(s: VerifySettings, remote?: string): EvidenceRun {
  const exe = s.regPath.trim() || 'reg';
  return run('registry', 'mss.regPath', exe, ['query', remote ? `\\\\${remote}\\${SECRET_KEY}` : SECRET_KEY], remote);
}

export function showServerRun(s: VerifySettings, platform: NodeJS.Platform): EvidenceRun {
  return run('showserver', 'mss.ssomanagePath', resolveExecutable('ssomanage', s, platform), ['-showserver']);
}

export function clusterStateRun(s: VerifySettings, remote?: string): EvidenceRun {
  return psRun('clusterState', s, clusterStateScript(remote));
}

export function bizTalkGroupRun(s: VerifySettings, remote?: string): EvidenceRun {
  return psRun('bizTalkGroup', s, bizTalkGroupScript(remote));
}

export function rpcReachableRun(s: VerifySettings, computer: string): EvidenceRun {
  return { ...psRun('rpcReachable', s, rpcReachableScript(computer)), computer };
}
