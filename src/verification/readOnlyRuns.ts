// The read-only programs of `mss.verifyMove` and their argument vectors. They print and exit;
// none of them changes anything. Another computer is read through the tools' own remote forms
// (`sc \\NAME query ENTSSO`, `wevtutil qe Application /r:NAME`); `-displaydb` reads the SSO
// database, which is the same from any SSO server, and always runs here. Pure.
import { sameComputer } from '../procedures/computers';
import { displayCommandLine, resolveExecutable, type ToolSettings } from '../ssoTools/commandLines';
import { checkServerName } from '../ssoTools/serverName';
import type { CheckId } from './checks';

export interface VerifySettings extends ToolSettings {
  /** `mss.scPath`: the program run as `sc query ENTSSO`; default `sc`. */
  scPath: string;
  /** `mss.wevtutilPath`: the program run as `wevtutil qe Application ...`; default `wevtutil`. */
  wevtutilPath: string;
}

/** How many of the newest ENTSSO events are read. */
export const EVENT_COUNT = 50;

/** The XPath query of ENTSSO's events (one argument: no shell ever sees it, so it is not quoted). */
export const ENTSSO_EVENT_QUERY = "/q:*[System[Provider[@Name='ENTSSO']]]";

export interface ReadOnlyRun {
  check: CheckId;
  /** The setting that names the program, for "set it" messages. */
  setting: string;
  executable: string;
  args: string[];
  /** The command line as it would be typed, for the record. */
  label: string;
}

/**
 * Checks the computer to read: undefined or this computer means this computer (local forms);
 * another name must be a valid computer name. Throws with what to fix otherwise.
 */
export function remoteComputer(computer: string | undefined, here: string): string | undefined {
  if (computer === undefined || computer.trim() === '' || sameComputer(computer, here)) return undefined;
  const name = computer.trim();
  const verdict = checkServerName(name);
  if (!verdict.ok || /[\s"'`&|<>^%!;,()\\/]/.test(name)) {
    throw new Error(`mss.verifyMove: "${computer}" is not a computer name${verdict.message ? `: ${verdict.message}` : '.'} Give the name of the computer to read (for example BTSMSS02).`);
  }
  return name;
}

function run(check: CheckId, setting: string, executable: string, args: string[]): ReadOnlyRun {
  return { check, setting, executable, args, label: displayCommandLine({ executable, args }) };
}

/** The three runs of a verification: -displaydb here; sc and wevtutil here or on `remote`. */
export function verificationRuns(s: VerifySettings, platform: NodeJS.Platform, remote: string | undefined): ReadOnlyRun[] {
  const sc = s.scPath.trim() || 'sc';
  const wevtutil = s.wevtutilPath.trim() || 'wevtutil';
  return [
    run('secretServerName', 'mss.ssomanagePath', resolveExecutable('ssomanage', s, platform), ['-displaydb']),
    run('serviceRunning', 'mss.scPath', sc, [...(remote ? [`\\\\${remote}`] : []), 'query', 'ENTSSO']),
    run('restoreLogged', 'mss.wevtutilPath', wevtutil, ['qe', 'Application', ENTSSO_EVENT_QUERY, '/f:xml', '/rd:true', `/c:${EVENT_COUNT}`, ...(remote ? [`/r:${remote}`] : [])]),
  ];
}
