import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { contextKey, procedureIds, procedures } from '../../../src/procedures';
import {
  findWalkthroughDrift,
  renderWalkthroughs,
  type RenderedWalkthroughs,
  type WalkthroughState,
} from '../../../src/procedures/walkthroughs';

// Compiled to out/test/unit/procedures, so the repo root is four levels up.
const repoRoot = resolve(__dirname, '..', '..', '..', '..');
const generator = resolve(repoRoot, 'out', 'scripts', 'gen-walkthroughs.js');

function listFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(join(root, folder));
  return out.sort();
}

function diskState(root: string): WalkthroughState {
  return {
    readFile: (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined),
    listFiles: () => listFiles(root, 'walkthroughs'),
    packageJson: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as unknown,
  };
}

function memoryState(rendered: RenderedWalkthroughs, change: (files: Record<string, string>, pkg: { contributes: { walkthroughs: unknown } }) => void): WalkthroughState {
  const files = { ...rendered.files };
  const pkg = { name: 'x', contributes: { walkthroughs: JSON.parse(JSON.stringify(rendered.contribution)) as unknown } };
  change(files, pkg);
  return { readFile: (p) => files[p], listFiles: () => Object.keys(files), packageJson: pkg };
}

/** Markdown with code blocks and code spans removed. */
function outsideCode(markdown: string): string {
  return markdown.replace(/```[a-z]*\n[\s\S]*?```/g, '').replace(/`[^`\n]+`/g, '');
}

describe('walkthroughs', () => {
  const rendered = renderWalkthroughs();

  it('contributes one walkthrough per procedure with one step per top-level step', () => {
    assert.deepEqual(rendered.contribution.map((w) => w.id), [...procedureIds]);
    assert.equal(rendered.contribution[0].title, 'Move the master secret server to another server');
    assert.equal(rendered.contribution[1].title, 'Move the master secret server to a Windows Server cluster');
    for (const walkthrough of rendered.contribution) {
      const procedure = procedures[walkthrough.id];
      assert.deepEqual(walkthrough.steps.map((s) => s.id), procedure.steps.map((s) => s.id));
      walkthrough.steps.forEach((ws, i) => {
        const step = procedure.steps[i];
        assert.equal(ws.title, `${i + 1}. ${step.title}`);
        assert.deepEqual(ws.media, { markdown: `walkthroughs/${walkthrough.id}/${step.id}.md` });
        assert.deepEqual(ws.completionEvents, [`onContext:${contextKey(walkthrough.id, step.id)}`]);
      });
    }
    assert.equal(rendered.contribution[0].steps[2].completionEvents[0], 'onContext:mss.done.moveToServer.backup');
  });

  it('puts each action and the tree link on a line of its own (VS Code renders those as buttons)', () => {
    for (const walkthrough of rendered.contribution) {
      const procedure = procedures[walkthrough.id];
      walkthrough.steps.forEach((ws, i) => {
        const lines = ws.description.split('\n');
        // The summary, and where the move changes computer the import hint (tested below).
        const summary = procedure.steps[i].summary;
        assert.ok(lines[0] === summary || lines[0].startsWith(`${summary} Coming from the `) || lines[0].startsWith(`${summary} Step `), lines[0]);
        const links = lines.slice(1);
        assert.deepEqual(links, [
          ...procedure.steps[i].actions.map((a) => `[${a.title}](command:${a.command})`),
          ...(i === 0 ? [`[Check before you start (read-only)](command:mss.checkBeforeMove?${encodeURIComponent(JSON.stringify([{ procedure: walkthrough.id, show: true }]))})`] : []),
          ...(procedure.steps[i].verifiedBy?.length ? [`[Verify](command:mss.verifyMove?${encodeURIComponent(JSON.stringify([{ procedure: walkthrough.id, show: true }]))})`] : []),
          `[Show the steps in the side bar](command:mss.${walkthrough.id}.focus)`,
        ]);
      });
    }
  });

  it('offers Verify on the steps whose success a read-only check can show, with the procedure as argument', () => {
    const verifyLines = rendered.contribution.flatMap((w) => w.steps.filter((s) => s.description.includes('command:mss.verifyMove')).map((s) => s.id));
    assert.deepEqual(verifyLines, ['configure', 'updateDb', 'restartService', 'restore', 'clusterSetup', 'serverAll', 'bringOnline', 'groupSsoServer', 'cycleResource', 'restoreEachNode']);
    const line = rendered.contribution[0].steps.find((s) => s.id === 'restore')!.description.split('\n').find((l) => l.startsWith('[Verify]'))!;
    const args = JSON.parse(decodeURIComponent(line.slice(line.indexOf('?') + 1, -1))) as unknown;
    assert.deepEqual(args, [{ procedure: 'moveToServer', show: true }]);
    const backup = rendered.contribution[0].steps[2].description;
    assert.ok(backup.includes('\n[Back up the master secret](command:mss.backupSecret)\n'));
  });

  it('renders one Markdown file per step, with everything the model says', () => {
    const expectedPaths = procedureIds.flatMap((id) => procedures[id].steps.map((s) => `walkthroughs/${id}/${s.id}.md`)).sort();
    assert.deepEqual(Object.keys(rendered.files), expectedPaths);
    for (const id of procedureIds) {
      for (const step of procedures[id].steps) {
        const md = rendered.files[`walkthroughs/${id}/${step.id}.md`];
        assert.ok(md.startsWith(`# ${step.number}. ${step.title}\n`), step.id);
        assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'), `${step.id} ends with one newline`);
        assert.ok(md.includes(`**Where:** ${step.runsOn}`), step.id);
        assert.ok(md.includes(step.text), `${step.id} text`);
        if (step.commandLine) assert.ok(md.includes(`\`\`\`cmd\n${step.commandLine}\n\`\`\``), `${step.id} command in a code block`);
        for (const text of [...step.warnings, ...step.notes, ...step.doubts]) assert.ok(md.includes(text), `${step.id}: ${text.slice(0, 50)}`);
        for (const sub of step.subSteps) {
          assert.ok(md.includes(`**${step.number}.${sub.number}** ${sub.text}`), sub.id);
          for (const note of sub.notes) assert.ok(md.includes(`> **Note:** ${note}`), `${sub.id} note`);
        }
        if (step.folded) {
          assert.ok(md.includes(`\n## ${step.folded.title}\n`), `${step.id} folded`);
          for (const route of step.folded.routes) assert.ok(md.includes(`### ${route.name}`), `${step.id} route ${route.name}`);
          for (const section of step.folded.sections ?? []) assert.ok(md.includes(`\n### ${section.title}\n`) && !md.includes(`${section.ref} ${section.title}`), section.title);
        }
        assert.ok(!/\d{4}-\d{2}-\d{2}/.test(md), `${step.id} has no date`);
      }
    }
    const cluster = rendered.files['walkthroughs/moveToCluster/clusterSetup.md'];
    assert.ok(cluster.includes('\n### Update the master secret server name in the SSO database\n'));
    assert.ok(!cluster.includes('### Restore the master secret on the second cluster node'));
    assert.ok(cluster.includes('**Only if:**') === false);
    assert.ok(rendered.files['walkthroughs/moveToCluster/serverAll.md'].includes('**Only if:** this Windows Server cluster will host'));
    assert.ok(rendered.files['walkthroughs/moveToCluster/restoreEachNode.md'].includes('**Do first:** 2. Copy the master secret backup to each cluster node; 6. '));
  });

  it('keeps code fences inside folded list items and uses no raw HTML or en dash', () => {
    for (const [path, md] of Object.entries(rendered.files)) {
      assert.ok(!md.includes('\u2013'), `${path} has an en dash`);
      assert.equal((md.match(/```/g) ?? []).length % 2, 0, `${path} has balanced fences`);
      assert.ok(!/<[A-Za-z/]/.test(outsideCode(md)), `${path} has raw HTML-like text outside code`);
    }
    assert.ok(rendered.files['walkthroughs/moveToCluster/clusterSetup.md'].includes('\n   ```xml\n   <sso>\n'));
  });

  it('renders the same output every time', () => {
    assert.deepEqual(renderWalkthroughs(), rendered);
  });

  it('detects drift: changed, missing and stale files and a different package.json key', () => {
    assert.deepEqual(findWalkthroughDrift(memoryState(rendered, () => undefined), rendered), []);
    const first = Object.keys(rendered.files)[0];
    assert.deepEqual(findWalkthroughDrift(memoryState(rendered, (f) => { f[first] += 'x'; }), rendered), [`${first} differs from the model`]);
    assert.deepEqual(findWalkthroughDrift(memoryState(rendered, (f) => { delete f[first]; }), rendered), [`${first} is missing`]);
    assert.deepEqual(
      findWalkthroughDrift(memoryState(rendered, (f) => { f['walkthroughs/old.md'] = 'x'; }), rendered),
      ['walkthroughs/old.md is not generated from the model (stale file)'],
    );
    assert.deepEqual(
      findWalkthroughDrift(memoryState(rendered, (_f, pkg) => { (pkg.contributes.walkthroughs as Array<{ title: string }>)[0].title = 'y'; }), rendered),
      ['package.json contributes.walkthroughs differs from the model'],
    );
    assert.deepEqual(
      findWalkthroughDrift(memoryState(rendered, (f) => { f[first] = f[first].replace(/\n/g, '\r\n'); }), rendered),
      [],
      'CRLF checkouts count as in sync',
    );
  });

  it('is in sync with the committed walkthroughs/ files and package.json', () => {
    assert.deepEqual(findWalkthroughDrift(diskState(repoRoot)), [], 'run: npx tsc -p tsconfig.json; node out/scripts/gen-walkthroughs.js');
  });

  describe('generator script', () => {
    let dir = '';
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'mss-walkthroughs-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('writes the files, removes stale ones and changes only contributes.walkthroughs', () => {
      const pkg = { name: 'x', version: '1.0.0', contributes: { commands: [{ command: 'a', title: 'A' }], walkthroughs: ['old'] }, scripts: { b: 'c' } };
      writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 4));
      mkdirSync(join(dir, 'walkthroughs', 'gone'), { recursive: true });
      writeFileSync(join(dir, 'walkthroughs', 'gone', 'stale.md'), 'old');
      execFileSync(process.execPath, [generator, '--root', dir], { stdio: 'pipe' });

      const text = readFileSync(join(dir, 'package.json'), 'utf8');
      const written = JSON.parse(text) as typeof pkg;
      assert.equal(text, `${JSON.stringify(written, null, 2)}\n`, '2-space indent and a trailing newline');
      assert.deepEqual(Object.keys(written), ['name', 'version', 'contributes', 'scripts']);
      assert.deepEqual(Object.keys(written.contributes), ['commands', 'walkthroughs']);
      assert.deepEqual(written.contributes.commands, pkg.contributes.commands);
      assert.deepEqual(written.scripts, pkg.scripts);
      assert.ok(!existsSync(join(dir, 'walkthroughs', 'gone', 'stale.md')));
      assert.deepEqual(findWalkthroughDrift(diskState(dir)), []);
      assert.equal(execFileSync(process.execPath, [generator, '--root', dir, '--check'], { encoding: 'utf8' }).trim(), 'walkthroughs are up to date');
    });

    it('adds contributes when package.json has none, and --check fails on drift', () => {
      writeFileSync(join(dir, 'package.json'), '{"name":"y"}');
      assert.throws(() => execFileSync(process.execPath, [generator, '--root', dir, '--check'], { stdio: 'pipe' }));
      execFileSync(process.execPath, [generator, '--root', dir], { stdio: 'pipe' });
      const written = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { contributes: { walkthroughs: unknown } };
      assert.deepEqual(written.contributes.walkthroughs, rendered.contribution);
    });
  });

  describe('changing computer', () => {
    it('offers to export the record of the move before it changes computer, and to import it after, and nowhere else', () => {
      const rendered = renderWalkthroughs();
      const withHint = rendered.contribution.flatMap((w) => w.steps.filter((st) => st.description.includes('(command:mss.importProgress)')).map((st) => st.id));
      assert.deepEqual(withHint, ['backup', 'restartService']);
      const withExport = rendered.contribution.flatMap((w) => w.steps.filter((st) => st.description.includes('(command:mss.exportReport)')).map((st) => st.id));
      assert.deepEqual(withExport, ['configure', 'updateDb']);
      const updateDb = rendered.contribution.find((w) => w.id === 'moveToServer')!.steps.find((st) => st.id === 'updateDb')!;
      assert.ok(updateDb.description.split('\n')[0].endsWith('Step 5 runs on the new master secret server: [export the record of the move](command:mss.exportReport) to take the progress there.'), updateDb.description);
      const restart = rendered.contribution.find((w) => w.id === 'moveToServer')!.steps.find((st) => st.id === 'restartService')!;
      assert.ok(restart.description.includes('Coming from the original master secret server? [Import the record of the move](command:mss.importProgress) exported there.'), restart.description);
    });
  });
});

