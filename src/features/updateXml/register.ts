// Everything the extension does with update XML files (the files read by
// `ssomanage -updatedb`): problems, quick fixes, completion, hover, lenses and the two
// commands. Each piece is a thin adapter; the rules live in src/updateXml.
import * as vscode from 'vscode';
import type { Prompts } from '../shared/prompts';
import { UpdateXmlCodeActions } from './codeActions';
import { UpdateXmlCodeLens } from './codeLens';
import { registerUpdateXmlCommands } from './commands';
import { UpdateXmlCompletion } from './completion';
import { UPDATE_XML_SELECTOR, UpdateXmlDiagnostics } from './diagnostics';
import { UpdateXmlHover } from './hover';

export function registerUpdateXmlFeatures(deps: { prompts: Prompts; log: vscode.LogOutputChannel }, diagnostics = new UpdateXmlDiagnostics(deps.log)): vscode.Disposable[] {
  const lenses = new UpdateXmlCodeLens(diagnostics);
  return [
    diagnostics,
    lenses,
    vscode.languages.registerCodeActionsProvider(UPDATE_XML_SELECTOR, new UpdateXmlCodeActions(diagnostics), UpdateXmlCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(UPDATE_XML_SELECTOR, new UpdateXmlCompletion(), ...UpdateXmlCompletion.triggerCharacters),
    vscode.languages.registerHoverProvider(UPDATE_XML_SELECTOR, new UpdateXmlHover()),
    vscode.languages.registerCodeLensProvider(UPDATE_XML_SELECTOR, lenses),
    ...registerUpdateXmlCommands(diagnostics, deps.prompts, deps.log),
  ];
}
