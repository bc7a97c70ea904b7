// mss-xml: validate and generate the XML read by `ssomanage -updatedb`, outside VS Code
// (README.md, "NewMSSServer.xml": the mss-xml lines). `main` is pure apart from file access and is what the tests call.
//
//   mss-xml validate [--json] FILE...
//     FILE:LINE:COL: SEVERITY: MESSAGE [CODE]   (LINE, COL 1-based; SEVERITY error|warning|info)
//     --json: [{ file, line, character, endLine, endCharacter, severity, code, message }] (0-based;
//     severity 'error' | 'warning' | 'info', the same words as the text form)
//     exit 0 no errors, 1 at least one error, 2 usage error or a file that cannot be read
//     Only regular files are read (a FIFO or device is refused before it is opened for reading,
//     so it cannot hang the CLI), and a file over MAX_FILE_BYTES is not read at all (its one
//     finding is file-too-large). Control and invisible characters in the text output are
//     written as <U+XXXX>, in the JSON output as \uXXXX, so a file cannot drive the terminal.
//   mss-xml generate --server NAME [--out FILE] [--force] [--eol crlf|lf]
//     exit 0 written, 1 invalid name (anything `validate` would refuse) or existing file without
//     --force (nothing written), 2 usage error or the file could not be written. The file is
//     written to a temporary file in the same folder and renamed (linked, without --force) into
//     place, so the target is never half-written.
//   mss-xml run-checked updatedb|backup|backup-new|restore FILE PROGRAM [ARG...]
//     What the tasks of Master Secret Mover start (Run Task, tasks.json, the commands), so that the
//     file is checked each time the task starts, Rerun Last Task too: FILE as it is now (the update
//     file's errors; the backup's folder, and for backup-new that the file does not exist; the
//     restore's file), relative to the working folder, then PROGRAM with its ARGs in this console
//     (its prompts work), without a shell, after saying its command line; exit status PROGRAM's. Refused (or PROGRAM
//     could not start): why on stderr, exit 125 (NOT_RUN_EXIT_CODE), PROGRAM not run.
//   mss-xml run-all [--say TEXT]... COUNT PROGRAM [ARG...] [COUNT PROGRAM [ARG...]]...
//     What the ENTSSO restart task starts, so that it is one process (Rerun Last Task reruns all
//     of it): each PROGRAM with its ARGs (COUNT = the number of words PROGRAM ARG... takes) in this
//     console, one after the other, each even after one failed (net start ENTSSO runs after a
//     failed net stop, so that the service is left running); each TEXT said first. Exit status:
//     the first non-zero one, else 0.
//   mss-xml refuse NAME MESSAGE   (both in base64: VS Code replaces ${...} in a task's arguments,
//                                  and the message quotes the file)
//     What a task that cannot run here starts instead (no tool, a file with errors...): says
//     "Master Secret Mover did not run NAME:" and MESSAGE on stderr, exit 1. A process, not a
//     CustomExecution: VS Code keys a CustomExecution's callback by the task's definition, which
//     the real task of the same definition shares (RELIABILITY.md).
//   Any other failure is a bug: one line "mss-xml: internal error: ..." on stderr, exit 2.
//
// Each subcommand is a file of src/cli/; this file dispatches to them.
import { visible } from './ssoTools/serverName';
import { generate } from './cli/generate';
import { USAGE, usageError, type CliIo } from './cli/io';
import { refuse } from './cli/refuse';
import { runAll } from './cli/runAll';
import { runChecked } from './cli/runChecked';
import { validate } from './cli/validate';

export { MAX_FILE_BYTES, readRegularFile, writeFileAtomic } from './cli/files';
export { USAGE, type CliIo } from './cli/io';
export { checkFileBeforeRun, runChecked } from './cli/runChecked';
export { parseRunAll, runAll } from './cli/runAll';
export { refuse } from './cli/refuse';

/** Runs the CLI with `argv` (without node and script) and returns the exit code (2 on an internal error). */
export function main(argv: readonly string[], io: CliIo): number {
  try {
    return run(argv, io);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`mss-xml: internal error: ${visible(message.split(/\r?\n/)[0])}\n`);
    return 2;
  }
}

function run(argv: readonly string[], io: CliIo): number {
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
  if (command === 'refuse') return refuse(rest, io);
  return usageError(io, `unknown command "${command}" (use validate or generate)`);
}

if (require.main === module) {
  // A terminal that hung up makes every write fail (EIO, EPIPE), reported as an 'error' event that
  // would end the process: between net stop and net start, it must go on.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  const io: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  };
  const argv = process.argv.slice(2);
  if (argv[0] === 'run-checked' || argv[0] === 'run-all') {
    (argv[0] === 'run-checked' ? runChecked : runAll)(argv.slice(1), io).then((code) => { process.exitCode = code; }, (e: unknown) => {
      io.stderr(`mss-xml: internal error: ${visible(e instanceof Error ? e.message : String(e))}\n`);
      process.exitCode = 2;
    });
  } else {
    process.exitCode = main(argv, io);
  }
}
