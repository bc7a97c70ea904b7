// mss.importProgress: goes on with a procedure on another computer. The record
// that mss.exportReport writes ends with the progress (procedures/transfer.ts);
// importing it here merges it with this computer's progress of that procedure (or
// replaces it), after the admin chooses from the UI, with Undo in the notification.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { getProcedure, procedures as byId } from '../../../procedures';
import { replaceProgress, type ProcedureProgress, type ProgressBook } from '../../../procedures/progress';
import { mergeProblem, mergeProgress, readTransfer } from '../../../procedures/transfer';
import { visible } from '../../../ssoTools/serverName';
import { offerUndo } from '../tickStep';
import type { Command } from '../../shared/command';
import type { Prompts } from '../../shared/prompts';
import { computerName } from '../../shared/computerName';

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

const MERGE = 'Merge';
const REPLACE = 'Replace';

export class ImportProgressCommand implements Command {
  readonly id = 'mss.importProgress';

  constructor(private readonly progress: ProgressBook, private readonly prompts: Prompts) {}

  execute(arg?: unknown): ReturnType<typeof importProgress> {
    return importProgress(this.progress, this.prompts, arg);
  }
}

async function importProgress(progress: ProgressBook, prompts: Prompts, arg?: unknown) {
  // A Uri is how the UI passes a file (a link, a menu): it asks like the palette. A { file } asks nothing.
  const interactive = arg === undefined || arg instanceof vscode.Uri;
  let file: string;
  let mode: 'merge' | 'replace' = 'merge';
  if (arg instanceof vscode.Uri) {
    file = arg.fsPath;
  } else if (arg !== undefined) {
    const given = arg as { file?: unknown; mode?: unknown } | null;
    if (typeof given?.file !== 'string' || given.file.trim() === '' || (given.mode !== undefined && given.mode !== 'merge' && given.mode !== 'replace')) {
      throw new Error('mss.importProgress takes { file: string, mode?: "merge" | "replace" }: the path of a record written by "Master Secret: Export a Record of the Move", and whether it is merged with this computer\'s progress (the default) or replaces it.');
    }
    file = given.file;
    mode = given.mode ?? 'merge';
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
  const merged = mergeProgress(before, transfer.progress);
  const noMerge = mergeProblem(procedures, procedure.id, merged);
  const count = (p: ProcedureProgress) => `${doneCount(procedure.steps, p)} of ${total} steps done`;
  // The record's own text, as every message shows names: nothing invisible, nothing raw (the reader checked both already).
  const from = `written on ${transfer.computer ? visible(transfer.computer) : 'an unnamed computer'} at ${visible(transfer.exportedAt)}`;
  if (noMerge && mode === 'merge' && !interactive) throw new Error(`${path.basename(file)}: ${noMerge}`);
  if (interactive) {
    const answer = await prompts.confirm(
      `Import the progress of "${procedure.title}" from ${visible(path.basename(file))}?`,
      `This computer (${visible(computerName())}): ${count(before)}.\n` +
      `The record (${from}): ${count(transfer.progress)}.\n\n` +
      (noMerge ? `${noMerge}\n` : `Merge: ${count(merged)}. A step done on either computer is done, the machines and sub-steps of both are kept, and the later run says how it went.\n`) +
      `Replace: ${count(transfer.progress)}, only what the record says.\n\n` +
      'You can undo either from the notification.',
      ...(noMerge ? [REPLACE] : [MERGE, REPLACE]));
    if (answer !== MERGE && answer !== REPLACE) return undefined;
    mode = answer === MERGE ? 'merge' : 'replace';
  }
  // Merged under the lock with the progress as it is then (another window may have ticked a step since the question).
  const next = await progress.change(procedure.id, (current) => {
    const result = mode === 'merge' ? mergeProgress(current, transfer.progress) : structuredClone(transfer.progress);
    replaceProgress(current, result);
    return result;
  });
  const done = doneCount(procedure.steps, next);
  offerUndo(progress, `Progress of "${procedure.title}" ${mode === 'merge' ? 'merged with' : 'replaced by'} ${path.basename(file)} (${from}): ${count(next)}.`, { [procedure.id]: before });
  return { procedure: procedure.id, mode, done, total };
}
