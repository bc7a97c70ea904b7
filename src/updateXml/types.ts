// Plain data shapes shared by the update-XML core and its VS Code adapters.
// Positions follow VS Code: 0-based lines and UTF-16 code-unit characters of the
// decoded text; "\r\n", "\n" and a lone "\r" each end a line.
import type { RuleCode } from './rules';

export type Severity = 'error' | 'warning' | 'information';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

/**
 * Diagnostic codes: the codes of the rules table (`RULES` in rules.ts, where each code is
 * described and marked public or not).
 */
export type DiagnosticCode =
  | RuleCode
  // Open for codes added later without breaking callers that switch on the known ones.
  | (string & {});

export interface UpdateXmlDiagnostic {
  range: Range;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  fixes: QuickFix[];
}
