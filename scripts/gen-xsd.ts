// Writes schemas/globalInfo.xsd from src/updateXml/xsd.ts (the schema's one source).
//   node out/scripts/gen-xsd.js          write the file
//   node out/scripts/gen-xsd.js --check  exit 1 when the file is out of date
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderXsd } from '../src/updateXml/xsd';

// Compiled to out/scripts/gen-xsd.js: the repository root is two levels up.
const root = path.resolve(__dirname, '..', '..');
const target = path.join(root, 'schemas', 'globalInfo.xsd');
const xsd = renderXsd();

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== xsd) {
    console.error(`${path.relative(root, target)} is out of date; run: node out/scripts/gen-xsd.js`);
    process.exitCode = 1;
  }
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, xsd);
  console.log(`wrote ${path.relative(root, target)}`);
}
