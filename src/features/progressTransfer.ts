// mss.importProgress: goes on with a procedure on another computer. The record
// that mss.exportReport writes ends with the progress (procedures/transfer.ts);
// importing it here replaces this computer's progress of that procedure, after
// the admin confirms from the UI, with Undo in the notification.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { getProcedure, procedures as byId } from '../procedures';
import type { ProcedureProgress, ProgressBook } from '../procedures/progress';
import { readTransfer } from '../procedures/transfer';
import { offerUndo } from './progressCommands';
import type { Prompts } from './prompts';
import { computerName } from './computerName';

/** A record is a few kilobytes; anything much larger is not one. */
const MAX_RECORD_BYTES = 1024 * 1024;

function readRecord(file: string): string {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
  if (open) return open.getText();  // what the admin sees, saved or not
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new Error(`Cannot read ${file}. Check the path of the record.`);
  }
  if (size > MAX_RECORD_BYTES) throw new Error(`${file} is ${Math.round(size / 1024)} KiB: not a record written by Master Secret Mover (a few KiB). Pick the exported record of the move.`);
  return fs.readFileSync(file, 'utf8');
}

const procedures = Object.values(byId);
const doneCount = (steps: ReadonlyArray<{ id: string }>, p: ProcedureProgress) => steps.filter((s) => p[s.id]?.done).length;

export function registerImportProgress(progress: ProgressBook, prompts: Prompts): vscode.Disposable {
  return vscode.commands.registerCommand('mss.importProgress', async (arg?: unknown) => {
    // A Uri is how the UI passes a file (a link, a menu): it asks like the palette. A { file } asks nothing.
    const interactive = arg === undefined || arg instanceof vscode.Uri;
    let file: string;
    if (arg instanceof vscode.Uri) {
      file = arg.fsPath;
    } else if (arg !== undefined) {
      const given = (arg as { file?: unknown } | null)?.file;
      if (typeof given !== 'string' || given.trim() === '') throw new Error('mss.importProgress takes { file: string }: the path of a record written by "Master Secret: Export a Record of the Move".');
      file = given;
    } else {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc && doc.uri.scheme === 'file' && readTransfer(doc.getText(), procedures).ok) {
        file = doc.uri.fsPath;
      } else {
        const uris = await vscode.window.showOpenDialog({
          title: 'Import progress from a record of the move', openLabel: 'Import Progress', canSelectMany: false,
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, filters: { 'Record of the move': ['md'], 'All files': ['*'] },
        });
        if (!uris?.[0]) return undefined;
        file = uris[0].fsPath;
      }
    }
    const read = readTransfer(readRecord(file), procedures);
    if (!read.ok) throw new Error(`${path.basename(file)}: ${read.error}`);
    const { transfer } = read;
    const procedure = getProcedure(transfer.procedure)!;
    const before = progress.read(procedure.id);
    const total = procedure.steps.length;
    const done = doneCount(procedure.steps, transfer.progress);
    const from = `written on ${transfer.computer || 'an unnamed computer'} at ${transfer.exportedAt}`;
    if (interactive) {
      const answer = await prompts.confirm(
        `Replace the progress of "${procedure.title}" on this computer?`,
        `This computer (${computerName()}): ${doneCount(procedure.steps, before)} of ${total} steps done.\n` +
        `The record ${path.basename(file)} (${from}): ${done} of ${total} steps done.\n\n` +
        'The record\'s progress replaces this computer\'s, with its times, exit codes and machines. You can undo it from the notification.',
        'Replace Progress');
      if (answer !== 'Replace Progress') return undefined;
    }
    await progress.restore(procedure.id, transfer.progress);
    offerUndo(progress, `Progress of "${procedure.title}" imported from ${path.basename(file)} (${from}): ${done} of ${total} steps done.`, { [procedure.id]: before });
    return { procedure: procedure.id, done, total };
  });
}
