// What every subcommand of mss-xml writes to and reads relative to, the usage text, and the usage error.
import { visible } from '../ssoTools/serverName';
import { DEFAULT_UPDATE_XML_FILE_NAME } from '../updateXml';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are resolved against. */
  cwd: string;
}

export const USAGE = `mss-xml - check and create the XML file for "ssomanage -updatedb"

Usage:
  mss-xml validate [--json] FILE...
      Prints FILE:LINE:COL: SEVERITY: MESSAGE [CODE] for each finding
      (SEVERITY is error, warning or info). --json prints a JSON array of
      { file, line, character, endLine, endCharacter, severity, code, message }
      with 0-based positions.
      Only regular files up to 4 MiB are read.
      Exit status: 0 no errors, 1 at least one error, 2 usage error, unreadable file
      or internal error.

  mss-xml generate --server NAME [--out FILE] [--force] [--eol crlf|lf]
      Writes the file that moves the master secret server to NAME
      (default ./${DEFAULT_UPDATE_XML_FILE_NAME}, CRLF line ends). An existing file is
      kept unless --force is given. The file is written whole or not at all.
      Exit status: 0 written, 1 invalid name or file exists, 2 usage error or
      the file could not be written.

  mss-xml run-checked updatedb|backup|backup-new|restore FILE PROGRAM [ARG...]
      What the tasks of Master Secret Mover run: checks FILE as it is now (the
      update file's errors; the backup's folder, and for backup-new that FILE does
      not exist; that the restore's FILE exists), then runs PROGRAM with its ARGs
      in this console, without a shell.
      Exit status: PROGRAM's; 125 when FILE was refused or PROGRAM could not start
      (PROGRAM not run), 2 usage error.

  mss-xml run-all [--say TEXT]... COUNT PROGRAM [ARG...] [COUNT PROGRAM [ARG...]]...
      What the ENTSSO restart task runs: each PROGRAM with its ARGs (COUNT words:
      PROGRAM and its ARGs) in this console, one after the other, each even after
      one failed, without a shell. Each TEXT is said first.
      Exit status: the first non-zero exit status, else 0; 2 usage error.

  mss-xml refuse NAME MESSAGE
      What a task that cannot run here runs instead: says why on stderr. NAME and
      MESSAGE are base64 (UTF-8).
      Exit status: 1.

  mss-xml --help
`;

/** A usage error: the message through visible(), as it may quote an argument (a file name can hold terminal escapes). */
export function usageError(io: CliIo, message: string): number {
  io.stderr(`mss-xml: ${visible(message)}\nRun "mss-xml --help" for usage.\n`);
  return 2;
}
