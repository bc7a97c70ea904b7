// mss.runServerAll: ssomanage -serverall with the cluster's network name, asked for from the UI.
import * as vscode from 'vscode';
import { checkServerName } from '../../../ssoTools/serverName';
import type { Command } from '../../shared/command';
import { requireTrust } from '../../shared/toolSettings';
import type { ToolRunner } from '../runTool';
import { runServerAllOnComputers } from '../serverAllRemote';

function askServer(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'ssomanage -serverall: set the SSO server for all users of this computer',
    prompt: 'The network name resource of the cluster group that holds the clustered master secret server (for example SSOCLUSTER). Run this on each BizTalk Server in the group.',
    validateInput: (v) => {
      const c = checkServerName(v.trim());
      if (!c.ok) return { message: c.message, severity: vscode.InputBoxValidationSeverity.Error };
      return c.message ? { message: c.message, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
    },
  });
}

export class RunServerAllCommand implements Command {
  readonly id = 'mss.runServerAll';

  constructor(private readonly runner: ToolRunner) {}

  async execute(arg?: { server?: unknown; computers?: unknown }): Promise<number | Record<string, number> | undefined> {
    // With a list of computers: on each of them through PowerShell remoting (serverAllRemote.ts).
    if (arg?.computers !== undefined) return runServerAllOnComputers(this.runner.progress, this.runner.log, arg);
    requireTrust();
    let server: string | undefined;
    if (arg !== undefined) {
      if (typeof arg?.server !== 'string') throw new Error('mss.runServerAll takes { server: string }: the cluster network name of the clustered SSO service.');
      server = arg.server;
    } else {
      server = await askServer();
      if (server === undefined) return undefined;
      server = server.trim();
    }
    return this.runner.run({ definition: { type: 'ssomanage', command: 'serverall', server } });
  }
}
