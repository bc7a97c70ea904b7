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
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { displayCommandLine, NOT_RUN_EXIT_CODE, START_CHECKS, type StartCheck } from './ssoTools/commandLines';
import { programRefusal } from './ssoTools/programPath';
import { checkServerName, visible } from './ssoTools/serverName';
import { DEFAULT_UPDATE_XML_FILE_NAME, fileTooLarge, generateUpdateXml, validateUpdateXmlBytes, type UpdateXmlDiagnostic } from './updateXml';

import { checkFileBeforeRun, describeError, readRegularFile } from './cli/files';

export { checkFileBeforeRun, MAX_FILE_BYTES, readRegularFile } from './cli/files';

/** JSON with the characters that could drive a terminal (C1 controls, bidi and other format characters) escaped too. */
function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Writes `text` to `target` atomically: a temporary file in the same folder, flushed, then
 * renamed over the target (`force`) or hard-linked to it (fails with EEXIST when the target
 * exists, so a file created meanwhile is not clobbered). Where hard links are not supported the
 * rename is used after a check that the target does not exist.
 */
export function writeFileAtomic(target: string, text: string, force: boolean): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o644);
  try {
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (force) {
      fs.renameSync(temp, target);
      return;
    }
    try {
      fs.linkSync(temp, target);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS'].includes(code ?? '')) throw e;
      if (fs.existsSync(target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
      fs.renameSync(temp, target);
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

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

type CliSeverity = 'error' | 'warning' | 'info';

function cliSeverity(d: UpdateXmlDiagnostic): CliSeverity {
  return d.severity === 'information' ? 'info' : d.severity;
}

/** A usage error: the message through visible(), as it may quote an argument (a file name can hold terminal escapes). */
function usageError(io: CliIo, message: string): number {
  io.stderr(`mss-xml: ${visible(message)}\nRun "mss-xml --help" for usage.\n`);
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
  let xml: string;
  try {
    xml = generateUpdateXml(server, eol); // refuses what validate would refuse
  } catch (e) {
    io.stderr(`mss-xml: nothing written: ${visible(e instanceof Error ? e.message : String(e))}\n`);
    return 1;
  }
  const target = path.resolve(io.cwd, out ?? DEFAULT_UPDATE_XML_FILE_NAME);
  try {
    writeFileAtomic(target, xml, force);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      io.stderr(`mss-xml: nothing written: ${visible(target)} already exists. Use --force to overwrite it, or --out to choose another file.\n`);
      return 1;
    }
    io.stderr(`mss-xml: could not write ${visible(target)}: ${describeError(e)}\n`);
    return 2;
  }
  if (check.severity === 'warning' && check.message) io.stderr(`mss-xml: warning: ${visible(check.message)}\n`);
  io.stdout(`${visible(target)}\n`);
  return 0;
}

/**
 * `run-checked`: checks the file, then runs the program in this console (stdio inherited, so its
 * prompts work) and resolves with its exit code. Ctrl+C reaches the program from the console;
 * this process waits for the program's end, and passes a termination on to it.
 */
export function runChecked(args: readonly string[], io: CliIo): Promise<number> {
  const [check, file, program, ...programArgs] = args;
  if (!START_CHECKS.includes(check as StartCheck) || !file || !program) {
    return Promise.resolve(usageError(io, `run-checked needs ${START_CHECKS.join('|')}, FILE and PROGRAM`));
  }
  const { error, warning } = checkFileBeforeRun(check as StartCheck, file, io.cwd);
  if (error) {
    io.stderr(`Master Secret Mover did not run ${visible(path.basename(program))}:\r\n${visible(error)}\r\n`);
    return Promise.resolve(NOT_RUN_EXIT_CODE);
  }
  if (warning) io.stderr(`Warning: ${visible(warning)}\r\n`);
  io.stdout(`> ${visible(displayCommandLine({ executable: program, args: programArgs }))}\r\n`);
  return runInConsole(program, programArgs, io, NOT_RUN_EXIT_CODE);
}

/**
 * Starts `program` in this console (stdio inherited, so its prompts work), without a shell, and
 * resolves with its exit code (1 when it cannot start). Ctrl+C reaches the program from the
 * console; this process waits for the program's end, and passes a termination on to it.
 */
function runInConsole(program: string, programArgs: readonly string[], io: CliIo, notStarted = 1): Promise<number> {
  // ELECTRON_RUN_AS_NODE is this process's own (it runs on VS Code's runtime), not the tool's.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise<number>((resolve) => {
    const child = startProgram(program, programArgs, { cwd: io.cwd, stdio: 'inherit', shell: false, env });
    if (child instanceof Error) {
      io.stderr(`Could not start ${visible(program)}: ${describeError(child)}\r\n`);
      resolve(notStarted);
      return;
    }
    const ignore = () => {};
    const pass = (signal: NodeJS.Signals) => () => { child.kill(signal); };
    const handlers: Array<[NodeJS.Signals, () => void]> = [['SIGINT', ignore], ['SIGTERM', pass('SIGTERM')], ['SIGHUP', pass('SIGHUP')]];
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const done = (code: number) => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
      resolve(code);
    };
    child.on('error', (e) => {
      io.stderr(`Could not start ${visible(program)}: ${describeError(e)}\r\n`);
      done(notStarted);
    });
    child.on('exit', (code) => done(code ?? 1));
  });
}

