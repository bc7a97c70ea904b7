// The Markdown record of a move (mss.exportReport): every step, whether and when
// it was done, exit codes, machines, and steps ticked out of order; it ends with
// the progress itself (transfer.ts), which mss.importProgress reads on the next
// computer. Pure.
import type { Procedure } from './model';
import type { ProcedureProgress } from './progress';
import { renderTransferBlock } from './transfer';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function renderReport(procedure: Procedure, progress: ProcedureProgress, generatedAt: Date, computer: string): string {
  const done = procedure.steps.filter((s) => progress[s.id]?.done).length;
  const lines: string[] = [
    `# ${procedure.title}`,
    '',
    `Record written by Master Secret Mover on ${cell(computer)} at ${generatedAt.toISOString()}: ${done} of ${procedure.steps.length} steps done.`,
    '',
    '| # | step | where | status | when | exit code |',
    '|---|---|---|---|---|---|',
  ];
  for (const s of procedure.steps) {
    const r = progress[s.id];
    const status = r?.done ? (r.outOfOrder ? 'done (out of order)' : 'done') : r?.stoppedAt ? 'not done (last run stopped)' : r?.exitCode !== undefined ? 'not done (last run failed)' : 'not done';
    lines.push(`| ${s.number} | ${cell(s.title)} | ${cell(s.runsOn)} | ${status} | ${r?.at ?? ''} | ${r?.exitCode ?? ''} |`);
  }
  const details: string[] = [];
  const stepName = (id: string) => { const x = procedure.steps.find((y) => y.id === id); return x ? `${x.number}. ${cell(x.title)}` : id; };
  for (const s of procedure.steps) {
    const r = progress[s.id];
    if (!r) continue;
    if (r.newServer) details.push(`- Step ${s.number} named ${cell(r.newServer)} as the new master secret server.`);
    if (!r.done && r.subStepsDone?.length) details.push(`- Step ${s.number}: sub-steps done: ${r.subStepsDone.map((n) => `${s.number}.${n}`).join(', ')} of ${s.subSteps.length}`);
    for (const e of r.lastErrors ?? []) details.push(`- Step ${s.number}, last run printed: ERROR ${cell(e)}`);
    if (r.outOfOrder) details.push(`- Step ${s.number} was marked done on ${r.outOfOrder.at} before: ${r.outOfOrder.missing.map(stepName).join('; ')} (the admin confirmed).`);
    for (const m of r.machines ?? []) {
      details.push(`- Step ${s.number}, ${cell(m.name)}: ${m.done ? 'done' : 'not done'}${m.at ? ` (${m.at})` : ''}${m.exitCode !== undefined ? `, exit code ${m.exitCode}` : ''}`);
    }
  }
  if (details.length) lines.push('', '## Details', '', ...details);
  lines.push('', '## Commands of this procedure', '');
  for (const s of procedure.steps) if (s.commandLine) lines.push(`- Step ${s.number}: \`${s.commandLine.replace(/\n/g, '` then `')}\``);
  lines.push('', 'No password was recorded: ssoconfig asks for it in the terminal and the extension never sees it.', '');
  lines.push('To go on with this procedure on another computer, copy this file there and open it with **Master Secret: Import Progress from a Record**.', '');
  lines.push(renderTransferBlock({ procedure: procedure.id, exportedAt: generatedAt.toISOString(), computer, progress }), '');
  return lines.join('\n');
}
