// Bundles the extension and the mss-xml CLI with esbuild: one CommonJS file
// each, `vscode` left external (the extension host provides it).
// `--production` minifies and drops source maps (used by `npm run package`);
// `--outdir DIR` writes elsewhere than dist/ (the test of the packaged extension).
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';

const production = process.argv.includes('--production');
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

await esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'] });
await esbuild.build({ ...common, entryPoints: ['src/cli.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } });
chmodSync(`${outdir}/cli.js`, 0o755);
console.log(`built ${outdir}/extension.js and ${outdir}/cli.js${production ? ' (production)' : ''}`);
