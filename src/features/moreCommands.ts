// mss.explainError, mss.exportReport and the tree's inline "run this step" button.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { getProcedure, procedureIds, type Procedure } from '../procedures';
import type { ProgressBook } from '../procedures/progress';
import { renderReport } from '../procedures/report';
import { explainError, type ErrorExplanation } from '../ssoTools/errors';
import type { TreeNode } from './procedureTree';
import { computerName } from './computerName';

function explanationMarkdown(e: ErrorExplanation): string {
  return `# ${e.title}\n\n**Meaning:** ${e.meaning}\n\n**Likely cause:** ${e.cause}\n\n**What to do:** ${e.fix}\n\n*Source: ${e.source}*\n`;
}

/** Opens an explanation as a Markdown preview (a plain editor where the preview is unavailable). */
export async function showExplanation(e: ErrorExplanation): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: explanationMarkdown(e) });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri).then(undefined, () => vscode.window.showTextDocument(doc));
}

export function registerMoreCommands(progress: ProgressBook): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('mss.explainError', async (arg?: unknown) => {
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
    }),

    vscode.commands.registerCommand('mss.exportReport', async (arg?: { procedure?: unknown; target?: unknown }) => {
      let procedure: Procedure | undefined;
      let target: string | undefined;
      if (arg !== undefined) {
        procedure = typeof arg?.procedure === 'string' ? getProcedure(arg.procedure) : undefined;
        if (!procedure) throw new Error('mss.exportReport takes { procedure: "moveToServer" | "moveToCluster", target?: string }.');
        if (arg.target !== undefined && typeof arg.target !== 'string') throw new Error('target must be a file path.');
        target = arg.target as string | undefined;
      } else {
        const picked = await vscode.window.showQuickPick(procedureIds.map((id) => ({ label: getProcedure(id)!.title, id })), { title: 'Export a record of which procedure?' });
        if (!picked) return undefined;
        procedure = getProcedure(picked.id)!;
      }
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
      if (!target) {
        const proposed = path.join(folder ?? process.cwd(), `master-secret-move-${procedure.id}-${stamp}.md`);
        if (arg === undefined) {
          const uri = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(proposed), filters: { Markdown: ['md'] }, title: 'Save the record of the move' });
          if (!uri) return undefined;
          target = uri.fsPath;
        } else {
          if (!folder) throw new Error('No folder is open: pass target, the path of the Markdown file to write.');
          target = proposed;
        }
      }
      if (fs.existsSync(target)) {
        // The save dialog already asked about overwriting; a programmatic caller never overwrites.
        if (arg !== undefined) throw new Error(`${target} exists already; nothing was written. Pass another target.`);
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, renderReport(procedure, progress.read(procedure.id), new Date(), computerName()));
      if (arg === undefined) await vscode.window.showTextDocument(vscode.Uri.file(target));
      return target;
    }),

    vscode.commands.registerCommand('mss.runStepAction', async (node?: TreeNode) => {
      if (!node || node.kind !== 'step' && node.kind !== 'machine') return undefined;
      const actions = node.step.actions;
      if (actions.length === 0) return undefined;
      const action = actions.length === 1 ? actions[0] : await vscode.window.showQuickPick(actions.map((a) => ({ label: a.title, a })), { title: `${node.step.number}. ${node.step.title}` }).then((p) => p?.a);
      if (!action) return undefined;
      return vscode.commands.executeCommand(action.command);
    }),
  ];
}
