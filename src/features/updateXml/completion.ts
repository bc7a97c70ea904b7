// Element-name completion in update XML files; which names fit where is the core's business.
import * as vscode from 'vscode';
import { completionsAt } from '../../updateXml';
import { isUpdateXml } from './diagnostics';

/** The element name being typed before `position` (possibly empty), on the same line. */
function typedNameRange(document: vscode.TextDocument, position: vscode.Position): vscode.Range {
  const before = document.lineAt(position.line).text.slice(0, position.character);
  const typed = /[\w.:-]*$/.exec(before)?.[0] ?? '';
  return new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
}

export class UpdateXmlCompletion implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['<'];

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    if (!isUpdateXml(document)) return [];
    const range = typedNameRange(document, position);
    return completionsAt(document.getText(), { line: position.line, character: position.character }).map((entry) => {
      const item = new vscode.CompletionItem(entry.label, vscode.CompletionItemKind.Property);
      item.detail = entry.detail;
      item.documentation = new vscode.MarkdownString(entry.documentation);
      item.range = range;
      // A whole empty element (no "<" typed yet) puts the cursor between its tags.
      const whole = /^(<[^<>]+>)(<\/[^<>]+>)$/.exec(entry.insertText);
      item.insertText = whole ? new vscode.SnippetString().appendText(whole[1]).appendTabstop(0).appendText(whole[2]) : entry.insertText;
      return item;
    });
  }
}
