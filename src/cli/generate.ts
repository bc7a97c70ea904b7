// mss-xml generate --server NAME [--out FILE] [--force] [--eol crlf|lf]: writes the update XML file.
import * as path from 'node:path';
import { checkServerName, visible } from '../ssoTools/serverName';
import { DEFAULT_UPDATE_XML_FILE_NAME, generateUpdateXml } from '../updateXml';
import { describeError, writeFileAtomic } from './files';
import { USAGE, usageError, type CliIo } from './io';

export function generate(args: string[], io: CliIo): number {
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
