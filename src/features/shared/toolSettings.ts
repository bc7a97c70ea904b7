// The tool settings (mss.installFolder, mss.ssomanagePath, mss.ssoconfigPath, mss.netPath),
// finding a program on PATH, and the workspace-trust gate every tool run passes first.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ToolSettings } from '../../ssoTools/commandLines';
import { findProgram } from '../../ssoTools/programPath';

export function readToolSettings(): ToolSettings {
  const c = vscode.workspace.getConfiguration('mss');
  return {
    installFolder: c.get<string>('installFolder', ''),
    ssomanagePath: c.get<string>('ssomanagePath', ''),
    ssoconfigPath: c.get<string>('ssoconfigPath', ''),
    netPath: c.get<string>('netPath', 'net'),
  };
}

/** A bare program name on PATH, by Windows' rules on Windows (ssoTools/programPath.ts), never in the current folder. */
export function which(name: string): string | undefined {
  // Windows spells it Path; Node's process.env finds it whatever the case.
  return findProgram(name, {
    platform: process.platform,
    pathEnv: process.env.PATH,
    pathExt: process.env.PATHEXT,
    isFile: (p) => {
      try {
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    },
  });
}

/** Refuses to run anything in Restricted Mode: the settings that choose the programs are workspace-controllable there. */
export function requireTrust(): void {
  if (!vscode.workspace.isTrusted) {
    throw new Error('This workspace is in Restricted Mode, so Master Secret Mover runs no ssomanage, ssoconfig, net, sc or wevtutil command here. Trust the workspace (Workspaces: Manage Workspace Trust) and run it again. Validation of update XML files still works.');
  }
}
