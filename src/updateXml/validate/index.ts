// Validation of the XML read by `ssomanage -updatedb`. Pure: no `vscode` import.
//
// The checks run in layers, each in its own file:
//   wellFormed.ts  declaration, DOCTYPE, repaired tags, syntax errors, extra roots
//   structure.ts   `sso`, `globalInfo`, the settings in it, their order and combinations
//   values.ts      the value of each setting (computer name, account, number)
//   fixes.ts       the collector of diagnostics and the quick-fix edits the layers share
// This file composes them, and adds the checks on the bytes (encoding). Every code, its
// severities and its rule are listed once, in the rules table (../rules.ts).
import { checkEncoding, decodeUpdateXmlBytes } from '../decode';
import { parseUpdateXml } from '../parse';
import type { RuleCode } from '../rules';
import { LineIndex } from '../positions';
import type { UpdateXmlDiagnostic } from '../types';
import { Report } from './fixes';
import { checkRoot } from './structure';
import { checkWellFormed } from './wellFormed';

/** Above this many characters the file is not parsed (a real update file is a few hundred bytes). */
export const MAX_TEXT_LENGTH = 1024 * 1024;

/** The one finding for a file too large to check: `size` characters (or bytes, for a file not read). */
export function fileTooLarge(size: number, unit: 'characters' | 'bytes' = 'characters'): UpdateXmlDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'error',
    code: 'file-too-large' satisfies RuleCode,
    message: `This file has ${size.toLocaleString('en-US')} ${unit} and was not checked. A real update file for ssomanage -updatedb is a few hundred bytes (one <sso> with one <globalInfo> and up to eight settings); check that this is the file you meant, or generate a new one with "Generate NewMSSServer.xml".`,
    fixes: [],
  };
}

export function validateUpdateXml(text: string): UpdateXmlDiagnostic[] {
  // No LineIndex over 50 MB: the one diagnostic sits at the start of the file.
  if (text.length > MAX_TEXT_LENGTH) return [fileTooLarge(text.length)];
  const report = new Report(text);
  const wellFormed = checkWellFormed(report, parseUpdateXml(text));
  if (wellFormed) checkRoot(report, wellFormed.root, wellFormed.reported);
  return report.finish();
}

export function validateUpdateXmlBytes(bytes: Uint8Array): UpdateXmlDiagnostic[] {
  const decoded = decodeUpdateXmlBytes(bytes);
  const { text, encoding } = decoded;
  const diagnostics = validateUpdateXml(text);
  if (text.length > MAX_TEXT_LENGTH) return diagnostics;
  const index = new LineIndex(text);
  const zero = { line: 0, character: 0 };
  const first: UpdateXmlDiagnostic[] = [];
  if (encoding === 'utf16le' || encoding === 'utf16be') {
    first.push({
      range: { start: zero, end: zero },
      severity: 'information',
      code: 'encoding' satisfies RuleCode,
      message: `This file is saved as UTF-16 (Notepad's "Unicode"${encoding === 'utf16be' ? ' big endian' : ''}). The SSO docs' samples are plain ASCII and the accepted encodings are undocumented; if ssomanage -updatedb rejects the file, save it as UTF-8.`,
      fixes: [],
    });
  }
  const problem = checkEncoding(bytes, decoded);
  if (problem) {
    first.push({ range: index.range(problem.offset, problem.end), severity: problem.severity, code: 'encoding' satisfies RuleCode, message: problem.message, fixes: [] });
  }
  if (encoding !== 'utf8' && text.charCodeAt(0) === 0xfeff) {
    // The byte order mark was taken off, so this U+FEFF is a second one (validateUpdateXml took it for the first).
    first.push({
      range: index.range(0, 1),
      severity: 'error',
      code: 'encoding' satisfies RuleCode,
      message: 'The file starts with two byte order marks (U+FEFF), so it is not well-formed XML and ssomanage -updatedb cannot read it. Remove the invisible character at the start of the file (or save it again as UTF-8).',
      fixes: [],
    });
  }
  return [...first, ...diagnostics];
}
