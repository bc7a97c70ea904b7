// Everything the extension does with update XML files (the files read by
// `ssomanage -updatedb`): problems, quick fixes, completion, hover, lenses and the two
// commands (one unit each in commands/). Each piece is a thin adapter; the rules live in
// src/updateXml.
import * as vscode from 'vscode';
import type { Prompts } from '../shared/prompts';
import { UpdateXmlCodeActions } from './codeActions';
import { UpdateXmlCodeLens } from './codeLens';
import { registerCommands } from '../shared/command';
import { GenerateUpdateXmlCommand } from './commands/generateUpdateXml';
import { ValidateUpdateXmlCommand } from './commands/validateUpdateXml';
import { UpdateXmlCompletion } from './completion';
import { UPDATE_XML_SELECTOR, UpdateXmlDiagnostics } from './diagnostics';
import { UpdateXmlHover } from './hover';

export function registerUpdateXmlFeatures(deps: { prompts: Prompts; log: vscode.LogOutputChannel }, diagnostics = new UpdateXmlDiagnostics(deps.log)): vscode.Disposable {
  const lenses = new UpdateXmlCodeLens(diagnostics);
  return vscode.Disposable.from(
    diagnostics,
    lenses,
    vscode.languages.registerCodeActionsProvider(UPDATE_XML_SELECTOR, new UpdateXmlCodeActions(diagnostics), UpdateXmlCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(UPDATE_XML_SELECTOR, new UpdateXmlCompletion(), ...UpdateXmlCompletion.triggerCharacters),
    vscode.languages.registerHoverProvider(UPDATE_XML_SELECTOR, new UpdateXmlHover()),
    vscode.languages.registerCodeLensProvider(UPDATE_XML_SELECTOR, lenses),
    registerCommands([
      new GenerateUpdateXmlCommand(diagnostics, deps.prompts, deps.log),
      new ValidateUpdateXmlCommand(diagnostics),
    ]),
  );
}
