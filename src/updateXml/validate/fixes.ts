// The fixes layer of the validator: `Report` collects the diagnostics and builds their quick
// fixes (edits as ranges of the text), and the helpers below build the edits the checks share.
// Pure: no `vscode` import.
import { isXmlSpace, LineIndex } from '../positions';
import type { RuleCode, Severity } from '../rules';
import type { QuickFix, TextEdit, UpdateXmlDiagnostic, XmlElement } from '../types';

export interface Span {
  start: number;
  end: number;
  newText: string;
}

/** Findings listed per file; the others are counted (a real update file has fewer than ten). */
export const MAX_DIAGNOSTICS = 100;

const RANK: Record<Severity, number> = { information: 0, warning: 1, error: 2 };

export class Report {
  readonly diagnostics: UpdateXmlDiagnostic[] = [];
  private hidden = 0;
  private hiddenSeverity: Severity = 'information';
  private readonly index: LineIndex;
  readonly eol: string;

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
    const m = /\r\n|\n|\r/.exec(text);
    this.eol = m ? m[0] : '\r\n';
  }

  /** Only codes of the rules table (rules.ts) can be reported. */
  add(code: RuleCode, severity: Severity, start: number, end: number, message: string, fixes: QuickFix[] = []): void {
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      this.hidden++;
      if (RANK[severity] > RANK[this.hiddenSeverity]) this.hiddenSeverity = severity;
      return;
    }
    this.diagnostics.push({ range: this.index.range(start, end), severity, code, message, fixes });
  }

  /** True once the list is full: a check may skip work whose findings would only be counted. */
  get full(): boolean {
    return this.diagnostics.length >= MAX_DIAGNOSTICS;
  }

  /** The diagnostics, with one more that counts those not listed. */
  finish(): UpdateXmlDiagnostic[] {
    if (this.hidden === 0) return this.diagnostics;
    const last = this.diagnostics[this.diagnostics.length - 1].range.start;
    const counted: UpdateXmlDiagnostic = {
      range: { start: last, end: last },
      severity: this.hiddenSeverity === 'error' ? 'error' : 'warning',
      code: 'too-many-problems' satisfies RuleCode,
      message: `${this.hidden.toLocaleString('en-US')} more problem(s) after these ${MAX_DIAGNOSTICS} are not listed${this.hiddenSeverity === 'error' ? ', errors among them' : ''}. Fix the ones listed (or check that this is the update file you meant) and validate again.`,
      fixes: [],
    };
    return [...this.diagnostics, counted];
  }

  fix(title: string, spans: Span[], isPreferred = false): QuickFix {
    const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
    const merged: Span[] = [];
    for (const s of sorted) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end && last.newText === '' && s.newText === '') last.end = Math.max(last.end, s.end);
      else merged.push({ ...s });
    }
    const edits: TextEdit[] = merged.map((s) => ({ range: this.index.range(s.start, s.end), newText: s.newText }));
    return isPreferred ? { title, edits, isPreferred } : { title, edits };
  }

  /** The span that deletes [start, end) and, when they are alone on their lines, those whole lines. */
  deletion(start: number, end: number): Span {
    const t = this.text;
    let s = start;
    while (s > 0 && (t[s - 1] === ' ' || t[s - 1] === '\t')) s--;
    let e = end;
    while (e < t.length && (t[e] === ' ' || t[e] === '\t')) e++;
    const aloneBefore = s === 0 || t[s - 1] === '\n' || t[s - 1] === '\r' || (s === 1 && t.charCodeAt(0) === 0xfeff);
    const aloneAfter = e === t.length || t[e] === '\n' || t[e] === '\r';
    if (aloneBefore && aloneAfter) {
      if (t[e] === '\r' && t[e + 1] === '\n') e += 2;
      else if (e < t.length) e += 1;
      return { start: s, end: e, newText: '' };
    }
    return { start, end, newText: '' };
  }

  /** Leading whitespace of the line containing `offset`. */
  indentAt(offset: number): string {
    let s = offset;
    while (s > 0 && this.text[s - 1] !== '\n' && this.text[s - 1] !== '\r') s--;
    let e = s;
    while (e < this.text.length && (this.text[e] === ' ' || this.text[e] === '\t')) e++;
    return this.text.slice(s, e);
  }
}

export function renameSpans(el: XmlElement, to: string): Span[] {
  const spans: Span[] = [{ start: el.nameStart, end: el.nameEnd, newText: to }];
  if (el.closeNameStart !== undefined && el.closeNameEnd !== undefined) {
    spans.push({ start: el.closeNameStart, end: el.closeNameEnd, newText: to });
  }
  return spans;
}

export function elementEnd(el: XmlElement): number {
  return el.end ?? el.startTagEnd;
}

export function trimLeftSpace(text: string, at: number): number {
  let s = at;
  while (s > 0 && isXmlSpace(text[s - 1])) s--;
  return s;
}
