// The task commands of the contract: each checks what it needs, runs its tool as
// a task in the integrated terminal, resolves with the exit code and feeds the
// procedure (exit 0: the step is done with time and code; otherwise the code is
// recorded and the step stays open).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { stepNames } from '../../procedures';
import { beforeBackup, beforeRestart, beforeRestore, beforeUpdateDb } from '../../procedures/beforeRun';
import { moveUnderWay } from '../../procedures/computers';
import { clusterRunNote, restorePlace, stepOfRun, type RunPlace } from '../../procedures/runs';
import type { ProgressBook } from '../../procedures/progress';
import { fileOfStep, NOT_RUN_EXIT_CODE, proposeBackupFileName, resolveInstallFolder } from '../../ssoTools/commandLines';
import { checkServerName } from '../../ssoTools/serverName';
import { decodeUpdateXmlBytes, readSecretServer, updateDbRefusal, validateUpdateXmlBytes } from '../../updateXml';
import { buildTask, checkSecretFile, defaultScope, isCheckedRun, planTask, refusalOf, type PlannedTask } from './tasks';
import { runRecord } from './runRecords';
import { readVerifySettings, runReadOnly } from '../shared/readOnlyTools';
import { displayDbRun, eventsRun, remoteComputer, scQueryRun } from '../../verification/programs';
import { staleBackupWarning } from '../../verification/eventChecks';
import { beforeRestoreLive, beforeUpdateDbLive, eventsToExpectAfter } from '../../verification/beforeSteps';
import { executeAndWait, TaskStoppedError } from './taskRunner';
import { readToolSettings, requireTrust } from '../shared/toolSettings';
import { explainError } from '../../ssoTools/errors';
import { showExplanation } from './explainError';
import { computerName } from '../shared/computerName';
import type { Prompts } from '../shared/prompts';
import { describeProblem, watchToolProblems, type ToolProblem } from './problems';
import { ENUM_DEPEND_ARGS, readDependents, restartQuestion, type DependentService } from '../../ssoTools/dependents';

/** The button of a failure notification that opens the extension's log. */
export const SHOW_LOG = 'Show Log';

/** The failure message of a run: the exit code, the first ENTSSO error the matcher found, and what to do; it offers the log. */
function reportFailure(commandLine: string, code: number, problems: ToolProblem[], forStep: boolean, log: vscode.LogOutputChannel): void {
  const first = problems[0];
  const explanation = first ? explainError(first.code) ?? explainError(first.message) : undefined;
  const open = forStep ? ' The step stays open.' : '';
  const text = first
    ? `${commandLine} ended with exit code ${code}: ERROR ${describeProblem(first).replace(/[.\s]+$/, '')}${problems.length > 1 ? ` (and ${problems.length - 1} more in Problems)` : ''}.${open}`
    : `${commandLine} ended with exit code ${code}.${open} Read the terminal output, and paste any ERROR code into "Master Secret: Explain an ENTSSO Error Code or Event".`;
  const actions = [...(explanation ? [`Explain ${first.code}`] : []), ...(first ? ['Show Problems'] : []), SHOW_LOG];
  void vscode.window.showWarningMessage(text, ...actions).then(async (choice) => {
    if (choice === SHOW_LOG) log.show(true);
    else if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
    else if (choice && explanation) await showExplanation(explanation);
  });
}


/** The server an update XML file names in <secretServer>, or undefined when the file cannot be read or names none. */
function serverOfFile(file: string): string | undefined {
  try {
    return readSecretServer(decodeUpdateXmlBytes(fs.readFileSync(file)).text);
  } catch {
    return undefined;
  }
}

function workspaceScope(file?: string): vscode.WorkspaceFolder | vscode.TaskScope {
  const folder = file ? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file)) : vscode.workspace.workspaceFolders?.[0];
  return folder ?? defaultScope();
}

