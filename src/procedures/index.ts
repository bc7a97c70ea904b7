// The one source of both procedures. Everything that shows a step (walkthrough,
// tree, notes, report) reads it from here; nothing here imports `vscode`.

import { stepLabel, type Procedure, type ProcedureId, type Step, type SubStep } from './model';
import { moveToCluster } from './moveToCluster';
import { moveToServer } from './moveToServer';

export type {
  Action,
  FoldedProcedure,
  FoldedRoute,
  FoldedSection,
  FoldedStep,
  Procedure,
  ProcedureId,
  Step,
  SubStep,
} from './model';
export { stepLabel } from './model';
export { backUpTheMasterSecret, clusterTheMasterSecretServer, restoreTheMasterSecret } from './folded';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) {
      deepFreeze(child);
    }
  }
  return value;
}

/** Both procedures, frozen: callers read them, never change them. */
export const procedures: Readonly<Record<ProcedureId, Procedure>> = deepFreeze({ moveToServer, moveToCluster });

/** In the order the extension shows them. */
export const procedureIds: readonly ProcedureId[] = Object.freeze(['moveToServer', 'moveToCluster'] as const);

export function isProcedureId(id: unknown): id is ProcedureId {
  return typeof id === 'string' && (procedureIds as readonly string[]).includes(id);
}

export function getProcedure(id: string): Procedure | undefined {
  return isProcedureId(id) ? procedures[id] : undefined;
}

/** A top-level step by procedure id and step id. */
export function findStep(procedure: string, step: string): Step | undefined {
  return getProcedure(procedure)?.steps.find((s) => s.id === step);
}

/** Steps named as the tree and the walkthrough show them ("4. Point the SSO database at..."); an unknown id as it is. */
export function stepNames(procedure: string, ids: readonly string[]): string[] {
  return ids.map((id) => { const s = findStep(procedure, id); return s ? stepLabel(s) : id; });
}

/** A sub-step by its id (`${stepId}.${n}`). */
export function findSubStep(procedure: string, subStepId: string): SubStep | undefined {
  const stepId = subStepId.split('.')[0];
  return findStep(procedure, stepId)?.subSteps.find((s) => s.id === subStepId);
}

/** The context key the extension sets to true when the step is done. */
export function contextKey(procedure: ProcedureId, step: string): string {
  return `mss.done.${procedure}.${step}`;
}

/** Steps of the same procedure that `step` requires and that are not in `done`. */
export function missingRequirements(procedure: string, step: string, done: ReadonlySet<string>): Step[] {
  const p = getProcedure(procedure);
  const s = findStep(procedure, step);
  if (!p || !s) {
    return [];
  }
  return p.steps.filter((candidate) => s.requires.includes(candidate.id) && !done.has(candidate.id));
}
