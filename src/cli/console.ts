// Starting a tool in mss-xml's own console, for run-checked and run-all.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { programRefusal } from '../ssoTools/programPath';
import { visible } from '../ssoTools/serverName';
import { describeError } from './files';
import type { CliIo } from './io';

/**
 * Starts `program` in this console (stdio inherited, so its prompts work), without a shell, and
 * resolves with its exit code (1 when it cannot start). Ctrl+C reaches the program from the
 * console; this process waits for the program's end, and passes a termination on to it.
 */
export function runInConsole(program: string, programArgs: readonly string[], io: CliIo, notStarted = 1): Promise<number> {
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
