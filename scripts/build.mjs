// Bundles the extension and the mss-xml CLI with esbuild: one CommonJS file
// each, `vscode` left external (the extension host provides it).
// `--production` minifies and drops source maps (`npm run vscode:prepublish`, which
// `vsce package` runs); `--outdir DIR` writes elsewhere than dist/ (the test of the
// packaged extension); `--watch` (`npm run watch`) rebuilds both bundles on every
// change and also runs `tsc --watch` (out/: the tests and the scripts), until Ctrl+C.
import * as esbuild from 'esbuild';
import { spawn } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outIndex = process.argv.indexOf('--outdir');
const outdir = outIndex >= 0 ? process.argv[outIndex + 1] : 'dist';
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};
const bundles = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } },
];
const done = () => {
  chmodSync(`${outdir}/cli.js`, 0o755);
  return `built ${outdir}/extension.js and ${outdir}/cli.js${production ? ' (production)' : ''}`;
};

if (!watch) {
  for (const options of bundles) await esbuild.build(options);
  console.log(done());
} else {
  // Each rebuild says when it starts and ends ("[watch] build started/finished").
  let pending = 0;
  const report = {
    name: 'report',
    setup(build) {
      build.onStart(() => { if (pending++ === 0) console.log('[watch] build started'); });
      build.onEnd((result) => {
        if (--pending > 0) return;
        if (result.errors.length === 0) console.log(`[watch] ${done()}`);
        console.log('[watch] build finished');
      });
    },
  };
  const contexts = await Promise.all(bundles.map((options) => esbuild.context({ ...options, plugins: [report] })));
  await Promise.all(contexts.map((c) => c.watch()));
  // The tests and scripts compile to out/ with tsc, which also reports the type errors.
  const tsc = spawn(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'], { stdio: 'inherit' });
  const stop = async () => {
    tsc.kill();
    await Promise.all(contexts.map((c) => c.dispose()));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  tsc.on('exit', (code) => { if (code) process.exitCode = code; void stop(); });
}
