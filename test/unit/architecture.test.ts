// The layout ARCHITECTURE.md describes, checked: what each folder of src/ may import, no
// import circle anywhere in src/, no source file over 500 lines (data tables may live in a
// data/ folder) and no function over 100 lines (a data table is not a function).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every module a file imports (static imports, re-exports, require), as written. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'([^']+)'|require\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]);
}

/** The folder of src/ a file or an import resolves to: 'procedures', 'features/tools', 'cli', 'extension'. */
function areaOf(absolute: string): string {
  const rel = path.relative(SRC, absolute).split(path.sep);
  if (rel[0] === 'features') return `features/${rel[1]}`;
  return rel.length === 1 ? rel[0].replace(/\.ts$/, '') : rel[0];
}

/** The file of src/ an import of `file` resolves to (`./x` is x.ts or x/index.ts); undefined for packages. */
function resolveImport(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(file), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
}

/** Every import circle among `all` (type-only imports count too), each as its files in order, first file repeated last. */
function importCircles(all: string[]): string[][] {
  const edges = new Map(all.map((f) => [f, importsOf(f).map((s) => resolveImport(f, s)).filter((t): t is string => t !== undefined)]));
  const circles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const t of edges.get(f) ?? []) {
      if (state.get(t) === 'open') circles.push([...stack.slice(stack.indexOf(t)), t]);
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of all) if (!state.has(f)) visit(f);
  return circles;
}

/** The most lines a function of src/ may have, from its first line to its last. */
const MAX_FUNCTION_LINES = 100;

