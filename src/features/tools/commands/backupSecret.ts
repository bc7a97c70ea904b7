// mss.backupSecret: ssoconfig -backupSecret FILE. Asks before it overwrites a file
// (src/procedures/beforeRun.ts, beforeBackup); ssoconfig asks for the password in the terminal.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { beforeBackup } from '../../../procedures/beforeRun';
import type { Command } from '../../shared/command';
import type { Prompts } from '../../shared/prompts';
import type { ToolRunner } from '../runTool';
import { runSsoconfig, type SecretFileCheck } from '../secretFile';

export class BackupSecretCommand implements Command {
  readonly id = 'mss.backupSecret';

  constructor(private readonly runner: ToolRunner, private readonly prompts: Prompts) {}

  execute(arg?: unknown): Promise<number | undefined> {
    return runSsoconfig(this.runner, 'backup', arg, (check, interactive) => this.question(check, interactive));
  }

  private async question(check: SecretFileCheck, interactive: boolean): Promise<boolean> {
    const advice = beforeBackup({
      ...(check ? { file: check.file, fileName: path.basename(check.file) } : {}),
      exists: check !== undefined && fs.existsSync(check.file),
      interactive,
      fileWarning: check?.warning,
    });
    if (advice.refusal) throw new Error(advice.refusal);
    if (advice.question) {
      const { title, detail, confirm } = advice.question;
      if (await this.prompts.confirm(title, detail, confirm) !== confirm) return false;
    }
    for (const w of advice.warnings) {
      this.runner.log.warn(w);
      if (interactive) void vscode.window.showWarningMessage(w);
    }
    void vscode.window.showInformationMessage(advice.notice);
    return true;
  }
}
