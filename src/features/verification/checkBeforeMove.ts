// mss.checkBeforeMove: the check before the move, read-only like the verification: which server
// the SSO database names now, the new servers (or nodes) on the same SSO database, the same
// ENTSSO service account, a current backup, RPC to the new servers (src/verification/preflight.ts).
// It informs and blocks nothing. Its verdicts are kept on the first step of the move, shown in
// the Verification view apart from the verification, and listed in the record.
import * as vscode from 'vscode';
import { getProcedure, procedureIds, type ProcedureId } from '../../procedures';
import type { ProgressBook } from '../../procedures/progress';
import type { ToolOutput } from '../../verification/checks';
import { PREFLIGHT_STEP, preflightPlan } from '../../verification/preflight';
import { remoteComputer } from '../../verification/programs';
import { expectedServer, verdictCounts, type VerificationResult } from '../../verification/verify';
import { computerName } from '../shared/computerName';
import { readVerifySettings, runReadOnly } from '../shared/readOnlyTools';
import { requireTrust } from '../shared/toolSettings';
import type { VerificationView } from './view';

const USAGE = 'mss.checkBeforeMove takes { procedure: "moveToServer" | "moveToCluster", computers?: string[] }: the move, and the new server (or the cluster nodes) to read.';

interface Arg { procedure: ProcedureId; computers?: string[]; show: boolean }

function parseArg(raw: unknown): Arg {
  if (typeof raw !== 'object' || raw === null) throw new Error(USAGE);
  const a = raw as Record<string, unknown>;
  if (typeof a.procedure !== 'string' || !procedureIds.includes(a.procedure as ProcedureId)) throw new Error(USAGE);
  if (a.computers !== undefined && (!Array.isArray(a.computers) || a.computers.some((c) => typeof c !== 'string') || a.computers.length > 64)) throw new Error(USAGE);
  return { procedure: a.procedure as ProcedureId, computers: a.computers as string[] | undefined, show: a.show === true };
}

/** The computers the record names for the move: the new server -updatedb named, the machines of the per-machine steps. */
function recordedTargets(procedure: ProcedureId, progress: ProgressBook): string[] {
  const stored = progress.read(procedure);
  const names = [expectedServer(procedure, stored), ...Object.values(stored).flatMap((r) => (r.machines ?? []).map((m) => m.name))];
  return [...new Set(names.filter((n): n is string => !!n && n.trim() !== ''))];
}

function splitNames(text: string): string[] {
  return text.split(/[\s,;]+/).map((n) => n.trim()).filter((n) => n !== '');
}

export function registerCheckBeforeMove(progress: ProgressBook, view: VerificationView, log: vscode.LogOutputChannel): vscode.Disposable {
  const run = async (arg: Arg): Promise<VerificationResult> => {
    const here = computerName();
    const targets = (arg.computers ?? recordedTargets(arg.procedure, progress)).map((c) => c.trim()).filter((c) => c !== '');
    for (const t of targets) remoteComputer(t, here); // a name that is not a computer name is refused before anything runs
    const settings = readVerifySettings();
    const clusterName = arg.procedure === 'moveToCluster' ? expectedServer(arg.procedure, progress.read(arg.procedure)) : undefined;
    const plan = preflightPlan(arg.procedure, settings, process.platform, here, targets, clusterName);
    const read = async () => {
      const outputs = await Promise.all(plan.runs.map((r) => runReadOnly(r, settings)));
      return new Map<string, ToolOutput>(plan.runs.map((r, i) => [r.label, outputs[i]]));
    };
    const outputs = arg.show
      ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Checking before the move, from ${here}${targets.length ? ` towards ${targets.join(', ')}` : ''}` }, read)
      : await read();
    const at = new Date().toISOString();
    const result: VerificationResult = { procedure: arg.procedure, computer: here, at, before: true, checks: plan.verdicts(outputs) };
    for (const c of result.checks) log.info(`check before ${arg.procedure} from ${here}: ${c.id} ${c.verdict}: ${c.summary}`);
    await progress.recordChecks(arg.procedure, result.checks.map((c) => ({ ...c, step: PREFLIGHT_STEP[arg.procedure], at, computer: here })));
    view.show(result);
    return result;
  };

  return vscode.commands.registerCommand('mss.checkBeforeMove', async (raw?: unknown) => {
    requireTrust();
    let arg: Arg;
    if (raw === undefined) {
      const picked = await vscode.window.showQuickPick(procedureIds.map((id) => ({ label: getProcedure(id)!.title, id })), { title: 'Check before which move?', placeHolder: 'Reads the SSO database, the service accounts, the backup and RPC to the new servers; changes nothing' });
      if (!picked) return undefined;
      const here = computerName();
      const typed = await vscode.window.showInputBox({
        title: picked.id === 'moveToCluster' ? 'The cluster nodes' : 'The new master secret server',
        prompt: 'Computer names, separated by commas (for example BTSMSS02). Their service, Application log and port 135 are read; nothing is changed.',
        value: recordedTargets(picked.id, progress).join(', '),
        validateInput: (v) => {
          for (const n of splitNames(v)) {
            try {
              remoteComputer(n, here);
            } catch (e) {
              return e instanceof Error ? e.message.replace(/^mss\.verifyMove: /, '') : String(e);
            }
          }
          return undefined;
        },
      });
      if (typed === undefined) return undefined;
      arg = { procedure: picked.id, computers: splitNames(typed), show: true };
    } else {
      arg = parseArg(raw);
    }
    const result = await run(arg);
    if (arg.show) {
      await view.reveal();
      const worst = result.checks.find((c) => c.verdict === 'fail') ?? result.checks.find((c) => c.verdict === 'unverified');
      const text = `Before the move: ${verdictCounts(result.checks)}. Nothing was changed.${worst ? ` ${worst.summary}` : ''}`;
      void (worst?.verdict === 'fail' ? vscode.window.showWarningMessage(text) : vscode.window.showInformationMessage(text));
    }
    return { procedure: result.procedure, computer: result.computer, at: result.at, checks: result.checks.map((c) => ({ id: c.id, verdict: c.verdict, summary: c.summary, evidence: c.evidence, ...(c.next ? { next: c.next } : {}) })) };
  });
}
