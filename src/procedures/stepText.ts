// Short Markdown views of a step for hovers and tooltips (the walkthrough media
// has the long form). Pure.
import { stepLabel, type Step } from './model';
import type { StepRecord } from './progress';

/**
 * A stored time (ISO 8601, UTC) in the admin's local time and locale, e.g. "12 Mar 2025, 14:05"
 * for en-GB; the stored text itself when it is not a time. `locale` is VS Code's display
 * language (vscode.env.language); undefined uses the system's.
 */
export function localTime(iso: string, locale?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }
}

export function stepStatusLine(record: StepRecord, locale?: string): string {
  const at = record.at ? ` on ${localTime(record.at, locale)}` : '';
  if (record.done) {
    const code = record.exitCode !== undefined ? `, exit code ${record.exitCode}` : '';
    return `**Done**${at}${code}`;
  }
  if (record.exitCode !== undefined) return `**Not done**: the last run ended with exit code ${record.exitCode}${at}`;
  return '**Not done**';
}

export function stepTooltipMarkdown(step: Step, record: StepRecord, locale?: string): string {
  const out: string[] = [`### ${stepLabel(step)}`, `*${step.runsOn}*${step.tool ? ` · ${step.tool}` : ''}`, '', stepStatusLine(record, locale), ''];
  if (record.outOfOrder) out.push(`Marked done before the steps it depends on (${record.outOfOrder.missing.join(', ')}) on ${localTime(record.outOfOrder.at, locale)}.`, '');
  if (step.condition) out.push(`*${step.condition}*`, '');
  out.push(step.summary, '');
  if (step.commandLine) out.push('```', step.commandLine, '```', '');
  for (const w of step.warnings) out.push(`- ⚠ ${w}`);
  for (const d of step.doubts) out.push(`- ❓ ${d}`);
  return out.join('\n').trim();
}
