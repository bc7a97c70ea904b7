// Offsets ↔ positions in the text exactly as an editor holds it.
import type { Position, Range, TextEdit } from './types';

/** Line starts of a text, counting "\r\n", "\n" and a lone "\r" as line ends (as VS Code does). */
export class LineIndex {
  private table: number[] | undefined;

  constructor(private readonly text: string) {}

  /** The line starts, found on first use: a file with no finding asks for no position at all. */
  private get starts(): number[] {
    if (this.table) return this.table;
    const starts = [0];
    const text = this.text;
    // Native searches find the line ends (much faster than a loop in JavaScript over every
    // character of a long file): indexOf when the text has no \r, else a regular expression.
    if (!text.includes('\r')) {
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    } else {
      const lineEnd = /\r\n?|\n/g;
      while (lineEnd.exec(text) !== null) starts.push(lineEnd.lastIndex);
    }
    this.table = starts;
    return starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    let o = Math.max(0, Math.min(offset, this.text.length));
    // Between the \r and the \n of a CRLF is no position of the editor: take the end of the line.
    if (o > 0 && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13) o--;
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[position.line];
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    // Clamp to the end of the line content (before its line break).
    let lineEnd = next;
    if (position.line + 1 < this.starts.length) {
      lineEnd = next - 1;
      if (this.text.charCodeAt(lineEnd) === 10 && this.text.charCodeAt(lineEnd - 1) === 13 && lineEnd - 1 >= lineStart) lineEnd--;
    }
    return Math.max(lineStart, Math.min(lineStart + Math.max(0, position.character), lineEnd));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** Applies non-overlapping edits to a text (used by tests and by the CLI's future --fix). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new Error('overlapping edits');
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return out + text.slice(at);
}

export function isXmlSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}
