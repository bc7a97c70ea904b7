// Commands that read and write progress (README.md, "Commands": mss.getProgress,
// mss.setStepDone, mss.resetProgress, mss.openWalkthrough), the tree's
// checkboxes and the per-machine list. Programmatic calls with the contract's
// argument ask nothing; palette calls ask for what is missing.
import * as vscode from 'vscode';
import { getProcedure, procedureIds, stepNames, type Procedure, type ProcedureId } from '../../procedures';
import type { ProcedureProgress, ProgressBook } from '../../procedures/progress';
import { checkServerName } from '../../ssoTools/serverName';
import type { Prompts } from '../shared/prompts';
import type { ProcedureTrees, TreeNode } from './tree';

export const EXTENSION_ID = 'ssotools.master-secret-mover';

function procedureArg(value: unknown): Procedure {
  const p = typeof value === 'string' ? getProcedure(value) : undefined;
  if (!p) throw new Error(`Unknown procedure ${JSON.stringify(value)}. Use "moveToServer" or "moveToCluster".`);
  return p;
}

async function pickProcedure(title: string): Promise<Procedure | undefined> {
  const picked = await vscode.window.showQuickPick(procedureIds.map((id) => ({ label: getProcedure(id)!.title, id })), { title, placeHolder: 'Which procedure?' });
  return picked ? getProcedure(picked.id) : undefined;
}

