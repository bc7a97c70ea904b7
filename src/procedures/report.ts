// The Markdown record of a move (mss.exportReport), for change management: every step,
// whether and when it was done, each run of a tool exactly as it ran (the command line, exit
// code, start and end, computer and Windows user, the file with its size and SHA-256), the
// verdicts of the verification with their evidence, machines, and steps ticked out of order.
// It never holds a password (the extension never sees one). It ends with the progress itself
// (transfer.ts), which mss.importProgress reads on the next computer. Pure.
import { stepLabel, type Procedure } from './model';
import { checkEntry, computerKey, type CheckRecord, type ProcedureProgress, type RunFile } from './progress';
import { renderTransferBlock } from './transfer';

// No text from a tool or a file may open a second progress block (an HTML comment) in the record.
const quiet = (s: string) => s.replace(/<!--/g, '<!- -');
const cell = (s: string) => quiet(s).replace(/\|/g, '\\|').replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ');

const code = (s: string) => `\`${s.replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;

function fileText(f: RunFile | undefined): string {
  if (!f) return '';
  return [code(f.path), f.size !== undefined ? `${f.size} bytes` : 'not readable after the run', f.sha256 ? `SHA-256 ${f.sha256}` : ''].filter(Boolean).join(', ');
}

const VERDICT: Record<CheckRecord['verdict'], string> = { pass: 'pass', fail: 'FAIL', unverified: 'unverified' };

export interface ReportExtras {
  /** The change (ticket) number the admin typed for this procedure. */
  change?: string;
}

export function renderReport(procedure: Procedure, progress: ProcedureProgress, generatedAt: Date, computer: string, extras: ReportExtras = {}): string {
  const done = procedure.steps.filter((s) => progress[s.id]?.done).length;
  const lines: string[] = [
    `# ${procedure.title}`,
    '',
    `Record written by Master Secret Mover on ${cell(computer)} at ${generatedAt.toISOString()}: ${done} of ${procedure.steps.length} steps done.`,
    '',
    ...(extras.change ? [`Change: ${cell(extras.change)}`, ''] : []),
    '| # | step | where | status | when | exit code |',
    '|---|---|---|---|---|---|',
  ];
  for (const s of procedure.steps) {
    const r = progress[s.id];
    const status = r?.done ? (r.outOfOrder ? 'done (out of order)' : 'done') : r?.stoppedAt ? 'not done (last run stopped)' : r?.exitCode !== undefined ? 'not done (last run failed)' : 'not done';
    lines.push(`| ${s.number} | ${cell(s.title)} | ${cell(s.runsOn)} | ${status} | ${cell(r?.at ?? '')} | ${r?.exitCode ?? ''} |`);
  }
  const details: string[] = [];
  const stepName = (id: string) => { const x = procedure.steps.find((y) => y.id === id); return x ? cell(stepLabel(x)) : id; };
  for (const s of procedure.steps) {
    const r = progress[s.id];
    if (!r) continue;
    if (r.newServer) details.push(`- Step ${s.number} named ${cell(r.newServer)} as the new master secret server.`);
    if (!r.done && r.subStepsDone?.length) details.push(`- Step ${s.number}: sub-steps done: ${r.subStepsDone.map((n) => `${s.number}.${n}`).join(', ')} of ${s.subSteps.length}`);
    for (const e of r.lastErrors ?? []) details.push(`- Step ${s.number}, last run printed: ERROR ${cell(e)}`);
    if (r.outOfOrder) details.push(`- Step ${s.number} was marked done on ${cell(r.outOfOrder.at)} before: ${r.outOfOrder.missing.map(stepName).join('; ')} (the admin confirmed).`);
    for (const m of r.machines ?? []) {
      details.push(`- Step ${s.number}, ${cell(m.name)}: ${m.done ? 'done' : 'not done'}${m.at ? ` (${cell(m.at)})` : ''}${m.exitCode !== undefined ? `, exit code ${m.exitCode}` : ''}`);
    }
  }
  if (details.length) lines.push('', '## Details', '', ...details);
  const runs = procedure.steps.flatMap((s) => (progress[s.id]?.runs ?? []).map((r) => ({ s, r })));
  if (runs.length) {
    lines.push('', '## Runs', '', 'Each run as it ran, oldest first (times in UTC).', '', '| step | started | ended | exit code | computer | user | command line | file |', '|---|---|---|---|---|---|---|---|');
    runs.sort((a, b) => Date.parse(a.r.startedAt) - Date.parse(b.r.startedAt));
    for (const { s, r } of runs) {
      const exit = r.exitCode === undefined ? 'stopped before it ended' : String(r.exitCode);
      const file = fileText(r.file) + (r.secretServer ? `; names ${cell(r.secretServer)}` : '');
      lines.push(`| ${s.number}${r.machine ? ` (${cell(r.machine)})` : ''} | ${cell(r.startedAt)} | ${cell(r.endedAt)} | ${exit} | ${cell(r.computer)} | ${cell(r.user)} | ${cell(code(r.commandLine))} | ${cell(file)} |`);
    }
  }
  const checks = procedure.steps.flatMap((s) => Object.entries(progress[s.id]?.checks ?? {}).map(([key, c]) => ({ s, c, ...checkEntry(key, c) })));
  if (checks.length) {
    lines.push('', '## Verification', '', 'From read-only tools only (ssomanage -displaydb and -showserver, sc, the ENTSSO events of the Application log, reg query, and for a cluster the FailoverClusters cmdlets and BizTalk\'s WMI classes). Each verdict is bound to this move: an event counts only when it is newer than the run it bears on. Anything the extension could not read is "unverified", never "pass".');
    // Each computer's verdicts under its name, in the order first read.
    const computers = [...new Map(checks.map((x) => [computerKey(x.computer), x.computer])).values()];
    for (const computer of computers) {
      const mine = checks.filter((x) => computerKey(x.computer) === computerKey(computer));
      lines.push('', `### Read on ${cell(computer)}`, '', '| step | check | verdict | at | summary |', '|---|---|---|---|---|');
      for (const { s, id, c } of mine) lines.push(`| ${s.number} | ${id} | ${VERDICT[c.verdict]} | ${cell(c.at)} | ${cell(c.summary)} |`);
      for (const { s, id, c } of mine) {
        lines.push('', `#### Step ${s.number}, ${id} on ${cell(computer)}: ${VERDICT[c.verdict]}`, '', cell(c.summary), ...(c.next ? ['', `What to do: ${cell(c.next)}`] : []), '', '```', quiet(c.evidence).replace(/```/g, "'''"), '```');
      }
    }
  }
  lines.push('', '## Commands of this procedure', '');
  for (const s of procedure.steps) if (s.commandLine) lines.push(`- Step ${s.number}: \`${s.commandLine.replace(/\n/g, '` then `')}\``);
  lines.push('', 'No password was recorded: ssoconfig asks for it in the terminal and the extension never sees it.', '');
  lines.push('To go on with this procedure on another computer, copy this file there and open it with **Master Secret: Import Progress from a Record**.', '');
  lines.push(renderTransferBlock({ procedure: procedure.id, exportedAt: generatedAt.toISOString(), computer, progress }), '');
  return lines.join('\n');
}
