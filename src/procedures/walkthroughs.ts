// Pure renderer from the procedure model to VS Code walkthroughs: the
// `contributes.walkthroughs` array of package.json and one Markdown media file
// per step. scripts/gen-walkthroughs.ts writes the result; the unit tests use
// findWalkthroughDrift() to prove the committed files are what this produces.
// Output is deterministic: no dates, file keys sorted, "\n" line ends.

import type { FoldedProcedure, Procedure, ProcedureId, Step } from './model';
import { contextKey, procedureIds, procedures } from './index';
import { describeSource, markdownLink, resolveSource, resolveSources } from '../sources';

/** Repo-relative folder of the generated media. */
export const walkthroughsFolder = 'walkthroughs';

export interface WalkthroughStepContribution {
  id: string;
  title: string;
  description: string;
  media: { markdown: string };
  completionEvents: string[];
}

export interface WalkthroughContribution {
  id: ProcedureId;
  title: string;
  description: string;
  /** Workspaces where VS Code offers the walkthrough on its own: those with an update XML file. */
  featuredFor?: string[];
  steps: WalkthroughStepContribution[];
}

/** The walkthrough VS Code features in a folder that holds NewMSSServer.xml (step 4 of the move to another server). */
export const FEATURED_FOR: Readonly<Partial<Record<ProcedureId, readonly string[]>>> = { moveToServer: ['**/NewMSSServer.xml'] };

export interface RenderedWalkthroughs {
  /** The value of `contributes.walkthroughs` in package.json. */
  contribution: WalkthroughContribution[];
  /** Repo-relative path (under walkthroughs/, '/' separators) to file content. */
  files: Record<string, string>;
}

export function mediaPath(procedure: ProcedureId, step: string): string {
  return `${walkthroughsFolder}/${procedure}/${step}.md`;
}

/** Command that reveals the procedure's tree view (`<viewId>.focus`). */
export function focusCommand(procedure: Procedure): string {
  return `${procedure.viewId}.focus`;
}

/**
 * The short text on the walkthrough card. Links on their own line render as
 * buttons in VS Code, so each action and the tree link get a line.
 */
export function stepDescription(procedure: Procedure, step: Step): string {
  const lines = [step.summary];
  // Where the move changes computer (the original and the new master secret server), the
  // progress kept on the other one can be brought here with the record of the move.
  const at = procedure.steps.indexOf(step);
  const [previous, next] = [procedure.steps[at - 1], procedure.steps[at + 1]];
  const computer = (s: Step) => s.runsOn.replace(/^On the /, '');
  if (previous && previous.runsOn !== step.runsOn && /^On the /.test(step.runsOn)) {
    lines[0] += ` Coming from the ${computer(previous)}? [Import the record of the move](command:mss.importProgress) exported there.`;
  }
  if (next && next.runsOn !== step.runsOn && /^On the /.test(next.runsOn)) {
    lines[0] += ` Step ${next.number} runs on the ${computer(next)}: [export the record of the move](command:mss.exportReport) to take the progress there.`;
  }
  for (const action of step.actions) {
    lines.push(`[${action.title}](command:${action.command})`);
  }
  // Read-only, before the first step: is this environment ready for the move.
  if (procedure.steps[0] === step) {
    lines.push(`[Check before you start (read-only)](command:mss.checkBeforeMove?${encodeURIComponent(JSON.stringify([{ procedure: procedure.id, show: true }]))})`);
  }
  // Read-only: whether the step worked, from -displaydb, the service state and the ENTSSO events.
  if (step.verifiedBy?.length) {
    lines.push(`[Verify](command:mss.verifyMove?${encodeURIComponent(JSON.stringify([{ procedure: procedure.id, show: true }]))})`);
  }
  lines.push(`[Show the steps in the side bar](command:${focusCommand(procedure)})`);
  return lines.join('\n');
}

/** Indents the continuation lines of a list item so that code fences stay inside it. */
function listItem(marker: string, text: string): string {
  const pad = ' '.repeat(marker.length + 1);
  return `${marker} ${text.split('\n').map((line, i) => (i === 0 || line === '' ? line : pad + line)).join('\n')}`;
}

function bullets(items: readonly string[]): string {
  return items.map((item) => listItem('-', item)).join('\n');
}

function codeBlock(command: string, indent = ''): string {
  return ['```cmd', ...command.split('\n'), '```'].map((line) => indent + line).join('\n');
}

function titledList(title: string, items: readonly string[]): string[] {
  return items.length ? [`**${title}**`, '', bullets(items), ''] : [];
}

function renderFolded(folded: FoldedProcedure): string[] {
  const out: string[] = [`## ${folded.title}`, '', `Microsoft's steps, restated from ${markdownLink(resolveSource(folded.source))} for this move.`, ''];
  out.push(...titledList('Before you start', folded.preconditions));
  out.push(...titledList('Warnings', folded.warnings));
  out.push(...titledList('Notes', folded.notes));
  for (const route of folded.routes) {
    out.push(`### ${route.name}`, '');
    out.push(route.steps.map((text, i) => listItem(`${i + 1}.`, text)).join('\n'), '');
    if (route.commandLine) {
      out.push(codeBlock(route.commandLine), '');
    }
  }
  for (const section of folded.sections ?? []) {
    out.push(`### ${section.title}`, '');
    const items = section.steps.map((s, i) => {
      const marker = `${i + 1}.`;
      const pad = ' '.repeat(marker.length + 1);
      const parts = [listItem(marker, s.text)];
      if (s.commandLine) {
        parts.push('', codeBlock(s.commandLine, pad));
      }
      const extra = [...s.warnings.map((w) => `**Warning:** ${w}`), ...s.notes.map((n) => `**Note:** ${n}`)];
      if (extra.length) {
        parts.push('', extra.map((e) => pad + listItem('-', e).split('\n').join(`\n${pad}`)).join('\n'));
      }
      return parts.join('\n');
    });
    out.push(items.join('\n\n'), '');
  }
  return out;
}

