// mss-xml: validate and generate the XML read by `ssomanage -updatedb`, outside VS Code
// (README.md, "NewMSSServer.xml": the mss-xml lines). `main` is pure apart from file access and is what the tests call.
//
//   mss-xml validate [--json] FILE...
//     FILE:LINE:COL: SEVERITY: MESSAGE [CODE]   (LINE, COL 1-based; SEVERITY error|warning|info)
//     --json: [{ file, line, character, endLine, endCharacter, severity, code, message }] (0-based;
//     severity 'error' | 'warning' | 'info', the same words as the text form)
//     exit 0 no errors, 1 at least one error, 2 usage error or a file that cannot be read
//   mss-xml generate --server NAME [--out FILE] [--force] [--eol crlf|lf]
//     exit 0 written, 1 invalid name or existing file without --force (nothing written),
//     2 usage error or the file could not be written
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkServerName } from './ssoTools/serverName';
import { DEFAULT_UPDATE_XML_FILE_NAME, generateUpdateXml, validateUpdateXmlBytes, type UpdateXmlDiagnostic } from './updateXml';

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
      Exit status: 0 no errors, 1 at least one error, 2 usage error or unreadable file.

  mss-xml generate --server NAME [--out FILE] [--force] [--eol crlf|lf]
      Writes the file that moves the master secret server to NAME
      (default ./${DEFAULT_UPDATE_XML_FILE_NAME}, CRLF line ends). An existing file is
      kept unless --force is given.
      Exit status: 0 written, 1 invalid name or file exists, 2 usage error.

  mss-xml --help
`;

type CliSeverity = 'error' | 'warning' | 'info';

function cliSeverity(d: UpdateXmlDiagnostic): CliSeverity {
  return d.severity === 'information' ? 'info' : d.severity;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`mss-xml: ${message}\nRun "mss-xml --help" for usage.\n`);
  return 2;
}

function validate(args: string[], io: CliIo): number {
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
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(path.resolve(io.cwd, file));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
      io.stderr(`mss-xml: cannot read ${file}: ${why}\n`);
      unreadable = true;
      continue;
    }
    for (const d of validateUpdateXmlBytes(bytes)) {
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
        io.stdout(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity}: ${d.message} [${d.code}]\n`);
      }
    }
  }
  if (json) io.stdout(`${JSON.stringify(records, null, 2)}\n`);
  if (unreadable) return 2;
  return errors ? 1 : 0;
}

function generate(args: string[], io: CliIo): number {
  let server: string | undefined;
  let out: string | undefined;
  let force = false;
  let eol: '\r\n' | '\n' = '\r\n';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      i++;
      return args[i];
    };
    const flag = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (flag === '--server') server = value();
    else if (flag === '--out') out = value();
    else if (a === '--force') force = true;
    else if (flag === '--eol') {
      const v = value();
      if (v !== 'crlf' && v !== 'lf') return usageError(io, '--eol takes crlf or lf');
      eol = v === 'crlf' ? '\r\n' : '\n';
    } else if (a === '--help' || a === '-h') {
      io.stdout(USAGE);
      return 0;
    } else return usageError(io, `unexpected argument "${a}" for generate`);
    if ((flag === '--server' && server === undefined) || (flag === '--out' && out === undefined)) {
      return usageError(io, `${flag} needs a value`);
    }
  }
  if (server === undefined) return usageError(io, 'generate needs --server NAME');
  if (out === '') return usageError(io, '--out needs a file name');

  const check = checkServerName(server);
  if (!check.ok) {
    io.stderr(`mss-xml: nothing written: ${check.message}\n`);
    return 1;
  }
  const xml = generateUpdateXml(server, eol);
  const target = path.resolve(io.cwd, out ?? DEFAULT_UPDATE_XML_FILE_NAME);
  try {
    // 'wx' refuses to overwrite atomically, so a file created meanwhile is not clobbered either.
    fs.writeFileSync(target, xml, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      io.stderr(`mss-xml: nothing written: ${target} already exists. Use --force to overwrite it, or --out to choose another file.\n`);
      return 1;
    }
    io.stderr(`mss-xml: could not write ${target}: ${(e as Error).message}\n`);
    return 2;
  }
  if (check.severity === 'warning' && check.message) io.stderr(`mss-xml: warning: ${check.message}\n`);
  io.stdout(`${target}\n`);
  return 0;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export function main(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (command === 'validate') return validate(rest, io);
  if (command === 'generate') return generate(rest, io);
  return usageError(io, `unknown command "${command}" (use validate or generate)`);
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  });
}
