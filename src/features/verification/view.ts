// The Verification view: the verdicts of mss.verifyMove at a glance, per computer read. Each
// computer verified in this window is a row (verifying one computer never replaces another's
// verdicts); under it each check is a row with its verdict icon and what was found, and its
// children say what to do and show the evidence. The verdicts come from src/verification; this
// file only shows them.
import * as vscode from 'vscode';
import { getProcedure } from '../../procedures';
import { computerKey } from '../../procedures/progress';
import type { CheckId, CheckResult } from '../../verification/checks';
import { verdictCounts, type VerificationResult } from '../../verification/verify';

export type VerificationNode =
  | { kind: 'computer'; result: VerificationResult }
  | { kind: 'check'; result: VerificationResult; check: CheckResult }
  | { kind: 'line'; result: VerificationResult; check: CheckResult; text: string; index: number; icon: string };

const ICONS: Record<CheckResult['verdict'], vscode.ThemeIcon> = {
  pass: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  fail: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  unverified: new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground')),
};

/** Each check's title, in the admin's words. */
export const CHECK_TITLES: Record<CheckId, string> = {
  secretServerName: 'SSO database names the new master secret server',
  serviceRunning: 'Enterprise SSO service is running',
  restartLogged: 'Restart of Enterprise SSO is logged',
  restoreLogged: 'Restore of the master secret is logged',
  clusterResource: 'Clustered ENTSSO resource is online',
  genericService: 'ENTSSO Generic Service uses the network name',
  groupSsoServer: 'BizTalk group names the cluster as SSO Server',
  hostInstances: 'No unclustered host instance on the cluster nodes',
  ssoServerShown: 'ssomanage -showserver names the new SSO server',
  serviceAccount: 'Same ENTSSO service account everywhere',
  secretInRegistry: 'Restored secret is in the registry',
  ssoFollows: 'This SSO server reads the new master secret server',
  currentServer: 'The current master secret server',
  sameDatabase: 'The new servers use the same SSO database',
  backupCurrent: 'A current backup of the master secret',
  rpcReachable: 'The new servers answer on RPC (port 135)',
};

export function verdictIcon(verdict: CheckResult['verdict']): vscode.ThemeIcon {
  return ICONS[verdict];
}

export class VerificationView implements vscode.TreeDataProvider<VerificationNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<VerificationNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<VerificationNode>;
  /** The last result of each computer, in the order first verified. */
  private readonly results = new Map<string, VerificationResult>();
  private latest: VerificationResult | undefined;

  constructor() {
    this.view = vscode.window.createTreeView('mss.verification', { treeDataProvider: this, showCollapseAll: true });
    this.view.message = 'Nothing verified yet in this window. Run "Master Secret: Verify the Move" (the button above) after -updatedb, the restart or the restore.';
  }

  /** The last verification, of any computer. */
  get last(): VerificationResult | undefined {
    return this.latest;
  }

  /** The last verification of each computer, in the order first verified. */
  get all(): VerificationResult[] {
    return [...this.results.values()];
  }

  show(result: VerificationResult): void {
    const key = `${result.procedure}/${result.before ? 'before/' : ''}${computerKey(result.computer)}`;
    // Another procedure's verdicts leave the view: it shows one move at a time.
    for (const [k, r] of this.results) if (r.procedure !== result.procedure) this.results.delete(k);
    this.results.set(key, result);
    this.latest = result;
    const title = getProcedure(result.procedure)?.title ?? result.procedure;
    this.view.description = verdictCounts(this.all.flatMap((r) => r.checks));
    const computers = this.all.map((r) => r.computer).join(', ');
    this.view.message = `${title}: read on ${computers}; the last on ${result.computer} at ${new Date(result.at).toLocaleString()}. What the extension cannot read is "unverified", never "pass".`;
    this.changed.fire(undefined);
  }

  async reveal(): Promise<void> {
    const node = this.getChildren().find((n) => n.kind === 'computer' && n.result === this.latest);
    if (node) await this.view.reveal(node, { focus: false, select: false, expand: true });
  }

  getChildren(node?: VerificationNode): VerificationNode[] {
    if (!node) return this.all.map((result) => ({ kind: 'computer', result }));
    if (node.kind === 'computer') return node.result.checks.map((check) => ({ kind: 'check', result: node.result, check }));
    if (node.kind !== 'check') return [];
    const c = node.check;
    const lines: VerificationNode[] = [];
    if (c.next) lines.push({ kind: 'line', result: node.result, check: c, text: `What to do: ${c.next}`, index: 0, icon: 'lightbulb' });
    c.evidence.split('\n').filter((l) => l.trim() !== '').slice(0, 30).forEach((text, i) => lines.push({ kind: 'line', result: node.result, check: c, text, index: i + 1, icon: i === 0 ? 'terminal' : 'blank' }));
    return lines;
  }

  getParent(node: VerificationNode): VerificationNode | undefined {
    if (node.kind === 'computer') return undefined;
    if (node.kind === 'check') return { kind: 'computer', result: node.result };
    return { kind: 'check', result: node.result, check: node.check };
  }

  getTreeItem(node: VerificationNode): vscode.TreeItem {
    const computer = computerKey(node.result.computer);
    if (node.kind === 'computer') {
      const r = node.result;
      const item = new vscode.TreeItem(r.before ? `Before the move, from ${r.computer}` : r.computer, this.latest === r ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `verification.${r.before ? 'before.' : ''}${computer}`;
      item.description = `${verdictCounts(r.checks)} · ${new Date(r.at).toLocaleString()}`;
      item.iconPath = verdictIcon(r.checks.some((c) => c.verdict === 'fail') ? 'fail' : r.checks.some((c) => c.verdict === 'unverified') ? 'unverified' : 'pass');
      item.tooltip = `Read on ${r.computer} at ${r.at}: ${verdictCounts(r.checks)}`;
      item.contextValue = 'computer';
      return item;
    }
    if (node.kind === 'check') {
      const c = node.check;
      const item = new vscode.TreeItem(`${CHECK_TITLES[c.id]}: ${c.verdict}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `verification.${node.result.before ? 'before.' : ''}${computer}.${c.id}`;
      item.description = c.summary;
      item.iconPath = verdictIcon(c.verdict);
      item.tooltip = new vscode.MarkdownString(`**${CHECK_TITLES[c.id]}: ${c.verdict}** (${node.result.computer})\n\n${c.summary}${c.next ? `\n\n**What to do:** ${c.next}` : ''}\n\n\`\`\`\n${c.evidence}\n\`\`\``);
      item.contextValue = `check ${c.verdict}`;
      item.accessibilityInformation = { label: `${CHECK_TITLES[c.id]} on ${node.result.computer}: ${c.verdict}. ${c.summary}` };
      return item;
    }
    const item = new vscode.TreeItem(node.text);
    item.id = `verification.${node.result.before ? 'before.' : ''}${computer}.${node.check.id}.${node.index}`;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    item.tooltip = node.text;
    return item;
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}
