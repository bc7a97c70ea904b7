// mss.explainError: what an ENTSSO error code, event ID or message means, from the
// catalogue in src/ssoTools; and the view that shows an explanation (also offered by a
// failed run's notification).
import * as vscode from 'vscode';
import { explainError, type ErrorExplanation } from '../../ssoTools/errors';

function explanationMarkdown(e: ErrorExplanation): string {
  return `# ${e.title}\n\n**Meaning:** ${e.meaning}\n\n**Likely cause:** ${e.cause}\n\n**What to do:** ${e.fix}\n\n*Source: ${e.source}*\n`;
}

/** Opens an explanation as a Markdown preview (a plain editor where the preview is unavailable). */
export async function showExplanation(e: ErrorExplanation): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: explanationMarkdown(e) });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri).then(undefined, () => vscode.window.showTextDocument(doc));
}

export function registerExplainError(): vscode.Disposable {
  return vscode.commands.registerCommand('mss.explainError', async (arg?: unknown) => {
    let text = typeof arg === 'string' ? arg : undefined;
    if (arg !== undefined && typeof arg !== 'string') throw new Error('mss.explainError takes a string: an HRESULT such as 0xC0002A0F, an event number such as 10766, or message text.');
    const interactive = text === undefined;
    if (interactive) {
      const selection = vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection);
      text = await vscode.window.showInputBox({ title: 'Explain an ENTSSO error', prompt: 'Paste an error code (0xC0002A0F), an event ID (10766) or the error text from ssomanage, ssoconfig or the Application event log.', value: selection?.trim() || undefined });
      if (!text) return undefined;
    }
    const e = explainError(text!);
    if (interactive) {
      if (!e) {
        void vscode.window.showInformationMessage(`No explanation is known for "${text}". Check the Application event log (source ENTSSO) for the event ID and try that.`);
      } else {
        await showExplanation(e);
      }
    }
    return e;
  });
}
