// The tree view of one procedure: a node per step with a checkbox, children for
// sub-steps, warnings, notes, doubts, the folded-in Microsoft procedure and, for
// steps done once per machine, the machines. Rules live in the procedure model
// and in ProgressBook; this file only shows them.
import * as vscode from 'vscode';
import type { Procedure, Step } from '../../procedures/model';
import type { CheckRecord, ProgressBook, StepRecord } from '../../procedures/progress';
import { localTime, stepTooltipMarkdown } from '../../procedures/stepText';
import { procedureIds, procedures, stepLabel, stepNames, type ProcedureId } from '../../procedures';
import { runsOnNamed } from '../../procedures/computers';
import { newServerOf } from '../../procedures/runs';
import { markdownLink, resolveSource } from '../../sources';

export type TreeNode =
  | { kind: 'step'; step: Step }
  | { kind: 'subStep'; step: Step; index: number }
  | { kind: 'remark'; step: Step; level: 'warning' | 'note' | 'doubt' | 'condition' | 'outOfOrder' | 'lastRun' | 'run'; text: string; index: number }
  | { kind: 'machine'; step: Step; name: string }
  | { kind: 'check'; step: Step; id: string; record: CheckRecord }
  | { kind: 'addMachines'; step: Step }
  | { kind: 'folded'; step: Step }
  | { kind: 'foldedGroup'; step: Step; group: number; title: string; items: string[] }
  | { kind: 'foldedItem'; step: Step; id: string; text: string };

/** A stored time in the admin's local time and VS Code's display language. */
const when = (iso: string) => localTime(iso, vscode.env.language);

