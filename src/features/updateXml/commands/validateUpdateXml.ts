// mss.validateUpdateXml (README.md, "Commands"). Called with the path of a file it asks nothing
// and resolves the problems; from the palette (the active editor's file) or a menu / lens (a Uri)
// it also shows what it found.
import * as path from 'path';
import * as vscode from 'vscode';
import { DEFAULT_UPDATE_XML_FILE_NAME, validateUpdateXml, validateUpdateXmlBytes, type UpdateXmlDiagnostic } from '../../../updateXml';
import type { Command } from '../../shared/command';
import type { UpdateXmlDiagnostics } from '../diagnostics';
import { absolute, openDocument } from '../files';

/** One problem as mss.validateUpdateXml resolves it (0-based positions). */
export interface UpdateXmlProblem {
  line: number;
  character: number;
  severity: 'error' | 'warning' | 'information';
  code: string;
  message: string;
}

function toProblem(d: UpdateXmlDiagnostic): UpdateXmlProblem {
  return { line: d.range.start.line, character: d.range.start.character, severity: d.severity, code: d.code, message: d.message };
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

/** What was asked for: the editor's document when there is one, else the file on disk. */
async function documentOrFile(arg: unknown, interactive: boolean): Promise<{ document?: vscode.TextDocument; file?: string }> {
  if (arg === undefined) {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) throw new Error('No file is open in the editor. Open the update XML file (for example NewMSSServer.xml) and run "Validate Update XML File" again, or pass the path of the file.');
    return { document };
  }
  if (arg instanceof vscode.Uri && arg.scheme !== 'file') return { document: await vscode.workspace.openTextDocument(arg) };
  const file = absolute(arg instanceof vscode.Uri ? arg.fsPath : (arg as string));
  let document = openDocument(file);
  if (!document && interactive) document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return { document, file };
}

/** Shows the outcome to the admin who asked: not an update file, no problems, or the problems with Problems open. */
async function showOutcome(document: vscode.TextDocument, recognised: boolean, problems: UpdateXmlProblem[]): Promise<void> {
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

export class ValidateUpdateXmlCommand implements Command {
  readonly id = 'mss.validateUpdateXml';

  constructor(private readonly diagnostics: UpdateXmlDiagnostics) {}

  async execute(arg?: unknown): Promise<UpdateXmlProblem[]> {
    // No argument (palette) or a Uri (menu, lens): a person asked, so show the outcome too.
    const interactive = arg === undefined || arg instanceof vscode.Uri;
    if (arg !== undefined && typeof arg !== 'string' && !(arg instanceof vscode.Uri)) {
      throw new Error('mss.validateUpdateXml takes the path of the update XML file (a string), or nothing for the file in the active editor.');
    }
    const { document, file } = await documentOrFile(arg, interactive);
    let recognised = true;
    let found: UpdateXmlDiagnostic[];
    if (document) {
      // The editor's text, unsaved changes included; its problems are refreshed on the way.
      const published = this.diagnostics.validateNow(document);
      recognised = published !== undefined;
      found = published ?? validateUpdateXml(document.getText());
    } else {
      found = validateUpdateXmlBytes(await readFile(file!));
    }
    const problems = found.map(toProblem);
    if (interactive && document) await showOutcome(document, recognised, problems);
    return problems;
  }
}

async function readFile(file: string): Promise<Uint8Array> {
  try {
    return await vscode.workspace.fs.readFile(vscode.Uri.file(file));
  } catch {
    throw new Error(`Cannot read ${file}: check that the file exists and that the path is right.`);
  }
}
