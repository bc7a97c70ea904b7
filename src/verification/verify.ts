// A verification of a move: which check bears on which step, the server the SSO database is
// expected to name, and the verdicts of one run of the read-only programs. Pure.
import { procedureIds, procedures } from '../procedures';
import type { ProcedureId } from '../procedures/model';
import type { ProcedureProgress } from '../procedures/progress';
import { newServerOf } from '../procedures/runs';
import { CHECK_IDS, checkRestoreLogged, checkSecretServerName, checkServiceRunning, type CheckId, type CheckResult, type ToolOutput } from './checks';

/** The step of each procedure a check bears on: its verdict is shown and kept there. */
export const CHECK_STEPS: Readonly<Record<ProcedureId, Readonly<Record<CheckId, string>>>> = Object.fromEntries(
  procedureIds.map((id) => [id, Object.fromEntries(CHECK_IDS.map((check) => {
    const step = procedures[id].steps.find((s) => s.verifiedBy?.includes(check));
    if (!step) throw new Error(`No step of ${id} is verified by ${check}.`);
    return [check, step.id];
  }))]),
) as Record<ProcedureId, Record<CheckId, string>>;

/** The steps that have a check bearing on them (the walkthrough's Verify link, the tree's verdict rows). */
export function checksOfStep(procedure: ProcedureId, step: string): CheckId[] {
  return (Object.entries(CHECK_STEPS[procedure]) as Array<[CheckId, string]>).filter(([, s]) => s === step).map(([id]) => id);
}

/** The server -displaydb should name: the one the procedure's last successful -updatedb named. */
export function expectedServer(procedure: ProcedureId, progress: ProcedureProgress): string | undefined {
  return newServerOf(procedure, progress);
}

export interface VerificationResult {
  procedure: ProcedureId;
  /** The computer whose service and Application log were read. */
  computer: string;
  at: string;
  /** The server -displaydb was expected to name, if any. */
  expected?: string;
  checks: CheckResult[];
}

export function verify(procedure: ProcedureId, outputs: Readonly<Record<CheckId, ToolOutput>>, facts: { expected?: string; computer: string; at: Date }): VerificationResult {
  return {
    procedure,
    computer: facts.computer,
    at: facts.at.toISOString(),
    ...(facts.expected ? { expected: facts.expected } : {}),
    checks: [
      checkSecretServerName(outputs.secretServerName, facts.expected),
      checkServiceRunning(outputs.serviceRunning, facts.computer),
      checkRestoreLogged(outputs.restoreLogged, facts.computer),
    ],
  };
}

/** "2 pass, 1 unverified": the verdicts counted, worst first. */
export function verdictCounts(checks: readonly CheckResult[]): string {
  return (['fail', 'unverified', 'pass'] as const)
    .map((v) => [v, checks.filter((c) => c.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${v}`)
    .join(', ');
}
