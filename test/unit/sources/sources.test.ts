import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { procedureIds, procedures } from '../../../src/procedures';
import { renderWalkthroughs } from '../../../src/procedures/walkthroughs';
import {
  describeSource,
  eventPage,
  fieldReport,
  findSource,
  inference,
  knownSourceIds,
  markdownLink,
  microsoftPage,
  MOVE_PAGE,
  resolveSource,
  resolveSources,
} from '../../../src/sources';
import { CATALOGUE } from '../../../src/ssoTools/data/events';
import { allExplanations, explainError } from '../../../src/ssoTools/errors';
import { elementMarkdown } from '../../../src/updateXml/assist';
import { containerElements, elementSpec, globalInfoElements } from '../../../src/updateXml/schema';

// Compiled to out/test/unit/sources, so the repo root is four levels up.
const repoRoot = resolve(__dirname, '..', '..', '..', '..');

/** Every .ts file under src/, with its text. */
function sourceFiles(folder = join(repoRoot, 'src')): Array<[string, string]> {
  return readdirSync(folder).flatMap((name): Array<[string, string]> => {
    const full = join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [[full, readFileSync(full, 'utf8')]] : [];
  });
}

/** The notebook shorthand that must never reach the repository's ids, titles or rendered sources. */
const FORBIDDEN = [
  /\b(?:ev|bt|tg|ig|tr|his|win32):/,
  /\[C\d+\]/,
  /\bseed\b/i,
  /\bP[1-5]\b/,
  /§/,
  /\b(?:pitfalls|commands|procedures|sources|updatedb-xml|CONTRACT)\.md\b/,
  /\bour sources\b/i,
];

function assertClean(text: string, where: string): void {
  for (const pattern of FORBIDDEN) assert.doesNotMatch(text, pattern, where);
}

/** Every source id the procedures, the error catalogue and the schema cite. */
function citedIds(): string[] {
  const ids: string[] = [];
  for (const id of procedureIds) {
    for (const step of procedures[id].steps) {
      ids.push(...step.sources);
      if (step.folded) ids.push(step.folded.source);
    }
  }
  for (const e of CATALOGUE) {
    ids.push(...e.sources);
    if (typeof e.pairing === 'object') ids.push(e.pairing.source);
    if (e.messageQuotedIn) ids.push(e.messageQuotedIn);
  }
  for (const s of [...globalInfoElements, ...containerElements].flatMap((e) => e.sources)) ids.push(s.id);
  return [...new Set(ids)];
}

