// mss.generateUpdateXml (README.md, "Commands"). Called with its argument `{ server, target?,
// overwrite? }` it asks nothing; from the palette it asks for the server and where to write,
// and offers to run ssomanage -updatedb with the new file.
import * as path from 'path';
import * as vscode from 'vscode';
import { checkServerName } from '../../../ssoTools/serverName';
import { DEFAULT_UPDATE_XML_FILE_NAME, generateUpdateXml } from '../../../updateXml';
import type { Command } from '../../shared/command';
import type { Prompts } from '../../shared/prompts';
import type { UpdateXmlDiagnostics } from '../diagnostics';
import { absolute, exists, firstFolder, openDocument } from '../files';

/**
 * Line ends of generated files: CRLF, because ssomanage reads the file on Windows and Notepad
 * (before Windows 10 1809) shows an LF-only file as one line.
 */
const GENERATED_EOL = '\r\n';

interface Target { file: string; overwrite: boolean }

/** Writes `text` to `file`; an open document is replaced and saved, so no editor shows stale text. */
async function write(file: string, text: string): Promise<void> {
  const uri = vscode.Uri.file(file);
  const open = openDocument(file);
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.set(uri, [
      vscode.TextEdit.setEndOfLine(vscode.EndOfLine.CRLF),
      vscode.TextEdit.replace(new vscode.Range(0, 0, open.lineCount, 0), text),
    ]);
    if (!(await vscode.workspace.applyEdit(edit)) || !(await open.save())) {
      throw new Error(`Could not write ${file}: the open editor did not accept the new text. Close it and try again.`);
    }
    return;
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.dirname(file)));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

function askServer(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: `Create ${DEFAULT_UPDATE_XML_FILE_NAME} for ssomanage -updatedb`,
    prompt: 'Computer name of the NEW master secret server (for a cluster: the Network Name resource of the clustered ENTSSO role).',
    placeHolder: 'BTSMSS02',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const check = checkServerName(value.trim());
      if (!check.ok) return { message: check.message, severity: vscode.InputBoxValidationSeverity.Error };
      if (check.message) return { message: check.message, severity: vscode.InputBoxValidationSeverity.Warning };
      return undefined;
    },
  });
}

async function saveAs(folder: string | undefined): Promise<Target | undefined> {
  const uri = await vscode.window.showSaveDialog({
    title: 'Save the update XML file as',
    defaultUri: folder ? vscode.Uri.file(path.join(folder, DEFAULT_UPDATE_XML_FILE_NAME)) : undefined,
    filters: { 'Update XML': ['xml'] },
    saveLabel: 'Create',
  });
  // The save dialog itself asks before replacing an existing file.
  return uri ? { file: uri.fsPath, overwrite: true } : undefined;
}

export class GenerateUpdateXmlCommand implements Command {
  readonly id = 'mss.generateUpdateXml';

  constructor(private readonly diagnostics: UpdateXmlDiagnostics, private readonly prompts: Prompts, private readonly log: vscode.LogOutputChannel) {}

  async execute(arg?: unknown): Promise<string | undefined> {
    if (arg !== undefined) {
      const { server, target, overwrite } = (arg ?? {}) as { server?: unknown; target?: unknown; overwrite?: unknown };
      if (typeof server !== 'string') throw new Error('mss.generateUpdateXml takes { server: string, target?: string, overwrite?: boolean }: server is the computer name of the new master secret server.');
      if (target !== undefined && typeof target !== 'string') throw new Error('mss.generateUpdateXml: target must be the path of the file to write (a string).');
      return this.generate(server, target, overwrite === true);
    }
    const server = (await askServer())?.trim();
    if (!server) return undefined;
    const where = await this.askTarget();
    if (!where) return undefined;
    const file = await this.generate(server, where.file, where.overwrite);
    const next = vscode.workspace.isTrusted ? ['Run ssomanage -updatedb'] : [];
    void vscode.window.showInformationMessage(`Created ${path.basename(file)} naming ${server} as the master secret server. Run ssomanage -updatedb with it on the ORIGINAL master secret server (in a move to a cluster: on the active cluster node), after backing up the master secret.`, ...next).then((choice) => {
      if (choice) void vscode.commands.executeCommand('mss.runUpdateDb', vscode.Uri.file(file));
    });
    return file;
  }

  /** The whole job, without questions: rejects (writing nothing) when it cannot be done. */
  private async generate(server: string, target: string | undefined, overwrite: boolean): Promise<string> {
    const text = generateUpdateXml(server, GENERATED_EOL); // throws the reason for a bad name
    let file: string;
    if (target !== undefined) {
      file = absolute(target);
    } else {
      const folder = firstFolder();
      if (!folder) throw new Error(`No folder is open, so there is nowhere to put ${DEFAULT_UPDATE_XML_FILE_NAME}. Open a folder, or pass { server, target } with the path of the file to write.`);
      file = path.join(folder, DEFAULT_UPDATE_XML_FILE_NAME);
    }
    if (!overwrite && (await exists(file))) {
      throw new Error(`${file} already exists and was left as it is. Pass overwrite: true to replace it, or choose another target.`);
    }
    await write(file, text);
    this.log.info(`wrote ${file} (secretServer ${server})`);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document, { preview: false });
    this.diagnostics.validateNow(document);
    return file;
  }

  /** NewMSSServer.xml in the first folder; when it exists, the admin replaces it or saves elsewhere. */
  private async askTarget(): Promise<Target | undefined> {
    const folder = firstFolder();
    if (!folder) return saveAs(folder);
    const file = path.join(folder, DEFAULT_UPDATE_XML_FILE_NAME);
    if (!(await exists(file))) return { file, overwrite: false };
    const answer = await this.prompts.confirm(
      `${DEFAULT_UPDATE_XML_FILE_NAME} already exists in ${path.basename(folder)}. Replace it?`,
      `${file}\n\nIts current content is lost${openDocument(file)?.isDirty ? ', including the unsaved changes in its editor' : ''}.`,
      'Replace', 'Save As…');
    if (answer === 'Replace') return { file, overwrite: true };
    if (answer === 'Save As…') return saveAs(folder);
    return undefined;
  }
}
