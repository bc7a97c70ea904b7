// The extension as `npm run package` ships it, unpacked: the files `vsce ls` lists
// (the package's content, by .vscodeignore) copied to a new folder, with the
// production bundle built into its dist/. The packaged test phase loads the
// extension from there, as from an installed .vsix.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Makes the folder and returns its path; the caller removes it. */
export function makePackageFolder(root) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-packaged-'));
  const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
  const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter(Boolean);
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(root, f), path.join(dir, f));
  }
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production', '--outdir', path.join(dir, 'dist')], { cwd: root, stdio: 'inherit' });
  return dir;
}
