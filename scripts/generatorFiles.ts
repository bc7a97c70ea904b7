// What the generators (gen-walkthroughs, gen-rules-table) share: the repository root they write
// into, and reading a file that may not exist yet.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root: `--root DIR` when given, else two levels above out/scripts/, where the generators are compiled to. */
export function repositoryRoot(argv: readonly string[], compiledDir: string): string {
  const i = argv.indexOf('--root');
  return i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : resolve(compiledDir, '..', '..');
}

/** A file's text, or undefined when it does not exist. */
export function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}
