// Validation of the XML read by `ssomanage -updatedb`. Pure: no `vscode` import.
//
// The checks run in layers, each in its own file:
//   wellFormed.ts  declaration, DOCTYPE, repaired tags, syntax errors, extra roots
//   structure.ts   `sso`, `globalInfo`, the settings in it, their order and combinations
//   values.ts      the value of each setting (computer name, account, number)
//   fixes.ts       the collector of diagnostics and the quick-fix edits the layers share
// This file composes them, and adds the checks on the bytes (encoding). Every code, its
// severities and its rule are listed once, in the rules table (../rules.ts).
import { decodeUpdateXmlBytes, firstInvalidUtf8 } from '../decode';
import { parseUpdateXml } from '../parse';
import type { RuleCode } from '../rules';
import { LineIndex } from '../text';
import type { UpdateXmlDiagnostic } from '../types';
import { Report } from './fixes';
import { checkRoot } from './structure';
import { checkWellFormed } from './wellFormed';

/** Above this many characters the file is not parsed (a real update file is a few hundred bytes). */
export const MAX_TEXT_LENGTH = 1024 * 1024;

export function validateUpdateXml(text: string): UpdateXmlDiagnostic[] {
  if (text.length > MAX_TEXT_LENGTH) {
    // No LineIndex over 50 MB: the one diagnostic sits at the start of the file.
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error',
        code: 'file-too-large' satisfies RuleCode,
        message: `This file has ${text.length.toLocaleString('en-US')} characters and was not checked. A real update file for ssomanage -updatedb is a few hundred bytes (one <sso> with one <globalInfo> and up to eight settings); check that this is the file you meant, or generate a new one with "Generate NewMSSServer.xml".`,
        fixes: [],
      },
    ];
  }
  const report = new Report(text);
  const wellFormed = checkWellFormed(report, parseUpdateXml(text));
  if (wellFormed) checkRoot(report, wellFormed.root, wellFormed.reported);
  return report.diagnostics;
}

export function validateUpdateXmlBytes(bytes: Uint8Array): UpdateXmlDiagnostic[] {
  const { text, encoding } = decodeUpdateXmlBytes(bytes);
  const diagnostics = validateUpdateXml(text);
  if (text.length > MAX_TEXT_LENGTH) return diagnostics;
  const zero = { line: 0, character: 0 };
  if (encoding === 'utf16le' || encoding === 'utf16be') {
    diagnostics.unshift({
      range: { start: zero, end: zero },
      severity: 'information',
      code: 'encoding' satisfies RuleCode,
      message: `This file is saved as UTF-16 (Notepad's "Unicode"${encoding === 'utf16be' ? ' big endian' : ''}). The SSO docs' samples are plain ASCII and the accepted encodings are undocumented; if ssomanage -updatedb rejects the file, save it as UTF-8.`,
      fixes: [],
    });
  } else {
    const bad = firstInvalidUtf8(bytes, encoding);
    if (bad !== undefined) {
      const at = new LineIndex(text).positionAt(bad);
      diagnostics.unshift({
        range: { start: at, end: { line: at.line, character: at.character + 1 } },
        severity: 'warning',
        code: 'encoding' satisfies RuleCode,
        message:
          'This file contains bytes that are not valid UTF-8 (it was probably saved as "ANSI"), so a character here cannot be read reliably. Save the file as UTF-8 and check the names in it.',
        fixes: [],
      });
    }
  }
  return diagnostics;
}
