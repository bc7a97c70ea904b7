// The steps the backup and the restore share: the backup file (asked for from the UI, in the
// Enterprise SSO folder when it exists), then ssoconfig, once the file passed its checks on disk
// and the command's own question said go.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { proposeBackupFileName, resolveInstallFolder } from '../../ssoTools/commandLines';
import { readToolSettings, requireTrust } from '../shared/toolSettings';
import { workspaceScope, type ToolRunner } from './runTool';
import { checkSecretFile } from './tasks';

export type SecretFileKind = 'backup' | 'restore';
export type SecretFileCheck = ReturnType<typeof checkSecretFile>;

/** The file of `{ file }`, or from a save (backup) or open (restore) dialog; undefined when the admin cancels. */
async function secretFile(arg: unknown, kind: SecretFileKind): Promise<string | undefined> {
  if (arg !== undefined) {
    const file = (arg as { file?: unknown })?.file;
    if (typeof file !== 'string' || file.trim() === '') throw new Error(`mss.${kind}Secret takes { file: string }: the path of the master secret backup file (.bak).`);
    return file;
  }
  const folder = resolveInstallFolder(readToolSettings());
  const base = fs.existsSync(folder) ? folder : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir();
  if (kind === 'backup') {
    const uri = await vscode.window.showSaveDialog({
      title: 'Back up the master secret to (NTFS volume or removable media)',
      defaultUri: vscode.Uri.file(path.join(base, proposeBackupFileName(new Date()))),
      filters: { 'Master secret backup': ['bak'] }, saveLabel: 'Back Up Here',
    });
    return uri?.fsPath;
  }
  const uris = await vscode.window.showOpenDialog({ title: 'Pick the master secret backup file (.bak)', defaultUri: vscode.Uri.file(base), filters: { 'Master secret backup': ['bak'], 'All files': ['*'] }, canSelectMany: false, openLabel: 'Restore This File' });
  return uris?.[0]?.fsPath;
}

/** Trust, the file, its checks, then `question` (the command's own; false: nothing runs), then ssoconfig. */
export async function runSsoconfig(runner: ToolRunner, kind: SecretFileKind, arg: unknown, question: (check: SecretFileCheck, interactive: boolean) => Promise<boolean>): Promise<number | undefined> {
  requireTrust();
  const file = await secretFile(arg, kind);
  if (!file) return undefined;
  return runner.run({
    definition: { type: 'ssoconfig', command: `${kind}Secret`, file },
    scope: workspaceScope(file),
    beforeRun: async (planned) => {
      const check = checkSecretFile(planned);
      if (check?.error) throw new Error(check.error);
      return question(check, arg === undefined);
    },
  });
}
