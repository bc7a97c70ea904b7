// mss.restartService: net stop ENTSSO, then net start ENTSSO, as one task. It asks first (modal):
// the restart stops BizTalk (the services that depend on ENTSSO, read with sc enumdepend, are
// named in the question). A programmatic caller that has asked already says { confirmed: true }.
import type { Command } from '../../shared/command';
import { beforeRestart } from '../../../procedures/beforeRun';
import { newServerOf } from '../../../procedures/runs';
import { restartQuestion } from '../../../ssoTools/dependents';
import { computerName } from '../../shared/computerName';
import type { Prompts } from '../../shared/prompts';
import { requireTrust } from '../../shared/toolSettings';
import { dependentServices } from '../liveChecks';
import type { ToolRunner } from '../runTool';

export class RestartServiceCommand implements Command {
  readonly id = 'mss.restartService';

  constructor(private readonly runner: ToolRunner, private readonly prompts: Prompts) {}

  async execute(arg?: unknown): Promise<number | undefined> {
    requireTrust();
    const confirmed = typeof arg === 'object' && arg !== null && (arg as { confirmed?: unknown }).confirmed === true;
    const { progress, log } = this.runner;
    const advice = beforeRestart({ move: this.runner.underWay(), computer: computerName(), newServer: newServerOf('moveToServer', progress.read('moveToServer')) });
    if (advice.elsewhere) log.warn(advice.elsewhere);
    return this.runner.run({
      definition: { type: 'entsso', command: 'restart' },
      beforeRun: async (planned) => {
        if (confirmed) {
          log.info(`ENTSSO restart confirmed by the caller: ${planned.plan.steps.map((s) => s.label).join(', then ')}`);
          return true;
        }
        const dependents = await dependentServices();
        const question = restartQuestion({ commandLines: planned.plan.steps.map((s) => s.label), dependents, elsewhere: advice.elsewhere });
        if (await this.prompts.confirm(question.title, question.detail, question.confirm) !== question.confirm) {
          log.info('ENTSSO restart cancelled: nothing was run');
          return false;
        }
        return true;
      },
    });
  }
}
