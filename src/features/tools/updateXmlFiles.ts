// Finds the update XML files of the workspace: Run Task offers -updatedb for each.
import * as vscode from 'vscode';
import { decodeUpdateXmlBytes, isUpdateXmlDocument } from '../../updateXml';

/** An update XML file of the workspace, with the bytes read to recognise it (so they are not read again). */
export interface UpdateXmlFile { uri: vscode.Uri; bytes: Uint8Array }

export async function findUpdateXmlFiles(): Promise<UpdateXmlFile[]> {
  const candidates = await vscode.workspace.findFiles('**/*.xml', '**/node_modules/**', 500);
  const found: UpdateXmlFile[] = [];
  for (const uri of candidates) {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (isUpdateXmlDocument(uri.fsPath, decodeUpdateXmlBytes(bytes).text)) found.push({ uri, bytes });
    } catch { /* unreadable: skip */ }
  }
  return found.sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath));
}
