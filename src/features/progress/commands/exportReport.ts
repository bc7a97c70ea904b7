// mss.exportReport: writes the Markdown record of a procedure (procedures/report.ts), which
// ends with the progress so that the next computer of the move can import it.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { getProcedure, procedureIds, type Procedure } from '../../../procedures';
import type { ProgressBook } from '../../../procedures/progress';
import { renderReport } from '../../../procedures/report';
import { computerName } from '../../shared/computerName';
import type { Command } from '../../shared/command';
import { writeAtomic } from '../progressFile';

type ExportArg = { procedure?: unknown; target?: unknown; change?: unknown };

export class ExportReportCommand implements Command {
  readonly id = 'mss.exportReport';

  constructor(private readonly progress: ProgressBook) {}

  execute(arg?: ExportArg): Promise<string | undefined> {
    return exportReport(this.progress, arg);
  }
}

async function exportReport(progress: ProgressBook, arg?: ExportArg): Promise<string | undefined> {
  let procedure: Procedure | undefined;
  let target: string | undefined;
  if (arg !== undefined) {
    procedure = typeof arg?.procedure === 'string' ? getProcedure(arg.procedure) : undefined;
    if (!procedure) throw new Error('mss.exportReport takes { procedure: "moveToServer" | "moveToCluster", target?: string, change?: string }.');
    if (arg.target !== undefined && typeof arg.target !== 'string') throw new Error('target must be a file path.');
    if (arg.change !== undefined && typeof arg.change !== 'string') throw new Error('change must be the change (ticket) number, a string.');
    target = arg.target;
    if (typeof arg.change === 'string') await progress.setChangeNumber(procedure.id, arg.change);
  } else {
    const picked = await vscode.window.showQuickPick(procedureIds.map((id) => ({ label: getProcedure(id)!.title, id })), { title: 'Export a record of which procedure?' });
    if (!picked) return undefined;
    procedure = getProcedure(picked.id)!;
    // Once per procedure: the change (ticket) number the record is for; kept for the next records.
    const change = await vscode.window.showInputBox({
      title: 'Change number for the record (optional)',
      prompt: 'The change or ticket number this move is done under, as your change management knows it. Leave empty for none; Escape cancels the export.',
      value: progress.changeNumber(procedure.id) ?? '',
      validateInput: (v) => (v.length > 100 || /[\r\n<>]/.test(v) ? 'At most 100 characters, on one line, without < or >.' : undefined),
    });
    if (change === undefined) return undefined;
    await progress.setChangeNumber(procedure.id, change);
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
  // The save dialog already asked about overwriting; a programmatic caller never overwrites.
  const exists = () => new Error(`${target} exists already; nothing was written. Pass another target.`);
  if (arg !== undefined && fs.existsSync(target)) throw exists();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Atomic: a temp file in the same folder, then a rename (or a link that never replaces a file).
  try {
    await writeAtomic(target, renderReport(procedure, progress.read(procedure.id), new Date(), computerName(), { change: progress.changeNumber(procedure.id) }), { exclusive: arg !== undefined });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw exists();
    throw new Error(`The record was not written to ${target}: ${(e as Error).message}. Check that the folder exists and can be written, and export it again.`);
  }
  if (arg === undefined) await vscode.window.showTextDocument(vscode.Uri.file(target));
  return target;
}
