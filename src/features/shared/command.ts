// One command, one small unit, as markdown-language-features lists its commands: the public id
// (package.json, README.md "Commands") and a short `execute`. Each area registers its units
// with `registerCommands` and hands back one Disposable.
import * as vscode from 'vscode';

export interface Command {
  readonly id: string;
  /** What the command does with the arguments VS Code (or a caller of executeCommand) passes. */
  execute(...args: unknown[]): unknown;
}

export function registerCommands(commands: readonly Command[]): vscode.Disposable {
  return vscode.Disposable.from(...commands.map((c) => vscode.commands.registerCommand(c.id, (...args: unknown[]) => c.execute(...args))));
}