/** Every function in `text` (declarations, methods, accessors, constructors, arrows, function expressions) and its lines. */
function functionsOf(fileName: string, text: string): { name: string; line: number; lines: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: { name: string; line: number; lines: number }[] = [];
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = lineOf(node.getStart(source));
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      found.push({ name, line: first, lines: lineOf(node.end) - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const PURE = ['procedures', 'updateXml', 'ssoTools', 'sources', 'verification'];
const ALLOWED: Record<string, readonly string[]> = {
  sources: [],
  ssoTools: ['sources'],
  procedures: ['ssoTools', 'sources'],
  updateXml: ['ssoTools', 'sources'],
  verification: ['procedures', 'ssoTools', 'sources'],
  cli: PURE,
  'features/shared': PURE,
  'features/progress': [...PURE, 'features/shared'],
  'features/updateXml': [...PURE, 'features/shared'],
  'features/tools': [...PURE, 'features/shared'],
  'features/verification': [...PURE, 'features/shared'],
  extension: ['*'],
};

describe('architecture (ARCHITECTURE.md)', () => {
  const all = files(SRC);

  it('every folder of src/ is named in ARCHITECTURE.md and has import rules here', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    for (const area of new Set(all.map(areaOf))) {
      assert.ok(area in ALLOWED, `no import rule for ${area}`);
      if (area !== 'extension' && area !== 'cli') assert.ok(doc.includes(`src/${area}/`), `ARCHITECTURE.md does not name src/${area}/`);
    }
  });

  it('pure modules never import vscode; each folder imports only what ARCHITECTURE.md allows', () => {
    const broken: string[] = [];
    for (const file of all) {
      const area = areaOf(file);
      const allowed = ALLOWED[area] ?? [];
      for (const spec of importsOf(file)) {
        if (spec === 'vscode') {
          if (PURE.includes(area) || area === 'cli') broken.push(`${path.relative(ROOT, file)} imports vscode`);
          continue;
        }
        if (!spec.startsWith('.')) continue;
        const target = areaOf(path.resolve(path.dirname(file), spec));
        if (target === area || allowed.includes('*') || allowed.includes(target)) continue;
        broken.push(`${path.relative(ROOT, file)} imports ${spec} (${target})`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('no import circle in src/: no file imports, through any chain, a file that imports it', () => {
    const circles = importCircles(all).map((c) => c.map((f) => path.relative(SRC, f)).join(' -> '));
    assert.deepEqual(circles, []);
  });

  it('the circle check finds a circle of two files and one of three', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-circles-'));
    try {
      const write = (name: string, text: string): string => {
        fs.writeFileSync(path.join(dir, name), text);
        return path.join(dir, name);
      };
      const a = write('a.ts', "import type { B } from './b';\n");
      const b = write('b.ts', "export { a } from './a';\n");
      const c = write('c.ts', "import { d } from './d';\n");
      const d = write('d.ts', "import {\n  e,\n} from './e';\n");
      const e = write('e.ts', "const c = require('./c');\n");
      const f = write('f.ts', "import { a } from './a';\nimport * as fs from 'fs';\n");
      const found = importCircles([a, b, c, d, e, f]).map((x) => x.map((p) => path.basename(p)).join(' -> '));
      assert.deepEqual(found, ['a.ts -> b.ts -> a.ts', 'c.ts -> d.ts -> e.ts -> c.ts']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('no source file in src/ has over 500 lines, outside data/ folders', () => {
    const long = all
      .filter((f) => !f.split(path.sep).includes('data'))
      .map((f) => ({ f: path.relative(ROOT, f), lines: fs.readFileSync(f, 'utf8').split('\n').length }))
      .filter((x) => x.lines > 500);
    assert.deepEqual(long, []);
  });
});

describe('test/unit mirrors src/', () => {
  // The checks of the whole repository (layout, docs, package.json's scripts, the words an admin reads) stand at the top.
  const REPOSITORY_WIDE = ['architecture', 'docs', 'packageScripts', 'vocabulary'];
  const UNIT = path.join(ROOT, 'test', 'unit');
  const tests = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tests(p) : e.name.endsWith('.test.ts') ? [path.relative(UNIT, p)] : [];
  });

  it('each unit test is in the folder of what it tests: test/unit/<folder> for src/<folder> (scripts/ as test/unit/scripts)', () => {
    const astray = tests(UNIT).filter((t) => {
      const dir = path.dirname(t);
      const name = path.basename(t, '.test.ts');
      if (dir === '.') return !REPOSITORY_WIDE.includes(name) && !fs.existsSync(path.join(SRC, `${name}.ts`));
      const folder = dir.split(path.sep)[0] === 'scripts' ? path.join(ROOT, dir) : path.join(SRC, dir);
      return !fs.existsSync(folder) || !fs.statSync(folder).isDirectory();
    });
    assert.deepEqual(astray, []);
  });
});

describe('no function in src/ needs a scroll bar', () => {
  it(`no function in src/ has over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = files(SRC).flatMap((f) => functionsOf(f, fs.readFileSync(f, 'utf8'))
      .filter((fn) => fn.lines > MAX_FUNCTION_LINES)
      .map((fn) => `${path.relative(ROOT, f)}:${fn.line} ${fn.name} (${fn.lines} lines)`));
    assert.deepEqual(long, []);
  });

  it('the function count measures every kind of function, and not a data table', () => {
    const body = (n: number) => Array.from({ length: n - 2 }, (_, i) => `  const x${i} = ${i};`).join('\n');
    const text = [
      `function declared() {\n${body(101)}\n}`,
      `const arrow = () => {\n${body(100)}\n};`,
      `class C {\n  method() {\n${body(102)}\n  }\n  get value() { return 1; }\n}`,
      `export const TABLE = [\n${Array.from({ length: 150 }, (_, i) => `  { id: ${i} },`).join('\n')}\n];`,
    ].join('\n');
    const found = functionsOf('sample.ts', text).map((f) => `${f.name}:${f.lines}`);
    assert.deepEqual(found, ['declared:101', '(anonymous):100', 'method:102', 'value:1']);
  });
});

describe('the repository stands on its own', () => {
  // The team's private notes are not part of the repository: nothing may cite them.
  const NOTES = [
    /(?<![\w/])(?:pitfalls|procedures|commands|updatedb-xml|sources|CONTRACT)\.md\b/,
    /\/work\/|shared\/domain|shared\/seeds/,
    /\[C\d+\]/,
    /§/,
    /\b[0-9a-f]{3}_[0-9a-f]{16}\.txt\b/,
  ];
  // The files that hold these patterns to check others.
  const CHECKERS = ['architecture.test.ts', 'docs.test.ts', 'sources.test.ts'];
  const scan = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p.endsWith(path.join('test', 'fixtures')) ? [] : scan(p);
    return /\.(ts|mjs|js|json)$/.test(e.name) && !CHECKERS.includes(e.name) ? [p] : [];
  });

  it('comments in src/ and scripts/ cite no issue number and no "contract": repository files and Microsoft pages only', () => {
    const found: string[] = [];
    for (const file of ['src', 'scripts'].flatMap((d) => scan(path.join(ROOT, d)))) {
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const comment = /(?:\/\/|\/\*|^\s*\*)(.*)$/.exec(line)?.[1];
        if (comment && /\b(?:issues? #?\d+|contract)/i.test(comment)) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    assert.deepEqual(found, []);
  });

  it('nothing in src/, scripts/ or test/ cites a file outside the repository', () => {
    const found: string[] = [];
    for (const file of ['src', 'scripts', 'test'].flatMap((d) => scan(path.join(ROOT, d)))) {
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        for (const re of NOTES) if (re.test(line)) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    assert.deepEqual(found, []);
  });
});
