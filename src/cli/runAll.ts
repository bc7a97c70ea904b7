// mss-xml run-all [--say TEXT]... COUNT PROGRAM [ARG...]...: the ENTSSO restart as one process.
import { displayCommandLine } from '../ssoTools/commandLines';
import { visible } from '../ssoTools/serverName';
import { runInConsole } from './console';
import { usageError, type CliIo } from './io';

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