describe('sources: the one resolver', () => {
  it('is pure: no vscode, no src/features', () => {
    for (const [file, text] of sourceFiles(join(repoRoot, 'src', 'sources'))) {
      assert.doesNotMatch(text, /from '(?:vscode|[./]*features\/[^']*)'/, file);
    }
  });

  it('resolves every source id cited by the procedures, the error catalogue and the schema', () => {
    const ids = citedIds();
    assert.ok(ids.length > 50, String(ids.length));
    for (const id of ids) assert.ok(findSource(id), id);
  });

  it('resolves every Microsoft Learn path and event page written anywhere in src', () => {
    let found = 0;
    for (const [file, text] of sourceFiles()) {
      for (const m of text.matchAll(/'((?:biztalk|host-integration-server|windows)\/[a-z0-9/._-]+)'/g)) {
        // Template prefixes in code (e.g. `biztalk/core/single-sign-on-event-`) are not ids.
        if (m[1].endsWith('-') && !m[1].endsWith('--1700-3999-')) continue;
        found++;
        assert.equal(resolveSource(m[1]).kind, 'microsoft', `${file}: ${m[1]}`);
      }
      for (const m of text.matchAll(/\beventPage\((\d+)\)|\bevent\((\d+)\)/g)) {
        found++;
        assert.ok(findSource(eventPage(Number(m[1] ?? m[2]))), `${file}: event ${m[1] ?? m[2]}`);
      }
    }
    assert.ok(found > 100, String(found));
  });

  it('gives every Microsoft page an https://learn.microsoft.com/ url and every community report an https url', () => {
    for (const id of knownSourceIds()) {
      const ref = resolveSource(id);
      assert.equal(ref.id, id);
      assert.ok(ref.title.trim().length > 0, id);
      if (ref.kind === 'microsoft') assert.equal(ref.url, `https://learn.microsoft.com/en-us/${id}`, id);
      else if (ref.kind === 'community') assert.ok(ref.url?.startsWith('https://') && !ref.url.startsWith('https://learn.microsoft.com/'), id);
      else assert.equal(ref.url, undefined, id);
    }
    for (const url of Object.values(fieldReport)) assert.equal(resolveSource(url).kind, 'community', url);
    assert.equal(resolveSource(inference.hresultRule).kind, 'inference');
  });

  it('has no notebook shorthand in any id or title', () => {
    for (const id of knownSourceIds()) {
      const ref = resolveSource(id);
      assertClean(ref.id, id);
      assertClean(ref.title, id);
    }
  });

  it('names the move page and the event pages as Microsoft does', () => {
    assert.deepEqual(resolveSource(MOVE_PAGE), {
      id: 'biztalk/core/how-to-move-the-master-secret-server',
      title: 'How to Move the Master Secret Server',
      url: 'https://learn.microsoft.com/en-us/biztalk/core/how-to-move-the-master-secret-server',
      kind: 'microsoft',
    });
    assert.deepEqual(resolveSource(eventPage(10501)), {
      id: 'biztalk/core/single-sign-on-event-10501',
      title: 'Single Sign-On: Event 10501',
      url: 'https://learn.microsoft.com/en-us/biztalk/core/single-sign-on-event-10501',
      kind: 'microsoft',
    });
    assert.equal(resolveSource('biztalk/core/how-to-restore-the-master-secret').title, 'How to Restore the Master Secret');
  });

  it('refuses unknown ids, file names of the docs repository included', () => {
    for (const id of ['biztalk/core/how-to-restore-the-master-secret.md', 'biztalk/core/single-sign-on-event-99999', 'biztalk/core/no-such-page', 'https://example.com/', '']) {
      assert.equal(findSource(id), undefined, id);
      assert.throws(() => resolveSource(id), /Unknown source id/, id);
    }
    assert.throws(() => microsoftPage(fieldReport.clusterEndpoint), /Not a Microsoft page/);
    assert.equal(microsoftPage(MOVE_PAGE).url, 'https://learn.microsoft.com/en-us/biztalk/core/how-to-move-the-master-secret-server');
  });

  it('renders links, and says what is a community report or an inference', () => {
    assert.equal(markdownLink(resolveSource(MOVE_PAGE)), '[How to Move the Master Secret Server](https://learn.microsoft.com/en-us/biztalk/core/how-to-move-the-master-secret-server)');
    assert.equal(describeSource(resolveSource(MOVE_PAGE)), markdownLink(resolveSource(MOVE_PAGE)));
    assert.equal(
      describeSource(resolveSource(fieldReport.clusterEndpoint)),
      'Community report (not Microsoft documentation): [0x800706D9 when contact a SSO master secret cluster](https://blogs.msdn.microsoft.com/apacbiztalk/2013/01/23/0x800706d9-when-contact-a-sso-master-secret-cluster/)',
    );
    assert.match(describeSource(resolveSource(inference.hresultRule)), /^Our inference: .*0xC0000000 \+ its event id.*not stated by Microsoft$/);
    assert.equal(markdownLink({ id: 'x', title: 'a [b]', kind: 'inference' }), 'a \\[b\\]');
    assert.deepEqual(resolveSources([MOVE_PAGE, eventPage(10575), MOVE_PAGE]).map((r) => r.id), [MOVE_PAGE, eventPage(10575)]);
  });
});

