// Starting a tool in mss-xml's own console, for run-checked and run-all.
import { spawn } from 'node:child_process';
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
    const child = spawn(program, programArgs, { cwd: io.cwd, stdio: 'inherit', shell: false, env });
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
