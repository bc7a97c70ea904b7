import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

// docs/ holds the domain knowledge with Microsoft's pages as sources. These checks keep it
// readable by anyone: no shorthand of the team's private notes, only https links, and every
// relative link and anchor pointing at something that exists (code comments cite the anchors).

const ROOT = path.join(__dirname, '..', '..', '..');
const DOCS = path.join(ROOT, 'docs');

const EXPECTED = ['README.md', 'procedures.md', 'update-xml.md', 'tools.md', 'events-and-errors.md', 'pitfalls.md'];

/** Shorthand of the private notes that must not appear in the repository's docs. */
const FORBIDDEN: Array<[string, RegExp]> = [
  ['event citation key (ev:NNNNN)', /\bev:\d/],
  ['page citation key (bt:, tg:, ig:, tr:, his:)', /\b(?:bt|tg|ig|tr|his):[a-z]/],
  ['community key ([C4])', /\[C\d+\]/],
  ['the word "seed"', /\bseed\b/i],
  ['procedure key (P1-P5)', /\bP[1-5]\b/],
  ['path of the notes (shared/)', /shared\//],
  ['section sign', /§/],
];

function docFiles(): string[] {
  return fs.readdirSync(DOCS).filter((f) => f.endsWith('.md')).sort();
}

function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** The text outside fenced code blocks and inline code, line by line (code lines become empty). */
function prose(text: string): string[] {
  let fence: string | undefined;
  return text.split(/\r?\n/).map((line) => {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (m) {
      if (fence === undefined) fence = m[1][0];
      else if (m[1][0] === fence) fence = undefined;
      return '';
    }
    return fence === undefined ? line.replace(/`+[^`]*`+/g, '') : '';
  });
}

/** GitHub's heading anchors (with -1, -2 for repeats) plus explicit `<a id="...">` anchors. */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === undefined) fence = f[1][0];
      else if (f[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const textOnly = h[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1');
    const slug = textOnly.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

interface Link {
  line: number;
  target: string;
}

/** Inline links, reference definitions, autolinks and bare http(s) URLs outside code. */
function linksOf(text: string): { links: Link[]; refsUsed: Array<{ line: number; id: string }>; refsDefined: Set<string> } {
  const links: Link[] = [];
  const refsUsed: Array<{ line: number; id: string }> = [];
  const refsDefined = new Set<string>();
  prose(text).forEach((line, i) => {
    const n = i + 1;
    const def = /^\s{0,3}\[([^\]]+)\]:\s*(\S+)/.exec(line);
    if (def) {
      refsDefined.add(def[1].toLowerCase());
      links.push({ line: n, target: def[2] });
      return;
    }
    for (const m of line.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ line: n, target: m[1] });
    for (const m of line.matchAll(/\]\[([^\]]+)\]/g)) refsUsed.push({ line: n, id: m[1].toLowerCase() });
    for (const m of line.matchAll(/<((?:https?|ftp):[^>\s]+)>/g)) links.push({ line: n, target: m[1] });
    const bare = line.replace(/\]\([^)]*\)/g, '](').replace(/<[^>]*>/g, '');
    for (const m of bare.matchAll(/\b(?:http|ftp):\/\/\S+/g)) links.push({ line: n, target: m[0] });
  });
  return { links, refsUsed, refsDefined };
}

describe('docs/', () => {
  it('holds the domain documentation files', () => {
    const files = docFiles();
    for (const f of EXPECTED) assert.ok(files.includes(f), `docs/${f} is missing`);
  });

  it('uses none of the shorthand of the private notes', () => {
    const found: string[] = [];
    for (const f of docFiles()) {
      read(path.join(DOCS, f)).split(/\r?\n/).forEach((line, i) => {
        for (const [what, re] of FORBIDDEN) {
          if (re.test(line)) found.push(`docs/${f}:${i + 1}: ${what}: ${line.trim()}`);
        }
      });
    }
    assert.deepEqual(found, []);
  });

  it('links only https pages, and files and anchors of the repository that exist', () => {
    const bad: string[] = [];
    for (const f of docFiles()) {
      const file = path.join(DOCS, f);
      const text = read(file);
      for (const { line, target } of linksOf(text).links) {
        const where = `docs/${f}:${line}: ${target}`;
        if (/^https:\/\/[^\s/]+\.[^\s/]+/.test(target)) continue;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
          bad.push(`${where} (not an https link)`);
          continue;
        }
        const [filePart, anchor] = target.split('#', 2);
        const linked = filePart === '' ? file : path.resolve(path.dirname(file), decodeURI(filePart));
        if (!linked.startsWith(ROOT + path.sep) || !fs.existsSync(linked)) {
          bad.push(`${where} (no such file in the repository)`);
          continue;
        }
        if (anchor !== undefined && linked.endsWith('.md') && !anchorsOf(read(linked)).has(anchor)) {
          bad.push(`${where} (no such anchor)`);
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  it('defines every reference-style link it uses', () => {
    const missing: string[] = [];
    for (const f of docFiles()) {
      const { refsUsed, refsDefined } = linksOf(read(path.join(DOCS, f)));
      for (const { line, id } of refsUsed) if (!refsDefined.has(id)) missing.push(`docs/${f}:${line}: [${id}]`);
    }
    assert.deepEqual(missing, []);
  });

  it('keeps the anchors the brief examples cite', () => {
    const cited: Array<[string, string]> = [
      ['tools.md', 'ssomanage-updatedb'],
      ['tools.md', 'error-output'],
      ['pitfalls.md', 'restarting-entsso-stops-biztalk-host-instances'],
      ['events-and-errors.md', 'the-event-table'],
      ['events-and-errors.md', 'hresult-and-event-id'],
      ['update-xml.md', 'the-globalnfo-typo'],
      ['procedures.md', 'to-move-the-master-secret-from-one-server-to-another-server'],
      ['procedures.md', 'to-move-the-master-secret-from-one-server-to-a-windows-server-cluster'],
    ];
    for (const [f, anchor] of cited) {
      assert.ok(anchorsOf(read(path.join(DOCS, f))).has(anchor), `docs/${f}#${anchor}`);
    }
  });
});
