// Finds the update XML files of the workspace (for the -updatedb tasks).
import * as vscode from 'vscode';
import { decodeUpdateXmlBytes, isUpdateXmlDocument } from '../updateXml';

export async function findUpdateXmlFiles(): Promise<vscode.Uri[]> {
  const candidates = await vscode.workspace.findFiles('**/*.xml', '**/node_modules/**', 500);
  const found: vscode.Uri[] = [];
  for (const uri of candidates) {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (isUpdateXmlDocument(uri.fsPath, decodeUpdateXmlBytes(bytes).text)) found.push(uri);
    } catch { /* unreadable: skip */ }
  }
  return found.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}
