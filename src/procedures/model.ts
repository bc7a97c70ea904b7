// Types of the procedure model: the one source that the walkthroughs, the tree
// view, the step notes and the exported report are all rendered from.
// Pure data, no `vscode` import, so it can be unit-tested in plain Node.

export type ProcedureId = 'moveToServer' | 'moveToCluster';

/** A one-click action offered with a step: a command id of package.json's contributes.commands. */
export interface Action {
  command: string;
  title: string;
  args?: unknown;
}

/** One of the numbered sub-steps of Microsoft's page (`${stepId}.${n}`, n from 1). */
export interface SubStep {
  id: string;
  number: number;
  /** Markdown, in the admin's words; UI labels kept verbatim in bold. */
  text: string;
  /** Exact command, ASCII '-' only. */
  commandLine?: string;
  warnings: string[];
  notes: string[];
}

/** One way of doing a folded-in procedure (e.g. command line or MMC snap-in). */
export interface FoldedRoute {
  name: string;
  /** Markdown, one entry per numbered step of the route. */
  steps: string[];
  /** Exact command of the route, when it has one (ASCII '-' only). */
  commandLine?: string;
}

export interface FoldedStep {
  text: string;
  commandLine?: string;
  warnings: string[];
  notes: string[];
}

export interface FoldedSection {
  /** Our number for the section inside the folded page, e.g. '5.1'. Never shown: the admin sees Microsoft's title. */
  ref: string;
  title: string;
  steps: FoldedStep[];
}

/**
 * A linked Microsoft procedure folded into a step where Microsoft's page says
 * "follow the steps in ...".
 */
export interface FoldedProcedure {
  /** Microsoft page title. */
  title: string;
  /** Source id of the page (src/sources), e.g. 'biztalk/core/how-to-back-up-the-master-secret'. */
  source: string;
  preconditions: string[];
  warnings: string[];
  /** What changes when the page is followed as part of the move (skipped parts, overrides). */
  notes: string[];
  routes: FoldedRoute[];
  sections?: FoldedSection[];
}

export interface Step {
  id: string;
  number: number;
  title: string;
  /** One or two plain sentences for the walkthrough card and tooltips. */
  summary: string;
  /** Markdown: the full text of the step. */
  text: string;
  /** Where the step is carried out, e.g. "On the new master secret server". */
  runsOn: string;
  /** GUI tool used, when the step is done in one. */
  tool?: string;
  /**
   * Exact command, ASCII '-' only. When a step needs more than one command,
   * they are on separate lines, in the order they are run.
   */
  commandLine?: string;
  warnings: string[];
  notes: string[];
  /** Where the documentation is unsure or contradicts itself, said plainly. */
  doubts: string[];
  /** Set when the step is only needed in some setups. */
  condition?: string;
  /** Ids of top-level steps of the same procedure that must be done first. */
  requires: string[];
  /** Set for steps done once per machine. */
  perMachine?: { noun: string; hint: string };
  actions: Action[];
  /**
   * The checks of "Master Secret: Verify the Move" that tell whether this step worked
   * (check ids of src/verification/checks.ts: `secretServerName`, `restartLogged`, ...); their verdicts show on the step.
   */
  verifiedBy?: readonly string[];
  subSteps: SubStep[];
  folded?: FoldedProcedure;
  /**
   * Source ids, resolved by src/sources: Microsoft Learn paths (the first is always
   * MOVE_PAGE, "How to Move the Master Secret Server"), event pages (`eventPage(10575)`),
   * community reports by their https address, inferences.
   */
  sources: string[];
}

export interface Procedure {
  id: ProcedureId;
  title: string;
  description: string;
  /** The heading of the section of Microsoft's page this procedure restates. */
  pageHeading: string;
  /** Id of the tree view that shows the procedure (package.json's contributes.views). */
  viewId: string;
  steps: Step[];
}

/** Builds sub-steps `${stepId}.1`, `${stepId}.2`, ... from their bodies. */
export function numberSubSteps(
  stepId: string,
  bodies: ReadonlyArray<Omit<SubStep, 'id' | 'number'>>,
): SubStep[] {
  return bodies.map((body, index) => ({ id: `${stepId}.${index + 1}`, number: index + 1, ...body }));
}
