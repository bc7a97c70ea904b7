// The Verification view: the verdicts of the last mss.verifyMove at a glance. Each check is a
// row with its verdict icon and what was found; its children say what to do and show the
// evidence. The verdicts come from src/verification; this file only shows them.
import * as vscode from 'vscode';
import { getProcedure } from '../../procedures';
import type { CheckResult } from '../../verification/checks';
import { verdictCounts, type VerificationResult } from '../../verification/verify';

export type VerificationNode =
  | { kind: 'check'; check: CheckResult }
  | { kind: 'line'; check: CheckResult; text: string; index: number; icon: string };

const ICONS: Record<CheckResult['verdict'], vscode.ThemeIcon> = {
  pass: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  fail: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  unverified: new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground')),
};

const TITLES: Record<CheckResult['id'], string> = {
  secretServerName: 'SSO database names the new master secret server',
  serviceRunning: 'Enterprise SSO service is running',
  restoreLogged: 'Restore of the master secret is logged',
};

export function verdictIcon(verdict: CheckResult['verdict']): vscode.ThemeIcon {
  return ICONS[verdict];
}

export class VerificationView implements vscode.TreeDataProvider<VerificationNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<VerificationNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<VerificationNode>;
  private result: VerificationResult | undefined;

  constructor() {
    this.view = vscode.window.createTreeView('mss.verification', { treeDataProvider: this, showCollapseAll: true });
    this.view.message = 'Nothing verified yet in this window. Run "Master Secret: Verify the Move" (the button above) after -updatedb, the restart or the restore.';
  }

  get last(): VerificationResult | undefined {
    return this.result;
  }

  show(result: VerificationResult): void {
    this.result = result;
    const title = getProcedure(result.procedure)?.title ?? result.procedure;
    this.view.description = verdictCounts(result.checks);
    this.view.message = `${title}: read on ${result.computer} at ${new Date(result.at).toLocaleString()}. Microsoft does not publish the exact layout of ssomanage -displaydb's output: a layout the extension cannot read is "unverified", never "pass".`;
    this.changed.fire(undefined);
  }

  async reveal(): Promise<void> {
    const first = this.getChildren()[0];
    if (first) await this.view.reveal(first, { focus: false, select: false, expand: true });
  }

  getChildren(node?: VerificationNode): VerificationNode[] {
    if (!this.result) return [];
    if (!node) return this.result.checks.map((check) => ({ kind: 'check', check }));
    if (node.kind !== 'check') return [];
    const c = node.check;
    const lines: VerificationNode[] = [];
    if (c.next) lines.push({ kind: 'line', check: c, text: `What to do: ${c.next}`, index: 0, icon: 'lightbulb' });
    c.evidence.split('\n').filter((l) => l.trim() !== '').slice(0, 30).forEach((text, i) => lines.push({ kind: 'line', check: c, text, index: i + 1, icon: i === 0 ? 'terminal' : 'blank' }));
    return lines;
  }

  getParent(node: VerificationNode): VerificationNode | undefined {
    return node.kind === 'line' ? { kind: 'check', check: node.check } : undefined;
  }

  getTreeItem(node: VerificationNode): vscode.TreeItem {
    if (node.kind === 'check') {
      const c = node.check;
      const item = new vscode.TreeItem(`${TITLES[c.id]}: ${c.verdict}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `verification.${c.id}`;
      item.description = c.summary;
      item.iconPath = verdictIcon(c.verdict);
      item.tooltip = new vscode.MarkdownString(`**${TITLES[c.id]}: ${c.verdict}**\n\n${c.summary}${c.next ? `\n\n**What to do:** ${c.next}` : ''}\n\n\`\`\`\n${c.evidence}\n\`\`\``);
      item.contextValue = `check ${c.verdict}`;
      item.accessibilityInformation = { label: `${TITLES[c.id]}: ${c.verdict}. ${c.summary}` };
      return item;
    }
    const item = new vscode.TreeItem(node.text);
    item.id = `verification.${node.check.id}.${node.index}`;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    item.tooltip = node.text;
    return item;
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}
