// Bundles the extension and the mss-xml CLI with esbuild: one CommonJS file
// each, `vscode` left external (the extension host provides it).
// `--production` minifies and drops source maps (used by `npm run package`).
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

await esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
await esbuild.build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } });
chmodSync('dist/cli.js', 0o755);
console.log(`built dist/extension.js and dist/cli.js${production ? ' (production)' : ''}`);
