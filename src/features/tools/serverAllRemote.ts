// mss.runServerAll({ server, computers }): `ssomanage -serverall SERVER` on each BizTalk Server of
// the list, from this window, through PowerShell remoting (Invoke-Command; the script is built in
// src/ssoTools/powershell.ts, read in src/verification/psReaders.ts). PowerShell runs with an
// argument vector, no shell, no terminal (its output is read), bounded in time. Each computer's exit
// code and output are kept apart: the per-machine step serverAll ticks each computer where
// ssomanage ended with 0, the record lists each run, and a failure on one computer names it and
// leaves the others done. Every name is checked before anything runs.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ProgressBook, RunRecord } from '../../procedures/progress';
import { checkComputerList } from '../../ssoTools/clusterSteps';
import { displayCommandLine, NOT_RUN_EXIT_CODE, resolveInstallFolder } from '../../ssoTools/commandLines';
import { powershellArgs, powershellLabel, serverAllRemoteScript } from '../../ssoTools/powershell';
import { checkServerName } from '../../ssoTools/serverName';
import { describePsFailure, describeRemoteFailure, readServerAllRemote, type RemoteResult } from '../../verification/psReaders';
import { runProgram } from '../../verification/runner';
import { computerName, windowsUser } from '../shared/computerName';
import { readVerifySettings } from '../shared/readOnlyTools';
import { requireTrust, which } from '../shared/toolSettings';

/** How long the remote run may take: a connection may wait 30 seconds (the script's OpenTimeout), one computer after the other. */
const timeLimit = (computers: number) => 60_000 + 45_000 * computers;

/** The ERROR lines ssomanage printed (for the step's record of a failed run). */
const errorLines = (output: string) => output.split(/\r?\n/).map((l) => l.trim()).filter((l) => /^ERROR\b/i.test(l)).slice(0, 5);

export async function runServerAllOnComputers(progress: ProgressBook, log: vscode.LogOutputChannel, arg: { server?: unknown; computers?: unknown }): Promise<Record<string, number>> {
  requireTrust();
  const server = typeof arg.server === 'string' ? arg.server.trim() : '';
  const serverCheck = checkServerName(server);
  if (!serverCheck.ok) throw new Error(`mss.runServerAll: ${serverCheck.message ?? 'not a server name.'} Nothing was run.`);
  const list = checkComputerList(arg.computers);
  if (!list.ok) throw new Error(`mss.runServerAll: ${list.message} Nothing was run.`);
  const computers = list.value;
  const settings = readVerifySettings();
  const folder = resolveInstallFolder(settings);
  const script = serverAllRemoteScript(server, computers, folder);
  const exe = settings.powershellPath.trim() || 'powershell.exe';
  const label = powershellLabel(exe, script);
  log.info(`running ${label}`);
  const startedAt = new Date();
  const out = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `ssomanage -serverall ${server} on ${computers.join(', ')} (PowerShell remoting)` },
    () => runProgram({ setting: 'mss.powershellPath', executable: exe, args: powershellArgs(script), label }, {
      platform: process.platform, exists: fs.existsSync, which, execFile, timeoutMs: timeLimit(computers.length),
      cwd: fs.existsSync(folder) ? folder : undefined,
    }),
  );
  if (!out.ran) throw new Error(`${out.reason} Nothing was recorded.`);
  const read = readServerAllRemote(out.stdout, out.exitCode);
  if (!read.ok) {
    const d = describePsFailure(read, 'this computer');
    throw new Error(`ssomanage -serverall was not run on the computers: ${d.summary.replace(/^Not checked: /, '')} ${d.next} Nothing was recorded.`);
  }
  const codes: Record<string, number> = {};
  const failures: string[] = [];
  const resultOf = (computer: string): RemoteResult => read.value.find((x) => x.computer.toLowerCase() === computer.toLowerCase())
    ?? { computer, ran: false, kind: 'error', message: 'PowerShell printed no result for this computer.', errorId: '' };
  // The step lists the computers in the order given (after those it listed already, which keep their state).
  const listed = (progress.record('moveToCluster', 'serverAll').machines ?? []).map((m) => m.name);
  await progress.setMachines('moveToCluster', 'serverAll', [...listed, ...computers.filter((c) => !listed.some((n) => n.toLowerCase() === c.toLowerCase()))]);
  // The computers that succeeded are recorded first: the step's record then keeps the errors of a failed one (its lastErrors).
  const ok = (c: string) => { const r = resultOf(c); return r.ran && r.exitCode === 0; };
  for (const computer of [...computers.filter(ok), ...computers.filter((c) => !ok(c))]) {
    const r = resultOf(computer);
    const remote = displayCommandLine({ executable: r.ran ? r.exe : `${folder}\\ssomanage.exe`, args: ['-serverall', server] });
    const code = r.ran ? r.exitCode : NOT_RUN_EXIT_CODE;
    const record: RunRecord = {
      commandLine: `${label} on ${computer}: ${remote}`,
      exitCode: code,
      startedAt: startedAt.toISOString(),
      endedAt: new Date().toISOString(),
      computer: computerName(),
      user: windowsUser(),
      machine: computer,
    };
    let errors: string[] = [];
    if (!r.ran) {
      const d = describeRemoteFailure(r);
      errors = [`${d.summary} ${d.next}`];
      failures.push(`${d.summary} ${d.next}`);
    } else if (r.exitCode !== 0) {
      errors = errorLines(r.output);
      failures.push(`${computer}: ssomanage -serverall ended with exit code ${r.exitCode}${errors.length ? `: ${errors[0]}` : ''}.`);
    }
    log.info(`${computer}: ${r.ran ? `exit code ${r.exitCode}${r.output.trim() ? `; ${r.output.trim().replace(/\s+/g, ' ').slice(0, 500)}` : ''}` : `not run: ${r.kind}: ${r.message}`}`);
    await progress.recordRun('moveToCluster', 'serverAll', code, computer, errors, record);
    codes[computer] = code;
  }
  const done = computers.filter((c) => codes[c] === 0);
  const inOrder: Record<string, number> = {};
  for (const c of computers) inOrder[c] = codes[c];
  if (failures.length > 0) {
    void vscode.window.showWarningMessage(`ssomanage -serverall ${server}: done on ${done.length ? done.join(', ') : 'none'}; not done on ${computers.length - done.length}. ${failures.join(' ')}`, 'Show Log').then((c) => {
      if (c) log.show(true);
    });
  } else {
    void vscode.window.showInformationMessage(`ssomanage -serverall ${server} succeeded on ${done.join(', ')}.`);
  }
  return inOrder;
}
