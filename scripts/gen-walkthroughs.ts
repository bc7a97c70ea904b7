// Writes the walkthrough media (walkthroughs/<procedure>/<step>.md) and the
// `contributes.walkthroughs` key of package.json from the procedure model.
//
//   npx tsc -p tsconfig.json && node out/scripts/gen-walkthroughs.js [--check] [--root DIR]
//
// package.json is edited by others too, so it is read, changed in that one key
// and written back at the moment this runs (2-space indent, trailing newline);
// every other key stays as found. Files under walkthroughs/ that the model no
// longer produces are deleted: that folder holds generated media only.
// --check writes nothing and exits 1 when anything is out of date.

import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { findWalkthroughDrift, renderWalkthroughs, walkthroughsFolder } from '../src/procedures/walkthroughs';
import { readText, repositoryRoot } from './generatorFiles';

function listFiles(root: string, folder: string): string[] {
  const start = join(root, folder);
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full);
      } else {
        found.push(relative(root, full).split(sep).join('/'));
      }
    }
  };
  try {
    walk(start);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  return found.sort();
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const root = repositoryRoot(argv, __dirname);
  const packagePath = join(root, 'package.json');
  const rendered = renderWalkthroughs();

  const readPackage = (): Record<string, unknown> => JSON.parse(readFileSync(packagePath, 'utf8')) as Record<string, unknown>;
  const state = () => ({
    readFile: (path: string) => readText(join(root, path)),
    listFiles: () => listFiles(root, walkthroughsFolder),
    packageJson: readPackage(),
  });

  if (check) {
    const drift = findWalkthroughDrift(state(), rendered);
    for (const line of drift) {
      console.error(line);
    }
    console.log(drift.length ? 'walkthroughs are out of date: run node out/scripts/gen-walkthroughs.js' : 'walkthroughs are up to date');
    return drift.length ? 1 : 0;
  }

  let written = 0;
  for (const [path, content] of Object.entries(rendered.files)) {
    const full = join(root, path);
    if (readText(full) !== content) {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content, 'utf8');
      written++;
    }
  }
  let removed = 0;
  for (const path of listFiles(root, walkthroughsFolder)) {
    if (!(path in rendered.files)) {
      rmSync(join(root, path));
      removed++;
    }
  }

  // Read-modify-write as late as possible: others edit other keys of package.json.
  const before = readFileSync(packagePath, 'utf8');
  const pkg = JSON.parse(before) as Record<string, unknown>;
  const contributes =
    pkg.contributes !== null && typeof pkg.contributes === 'object' ? (pkg.contributes as Record<string, unknown>) : {};
  contributes.walkthroughs = rendered.contribution;
  pkg.contributes = contributes;
  const after = `${JSON.stringify(pkg, null, 2)}\n`;
  if (after !== before) {
    writeFileSync(packagePath, after, 'utf8');
  }
  console.log(
    `walkthroughs: ${Object.keys(rendered.files).length} media files (${written} written, ${removed} stale removed); ` +
      `package.json contributes.walkthroughs ${after !== before ? 'updated' : 'unchanged'}`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