export function registerTaskCommands(progress: ProgressBook, prompts: Prompts, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const underWay = () => moveUnderWay(progress.read('moveToServer'), progress.read('moveToCluster'));
  const restoreWhere = (): RunPlace => restorePlace(underWay(), computerName());

  /** Runs started by these commands, which record their own result. */
  const commandRuns = new WeakSet<vscode.TaskExecution>();
  /** The step a run belongs to (commands and Run Task alike), or undefined when it marks none (procedures/runs.ts). */
  const whereOf = (def: vscode.TaskDefinition): RunPlace | undefined => stepOfRun(def, underWay(), computerName());
  /** After -updatedb succeeded: the server its file names, which the restart and the restore check this computer against (kept with the run, in the same change). */
  const newServerOf = (where: RunPlace, secretServer: string | undefined) => (where.procedure === 'moveToServer' && where.step === 'updateDb' ? secretServer : undefined);
  /** A run that succeeded and marked no step because it is part of the cluster's -updatedb section of step 1: say so. */
  const noteClusterRun = (def: vscode.TaskDefinition) => {
    const note = clusterRunNote(def, underWay());
    if (note) void vscode.window.showInformationMessage(note);
  };
  /** When each task started (for the record of runs started from Run Task or tasks.json). */
  const started = new WeakMap<vscode.TaskExecution, Date>();
  const noteStart = vscode.tasks.onDidStartTask((e) => started.set(e.execution, new Date()));
  /** The record of a run started from Run Task or tasks.json, planned again from its definition. */
  const otherRunRecord = (e: vscode.TaskProcessEndEvent, machine?: string) => {
    try {
      const folder = e.execution.task.scope && typeof e.execution.task.scope === 'object' ? e.execution.task.scope.uri.fsPath : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      const planned = planTask(e.execution.task.definition, folder);
      const server = planned.definition.type === 'ssomanage' && planned.definition.command === 'updatedb' ? serverOfFile(planned.definition.file) : undefined;
      return runRecord(planned.plan, started.get(e.execution) ?? new Date(), e.exitCode, { secretServer: server, machine });
    } catch {
      return undefined;
    }
  };
  // Tasks started from Run Task or tasks.json feed the procedure like the commands do.
  const recordOtherRuns = vscode.tasks.onDidEndTaskProcess((e) => {
    // A refused task ran no tool: nothing to record.
    if (commandRuns.has(e.execution) || refusalOf(e.execution.task)) return;
    if (e.exitCode === NOT_RUN_EXIT_CODE && isCheckedRun(e.execution.task)) {
      const said = `"${e.execution.task.name}" did not run: its file was refused when the task started (its terminal says why). Nothing was recorded.`;
      log.warn(said);
      void vscode.window.showErrorMessage(said);
      return;
    }
    const def = e.execution.task.definition;
    const where = whereOf(def);
    if (!where && e.exitCode === 0) noteClusterRun(def);
    if (!where) return;
    if (e.exitCode === undefined) {
      log.warn(`task "${e.execution.task.name}" was stopped before it reported an exit code`);
      void progress.recordStopped(where.procedure, where.step, otherRunRecord(e, where.machine));
      return;
    }
    log.info(`task "${e.execution.task.name}" ended with exit code ${e.exitCode}`);
    const run = otherRunRecord(e, where.machine);
    // One change: the run, its tick and the server its file named (read from the file after the run).
    void progress.recordToolRun(where.procedure, where.step, { exitCode: e.exitCode, machine: where.machine, run, newServer: newServerOf(where, run?.secretServer) });
  });

  /**
   * Runs a tool as a task. `beforeRun` sees the planned command first: it may refuse
   * (throw), or ask and resolve false when the admin cancels (nothing runs, undefined).
   */
  async function runTool(definition: vscode.TaskDefinition, scope?: vscode.WorkspaceFolder | vscode.TaskScope): Promise<number>;
  async function runTool(definition: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope, beforeRun: (planned: PlannedTask) => Promise<boolean>): Promise<number | undefined>;
  async function runTool(definition: vscode.TaskDefinition, scope = workspaceScope(), beforeRun?: (planned: PlannedTask) => Promise<boolean>): Promise<number | undefined> {
    requireTrust();
    // undefined for the read-only checks (-displaydb, -showserver): they record nothing.
    const where = whereOf(definition);
    let built;
    try {
      // The backup command asks before it overwrites a file; its run may then overwrite that file.
      built = buildTask(definition, scope, { mayOverwrite: true });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      void vscode.window.showErrorMessage(message, 'Open Settings').then((c) => {
        if (c) void vscode.commands.executeCommand('workbench.action.openSettings', 'mss.');
      });
      throw e;
    }
    if (beforeRun && !(await beforeRun(built.planned))) return undefined;
    log.info(`running ${built.planned.plan.steps.map((s) => s.label).join(' then ')}${built.planned.plan.cwd ? ` in ${built.planned.plan.cwd}` : ''}`);
    const startedAt = new Date();
    const def = built.planned.definition;
    const secretServer = def.type === 'ssomanage' && def.command === 'updatedb' ? serverOfFile(fileOfStep(built.planned.plan.steps[0]) ?? def.file) : undefined;
    const record = (code: number | undefined) => runRecord(built.planned.plan, startedAt, code, { secretServer, machine: where?.machine });
    const watcher = watchToolProblems();
    let code: number;
    try {
      const label = built.planned.plan.steps.map((s) => s.label).join(', then ');
      code = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Running ${label}` }, () =>
        executeAndWait(built.task, (execution) => commandRuns.add(execution)));
    } catch (e) {
      void watcher.finish(false);
      if (e instanceof TaskStoppedError) {
        log.warn(e.message);
        if (where) await progress.recordStopped(where.procedure, where.step, record(undefined));
      }
      throw e;
    }
    if (code === NOT_RUN_EXIT_CODE && isCheckedRun(built.task)) {
      void watcher.finish(false);
      throw new Error(`${built.planned.plan.steps[0].label} did not run: its file was refused when the task started (the terminal says why). Nothing was recorded.`);
    }
    const problems = built.planned.definition.type === 'entsso' ? await watcher.finish(false) : await watcher.finish(code !== 0);
    log.info(`exit code ${code}${problems.length ? `; ERROR lines: ${problems.map(describeProblem).join(' | ')}` : ''}`);
    // One change: the run, its tick (or its code and ERROR lines) and, after -updatedb, the server its file named.
    if (where) await progress.recordToolRun(where.procedure, where.step, { exitCode: code, machine: where.machine, errors: problems.map(describeProblem), run: record(code), newServer: newServerOf(where, secretServer) });
    else if (code === 0) noteClusterRun(definition);
    const expect = code === 0 && where ? eventsToExpectAfter(where.step) : undefined;
    if (expect) {
      void vscode.window.showInformationMessage(`${expect} Verify reads them from the Application log.`, 'Verify').then((c) => {
        if (c) void vscode.commands.executeCommand('mss.verifyMove', { procedure: where!.procedure, show: true });
      });
    }
    if (code !== 0) reportFailure(built.planned.plan.steps.map((s) => s.label).join(', '), code, problems, where !== undefined, log);
    return code;
  }

  const activeXml = (): string | undefined => {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
  };

  const runUpdateDb = async (target?: unknown): Promise<number> => {
    const interactive = target === undefined || target instanceof vscode.Uri;
    const file = target instanceof vscode.Uri ? target.fsPath : typeof target === 'string' ? target : activeXml();
    if (!file) throw new Error('Open the update XML file (for example NewMSSServer.xml) in the editor, or pass its path, then run ssomanage -updatedb again.');
    requireTrust();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === file);
    if (open?.isDirty) {
      if (!interactive) throw new Error(`${file} has unsaved changes. Save it first: ssomanage reads the file on disk.`);
      const answer = await prompts.confirm(`${path.basename(file)} has unsaved changes.`, 'ssomanage reads the file on disk. Save it and run?', 'Save and Run');
      if (answer !== 'Save and Run') throw new Error('Cancelled: the file was not saved, nothing was run.');
      await open.save();
    }
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
    const server = readSecretServer(decodeUpdateXmlBytes(bytes).text);
    let remembersNewServer = false;
    const code = await runTool({ type: 'ssomanage', command: 'updatedb', file }, workspaceScope(file), async (planned) => {
      // From the UI, what the SSO database says now: is this computer the current master secret server?
      const live = interactive && underWay() !== 'moveToCluster' ? beforeUpdateDbLive(await liveOutput('displaydb'), computerName(), underWay()) : undefined;
      if (live) log.info(live.note);
      const advice = beforeUpdateDb({
        liveWarnings: live?.warning ? [live.warning] : [],
        fileName: path.basename(file),
        server,
        commandLine: planned.plan.steps[0].label,
        cwd: planned.plan.cwd,
        move: underWay(),
        backupDone: progress.record('moveToServer', 'backup').done,
        computer: computerName(),
        fileWarnings: diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message),
      });
      remembersNewServer = advice.remembersNewServer;
      if (interactive) {
        const { title, detail, confirm } = advice.question;
        if (await prompts.confirm(title, detail, confirm) !== confirm) throw new Error('Cancelled: ssomanage -updatedb was not run.');
      } else {
        for (const w of advice.logWarnings) log.warn(w);
      }
      return true;
    });
    if (code === undefined) throw new Error('Cancelled: ssomanage -updatedb was not run.');
    // The move to another server keeps the server with the run (runTool). In the move to a cluster this is the -updatedb
    // section of step 1, which records no run: remember the server there, for the verification.
    if (code === 0 && !remembersNewServer && server) await progress.setNewServer('moveToCluster', 'clusterSetup', server);
    return code;
  };

  const askServer = async (): Promise<string | undefined> => vscode.window.showInputBox({
    title: 'ssomanage -serverall: set the SSO server for all users of this computer',
    prompt: 'The network name resource of the cluster group that holds the clustered master secret server (for example SSOCLUSTER). Run this on each BizTalk Server in the group.',
    validateInput: (v) => {
      const c = checkServerName(v.trim());
      if (!c.ok) return { message: c.message ?? 'Not a valid server name.', severity: vscode.InputBoxValidationSeverity.Error };
      return c.message ? { message: c.message, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
    },
  });

  const secretFile = async (arg: unknown, kind: 'backup' | 'restore'): Promise<string | undefined> => {
    if (arg !== undefined) {
      const file = (arg as { file?: unknown })?.file;
      if (typeof file !== 'string' || file.trim() === '') throw new Error(`mss.${kind}Secret takes { file: string }: the path of the master secret backup file (.bak).`);
      return file;
    }
    const folder = resolveInstallFolder(readToolSettings());
    const base = fs.existsSync(folder) ? folder : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.homedir();
    if (kind === 'backup') {
      const uri = await vscode.window.showSaveDialog({
        title: 'Back up the master secret to (NTFS volume or removable media)',
        defaultUri: vscode.Uri.file(path.join(base, proposeBackupFileName(new Date()))),
        filters: { 'Master secret backup': ['bak'] }, saveLabel: 'Back Up Here',
      });
      return uri?.fsPath;
    }
    const uris = await vscode.window.showOpenDialog({ title: 'Pick the master secret backup file (.bak)', defaultUri: vscode.Uri.file(base), filters: { 'Master secret backup': ['bak'], 'All files': ['*'] }, canSelectMany: false, openLabel: 'Restore This File' });
    return uris?.[0]?.fsPath;
  };

  /**
   * Backup and restore: trust first, then the file (asked for from the UI), then ssoconfig,
   * once the file passed its checks on disk and `decide` (the command's own questions) said go.
   */
  /** Runs one read-only check of a verification here, for the question before a step (never rejects). */
  const liveOutput = async (check: 'displaydb' | 'scQuery') => {
    const settings = readVerifySettings();
    return runReadOnly(check === 'displaydb' ? displayDbRun(settings, process.platform) : scQueryRun(settings), settings);
  };

  /** Whether the backup is current, read in the Application log of the computer its backup run ran on (this one, or /r:NAME). */
  const staleBackup = async (file: string | undefined) => {
    const settings = readVerifySettings();
    const backup = [...(progress.record('moveToServer', 'backup').runs ?? [])].reverse().find((r) => r.exitCode === 0);
    let remote: string | undefined;
    try {
      remote = backup ? remoteComputer(backup.computer, computerName()) : undefined;
    } catch {
      return { note: `Not checked whether the backup is current: the backup ran on "${backup?.computer ?? ''}", which is not a computer name.` };
    }
    return staleBackupWarning(await runReadOnly(eventsRun(settings, remote), settings), file ?? backup?.file?.path);
  };

  /** The services that stop with ENTSSO here (sc enumdepend), or why they could not be read. */
  const dependentServices = async (): Promise<DependentService[] | { reason: string }> => {
    const settings = readVerifySettings();
    const out = await runReadOnly({ setting: 'mss.scPath', executable: settings.scPath, args: [...ENUM_DEPEND_ARGS], label: `sc ${ENUM_DEPEND_ARGS.join(' ')}` }, settings);
    if (!out.ran) return { reason: out.reason };
    const list = out.exitCode === 0 ? readDependents(out.stdout) : undefined;
    return list ?? { reason: `sc enumdepend ENTSSO ended with exit code ${out.exitCode}` };
  };

  const runSsoconfig = async (kind: 'backup' | 'restore', arg: unknown, decide: (check: ReturnType<typeof checkSecretFile>, interactive: boolean) => Promise<boolean>) => {
    requireTrust();
    const file = await secretFile(arg, kind);
    if (!file) return undefined;
    return runTool({ type: 'ssoconfig', command: `${kind}Secret`, file }, workspaceScope(file), async (planned) => {
      const check = checkSecretFile(planned);
      if (check?.error) throw new Error(check.error);
      return decide(check, arg === undefined);
    });
  };

  return [
    noteStart,
    recordOtherRuns,
    vscode.commands.registerCommand('mss.runUpdateDb', runUpdateDb),
    vscode.commands.registerCommand('mss.runServerAll', async (arg?: { server?: unknown }) => {
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
      return runTool({ type: 'ssomanage', command: 'serverall', server });
    }),
    vscode.commands.registerCommand('mss.backupSecret', (arg?: unknown) => runSsoconfig('backup', arg, async (check, interactive) => {
      const advice = beforeBackup({
        ...(check ? { file: check.file, fileName: path.basename(check.file) } : {}),
        exists: check !== undefined && fs.existsSync(check.file),
        interactive,
        fileWarning: check?.warning,
      });
      if (advice.refusal) throw new Error(advice.refusal);
      if (advice.question) {
        const { title, detail, confirm } = advice.question;
        if (await prompts.confirm(title, detail, confirm) !== confirm) return false;
      }
      for (const w of advice.warnings) {
        log.warn(w);
        if (interactive) void vscode.window.showWarningMessage(w);
      }
      void vscode.window.showInformationMessage(advice.notice);
      return true;
    })),
    vscode.commands.registerCommand('mss.restoreSecret', (arg?: unknown) => runSsoconfig('restore', arg, async (check, interactive) => {
      const place = restoreWhere();
      // From the UI, whether ENTSSO runs here: the restore needs it.
      const live = interactive ? beforeRestoreLive(await liveOutput('scQuery'), computerName()) : undefined;
      if (live) log.info(live.note);
      // From the UI, whether the backup is current: the ENTSSO events where the backup ran (a 10525 newer than its 10559).
      const stale = interactive ? await staleBackup(check?.file) : undefined;
      if (stale) log.info(stale.note);
      const advice = beforeRestore({
        serviceWarning: live?.warning,
        place,
        missingSteps: stepNames(place.procedure, progress.missingPrerequisites(place.procedure, place.step)),
        newServer: progress.record('moveToServer', 'updateDb').newServer,
        computer: computerName(),
        fileWarning: check?.warning,
        staleBackupWarning: stale?.warning,
      });
      if (advice.question) {
        if (interactive) {
          const { title, detail, confirm } = advice.question;
          if (await prompts.confirm(title, detail, confirm) !== confirm) return false;
        } else {
          for (const c of advice.concerns) log.warn(c);
        }
      }
      void vscode.window.showInformationMessage(advice.notice);
      return true;
    })),
    // Read-only checks: what the SSO database and this computer's SSO server setting say now.
    vscode.commands.registerCommand('mss.showSsoDatabase', () => runTool({ type: 'ssomanage', command: 'displaydb' })),
    vscode.commands.registerCommand('mss.showSsoServer', () => runTool({ type: 'ssomanage', command: 'showserver' })),
    // Asks first (modal): the restart stops BizTalk. A programmatic caller that has asked already says { confirmed: true }.
    vscode.commands.registerCommand('mss.restartService', async (arg?: unknown) => {
      requireTrust();
      const confirmed = typeof arg === 'object' && arg !== null && (arg as { confirmed?: unknown }).confirmed === true;
      const advice = beforeRestart({ move: underWay(), computer: computerName(), newServer: progress.record('moveToServer', 'updateDb').newServer });
      if (advice.elsewhere) log.warn(advice.elsewhere);
      const code = await runTool({ type: 'entsso', command: 'restart' }, workspaceScope(), async (planned) => {
        if (confirmed) {
          log.info(`ENTSSO restart confirmed by the caller: ${planned.plan.steps.map((s) => s.label).join(', then ')}`);
          return true;
        }
        const dependents = await dependentServices();
        const question = restartQuestion({ commandLines: planned.plan.steps.map((s) => s.label), dependents, elsewhere: advice.elsewhere });
        if (await prompts.confirm(question.title, question.detail, question.confirm) !== question.confirm) {
          log.info('ENTSSO restart cancelled: nothing was run');
          return false;
        }
        return true;
      });
      return code;
    }),
  ];
}
