// The questions the extension asks the admin, behind one small interface so that
// integration tests can answer them (a modal dialog cannot be clicked from the
// extension host). Production code always uses windowPrompts.
import * as vscode from 'vscode';

export interface Prompts {
  /** A modal warning with buttons; resolves with the chosen button or undefined (Cancel). */
  confirm(message: string, detail: string, ...buttons: string[]): Thenable<string | undefined>;
}

export const windowPrompts: Prompts = {
  confirm: (message, detail, ...buttons) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons),
};