describe('sources: rendered the same way everywhere', () => {
  it('lists each walkthrough step\'s sources as links under "Microsoft documentation", the move page first', () => {
    const { files } = renderWalkthroughs();
    for (const id of procedureIds) {
      for (const step of procedures[id].steps) {
        const md = files[`walkthroughs/${id}/${step.id}.md`];
        const at = md.indexOf('\n## Microsoft documentation\n');
        assert.ok(at > 0, `${id}/${step.id}`);
        // The Microsoft pages, then any community report or inference under "Other sources": the page ends there.
        const section = md.slice(at);
        assertClean(section, `${id}/${step.id}`);
        assert.ok(!md.includes('\n## Sources\n'), `${id}/${step.id}`);
        const items = section.split('\n').filter((line) => line.startsWith('- '));
        assert.equal(items.length, new Set(step.sources).size, `${id}/${step.id}`);
        assert.equal(items[0], `- ${markdownLink(resolveSource(MOVE_PAGE))}`, `${id}/${step.id}`);
        for (const ref of resolveSources(step.sources)) assert.ok(items.includes(`- ${describeSource(ref)}`), `${id}/${step.id} ${ref.id}`);
        if (step.folded) {
          assert.ok(md.includes(`\nMicrosoft's steps, restated from ${markdownLink(resolveSource(step.folded.source))} for this move.\n`), `${id}/${step.id} folded`);
        }
      }
    }
  });

  it('keeps every step, note and warning text free of notebook citations', () => {
    for (const id of procedureIds) {
      for (const step of procedures[id].steps) {
        const texts = [...step.warnings, ...step.notes, ...step.subSteps.flatMap((s) => [s.text, ...s.warnings, ...s.notes])];
        if (step.folded) {
          const f = step.folded;
          texts.push(...f.preconditions, ...f.warnings, ...f.notes, ...f.routes.flatMap((r) => r.steps));
          texts.push(...(f.sections ?? []).flatMap((s) => s.steps.flatMap((x) => [x.text, ...x.warnings, ...x.notes])));
        }
        for (const text of texts) {
          assert.doesNotMatch(text, /\b(?:ev|bt|tg|ig|tr|his):[a-z0-9]|\[C\d+\]|\.md\b/, `${id}/${step.id}: ${text}`);
        }
      }
    }
  });

  it('gives every explanation its references from the resolver and a source free of notebook shorthand', () => {
    for (const e of allExplanations()) {
      assert.ok(e.references.length > 0, e.title);
      assertClean(e.source, e.title);
      for (const ref of e.references) {
        assert.deepEqual(resolveSource(ref.id), ref, `${e.title} ${ref.id}`);
        if (ref.kind !== 'inference') assert.ok(e.source.includes(markdownLink(ref)), `${e.title} ${ref.id}`);
      }
    }
    const seen = explainError('0xC0002A0F');
    assert.match(seen?.source ?? '', /seen together in ssoconfig output reported by users \(\[0x800706D9 when contact a SSO master secret cluster\]\(https:\/\/blogs\.msdn\.microsoft\.com\//);
    assert.ok(seen?.references.some((r) => r.id === inference.hresultRule));
  });

  it('shows each update-XML element\'s Microsoft pages in the hover as links', () => {
    const spec = elementSpec('secretServer');
    assert.ok(spec);
    assert.ok(elementMarkdown(spec).includes(`Sources: ${markdownLink(resolveSource(MOVE_PAGE))}, `));
    for (const s of [...globalInfoElements, ...containerElements].flatMap((e) => e.sources)) {
      assert.deepEqual(s, resolveSource(s.id));
      assert.equal(s.kind, 'microsoft');
    }
  });
});

describe('ssoTools/data/events: the catalogue as data', () => {
  it('has one entry per code', () => {
    const ids = CATALOGUE.flatMap((e) => (e.id === undefined ? [] : [e.id]));
    assert.equal(new Set(ids).size, ids.length);
    const hresults = CATALOGUE.flatMap((e) => (e.hresult === undefined ? [] : [e.hresult]));
    assert.equal(new Set(hresults).size, hresults.length);
  });

  it('writes an HRESULT only where the 0xC0000000 + event id rule does not apply', () => {
    for (const e of CATALOGUE) {
      if (e.hresult !== undefined) {
        assert.equal(e.id, undefined, e.hresult);
        assert.equal(e.pairing, undefined, e.hresult);
        assert.match(e.hresult, /^0x[0-9A-F]{8}$/);
        assert.doesNotMatch(e.hresult, /^0xC0002A/, e.hresult);
      }
      if (e.pairing !== undefined) assert.ok(e.id !== undefined && e.symbol?.startsWith('ENTSSO_E_'), String(e.id));
    }
  });

  it('says which pairings were seen, and where', () => {
    const seen = CATALOGUE.filter((e) => typeof e.pairing === 'object').map((e) => e.id);
    assert.deepEqual(seen, [10767, 10788]);
    assert.equal(CATALOGUE.filter((e) => e.pairing === 'inferred').length, 19);
  });
});
