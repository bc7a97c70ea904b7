// The files the update-XML commands read and write: paths taken from the first workspace folder,
// the open editor of a file, whether a file exists.
import * as path from 'path';
import * as vscode from 'vscode';

export function firstFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/** An absolute path; a relative one is taken from the first workspace folder. */
export function absolute(file: string): string {
  if (path.isAbsolute(file)) return path.normalize(file);
  const folder = firstFolder();
  if (!folder) throw new Error(`"${file}" is a relative path and no folder is open. Pass an absolute path.`);
  return path.join(folder, file);
}

export function openDocument(file: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && path.normalize(d.uri.fsPath) === file);
}

export async function exists(file: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.file(file));
    return true;
  } catch {
    return false;
  }
}