const plain = (markdown: string) => markdown.replace(/\*\*|`/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/\s+/g, ' ').trim();

export class ProcedureTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(readonly procedure: Procedure, private readonly progress: ProgressBook) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return this.procedure.steps.map((step) => ({ kind: 'step', step }));
    const step = node.step;
    switch (node.kind) {
      case 'step': {
        const record = this.progress.record(this.procedure.id, step.id);
        const kids: TreeNode[] = [];
        let i = 0;
        const remark = (level: Extract<TreeNode, { kind: 'remark' }>['level'], text: string) =>
          kids.push({ kind: 'remark', step, level, text, index: i++ });
        // The verdicts of the last verification that bear on the step, first: they say whether it worked.
        for (const [id, c] of Object.entries(record.checks ?? {})) kids.push({ kind: 'check', step, id, record: c });
        if (record.outOfOrder) {
          remark('outOfOrder', `Marked done on ${when(record.outOfOrder.at)} before: ${stepNames(this.procedure.id, record.outOfOrder.missing).join(', ')}`);
        }
        if (!record.done && record.exitCode !== undefined && record.exitCode !== 0) {
          remark('lastRun', `Last run ended with exit code ${record.exitCode}${record.at ? ` (${when(record.at)})` : ''}: the step stays open`);
        }
        if (!record.done && record.stoppedAt) remark('lastRun', `Last run was stopped on ${when(record.stoppedAt)} before it reported an exit code: the step stays open`);
        // Per-machine steps keep exit codes on their machines; the error lines are the step's.
        for (const e of record.lastErrors ?? []) remark('lastRun', `The last run printed ERROR ${e}`);
        if (record.newServer) remark('note', `ssomanage -updatedb made ${record.newServer} the master secret server (ssomanage -displaydb shows it as "Single Sign-On Secret Server name").`);
        // The history of runs, newest first: a step run three times shows three runs.
        const runs = [...(record.runs ?? [])].reverse();
        runs.slice(0, 5).forEach((r) => remark('run', `Ran ${r.startedAt}${r.machine ? ` for ${r.machine}` : ''} on ${r.computer} as ${r.user}: ${r.exitCode === undefined ? 'stopped before it ended' : `exit code ${r.exitCode}`} · ${r.commandLine}`));
        if (runs.length > 5) remark('run', `${runs.length - 5} earlier runs are in the record of the move`);
        if (step.condition) remark('condition', step.condition);
        if (step.perMachine) {
          for (const m of record.machines ?? []) kids.push({ kind: 'machine', step, name: m.name });
          kids.push({ kind: 'addMachines', step });
        }
        step.subSteps.forEach((_s, index) => kids.push({ kind: 'subStep', step, index }));
        step.warnings.forEach((t) => remark('warning', t));
        step.notes.forEach((t) => remark('note', t));
        step.doubts.forEach((t) => remark('doubt', t));
        if (step.folded) kids.push({ kind: 'folded', step });
        return kids;
      }
      case 'folded': {
        const f = step.folded!;
        const groups: TreeNode[] = [];
        let g = 0;
        const pre = [...f.preconditions, ...f.warnings, ...f.notes];
        if (pre.length) groups.push({ kind: 'foldedGroup', step, group: g++, title: 'Before you start', items: pre });
        for (const r of f.routes) groups.push({ kind: 'foldedGroup', step, group: g++, title: r.name, items: r.steps });
        for (const s of f.sections ?? []) {
          groups.push({ kind: 'foldedGroup', step, group: g++, title: s.title, items: s.steps.map((x) => x.text) });
        }
        return groups;
      }
      case 'foldedGroup':
        return node.items.map((text, n) => ({ kind: 'foldedItem', step, id: `${step.id}.folded.${node.group}.${n + 1}`, text: `${n + 1}. ${text}` }));
      default:
        return [];
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'step': return this.stepItem(node);
      case 'check': return this.checkItem(node);
      case 'subStep': return this.subStepItem(node);
      case 'remark': return this.remarkItem(node);
      case 'machine': return this.machineItem(node);
      case 'addMachines': return this.addMachinesItem(node);
      case 'folded': return this.foldedStepItem(node);
      case 'foldedGroup': return this.foldedGroupItem(node);
      case 'foldedItem': return this.foldedLineItem(node);
    }
  }

  private stepItem(node: Extract<TreeNode, { kind: 'step' }>): vscode.TreeItem {
    const step = node.step;
    const record: StepRecord = this.progress.record(this.procedure.id, step.id);
    const hasKids = this.getChildren(node).length > 0;
    const item = new vscode.TreeItem(stepLabel(step), hasKids ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = step.id;
    const subDone = record.subStepsDone?.length ?? 0;
    const runsOn = runsOnNamed(this.procedure.id, step.runsOn, this.procedure.id === 'moveToServer' ? newServerOf('moveToServer', this.progress.read('moveToServer')) : undefined);
    item.description = step.perMachine && record.machines?.length
      ? `${runsOn} · ${record.machines.filter((m) => m.done).length} of ${record.machines.length} machines`
      : !record.done && subDone > 0
        ? `${runsOn} · ${subDone} of ${step.subSteps.length} sub-steps`
        : runsOn;
    item.checkboxState = record.done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.tooltip = new vscode.MarkdownString(stepTooltipMarkdown(step, record, vscode.env.language));
    item.contextValue = ['step', ...(step.perMachine ? ['perMachine'] : []), ...step.actions.map((a) => a.command.replace(/^mss\./, 'action-'))].join(' ');
    item.accessibilityInformation = { label: `Step ${step.number}, ${step.title}, ${record.done ? 'done' : 'not done'}` };
    return item;
  }

  private checkItem(node: Extract<TreeNode, { kind: 'check' }>): vscode.TreeItem {
    const step = node.step;
    const c = node.record;
    const icons = { pass: ['pass', 'testing.iconPassed'], fail: ['error', 'testing.iconFailed'], unverified: ['question', 'problemsWarningIcon.foreground'] } as const;
    const item = new vscode.TreeItem(`${c.verdict === 'pass' ? 'Verified' : c.verdict === 'fail' ? 'Verification failed' : 'Not verified'}: ${c.summary}`);
    item.id = `${step.id}.check.${node.id}`;
    item.description = `${c.computer}, ${when(c.at)}`;
    item.iconPath = new vscode.ThemeIcon(icons[c.verdict][0], new vscode.ThemeColor(icons[c.verdict][1]));
    item.tooltip = new vscode.MarkdownString(`**${c.verdict}** (read on ${c.computer}, ${when(c.at)})\n\n${c.summary}${c.next ? `\n\n**What to do:** ${c.next}` : ''}\n\n\`\`\`\n${c.evidence}\n\`\`\``);
    item.contextValue = `check ${c.verdict}`;
    return item;
  }

  private subStepItem(node: Extract<TreeNode, { kind: 'subStep' }>): vscode.TreeItem {
    const step = node.step;
    const sub = step.subSteps[node.index];
    const ticked = (this.progress.record(this.procedure.id, step.id).subStepsDone ?? []).includes(node.index + 1);
    const item = new vscode.TreeItem(`${step.number}.${sub.number} ${plain(sub.text)}`);
    item.id = sub.id;
    item.checkboxState = ticked ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.accessibilityInformation = { label: `Sub-step ${step.number}.${sub.number}, ${plain(sub.text)}, ${ticked ? 'done' : 'not done'}` };
    item.tooltip = new vscode.MarkdownString([sub.text, sub.commandLine ? `\n\`\`\`\n${sub.commandLine}\n\`\`\`` : '', ...sub.warnings.map((w) => `\n$(warning) ${w}`), ...sub.notes.map((n) => `\n*Note:* ${n}`)].join('\n'), true);
    item.description = sub.commandLine;
    item.iconPath = sub.warnings.length ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon('debug-stackframe-dot');
    item.contextValue = 'subStep';
    return item;
  }

  private remarkItem(node: Extract<TreeNode, { kind: 'remark' }>): vscode.TreeItem {
    const step = node.step;
    const icons = { warning: 'warning', note: 'info', doubt: 'question', condition: 'filter', outOfOrder: 'history', lastRun: 'error', run: 'history' } as const;
    const item = new vscode.TreeItem(plain(node.text));
    item.id = `${step.id}.${node.level}.${node.index}`;
    item.tooltip = node.level === 'run' ? node.text : new vscode.MarkdownString(node.text);
    item.iconPath = node.level === 'warning' || node.level === 'outOfOrder'
      ? new vscode.ThemeIcon(icons[node.level], new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : node.level === 'lastRun'
        ? new vscode.ThemeIcon(icons[node.level], new vscode.ThemeColor('problemsErrorIcon.foreground'))
        : new vscode.ThemeIcon(icons[node.level]);
    item.contextValue = node.level;
    return item;
  }

  private machineItem(node: Extract<TreeNode, { kind: 'machine' }>): vscode.TreeItem {
    const step = node.step;
    const record = this.progress.record(this.procedure.id, step.id);
    const m = record.machines?.find((x) => x.name === node.name);
    const item = new vscode.TreeItem(node.name);
    item.id = `${step.id}.machine.${node.name.toLowerCase()}`;
    item.checkboxState = m?.done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    item.description = m?.exitCode !== undefined ? `exit code ${m.exitCode}` : step.perMachine?.noun;
    item.iconPath = new vscode.ThemeIcon('server');
    item.contextValue = ['machine', ...step.actions.map((a) => a.command.replace(/^mss\./, 'action-'))].join(' ');
    return item;
  }

  private addMachinesItem(node: Extract<TreeNode, { kind: 'addMachines' }>): vscode.TreeItem {
    const step = node.step;
    const noun = step.perMachine?.noun ?? 'machine';
    const item = new vscode.TreeItem(`List each ${noun}…`);
    item.id = `${step.id}.addMachines`;
    item.tooltip = step.perMachine?.hint;
    item.iconPath = new vscode.ThemeIcon('add');
    item.command = { command: 'mss.editMachines', title: `List each ${noun}`, arguments: [{ procedure: this.procedure.id, step: step.id }] };
    item.contextValue = 'addMachines';
    return item;
  }

  private foldedStepItem(node: Extract<TreeNode, { kind: 'folded' }>): vscode.TreeItem {
    const step = node.step;
    const f = step.folded!;
    const item = new vscode.TreeItem(`Follow: ${f.title}`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${step.id}.folded`;
    item.iconPath = new vscode.ThemeIcon('book');
    item.tooltip = new vscode.MarkdownString(`Microsoft's procedure ${markdownLink(resolveSource(f.source))}, restated here because How to Move the Master Secret Server says to follow it.`);
    return item;
  }

  private foldedGroupItem(node: Extract<TreeNode, { kind: 'foldedGroup' }>): vscode.TreeItem {
    const step = node.step;
    const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `${step.id}.folded.${node.group}`;
    item.iconPath = new vscode.ThemeIcon('list-ordered');
    return item;
  }

  private foldedLineItem(node: Extract<TreeNode, { kind: 'foldedItem' }>): vscode.TreeItem {
    const item = new vscode.TreeItem(plain(node.text));
    item.id = node.id;
    item.tooltip = new vscode.MarkdownString(node.text);
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.kind === 'step') return undefined;
    if (node.kind === 'foldedGroup') return { kind: 'folded', step: node.step };
    if (node.kind === 'foldedItem') {
      const group = Number(node.id.split('.')[2]);
      return this.getChildren({ kind: 'folded', step: node.step })[group];
    }
    return { kind: 'step', step: node.step };
  }
}

