// mss.showSsoDatabase: ssomanage -displaydb, read-only: what the SSO database says now. It records nothing.
import type { Command } from '../../shared/command';
import type { ToolRunner } from '../runTool';

export class ShowSsoDatabaseCommand implements Command {
  readonly id = 'mss.showSsoDatabase';

  constructor(private readonly runner: ToolRunner) {}

  execute(): Promise<number | undefined> {
    return this.runner.run({ definition: { type: 'ssomanage', command: 'displaydb' } });
  }
}
