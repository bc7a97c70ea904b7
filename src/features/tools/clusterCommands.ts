// mss.runClusterStep: a cluster step of the move to a cluster (startRole, cycleResource, moveRole)
// as a `cluster` task (clusterTasks.ts), resolving with its exit code. Called with the role (and the
// resource or node its command needs) it asks nothing but the modal question, which
// `confirmed: true` skips; from the palette, the tree or the walkthrough it asks for what is
// missing: the role and resource once per move (kept with the move's progress, offered from what
// the cluster says where it can be read), the node each time.
import * as vscode from 'vscode';
import type { ProgressBook } from '../../procedures/progress';
import { checkClusterObjectName, checkComputerName, clusterExitText, clusterQuestion, CLUSTER_COMMANDS, type ClusterCommand } from '../../ssoTools/clusterSteps';
import { readClusterState, type ClusterState } from '../../verification/psReaders';
import { clusterStateRun } from '../../verification/programs';
import { readVerifySettings, runReadOnly } from '../shared/readOnlyTools';
import type { Prompts } from '../shared/prompts';
import { requireTrust } from '../shared/toolSettings';
import { buildClusterTask, clusterRunRecord, CLUSTER_TASK_TYPE, recordClusterRun, registerClusterTasks } from './clusterTasks';
import { executeAndWait, TaskStoppedError } from './taskRunner';
import { defaultScope } from './tasks';

interface StepArg { command?: unknown; role?: unknown; resource?: unknown; node?: unknown; confirmed?: unknown }

const COMMAND_LABELS: Record<ClusterCommand, string> = {
  startRole: 'Bring the role online (Start-ClusterGroup), step 4',
  cycleResource: 'Take the ENTSSO resource offline and online (Stop-ClusterResource, Start-ClusterResource, Start-ClusterGroup), step 6',
  moveRole: 'Move the role to a node (Move-ClusterGroup), step 7',
};

/** What the cluster says of its ENTSSO resource, role and nodes, to offer as names (undefined when it cannot be read here). */
async function readCluster(log: vscode.LogOutputChannel): Promise<ClusterState | undefined> {
  const settings = readVerifySettings();
  const out = await runReadOnly(clusterStateRun(settings), settings);
  if (!out.ran) {
    log.info(`the cluster's names were not read: ${out.reason}`);
    return undefined;
  }
  const read = readClusterState(out.stdout, out.exitCode);
  if (!read.ok) {
    log.info(`the cluster's names were not read: ${read.message}`);
    return undefined;
  }
  return read.value;
}

/** Asks for a name: picked among what the cluster says, or typed (checked as it is typed). Undefined: cancelled. */
async function askName(title: string, offers: string[], check: (v: string) => { ok: true; value: string } | { ok: false; message: string }, prompt: string): Promise<string | undefined> {
  const unique = [...new Set(offers.filter((o) => o.trim() !== ''))];
  const typeOther = 'Type a name...';
  if (unique.length > 0) {
    const pick = await vscode.window.showQuickPick([...unique, typeOther], { title, placeHolder: prompt });
    if (pick === undefined) return undefined;
    if (pick !== typeOther) return pick;
  }
  const typed = await vscode.window.showInputBox({
    title,
    prompt,
    validateInput: (v) => {
      const c = check(v);
      return c.ok ? undefined : { message: c.message, severity: vscode.InputBoxValidationSeverity.Error };
    },
  });
  return typed?.trim();
}

