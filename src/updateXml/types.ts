// Plain data shapes shared by the update-XML core and its VS Code adapters, and the element
// tree the readers build (readTree.ts, parse.ts) and the checks walk (validate/).
// Positions follow VS Code: 0-based lines and UTF-16 code-unit characters of the
// decoded text; "\r\n", "\n" and a lone "\r" each end a line.
import type { RuleCode, Severity } from './rules';

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

export interface XmlAttribute {
  name: string;
  value: string;
  start: number;
  end: number;
}

export interface XmlElement {
  /** Name as written in the start tag (after any same-length repair, see `Recovery`). */
  name: string;
  start: number;
  nameStart: number;
  nameEnd: number;
  startTagEnd: number;
  selfClosing: boolean;
  /** Closing tag, when the element is closed (absent for self-closing or unclosed elements). */
  closeStart?: number;
  closeNameStart?: number;
  closeNameEnd?: number;
  /** Offset just after the element; undefined when it is not closed (prefix parses). */
  end?: number;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Raw text children (#text and CDATA), concatenated; entities not yet decoded. */
  text: string;
  hasNonSpaceText: boolean;
}
