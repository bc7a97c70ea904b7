// Quick fixes for the problems of update XML files. The fixes come from the core with each
// diagnostic; VS Code hands back copies of our diagnostics, so they are matched to the core's
// by code and range, against the core's answer for the document's current text (so the edits
// always fit the text they change).
import * as vscode from 'vscode';
import type { UpdateXmlDiagnostic } from '../../updateXml';
import { DIAGNOSTIC_SOURCE, toRange, type UpdateXmlDiagnostics } from './diagnostics';

function sameCode(d: vscode.Diagnostic, code: string): boolean {
  const c = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
  return String(c) === code;
}

export class UpdateXmlCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: UpdateXmlDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const core = this.diagnostics.current(document);
    if (!core) return [];
    const actions: vscode.CodeAction[] = [];
    for (const shown of ours) {
      const match: UpdateXmlDiagnostic | undefined = core.find((c) => sameCode(shown, c.code) && toRange(c.range).isEqual(shown.range));
      for (const fix of match?.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [shown];
        action.isPreferred = fix.isPreferred === true;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.set(document.uri, fix.edits.map((e) => new vscode.TextEdit(toRange(e.range), e.newText)));
        actions.push(action);
      }
    }
    return actions;
  }
}
