// Hover on element names of update XML files: what the setting means, its range and default,
// from the core's schema.
import * as vscode from 'vscode';
import { hoverAt } from '../../updateXml';
import { isUpdateXml, toRange } from './diagnostics';

export class UpdateXmlHover implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isUpdateXml(document)) return undefined;
    const found = hoverAt(document.getText(), { line: position.line, character: position.character });
    return found ? new vscode.Hover(new vscode.MarkdownString(found.markdown), toRange(found.range)) : undefined;
  }
}