export async function openWalkthrough(procedure: ProcedureId, beforeOpen: (procedure: ProcedureId) => Promise<void> = () => Promise.resolve()): Promise<void> {
  await beforeOpen(procedure);
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${procedure}`, false);
}

/**
 * Marks a step done from the UI: when the steps it depends on are not done, the
 * admin confirms first, and the out-of-order tick is recorded.
 * Resolves true when the step was changed.
 */
export async function tickStep(progress: ProgressBook, prompts: Prompts, procedure: Procedure, stepId: string, done: boolean): Promise<boolean> {
  if (done) {
    const missing = progress.missingPrerequisites(procedure.id, stepId);
    if (missing.length > 0) {
      const step = procedure.steps.find((s) => s.id === stepId)!;
      const names = stepNames(procedure.id, missing);
      const answer = await prompts.confirm(
        `"${step.number}. ${step.title}" comes after steps that are not done yet.`,
        `Not done: ${names.join('; ')}.\n\nIn this procedure the order matters: for example the backup must exist before ssomanage -updatedb, and the restore only works after -updatedb and the service restart. Mark it done anyway? This is recorded in the progress and in the exported record.`,
        'Mark Done Anyway');
      if (answer !== 'Mark Done Anyway') return false;
    }
  }
  await progress.setDone(procedure.id, stepId, done);
  return true;
}

/**
 * Says what was done to progress, with an Undo button that puts back exactly what
 * was stored before (`before`: progress.read() of each procedure changed).
 */
export function offerUndo(progress: ProgressBook, label: string, before: Record<string, ProcedureProgress>): void {
  void vscode.window.showInformationMessage(label, 'Undo').then(async (choice) => {
    if (choice !== 'Undo') return;
    for (const [id, stored] of Object.entries(before)) await progress.restore(id, stored);
  });
}

export function registerProgressCommands(progress: ProgressBook, prompts: Prompts, trees: ProcedureTrees, beforeOpen?: (procedure: ProcedureId) => Promise<void>): vscode.Disposable[] {
  const reset = async (procedure?: ProcedureId) => {
    const ids = procedure ? [procedure] : [...procedureIds];
    const before = Object.fromEntries(ids.map((id) => [id, progress.read(id)]));
    await progress.reset(procedure);
    offerUndo(progress, procedure ? `Progress of "${getProcedure(procedure)!.title}" was reset.` : 'Progress of both procedures was reset.', before);
  };

  const handleCheckboxes = (procedure: Procedure) => async (e: vscode.TreeCheckboxChangeEvent<TreeNode>) => {
    let declined = false;
    for (const [node, state] of e.items) {
      const checked = state === vscode.TreeItemCheckboxState.Checked;
      if (node.kind === 'step') declined = !(await tickStep(progress, prompts, procedure, node.step.id, checked)) || declined;
      else if (node.kind === 'machine') await progress.setMachineDone(procedure.id, node.step.id, node.name, checked);
      else if (node.kind === 'subStep') await progress.setSubStepDone(procedure.id, node.step.id, node.index + 1, checked);
    }
    // A change of progress redraws the tree; a declined tick changes nothing, so the
    // checkbox the admin clicked is put back here.
    if (declined) trees.get(procedure.id)?.provider.refresh();
  };

  const editMachines = async (arg?: { procedure: string; step: string } | TreeNode) => {
    let procedure: Procedure;
    let stepId: string;
    if (arg && 'kind' in arg) {
      const found = [...trees.values()].find((t) => t.provider.procedure.steps.includes(arg.step));
      procedure = found!.provider.procedure;
      stepId = arg.step.id;
    } else if (arg && typeof arg === 'object') {
      procedure = procedureArg(arg.procedure);
      stepId = arg.step;
    } else {
      const picked = await pickProcedure('List the machines of a step');
      if (!picked) return;
      const stepPick = await vscode.window.showQuickPick(picked.steps.filter((s) => s.perMachine).map((s) => ({ label: `${s.number}. ${s.title}`, id: s.id })));
      if (!stepPick) return;
      procedure = picked;
      stepId = stepPick.id;
    }
    const step = procedure.steps.find((s) => s.id === stepId);
    if (!step?.perMachine) throw new Error(`Step "${stepId}" of ${procedure.id} is not done once per machine.`);
    const current = (progress.record(procedure.id, stepId).machines ?? []).map((m) => m.name).join(', ');
    const value = await vscode.window.showInputBox({
      title: `${step.number}. ${step.title}: each ${step.perMachine.noun}`,
      prompt: `${step.perMachine.hint} Separate the names with commas. Each is ticked on its own; the step is done when all are.`,
      value: current,
      validateInput: (text) => {
        for (const name of text.split(',').map((s) => s.trim()).filter(Boolean)) {
          const check = checkServerName(name);
          if (!check.ok) return { message: `${name}: ${check.message}`, severity: vscode.InputBoxValidationSeverity.Error };
        }
        return undefined;
      },
    });
    if (value === undefined) return;
    await progress.setMachines(procedure.id, stepId, value.split(','));
  };

  const disposables: vscode.Disposable[] = [
    vscode.commands.registerCommand('mss.openWalkthrough', async (arg?: unknown) => {
      const p = arg === undefined ? await pickProcedure('Open a walkthrough') : procedureArg(arg);
      if (p) await openWalkthrough(p.id, beforeOpen);
    }),
    vscode.commands.registerCommand('mss.openMoveToServerWalkthrough', () => openWalkthrough('moveToServer', beforeOpen)),
    vscode.commands.registerCommand('mss.openMoveToClusterWalkthrough', () => openWalkthrough('moveToCluster', beforeOpen)),
    vscode.commands.registerCommand('mss.getProgress', async (arg?: unknown) => {
      if (arg !== undefined) return progress.snapshot(procedureArg(arg).id);
      const p = await pickProcedure('Show progress');
      if (!p) return undefined;
      const { done, total } = progress.counts(p.id);
      const open = p.steps.filter((s) => !progress.record(p.id, s.id).done).map((s) => `${s.number}. ${s.title}`);
      void vscode.window.showInformationMessage(`${p.title}: ${done} of ${total} steps done.${open.length ? ` Next: ${open[0]}.` : ''}`);
      return progress.snapshot(p.id);
    }),
    vscode.commands.registerCommand('mss.setStepDone', async (arg?: { procedure: string; step: string; done: boolean }) => {
      if (arg !== undefined) {
        if (typeof arg !== 'object' || arg === null || typeof arg.step !== 'string' || typeof arg.done !== 'boolean') {
          throw new Error('mss.setStepDone takes { procedure: "moveToServer" | "moveToCluster", step: string, done: boolean }.');
        }
        const p = procedureArg(arg.procedure);
        // A sub-step is named as in the tree: `<stepId>.<n>`, e.g. updateDb.2.
        const sub = /^(.+)\.(\d+)$/.exec(arg.step);
        const parent = sub ? p.steps.find((s) => s.id === sub[1]) : undefined;
        if (sub && parent && parent.subSteps.length > 0) {
          await progress.setSubStepDone(p.id, parent.id, Number(sub[2]), arg.done);
          return undefined;
        }
        if (!p.steps.some((s) => s.id === arg.step)) {
          throw new Error(`Unknown step "${arg.step}" in ${p.id}. Steps: ${p.steps.map((s) => s.id).join(', ')}; sub-steps as <step>.<n>, e.g. ${p.steps.find((s) => s.subSteps.length > 0)?.id ?? 'step'}.1.`);
        }
        await progress.setDone(p.id, arg.step, arg.done);
        return undefined;
      }
      const p = await pickProcedure('Mark a step done or not done');
      if (!p) return undefined;
      const picked = await vscode.window.showQuickPick(p.steps.map((s) => {
        const done = progress.record(p.id, s.id).done;
        return { label: `${done ? '$(pass-filled)' : '$(circle-large-outline)'} ${s.number}. ${s.title}`, description: done ? 'done: pick to mark not done' : 'pick to mark done', id: s.id, done };
      }), { title: p.title });
      if (picked) await tickStep(progress, prompts, p, picked.id, !picked.done);
      return undefined;
    }),
    vscode.commands.registerCommand('mss.resetProgress', async (arg?: unknown) => reset(arg === undefined ? undefined : procedureArg(arg).id)),
    vscode.commands.registerCommand('mss.resetMoveToServer', () => reset('moveToServer')),
    vscode.commands.registerCommand('mss.resetMoveToCluster', () => reset('moveToCluster')),
    vscode.commands.registerCommand('mss.editMachines', editMachines),
  ];
  for (const [id, { view }] of trees) disposables.push(view.onDidChangeCheckboxState(handleCheckboxes(getProcedure(id)!)));
  return disposables;
}