export function registerClusterCommands(progress: ProgressBook, prompts: Prompts, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const startedHere = new WeakSet<vscode.TaskExecution>();

  /** The names a UI call lacks: the command, then the role and resource (kept ones first), then the node. Undefined: cancelled. */
  const askMissing = async (arg: StepArg): Promise<StepArg | undefined> => {
    let command = arg.command;
    if (command === undefined) {
      const pick = await vscode.window.showQuickPick(CLUSTER_COMMANDS.map((c) => ({ label: COMMAND_LABELS[c], c })), { title: 'Run a cluster step of the move to a cluster' });
      if (!pick) return undefined;
      command = pick.c;
    }
    const kept = progress.record('moveToCluster', 'bringOnline').cluster ?? {};
    let role = arg.role ?? kept.role;
    let resource = arg.resource ?? kept.resource;
    let node = arg.node;
    const needsResource = command === 'cycleResource' && resource === undefined;
    const needsNode = command === 'moveRole' && node === undefined;
    if (role !== undefined && !needsResource && !needsNode) return { ...arg, command, role, resource, node };
    const cluster = await readCluster(log);
    if (role === undefined) {
      role = await askName('The clustered SSO role (the cluster group that holds the Enterprise SSO resource)', cluster?.resources.map((r) => r.ownerGroup) ?? [], (v) => checkClusterObjectName(v, 'role'), 'The role\'s name as Failover Cluster Manager shows it under Roles. It is kept for the rest of this move.');
      if (role === undefined) return undefined;
    }
    if (needsResource) {
      resource = await askName('The clustered Enterprise SSO resource', cluster?.resources.map((r) => r.name) ?? [], (v) => checkClusterObjectName(v, 'resource'), 'The Generic Service resource of ENTSSO in the role. It is kept for the rest of this move.');
      if (resource === undefined) return undefined;
    }
    if (needsNode) {
      const owner = cluster?.resources[0]?.groupOwnerNode;
      const nodes = (cluster?.nodes ?? []).map((n) => n.name).filter((n) => n.toLowerCase() !== owner?.toLowerCase());
      node = await askName('The cluster node to move the role to (then restore the master secret there)', nodes, (v) => checkComputerName(v, 'node'), 'The computer name of the node, for example NODE2.');
      if (node === undefined) return undefined;
    }
    return { ...arg, command, role, resource, node };
  };

  const runClusterStep = async (raw?: unknown): Promise<number | undefined> => {
    requireTrust();
    if (raw !== undefined && (typeof raw !== 'object' || raw === null)) {
      throw new Error('mss.runClusterStep takes { command: "startRole" | "cycleResource" | "moveRole", role: string, resource?: string, node?: string, confirmed?: true }.');
    }
    const given = (raw ?? {}) as StepArg;
    // With the role given, a programmatic call: it asks nothing but the question (unless confirmed).
    const arg = given.role !== undefined ? given : await askMissing(given);
    if (!arg) return undefined;
    let built;
    try {
      built = buildClusterTask({ type: CLUSTER_TASK_TYPE, command: arg.command, role: arg.role, ...(arg.resource !== undefined && arg.command === 'cycleResource' ? { resource: arg.resource } : {}), ...(arg.node !== undefined && arg.command === 'moveRole' ? { node: arg.node } : {}) } as vscode.TaskDefinition, defaultScope());
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log.warn(`mss.runClusterStep refused, nothing was run: ${message}`);
      if (raw === undefined || given.role === undefined) void vscode.window.showErrorMessage(message);
      throw new Error(`${message} Nothing was run.`);
    }
    const def = built.definition;
    if (arg.confirmed === true) {
      log.info(`cluster step confirmed by the caller: ${built.commandLine}`);
    } else {
      const q = clusterQuestion(def);
      if (await prompts.confirm(q.title, q.detail, q.confirm) !== q.confirm) {
        log.info(`cluster step cancelled, nothing was run: ${built.commandLine}`);
        return undefined;
      }
    }
    log.info(`running ${built.commandLine}`);
    const startedAt = new Date();
    let code: number;
    try {
      code = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Running ${built.task.name}` }, () =>
        executeAndWait(built.task, (execution) => startedHere.add(execution)));
    } catch (e) {
      if (e instanceof TaskStoppedError) {
        log.warn(e.message);
        await recordClusterRun(progress, def, clusterRunRecord(built.commandLine, def, startedAt, undefined), undefined);
      }
      throw e;
    }
    await recordClusterRun(progress, def, clusterRunRecord(built.commandLine, def, startedAt, code), code);
    const said = clusterExitText(def, code);
    log.info(`exit code ${code}: ${said}`);
    if (code !== 0) {
      void vscode.window.showWarningMessage(`${said}${def.command === 'moveRole' ? '' : ' The step stays open.'}`, 'Show Log').then((c) => {
        if (c) log.show(true);
      });
    } else {
      const next = def.command === 'moveRole'
        ? `${said} Now restore the master secret on ${def.node}, in a logon there (ssoconfig -restoreSecret asks for the backup's password).`
        : `${said} Verify reads the ENTSSO cluster resource and its role from the cluster.`;
      void vscode.window.showInformationMessage(next, 'Verify').then((c) => {
        if (c) void vscode.commands.executeCommand('mss.verifyMove', { procedure: 'moveToCluster', show: true });
      });
    }
    return code;
  };

  return [
    ...registerClusterTasks(progress, log, startedHere),
    vscode.commands.registerCommand('mss.runClusterStep', runClusterStep),
  ];
}
