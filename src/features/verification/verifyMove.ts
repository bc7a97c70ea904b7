// mss.verifyMove: reads the evidence of the move with read-only programs only (ssomanage
// -displaydb and -showserver, sc query and qc ENTSSO, wevtutil qe Application, reg query, and
// PowerShell's read-only cluster and WMI cmdlets), gives each check a verdict bound to this
// move's runs (src/verification), keeps the verdicts per computer with the steps they bear on
// and shows them in the Verification view. It never changes anything and never marks a step done.
import * as vscode from 'vscode';
import { getProcedure, procedureIds, type ProcedureId } from '../../procedures';
import type { ProgressBook } from '../../procedures/progress';
import type { ToolOutput } from '../../verification/checks';
import { remoteComputer } from '../../verification/programs';
import { CHECK_STEPS, expectedServer, moveFacts, verdictCounts, verificationPlan, type VerificationResult } from '../../verification/verify';
import { sameComputer } from '../../procedures/computers';
import { computerName } from '../shared/computerName';
import { readVerifySettings, runReadOnly } from '../shared/readOnlyTools';
import { requireTrust } from '../shared/toolSettings';
import { VerificationView } from './view';

const USAGE = 'mss.verifyMove takes { procedure: "moveToServer" | "moveToCluster", expected?: string, computer?: string, show?: boolean }: the procedure, the server -displaydb should name (default: the one -updatedb named) and the computer whose service and Application log are read (default: this computer).';

interface VerifyArg { procedure: ProcedureId; expected?: string; computer?: string; show: boolean }

function parseArg(arg: unknown): VerifyArg {
  if (typeof arg === 'string' && procedureIds.includes(arg as ProcedureId)) return { procedure: arg as ProcedureId, show: true };
  if (typeof arg !== 'object' || arg === null) throw new Error(USAGE);
  const a = arg as Record<string, unknown>;
  if (typeof a.procedure !== 'string' || !procedureIds.includes(a.procedure as ProcedureId)) throw new Error(USAGE);
  if (a.expected !== undefined && typeof a.expected !== 'string') throw new Error(USAGE);
  if (a.computer !== undefined && typeof a.computer !== 'string') throw new Error(USAGE);
  return { procedure: a.procedure as ProcedureId, expected: a.expected as string | undefined, computer: a.computer as string | undefined, show: a.show === true };
}

/**
 * Which computer's service and log to read, from the UI: this computer, the computers the
 * procedure names (the new server -updatedb named, the machines of its per-machine steps), or
 * another one typed in. '' means this computer; undefined, cancelled.
 */
async function pickComputer(procedure: ProcedureId, progress: ProgressBook): Promise<string | undefined> {
  const here = computerName();
  const names = new Map<string, string>();
  const add = (name: string | undefined, why: string) => {
    const n = name?.trim();
    if (n && !sameComputer(n, here) && ![...names.keys()].some((k) => sameComputer(k, n))) names.set(n, why);
  };
  const stored = progress.read(procedure);
  add(expectedServer(procedure, stored), 'the new master secret server -updatedb named');
  for (const [step, r] of Object.entries(stored)) for (const m of r.machines ?? []) add(m.name, `a machine of step ${getProcedure(procedure)?.steps.find((s) => s.id === step)?.number ?? step}`);
  const OTHER = 'Another computer…';
  const items = [{ label: `This computer (${here})`, value: '' }, ...[...names].map(([n, why]) => ({ label: n, description: why, value: n })), { label: OTHER, value: OTHER }];
  const picked = await vscode.window.showQuickPick(items, { title: 'Read the Enterprise SSO service and the Application log of which computer?', placeHolder: '-displaydb always runs here: the SSO database is the same from every SSO server' });
  if (!picked) return undefined;
  if (picked.value !== OTHER) return picked.value;
  return vscode.window.showInputBox({
    title: 'The computer to read',
    prompt: 'Its name (for example BTSMSS02). Needs an administrator account there and a firewall that allows remote service and event log management.',
    validateInput: (v) => {
      try {
        remoteComputer(v, here);
        return undefined;
      } catch (e) {
        return e instanceof Error ? e.message.replace(/^mss\.verifyMove: /, '') : String(e);
      }
    },
  }).then((v) => v?.trim());
}

export function registerVerifyMove(progress: ProgressBook, log: vscode.LogOutputChannel): { view: VerificationView; disposables: vscode.Disposable[] } {
  const view = new VerificationView();

  const run = async (arg: VerifyArg): Promise<VerificationResult> => {
    const here = computerName();
    const remote = remoteComputer(arg.computer, here);
    const computer = remote ?? here;
    const settings = readVerifySettings();
    const facts = moveFacts(arg.procedure, progress.read(arg.procedure), computer, arg.expected);
    const plan = verificationPlan(arg.procedure, settings, process.platform, { computer, remote }, facts);
    const read = async () => {
      const outputs = await Promise.all(plan.runs.map((r) => runReadOnly(r, settings)));
      return new Map<string, ToolOutput>(plan.runs.map((r, i) => [r.label, outputs[i]]));
    };
    const programs = [...new Set(plan.runs.map((r) => r.executable.replace(/^.*[\\/]/, '')))].join(', ');
    const outputs = arg.show
      ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Verifying the move on ${computer}: ${programs}` }, read)
      : await read();
    const at = new Date().toISOString();
    const result: VerificationResult = { procedure: arg.procedure, computer, at, ...(facts.expected ? { expected: facts.expected } : {}), checks: plan.verdicts(outputs) };
    for (const c of result.checks) log.info(`verify ${arg.procedure} on ${computer}: ${c.id} ${c.verdict}: ${c.summary}`);
    const steps = CHECK_STEPS[arg.procedure];
    await progress.recordChecks(arg.procedure, result.checks.flatMap((c) => {
      const step = steps[c.id];
      return step ? [{ ...c, step, at, computer }] : [];
    }));
    view.show(result);
    return result;
  };

  const command = vscode.commands.registerCommand('mss.verifyMove', async (raw?: unknown) => {
    requireTrust();
    let arg: VerifyArg;
    if (raw === undefined) {
      const picked = await vscode.window.showQuickPick(procedureIds.map((id) => ({ label: getProcedure(id)!.title, id })), { title: 'Verify which move?', placeHolder: 'Reads ssomanage -displaydb, sc, the ENTSSO events and, for a cluster, the cluster and the BizTalk group; changes nothing' });
      if (!picked) return undefined;
      const computer = await pickComputer(picked.id, progress);
      if (computer === undefined) return undefined;
      arg = { procedure: picked.id, show: true, ...(computer ? { computer } : {}) };
    } else {
      arg = parseArg(raw);
    }
    const result = await run(arg);
    if (arg.show) {
      await view.reveal();
      const worst = result.checks.find((c) => c.verdict === 'fail') ?? result.checks.find((c) => c.verdict === 'unverified');
      const text = `Verification on ${result.computer}: ${verdictCounts(result.checks)}.${worst ? ` ${worst.summary}` : ''}`;
      void (worst?.verdict === 'fail' ? vscode.window.showWarningMessage(text) : vscode.window.showInformationMessage(text));
    }
    return { procedure: result.procedure, computer: result.computer, at: result.at, checks: result.checks.map((c) => ({ id: c.id, verdict: c.verdict, summary: c.summary, evidence: c.evidence, ...(c.next ? { next: c.next } : {}) })) };
  });
  return { view, disposables: [view, command] };
}