/** The tree of each procedure, with its provider (the integration tests read both). */
export type ProcedureTrees = ReadonlyMap<ProcedureId, { provider: ProcedureTreeProvider; view: vscode.TreeView<TreeNode> }>;

/** What the tree says above its steps while none is done. */
export function emptyMessage(id: ProcedureId): string {
  return id === 'moveToServer'
    ? 'No step done yet. Start with step 1 on the new master secret server, or open the walkthrough (book button above) for the whole move.'
    : 'No step done yet. Start with step 1 on the cluster nodes, or open the walkthrough (book button above) for the whole move.';
}

/**
 * Creates the tree view of each procedure; its description counts the steps done and follows
 * the progress. The count is made when the view is shown, not while the extension activates
 * (that would read the progress file then: BENCHMARKS.md).
 */
export function createProcedureTrees(progress: ProgressBook): { trees: ProcedureTrees; disposables: vscode.Disposable[] } {
  const trees = new Map<ProcedureId, { provider: ProcedureTreeProvider; view: vscode.TreeView<TreeNode> }>();
  const disposables: vscode.Disposable[] = [];
  for (const id of procedureIds) {
    const provider = new ProcedureTreeProvider(procedures[id], progress);
    const view = vscode.window.createTreeView(procedures[id].viewId, { treeDataProvider: provider, manageCheckboxStateManually: true, showCollapseAll: true });
    const describe = () => {
      const { done, total } = progress.counts(id);
      view.description = `${done} of ${total} done`;
      // The tree always has its steps, so the viewsWelcome text would never show: the start is said here.
      view.message = done === 0 ? emptyMessage(id) : undefined;
    };
    if (view.visible) describe();
    disposables.push(view, provider, view.onDidChangeVisibility((e) => {
      if (e.visible) describe();
    }), progress.onDidChange((p) => {
      if (p === id) { provider.refresh(); if (view.visible) describe(); }
    }));
    trees.set(id, { provider, view });
  }
  return { trees, disposables };
}