/**
 * Where a step comes from: the Microsoft pages as links under "Microsoft documentation",
 * then community reports and inferences, each said to be one.
 */
function renderSources(ids: readonly string[]): string[] {
  const refs = resolveSources(ids);
  const docs = refs.filter((r) => r.kind === 'microsoft');
  const other = refs.filter((r) => r.kind !== 'microsoft');
  const out: string[] = ['## Microsoft documentation', '', bullets(docs.map(describeSource)), ''];
  if (other.length) {
    out.push('## Other sources', '', bullets(other.map(describeSource)), '');
  }
  return out;
}

/** The full Markdown page of one step (walkthrough media). */
export function renderStepMarkdown(procedure: Procedure, step: Step): string {
  const out: string[] = [`# ${step.number}. ${step.title}`, ''];
  const facts: string[] = [`**Where:** ${step.runsOn}`];
  if (step.tool) {
    facts.push(`**Tool:** ${step.tool}`);
  }
  if (step.condition) {
    facts.push(`**Only if:** ${step.condition.replace(/^Only if /, '')}`);
  }
  if (step.perMachine) {
    facts.push(`**Once per ${step.perMachine.noun}:** ${step.perMachine.hint}`);
  }
  if (step.requires.length) {
    // In procedure order, whatever the order of requires[].
    const titles = procedure.steps.filter((s) => step.requires.includes(s.id)).map((s) => `${s.number}. ${s.title}`);
    facts.push(`**Do first:** ${titles.join('; ')}`);
  }
  // Two trailing spaces: a Markdown line break between the facts.
  out.push(facts.join('  \n'), '', step.text, '');
  if (step.commandLine) {
    out.push('## Command line', '', codeBlock(step.commandLine), '');
  }
  if (step.subSteps.length) {
    out.push('## Steps', '');
    for (const sub of step.subSteps) {
      out.push(`**${step.number}.${sub.number}** ${sub.text}`, '');
      if (sub.commandLine) {
        out.push(codeBlock(sub.commandLine), '');
      }
      for (const warning of sub.warnings) {
        out.push(`> **Warning:** ${warning}`, '');
      }
      for (const note of sub.notes) {
        out.push(`> **Note:** ${note}`, '');
      }
    }
  }
  for (const [heading, items] of [
    ['Warnings', step.warnings],
    ['Notes', step.notes],
    ['Where the documentation is unsure', step.doubts],
  ] as const) {
    if (items.length) {
      out.push(`## ${heading}`, '', bullets(items), '');
    }
  }
  if (step.folded) {
    out.push(...renderFolded(step.folded));
  }
  out.push(...renderSources(step.sources));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

export function renderWalkthroughs(): RenderedWalkthroughs {
  const contribution: WalkthroughContribution[] = [];
  const unsorted: Record<string, string> = {};
  for (const id of procedureIds) {
    const procedure = procedures[id];
    contribution.push({
      id,
      title: procedure.title,
      description: procedure.description,
      ...(FEATURED_FOR[id] ? { featuredFor: [...FEATURED_FOR[id]] } : {}),
      steps: procedure.steps.map((step) => ({
        id: step.id,
        title: `${step.number}. ${step.title}`,
        description: stepDescription(procedure, step),
        media: { markdown: mediaPath(id, step.id) },
        completionEvents: [`onContext:${contextKey(id, step.id)}`],
      })),
    });
    for (const step of procedure.steps) {
      unsorted[mediaPath(id, step.id)] = renderStepMarkdown(procedure, step);
    }
  }
  const files: Record<string, string> = {};
  for (const key of Object.keys(unsorted).sort()) {
    files[key] = unsorted[key];
  }
  return { contribution, files };
}

/** What is on disk (or in git), handed in so that this module stays pure. */
export interface WalkthroughState {
  /** Content of a repo-relative file, or undefined when it does not exist. */
  readFile(path: string): string | undefined;
  /** Every file under walkthroughs/, repo-relative with '/' separators. */
  listFiles(): string[];
  /** The parsed package.json. */
  packageJson: unknown;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return (
      sameJson(ka, kb) &&
      ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

/**
 * Differences between the rendered walkthroughs and the given state, one
 * sentence each; empty when they are in sync.
 */
export function findWalkthroughDrift(state: WalkthroughState, rendered = renderWalkthroughs()): string[] {
  const drift: string[] = [];
  for (const [path, content] of Object.entries(rendered.files)) {
    const actual = state.readFile(path);
    if (actual === undefined) {
      drift.push(`${path} is missing`);
    } else if (actual.replace(/\r\n/g, '\n') !== content) {
      drift.push(`${path} differs from the model`);
    }
  }
  for (const path of state.listFiles().sort()) {
    if (!(path in rendered.files)) {
      drift.push(`${path} is not generated from the model (stale file)`);
    }
  }
  const pkg = state.packageJson as { contributes?: { walkthroughs?: unknown } } | undefined;
  if (!sameJson(pkg?.contributes?.walkthroughs, rendered.contribution)) {
    drift.push('package.json contributes.walkthroughs differs from the model');
  }
  return drift;
}
