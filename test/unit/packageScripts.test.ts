import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('package.json scripts', () => {
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it('name only files that exist (compiled ones by their TypeScript source)', () => {
    const missing: string[] = [];
    for (const [name, line] of Object.entries(scripts)) {
      for (const m of line.matchAll(/(?:^|\s)node\s+((?:out\/)?scripts\/[\w./-]+\.m?js)/g)) {
        const file = m[1].startsWith('out/') ? m[1].replace(/^out\//, '').replace(/\.js$/, '.ts') : m[1];
        if (!fs.existsSync(path.join(ROOT, file))) missing.push(`${name}: ${m[1]} (${file})`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('the test script runs lint, the unit tests and the integration tests', () => {
    assert.match(scripts.test, /npm run lint && npm run test:unit && npm run test:integration/);
  });
});
