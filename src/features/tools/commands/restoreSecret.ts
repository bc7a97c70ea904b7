// mss.restoreSecret: ssoconfig -restoreSecret FILE, on the computer the procedure restores on
// (src/procedures/runs.ts, restorePlace). From the UI, whether ENTSSO runs here feeds the
// question (src/procedures/beforeRun.ts, beforeRestore).
import * as vscode from 'vscode';
import { stepNames } from '../../../procedures';
import { beforeRestore } from '../../../procedures/beforeRun';
import { newServerOf, restorePlace } from '../../../procedures/runs';
import { beforeRestoreLive } from '../../../verification/beforeSteps';
import type { Command } from '../../shared/command';
import { computerName } from '../../shared/computerName';
import type { Prompts } from '../../shared/prompts';
import { liveOutput, staleBackup } from '../liveChecks';
import type { ToolRunner } from '../runTool';
import { runSsoconfig, type SecretFileCheck } from '../secretFile';

export class RestoreSecretCommand implements Command {
  readonly id = 'mss.restoreSecret';

  constructor(private readonly runner: ToolRunner, private readonly prompts: Prompts) {}

  execute(arg?: unknown): Promise<number | undefined> {
    return runSsoconfig(this.runner, 'restore', arg, (check, interactive) => this.question(check, interactive));
  }

  private async question(check: SecretFileCheck, interactive: boolean): Promise<boolean> {
    const { progress, log } = this.runner;
    const place = restorePlace(this.runner.underWay(), computerName());
    // From the UI, whether ENTSSO runs here: the restore needs it.
    const live = interactive ? beforeRestoreLive(await liveOutput('scQuery'), computerName()) : undefined;
    if (live) log.info(live.note);
    // From the UI, whether the backup is current: the ENTSSO events where the backup ran (a 10525 newer than its 10559).
    const stale = interactive ? await staleBackup(progress, check?.file) : undefined;
    if (stale) log.info(stale.note);
    const advice = beforeRestore({
      serviceWarning: live?.warning,
      place,
      missingSteps: stepNames(place.procedure, progress.missingPrerequisites(place.procedure, place.step)),
      newServer: newServerOf('moveToServer', progress.read('moveToServer')),
      computer: computerName(),
      fileWarning: check?.warning,
      staleBackupWarning: stale?.warning,
    });
    if (advice.question) {
      if (interactive) {
        const { title, detail, confirm } = advice.question;
        if (await this.prompts.confirm(title, detail, confirm) !== confirm) return false;
      } else {
        for (const c of advice.concerns) log.warn(c);
      }
    }
    void vscode.window.showInformationMessage(advice.notice);
    return true;
  }
}
