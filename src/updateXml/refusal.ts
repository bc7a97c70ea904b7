// Why `ssomanage -updatedb FILE` must not run on a file, in the admin's words.
// Pure: no `vscode`. Used by the mss.runUpdateDb command and by the -updatedb
// tasks (Run Task, tasks.json), so that both refuse the same files the same way.
import type { UpdateXmlDiagnostic } from './types';
import { validateUpdateXmlBytes } from './validate';

/** `line 3, column 19: <message> [code]` (1-based, as the editor's status bar counts). */
export function describeDiagnostic(d: UpdateXmlDiagnostic): string {
  return `line ${d.range.start.line + 1}, column ${d.range.start.character + 1}: ${d.message} [${d.code}]`;
}

/** The refusal for a file with errors (warnings do not stop it), or undefined when it may run. */
export function updateDbRefusal(fileName: string, diagnostics: readonly UpdateXmlDiagnostic[]): string | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return undefined;
  return `${fileName} has ${errors.length} error(s), so ssomanage -updatedb was not run: ${errors.map(describeDiagnostic).join('; ')}. Fix them (see Problems) and run it again.`;
}

/** The same for the bytes of a file on disk. */
export function updateDbRefusalForBytes(fileName: string, bytes: Uint8Array): string | undefined {
  return updateDbRefusal(fileName, validateUpdateXmlBytes(bytes));
}
