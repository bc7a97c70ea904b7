// mss.showSsoServer: ssomanage -showserver, read-only: this computer's SSO server setting. It records nothing.
import type { Command } from '../../shared/command';
import type { ToolRunner } from '../runTool';

export class ShowSsoServerCommand implements Command {
  readonly id = 'mss.showSsoServer';

  constructor(private readonly runner: ToolRunner) {}

  execute(): Promise<number | undefined> {
    return this.runner.run({ definition: { type: 'ssomanage', command: 'showserver' } });
  }
}
