// The procedure a progress command works on: named by its argument ("moveToServer" or
// "moveToCluster"), or picked by the admin.
import * as vscode from 'vscode';
import { getProcedure, procedureIds, type Procedure } from '../../procedures';

export function procedureArg(value: unknown): Procedure {
  const p = typeof value === 'string' ? getProcedure(value) : undefined;
  if (!p) throw new Error(`Unknown procedure ${JSON.stringify(value)}. Use "moveToServer" or "moveToCluster".`);
  return p;
}

export async function pickProcedure(title: string): Promise<Procedure | undefined> {
  const picked = await vscode.window.showQuickPick(procedureIds.map((id) => ({ label: getProcedure(id)!.title, id })), { title, placeHolder: 'Which procedure?' });
  return picked ? getProcedure(picked.id) : undefined;
}
