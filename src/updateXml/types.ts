// Plain data shapes shared by the update-XML core and its VS Code adapters.
// Positions follow VS Code: 0-based lines and UTF-16 code-unit characters of the
// decoded text; "\r\n", "\n" and a lone "\r" each end a line.

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
 * Diagnostic codes. The first twelve are public (CONTRACT.md); the rest were added with the
 * core and are listed, with their rule, in `validate.ts`.
 */
export type DiagnosticCode =
  | 'xml-syntax'
  | 'root-element'
  | 'global-info-typo'
  | 'unknown-element'
  | 'duplicate-element'
  | 'empty-value'
  | 'invalid-server-name'
  | 'invalid-number'
  | 'out-of-range'
  | 'element-order'
  | 'move-extra-elements'
  | 'doctype'
  | 'file-too-large'
  | 'missing-global-info'
  | 'no-settings'
  | 'unexpected-text'
  | 'unexpected-attribute'
  | 'invalid-account'
  | 'admin-account-change'
  | 'xml-declaration'
  | 'encoding'
  // Open for codes added later without breaking callers that switch on the known ones.
  | (string & {});

export interface UpdateXmlDiagnostic {
  range: Range;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  fixes: QuickFix[];
}
