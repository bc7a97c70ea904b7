// mss-xml validate [--json] FILE...: the problems of each file, as text or JSON (src/cli.ts says the formats).
import * as path from 'node:path';
import { visible } from '../ssoTools/serverName';
import { fileTooLarge, validateUpdateXmlBytes, type UpdateXmlDiagnostic } from '../updateXml';
import { readRegularFile } from './files';
import { USAGE, usageError, type CliIo } from './io';

/** JSON with the characters that could drive a terminal (C1 controls, bidi and other format characters) escaped too. */
function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

type CliSeverity = 'error' | 'warning' | 'info';

function cliSeverity(d: UpdateXmlDiagnostic): CliSeverity {
  return d.severity === 'information' ? 'info' : d.severity;
}

export function validate(args: string[], io: CliIo): number {
  let json = false;
  const files: string[] = [];
  let optionsDone = false;
  for (const a of args) {
    if (!optionsDone && a === '--') optionsDone = true;
    else if (!optionsDone && a === '--json') json = true;
    else if (!optionsDone && (a === '--help' || a === '-h')) {
      io.stdout(USAGE);
      return 0;
    } else if (!optionsDone && a.startsWith('-') && a !== '-') return usageError(io, `unknown option "${a}" for validate`);
    else files.push(a);
  }
  if (files.length === 0) return usageError(io, 'validate needs at least one FILE');

  let unreadable = false;
  let errors = false;
  const records: Array<Record<string, unknown>> = [];
  for (const file of files) {
    const shownFile = visible(file);
    const read = readRegularFile(path.resolve(io.cwd, file));
    if ('error' in read) {
      io.stderr(`mss-xml: cannot read ${shownFile}: ${read.error}\n`);
      unreadable = true;
      continue;
    }
    const found = 'tooLarge' in read ? [fileTooLarge(read.tooLarge, 'bytes')] : validateUpdateXmlBytes(read.bytes);
    for (const d of found) {
      if (d.severity === 'error') errors = true;
      const severity = cliSeverity(d);
      if (json) {
        records.push({
          file,
          line: d.range.start.line,
          character: d.range.start.character,
          endLine: d.range.end.line,
          endCharacter: d.range.end.character,
          severity,
          code: d.code,
          message: d.message,
        });
      } else {
        io.stdout(`${shownFile}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity}: ${visible(d.message)} [${d.code}]\n`);
      }
    }
  }
  if (json) io.stdout(`${safeJson(records)}\n`);
  if (unreadable) return 2;
  return errors ? 1 : 0;
}
