// Finds the update XML files of the workspace (for the -updatedb tasks).
import * as vscode from 'vscode';
import { isUpdateXmlDocument } from '../updateXml';

export async function findUpdateXmlFiles(): Promise<vscode.Uri[]> {
  const candidates = await vscode.workspace.findFiles('**/*.xml', '**/node_modules/**', 500);
  const found: vscode.Uri[] = [];
  for (const uri of candidates) {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      // An update file is a few hundred bytes; the start is enough to recognise one.
      const head = new TextDecoder(bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8').decode(bytes.subarray(0, 64 * 1024));
      if (isUpdateXmlDocument(uri.fsPath, head)) found.push(uri);
    } catch { /* unreadable: skip */ }
  }
  return found.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}
