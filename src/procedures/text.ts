// Short Markdown views of a step for hovers and tooltips (the walkthrough media
// has the long form). Pure.
import type { Step } from './model';
import type { StepRecord } from './progress';

export function stepStatusLine(record: StepRecord): string {
  if (record.done) {
    const code = record.exitCode !== undefined ? `, exit code ${record.exitCode}` : '';
    return `**Done**${record.at ? ` on ${record.at}` : ''}${code}`;
  }
  if (record.exitCode !== undefined) return `**Not done**: the last run ended with exit code ${record.exitCode}${record.at ? ` on ${record.at}` : ''}`;
  return '**Not done**';
}

export function stepTooltipMarkdown(step: Step, record: StepRecord): string {
  const out: string[] = [`### ${step.number}. ${step.title}`, `*${step.runsOn}*${step.tool ? ` · ${step.tool}` : ''}`, '', stepStatusLine(record), ''];
  if (record.outOfOrder) out.push(`Marked done before the steps it depends on (${record.outOfOrder.missing.join(', ')}) on ${record.outOfOrder.at}.`, '');
  if (step.condition) out.push(`*${step.condition}*`, '');
  out.push(step.summary, '');
  if (step.commandLine) out.push('```', step.commandLine, '```', '');
  for (const w of step.warnings) out.push(`- ⚠ ${w}`);
  for (const d of step.doubts) out.push(`- ❓ ${d}`);
  return out.join('\n').trim();
}
