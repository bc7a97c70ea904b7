// mss-xml refuse NAME MESSAGE: what a task that cannot run here starts instead.
import { visible } from '../ssoTools/serverName';
import { usageError, type CliIo } from './io';

/** `refuse`: says why the task NAME did not run (each line of MESSAGE escaped), exit 1. NAME and MESSAGE in base64. */
export function refuse(args: readonly string[], io: CliIo): number {
  const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
  if (args.length !== 2 || !args.every((a) => base64.test(a))) return usageError(io, 'refuse needs NAME and MESSAGE, in base64');
  const [name, message] = args.map((a) => Buffer.from(a, 'base64').toString('utf8'));
  const lines = message.split(/\r?\n/).map((l) => visible(l));
  io.stderr(`Master Secret Mover did not run "${visible(name)}":\r\n${lines.join('\r\n')}\r\n`);
  return 1;
}
