// mss.generateUpdateXml and mss.validateUpdateXml (README.md, "Commands"). Called with the contract's
// argument they ask nothing; from the palette (no argument) or a menu / lens (a Uri) they ask
// for what is missing and show what happened.
import * as path from 'path';
import * as vscode from 'vscode';
import { checkServerName } from '../../ssoTools/serverName';
import { DEFAULT_UPDATE_XML_FILE_NAME, generateUpdateXml, validateUpdateXmlBytes, validateUpdateXml, type UpdateXmlDiagnostic } from '../../updateXml';
import type { Prompts } from '../shared/prompts';
import type { UpdateXmlDiagnostics } from './diagnostics';

/** One problem as mss.validateUpdateXml resolves it (0-based positions). */
export interface UpdateXmlProblem {
  line: number;
  character: number;
  severity: 'error' | 'warning' | 'information';
  code: string;
  message: string;
}

/**
 * Line ends of generated files: CRLF, because ssomanage reads the file on Windows and Notepad
 * (before Windows 10 1809) shows an LF-only file as one line.
 */
const GENERATED_EOL = '\r\n';

function toProblem(d: UpdateXmlDiagnostic): UpdateXmlProblem {
  return { line: d.range.start.line, character: d.range.start.character, severity: d.severity, code: d.code, message: d.message };
}

function firstFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/** An absolute path; a relative one is taken from the first workspace folder. */
function absolute(file: string): string {
  if (path.isAbsolute(file)) return path.normalize(file);
  const folder = firstFolder();
  if (!folder) throw new Error(`"${file}" is a relative path and no folder is open. Pass an absolute path.`);
  return path.join(folder, file);
}

function openDocument(file: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && path.normalize(d.uri.fsPath) === file);
}

async function exists(file: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.file(file));
    return true;
  } catch {
    return false;
  }
}

function summarize(found: UpdateXmlProblem[]): string {
  const count = (s: UpdateXmlProblem['severity']) => found.filter((p) => p.severity === s).length;
  const parts: string[] = [];
  const [e, w, i] = [count('error'), count('warning'), count('information')];
  if (e) parts.push(`${e} error${e === 1 ? '' : 's'}`);
  if (w) parts.push(`${w} warning${w === 1 ? '' : 's'}`);
  if (i) parts.push(`${i} note${i === 1 ? '' : 's'}`);
  return parts.join(', ');
}

