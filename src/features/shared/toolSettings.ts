// The tool settings (mss.installFolder, mss.ssomanagePath, mss.ssoconfigPath, mss.netPath),
// finding a program on PATH, and the workspace-trust gate every tool run passes first.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ToolSettings } from '../../ssoTools/commandLines';

export function readToolSettings(): ToolSettings {
  const c = vscode.workspace.getConfiguration('mss');
  return {
    installFolder: c.get<string>('installFolder', ''),
    ssomanagePath: c.get<string>('ssomanagePath', ''),
    ssoconfigPath: c.get<string>('ssoconfigPath', ''),
    netPath: c.get<string>('netPath', 'net'),
  };
}

/** A bare program name on PATH (PATHEXT on Windows), like the OS would find it. */
export function which(name: string): string | undefined {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch { /* not here */ }
    }
  }
  return undefined;
}

/** Refuses to run anything in Restricted Mode: the settings that choose the programs are workspace-controllable there. */
export function requireTrust(): void {
  if (!vscode.workspace.isTrusted) {
    throw new Error('This workspace is in Restricted Mode, so Master Secret Mover runs no ssomanage, ssoconfig, net, sc or wevtutil command here. Trust the workspace (Workspaces: Manage Workspace Trust) and run it again. Validation of update XML files still works.');
  }
}
