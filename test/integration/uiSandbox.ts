// What a suite that clicks the real workbench with the fake tools sets up and
// puts back: the progress of both procedures, the mss.* settings (pointed at
// the fakes), and a workbench without editors, dialogs, toasts or panel.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { MasterSecretMoverApi } from '../../src/extension';
import type { ProcedureProgress } from '../../src/procedures/progress';
import { FakeTools } from './fakeTools';
import { api } from './helpers';

export class UiSandbox {
  readonly fakes = new FakeTools();
  private api?: MasterSecretMoverApi;
  private restoreSettings?: () => Promise<void>;
  private readonly saved: Partial<Record<'moveToServer' | 'moveToCluster', ProcedureProgress>> = {};

  /** The extension's API; only after enter(). */
  get a(): MasterSecretMoverApi {
    if (!this.api) throw new Error('UiSandbox.enter() has not run');
    return this.api;
  }

  async enter(): Promise<MasterSecretMoverApi> {
    this.api = await api();
    this.saved.moveToServer = this.api.progress.read('moveToServer');
    this.saved.moveToCluster = this.api.progress.read('moveToCluster');
    this.restoreSettings = await this.fakes.use();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    return this.api;
  }

  /** Puts everything back; the extension itself un-ticks walkthrough steps that the restored progress has not done. */
  async leave(): Promise<void> {
    if (!this.api) return;
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    if (this.restoreSettings) await this.restoreSettings();
    for (const [id, stored] of Object.entries(this.saved)) await this.api.progress.restore(id, stored);
    fs.rmSync(this.fakes.dir, { recursive: true, force: true });
  }
}