export function registerUpdateXmlCommands(diagnostics: UpdateXmlDiagnostics, prompts: Prompts, log: vscode.LogOutputChannel): vscode.Disposable[] {
  /** Writes `text` to `file`; an open document is replaced and saved, so no editor shows stale text. */
  const write = async (file: string, text: string): Promise<void> => {
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
  };

  /** The whole job, without questions: rejects (writing nothing) when it cannot be done. */
  const generate = async (server: string, target: string | undefined, overwrite: boolean): Promise<string> => {
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
    log.info(`wrote ${file} (secretServer ${server})`);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document, { preview: false });
    diagnostics.validateNow(document);
    return file;
  };

  const askServer = (): Thenable<string | undefined> => vscode.window.showInputBox({
    title: `Create ${DEFAULT_UPDATE_XML_FILE_NAME} for ssomanage -updatedb`,
    prompt: 'Computer name of the NEW master secret server (for a cluster: the Network Name resource of the clustered ENTSSO role).',
    placeHolder: 'BTSMSS02',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const check = checkServerName(value.trim());
      if (!check.ok) return { message: check.message ?? 'Not a valid server name.', severity: vscode.InputBoxValidationSeverity.Error };
      if (check.message) return { message: check.message, severity: vscode.InputBoxValidationSeverity.Warning };
      return undefined;
    },
  });

  const askTarget = async (): Promise<{ file: string; overwrite: boolean } | undefined> => {
    const folder = firstFolder();
    const saveAs = async (): Promise<{ file: string; overwrite: boolean } | undefined> => {
      const uri = await vscode.window.showSaveDialog({
        title: 'Save the update XML file as',
        defaultUri: folder ? vscode.Uri.file(path.join(folder, DEFAULT_UPDATE_XML_FILE_NAME)) : undefined,
        filters: { 'Update XML': ['xml'] },
        saveLabel: 'Create',
      });
      // The save dialog itself asks before replacing an existing file.
      return uri ? { file: uri.fsPath, overwrite: true } : undefined;
    };
    if (!folder) return saveAs();
    const file = path.join(folder, DEFAULT_UPDATE_XML_FILE_NAME);
    if (!(await exists(file))) return { file, overwrite: false };
    const answer = await prompts.confirm(
      `${DEFAULT_UPDATE_XML_FILE_NAME} already exists in ${path.basename(folder)}. Replace it?`,
      `${file}\n\nIts current content is lost${openDocument(file)?.isDirty ? ', including the unsaved changes in its editor' : ''}.`,
      'Replace', 'Save As…');
    if (answer === 'Replace') return { file, overwrite: true };
    if (answer === 'Save As…') return saveAs();
    return undefined;
  };

  const generateCommand = async (arg?: unknown): Promise<string | undefined> => {
    if (arg !== undefined) {
      const { server, target, overwrite } = (arg ?? {}) as { server?: unknown; target?: unknown; overwrite?: unknown };
      if (typeof server !== 'string') throw new Error('mss.generateUpdateXml takes { server: string, target?: string, overwrite?: boolean }: server is the computer name of the new master secret server.');
      if (target !== undefined && typeof target !== 'string') throw new Error('mss.generateUpdateXml: target must be the path of the file to write (a string).');
      return generate(server, target, overwrite === true);
    }
    const server = (await askServer())?.trim();
    if (!server) return undefined;
    const where = await askTarget();
    if (!where) return undefined;
    const file = await generate(server, where.file, where.overwrite);
    const next = vscode.workspace.isTrusted ? ['Run ssomanage -updatedb'] : [];
    void vscode.window.showInformationMessage(`Created ${path.basename(file)} naming ${server} as the master secret server. Run ssomanage -updatedb with it on the ORIGINAL master secret server (in a move to a cluster: on the active cluster node), after backing up the master secret.`, ...next).then((choice) => {
      if (choice) void vscode.commands.executeCommand('mss.runUpdateDb', vscode.Uri.file(file));
    });
    return file;
  };

  const validateCommand = async (arg?: unknown): Promise<UpdateXmlProblem[]> => {
    // No argument (palette) or a Uri (menu, lens): a person asked, so show the outcome too.
    const interactive = arg === undefined || arg instanceof vscode.Uri;
    if (arg !== undefined && typeof arg !== 'string' && !(arg instanceof vscode.Uri)) {
      throw new Error('mss.validateUpdateXml takes the path of the update XML file (a string), or nothing for the file in the active editor.');
    }
    let document: vscode.TextDocument | undefined;
    let file: string | undefined;
    let found: UpdateXmlDiagnostic[];
    if (arg === undefined) {
      document = vscode.window.activeTextEditor?.document;
      if (!document) throw new Error('No file is open in the editor. Open the update XML file (for example NewMSSServer.xml) and run "Validate Update XML File" again, or pass the path of the file.');
    } else if (arg instanceof vscode.Uri && arg.scheme !== 'file') {
      document = await vscode.workspace.openTextDocument(arg);
    } else {
      file = absolute(arg instanceof vscode.Uri ? arg.fsPath : arg);
      document = openDocument(file);
      if (!document && interactive) document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    }
    let recognised = true;
    if (document) {
      // The editor's text, unsaved changes included; its problems are refreshed on the way.
      const published = diagnostics.validateNow(document);
      recognised = published !== undefined;
      found = published ?? validateUpdateXml(document.getText());
    } else {
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(file!));
      } catch {
        throw new Error(`Cannot read ${file}: check that the file exists and that the path is right.`);
      }
      found = validateUpdateXmlBytes(bytes);
    }
    const problems = found.map(toProblem);
    if (interactive && document) {
      const name = path.basename(document.fileName);
      if (!recognised) {
        // Other XML gets no problems in the editor; say why this file does not qualify.
        void vscode.window.showWarningMessage(`${name} is not an update XML file for ssomanage -updatedb (that is <sso><globalInfo>…</globalInfo></sso>, or a file named ${DEFAULT_UPDATE_XML_FILE_NAME}). ${problems[0]?.message ?? ''}`.trim());
      } else if (problems.length === 0) {
        void vscode.window.showInformationMessage(`${name}: no problems found; ssomanage -updatedb can read it.`);
      } else {
        await vscode.window.showTextDocument(document, { preview: false });
        void vscode.commands.executeCommand('workbench.actions.view.problems');
        const hasErrors = problems.some((p) => p.severity === 'error');
        const say = hasErrors ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
        void say(`${name}: ${summarize(problems)}${hasErrors ? '. Fix the errors before running ssomanage -updatedb' : ''}. See Problems; the light bulb offers fixes.`);
      }
    }
    return problems;
  };

  return [
    vscode.commands.registerCommand('mss.generateUpdateXml', generateCommand),
    vscode.commands.registerCommand('mss.validateUpdateXml', validateCommand),
  ];
}