/**
 * `spawn`, or the reason the program cannot start. A batch file (.bat, .cmd, also with trailing
 * dots or spaces, which Windows drops) is refused on every platform: Windows would run it through
 * cmd.exe (src/ssoTools/programPath.ts), and Windows node (since 20.12.2) throws EINVAL for one
 * instead of emitting 'error'. Whatever else spawn throws is a reason too, never an internal error.
 */
function startProgram(program: string, args: readonly string[], options: SpawnOptions): ChildProcess | Error {
  const name = program.replace(/[. ]+$/, '');
  if (/\.(bat|cmd)$/i.test(name)) return new Error(programRefusal(name, process.platform));
  try {
    return spawn(program, args, options);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/** The programs of `run-all`: each group is COUNT, then COUNT words (the program and its arguments). */
export function parseRunAll(args: readonly string[]): { say: string[]; steps: string[][] } | { error: string } {
  const say: string[] = [];
  let i = 0;
  while (args[i] === '--say') {
    if (args[i + 1] === undefined) return { error: '--say needs a TEXT' };
    say.push(args[i + 1]);
    i += 2;
  }
  const steps: string[][] = [];
  while (i < args.length) {
    const count = args[i];
    if (!/^[1-9][0-9]*$/.test(count)) return { error: `run-all: "${visible(count)}" is not a count of words (a number from 1)` };
    const words = args.slice(i + 1, i + 1 + Number(count));
    if (words.length !== Number(count)) return { error: `run-all: ${count} words announced, ${words.length} given` };
    steps.push(words);
    i += 1 + words.length;
  }
  if (steps.length === 0) return { error: 'run-all needs at least one COUNT PROGRAM [ARG...]' };
  return { say, steps };
}

/** `run-all`: each program in turn, each even after one failed; the first non-zero exit code, else 0. */
export async function runAll(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseRunAll(args);
  if ('error' in parsed) return usageError(io, parsed.error);
  // Ctrl+C reaches each program from the console; between two of them it must not end this
  // process, or net start ENTSSO would not run after net stop. Nor a terminal that hangs up
  // (SIGHUP, then EIO on every write): what it would have said is lost, the programs still run.
  const ignore = () => {};
  process.on('SIGINT', ignore);
  process.on('SIGHUP', ignore);
  try {
    return await runEach(parsed, quietWhenGone(io));
  } finally {
    process.off('SIGINT', ignore);
    process.off('SIGHUP', ignore);
  }
}

/** The same io, whose writes never throw (a terminal that hung up: EIO, EPIPE). */
function quietWhenGone(io: CliIo): CliIo {
  const safe = (write: (t: string) => void) => (t: string) => {
    try {
      write(t);
    } catch {
      // The terminal is gone: nobody reads this any more.
    }
  };
  return { ...io, stdout: safe((t) => io.stdout(t)), stderr: safe((t) => io.stderr(t)) };
}

async function runEach(parsed: { say: string[]; steps: string[][] }, io: CliIo): Promise<number> {
  for (const text of parsed.say) io.stdout(`${visible(text)}\r\n`);
  let result = 0;
  for (const [program, ...programArgs] of parsed.steps) {
    io.stdout(`> ${visible(displayCommandLine({ executable: program, args: programArgs }))}\r\n`);
    const code = await runInConsole(program, programArgs, io);
    io.stdout(`  exit code ${code}\r\n`);
    if (code !== 0 && result === 0) result = code;
  }
  return result;
}

/** `refuse`: says why the task NAME did not run (each line of MESSAGE escaped), exit 1. NAME and MESSAGE in base64. */
export function refuse(args: readonly string[], io: CliIo): number {
  const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
  if (args.length !== 2 || !args.every((a) => base64.test(a))) return usageError(io, 'refuse needs NAME and MESSAGE, in base64');
  const [name, message] = args.map((a) => Buffer.from(a, 'base64').toString('utf8'));
  const lines = message.split(/\r?\n/).map((l) => visible(l));
  io.stderr(`Master Secret Mover did not run "${visible(name)}":\r\n${lines.join('\r\n')}\r\n`);
  return 1;
}

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
