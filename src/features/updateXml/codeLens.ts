// Lenses at the top of an update XML file: run `ssomanage -updatedb` on it (trusted workspaces
// only: the command runs a program) and validate it, with the current problem counts.
import * as vscode from 'vscode';
import { isUpdateXml, type UpdateXmlDiagnostics } from './diagnostics';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export class UpdateXmlCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly diagnostics: UpdateXmlDiagnostics) {
    this.subscriptions = [
      this.changed,
      diagnostics.onDidUpdate(() => { this.changed.fire(); }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => { this.changed.fire(); }),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!isUpdateXml(document)) return [];
    const found = this.diagnostics.current(document) ?? [];
    const errors = found.filter((d) => d.severity === 'error').length;
    const warnings = found.filter((d) => d.severity === 'warning').length;
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses: vscode.CodeLens[] = [];
    if (vscode.workspace.isTrusted && document.uri.scheme === 'file') {
      lenses.push(new vscode.CodeLens(top, {
        title: '$(play) Run ssomanage -updatedb on this file',
        tooltip: errors > 0
          ? `Fix the ${plural(errors, 'error')} first: ssomanage -updatedb is not run on a file with errors.`
          : 'Runs ssomanage -updatedb with this file (asks first). Moving to another server: run it on the original master secret server, after the backup. Moving to a cluster: on the active cluster node (the section "Update the master secret server name in the SSO database" of step 1).',
        command: 'mss.runUpdateDb',
        // The file's Uri, not its path string: mss.runUpdateDb treats a Uri as a click in the UI
        // and asks before running (a path string is a programmatic call and asks nothing).
        arguments: [document.uri],
      }));
    }
    lenses.push(new vscode.CodeLens(top, {
      title: errors + warnings === 0 ? '$(check) Validate: no problems' : `$(warning) Validate: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
      tooltip: 'Check this file against what ssomanage -updatedb accepts and show the result',
      command: 'mss.validateUpdateXml',
      // As above: a Uri marks a click in the UI, so the command shows its summary.
      arguments: [document.uri],
    }));
    return lenses;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
