// mss.explainError: what an ENTSSO error code, event ID or message means, from the
// catalogue in src/ssoTools; and the one Explain view that shows an explanation (also
// offered by a failed run's notification). The view is a webview panel, reused for the
// next explanation: no untitled document is left behind. It runs no script; its links
// open in the browser.
import * as vscode from 'vscode';
import { explainError, type ErrorExplanation } from '../../ssoTools/errors';
import { explanationHtml } from '../../ssoTools/explanationHtml';

/** The view type of the Explain view (the integration tests look for its tab). */
export const EXPLAIN_VIEW_TYPE = 'mss.explanation';

let panel: vscode.WebviewPanel | undefined;

/** Shows an explanation in the Explain view, opening it or bringing it to the front. */
export function showExplanation(e: ErrorExplanation): Promise<void> {
  const title = `Explain: ${e.title.split(' ')[0]}`;
  if (panel) {
    panel.title = title;
    panel.reveal(undefined, false);
  } else {
    panel = vscode.window.createWebviewPanel(EXPLAIN_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, { enableScripts: false, enableFindWidget: true, localResourceRoots: [] });
    panel.onDidDispose(() => { panel = undefined; });
  }
  panel.webview.html = explanationHtml(e);
  return Promise.resolve();
}

export function registerExplainError(): vscode.Disposable {
  const command = vscode.commands.registerCommand('mss.explainError', async (arg?: unknown) => {
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
  return vscode.Disposable.from(command, { dispose: () => panel?.dispose() });
}
