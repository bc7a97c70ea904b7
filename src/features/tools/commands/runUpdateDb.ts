// mss.runUpdateDb: ssomanage -updatedb with the update XML file (the active editor's, a Uri from a
// menu or lens, or a path). The file is saved and validated first; from the UI, what the SSO
// database says now feeds the question (src/procedures/beforeRun.ts, beforeUpdateDb).
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { beforeUpdateDb } from '../../../procedures/beforeRun';
import { NEW_SERVER_STEP } from '../../../procedures/runs';
import { decodeUpdateXmlBytes, readSecretServer, updateDbRefusal, validateUpdateXmlBytes, type UpdateXmlDiagnostic } from '../../../updateXml';
import { beforeUpdateDbLive } from '../../../verification/beforeSteps';
import type { Command } from '../../shared/command';
import { computerName } from '../../shared/computerName';
import type { Prompts } from '../../shared/prompts';
import { requireTrust } from '../../shared/toolSettings';
import { liveOutput } from '../liveChecks';
import { workspaceScope, type ToolRunner } from '../runTool';
import type { PlannedTask } from '../tasks';

const CANCELLED = 'Cancelled: ssomanage -updatedb was not run.';

function activeFile(): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc && doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
}

export class RunUpdateDbCommand implements Command {
  readonly id = 'mss.runUpdateDb';

  constructor(private readonly runner: ToolRunner, private readonly prompts: Prompts) {}

  async execute(target?: unknown): Promise<number> {
    const interactive = target === undefined || target instanceof vscode.Uri;
    const file = target instanceof vscode.Uri ? target.fsPath : typeof target === 'string' ? target : activeFile();
    if (!file) throw new Error('Open the update XML file (for example NewMSSServer.xml) in the editor, or pass its path, then run ssomanage -updatedb again.');
    requireTrust();
    await this.saveFirst(file, interactive);
    const { diagnostics, server } = await this.checkFile(file);
    let remembersNewServer = false;
    const code = await this.runner.run({
      definition: { type: 'ssomanage', command: 'updatedb', file },
      scope: workspaceScope(file),
      beforeRun: async (planned) => {
        remembersNewServer = await this.question(planned, file, server, diagnostics, interactive);
        return true;
      },
    });
    if (code === undefined) throw new Error(CANCELLED);
    // The move to another server keeps the server with the run (runTool, one change). In the move to a cluster this is the
    // -updatedb section of step 1, which records no run: remember the server there, for the verification.
    if (code === 0 && !remembersNewServer && server) await this.runner.progress.setNewServer('moveToCluster', NEW_SERVER_STEP.moveToCluster, server);
    return code;
  }

  /** ssomanage reads the file on disk: unsaved changes are saved first (from the UI, after asking). */
  private async saveFirst(file: string, interactive: boolean): Promise<void> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
    if (!open?.isDirty) return;
    if (!interactive) throw new Error(`${file} has unsaved changes. Save it first: ssomanage reads the file on disk.`);
    const answer = await this.prompts.confirm(`${path.basename(file)} has unsaved changes.`, 'ssomanage reads the file on disk. Save it and run?', 'Save and Run');
    if (answer !== 'Save and Run') throw new Error('Cancelled: the file was not saved, nothing was run.');
    await open.save();
  }

  /** The file's problems and the server it names; a file -updatedb would refuse is opened with Problems, and refused. */
  private async checkFile(file: string): Promise<{ diagnostics: UpdateXmlDiagnostic[]; server: string | undefined }> {
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new Error(`Cannot read ${file}. Check the path and run ssomanage -updatedb again.`);
    }
    const diagnostics = validateUpdateXmlBytes(bytes);
    const refusal = updateDbRefusal(path.basename(file), diagnostics);
    if (refusal) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc, { preview: false });
      void vscode.commands.executeCommand('workbench.actions.view.problems');
      throw new Error(refusal);
    }
    return { diagnostics, server: readSecretServer(decodeUpdateXmlBytes(bytes).text) };
  }

  /** Asks from the UI (else logs the warnings); throws when declined. Resolves whether a success remembers the new server. */
  private async question(planned: PlannedTask, file: string, server: string | undefined, diagnostics: UpdateXmlDiagnostic[], interactive: boolean): Promise<boolean> {
    const { progress, log } = this.runner;
    // From the UI, what the SSO database says now: is this computer the current master secret server?
    const live = interactive && this.runner.underWay() !== 'moveToCluster' ? beforeUpdateDbLive(await liveOutput('displaydb'), computerName(), this.runner.underWay()) : undefined;
    if (live) log.info(live.note);
    const advice = beforeUpdateDb({
      liveWarnings: live?.warning ? [live.warning] : [],
      fileName: path.basename(file),
      server,
      commandLine: planned.plan.steps[0].label,
      cwd: planned.plan.cwd,
      move: this.runner.underWay(),
      backupDone: progress.record('moveToServer', 'backup').done,
      computer: computerName(),
      fileWarnings: diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message),
    });
    if (interactive) {
      const { title, detail, confirm } = advice.question;
      if (await this.prompts.confirm(title, detail, confirm) !== confirm) throw new Error(CANCELLED);
    } else {
      for (const w of advice.logWarnings) log.warn(w);
    }
    return advice.remembersNewServer;
  }
}
