// Live checks before a step's command, from the UI: before -updatedb, does -displaydb name this
// computer as the current master secret server; before the restore, is ENTSSO running here.
// They only warn, in the question the admin answers anyway; what cannot be read is said in the
// log and warns nothing. Pure.
import { sameComputer } from '../procedures/computers';
import type { ProcedureId } from '../procedures/model';
import { checkServiceRunning, EXPECTED_EVENTS, type ToolOutput } from './checks';
import { readSecretServerName } from './readers';

export interface LiveCheck {
  /** A warning for the question, when the evidence says something is wrong. */
  warning?: string;
  /** What was read, or why nothing could be, for the log. */
  note: string;
}

/** Before `ssomanage -updatedb` in the move to another server: it runs on the current master secret server. */
export function beforeUpdateDbLive(out: ToolOutput, here: string, move: ProcedureId | undefined): LiveCheck {
  if (move === 'moveToCluster') return { note: 'In the move to a cluster -updatedb runs on the active cluster node: the server -displaydb names is not checked against this computer.' };
  if (!out.ran) return { note: `Not checked which server the SSO database names: ${out.reason}` };
  if (out.exitCode !== 0) return { note: `Not checked which server the SSO database names: ${out.commandLine} ended with exit code ${out.exitCode}.` };
  const name = readSecretServerName(out.stdout);
  if (name === undefined) return { note: 'Not checked which server the SSO database names: -displaydb printed no row whose label ends in "secret server name".' };
  if (sameComputer(name, here)) return { note: `ssomanage -displaydb names this computer, ${name}, as the current master secret server.` };
  const where = move === 'moveToServer' ? '' : ' when moving to another server';
  return {
    warning: `ssomanage -displaydb names ${name} as the current master secret server, and this computer is ${here}. Step 4 runs -updatedb on the current (original) master secret server${where}: run it on ${name}.`,
    note: `ssomanage -displaydb names ${name}, not this computer (${here}).`,
  };
}

/** Before `ssoconfig -restoreSecret`: the restore needs Enterprise SSO running on this computer. */
export function beforeRestoreLive(out: ToolOutput, here: string): LiveCheck {
  const check = checkServiceRunning(out, here);
  if (check.verdict === 'fail') return { warning: `${check.summary} The restore needs it running: ${check.next ?? 'start it first.'}`, note: check.summary };
  return { note: check.verdict === 'pass' ? check.summary : `Not checked whether ENTSSO runs here: ${check.summary.replace(/^Not checked: /, '')}` };
}

/** After a step's run succeeded: the ENTSSO events to expect now, when the step has such events. */
export function eventsToExpectAfter(step: string): string | undefined {
  if (step === 'restartService' || step === 'cycleResource') return EXPECTED_EVENTS.afterRestart;
  if (step === 'restore' || step === 'restoreEachNode') return EXPECTED_EVENTS.afterRestore;
  return undefined;
}
