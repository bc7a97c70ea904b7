// mss.openWalkthrough (a procedure named or picked), and the two commands that open one
// procedure's walkthrough from the views' menus. The walkthrough's ticks are brought up to date first.
import * as vscode from 'vscode';
import type { ProcedureId } from '../../../procedures';
import type { Command } from '../../shared/command';
import { pickProcedure, procedureArg } from '../procedureChoice';

export const EXTENSION_ID = 'ssotools.master-secret-mover';

export type BeforeOpen = (procedure: ProcedureId) => Promise<void>;

export async function openWalkthrough(procedure: ProcedureId, beforeOpen: BeforeOpen = () => Promise.resolve()): Promise<void> {
  await beforeOpen(procedure);
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${procedure}`, false);
}

export class OpenWalkthroughCommand implements Command {
  readonly id = 'mss.openWalkthrough';

  constructor(private readonly beforeOpen?: BeforeOpen) {}

  async execute(arg?: unknown): Promise<void> {
    const p = arg === undefined ? await pickProcedure('Open a walkthrough') : procedureArg(arg);
    if (p) await openWalkthrough(p.id, this.beforeOpen);
  }
}

/** mss.openMoveToServerWalkthrough, mss.openMoveToClusterWalkthrough. */
export class OpenProcedureWalkthroughCommand implements Command {
  constructor(readonly id: string, private readonly procedure: ProcedureId, private readonly beforeOpen?: BeforeOpen) {}

  execute(): Promise<void> {
    return openWalkthrough(this.procedure, this.beforeOpen);
  }
}
