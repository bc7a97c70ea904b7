import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { FakeTools } from '../fakeTools';
import { api, codeOf, EXTENSION_ID, hasUiBridge, mssProblems, openDocument, poll, ui, workspaceDir } from '../helpers';

// The runner copied the files `vsce ls` lists (the package's content) to a folder
// of their own, built the production bundle into it, and loads the extension from
// there: what an admin installs from the .vsix.
suite('the packaged extension (the files of the .vsix, production bundle)', () => {
  const extension = () => vscode.extensions.getExtension(EXTENSION_ID)!;
  const root = () => extension().extensionPath;

  test('is loaded from the package folder, which holds what ships and nothing else', async () => {
    assert.ok(await api(), 'it activates');
    assert.ok(!fs.existsSync(path.join(root(), 'src')), `loaded from the package, not the repository: ${root()}`);
    for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/extension.js', 'dist/cli.js', 'schemas/globalInfo.xsd', 'media/master-secret.svg']) {
      assert.ok(fs.existsSync(path.join(root(), f)), `${f} is in the package`);
    }
    for (const f of ['src', 'test', 'out', 'node_modules', 'scripts', 'tsconfig.json', 'dist/extension.js.map']) {
      assert.ok(!fs.existsSync(path.join(root(), f)), `${f} is not in the package`);
    }
    assert.ok(!fs.readFileSync(path.join(root(), 'dist', 'extension.js'), 'utf8').includes('sourceMappingURL'), 'the production bundle (no source map)');
  });

  test('every file the manifest and the README point at is in the package', () => {
    const manifest = extension().packageJSON as { contributes: { walkthroughs: Array<{ steps: Array<{ media: { markdown?: string } }> }> }; icon?: string; main: string; bin: Record<string, string> };
    const paths = [manifest.main, ...Object.values(manifest.bin), ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown ?? ''))];
    const readme = fs.readFileSync(path.join(root(), 'README.md'), 'utf8');
    const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(pictures.length >= 5, `the README shows its pictures: ${pictures.join(', ')}`);
    for (const p of [...paths, ...pictures]) assert.ok(fs.existsSync(path.join(root(), p)), `${p} is in the package`);
  });

  test('registers every command it contributes', async () => {
    const contributed = (extension().packageJSON as { contributes: { commands: Array<{ command: string }> } }).contributes.commands.map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.filter((c) => !registered.has(c)), []);
  });

  test('checks an update file: the docs\' globalnfo typo gets its problem', async () => {
    const doc = await openDocument(path.join(workspaceDir(), 'xml', 'typo.xml'));
    const found = await poll('the problem', () => { const d = mssProblems(doc.uri); return d.length > 0 && d; });
    assert.ok(found.some((d) => codeOf(d) === 'global-info-typo'), found.map(codeOf).join(', '));
  });

  test('the packaged CLI mss-xml validates a file', () => {
    const cli = path.join(root(), 'dist', 'cli.js');
    let out = '';
    let status = 0;
    try {
      out = execFileSync(process.execPath, [cli, 'validate', '--json', path.join(workspaceDir(), 'xml', 'typo.xml')], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    } catch (e) {
      const err = e as { status: number; stdout: string };
      status = err.status;
      out = err.stdout;
    }
    assert.strictEqual(status, 1, 'exit 1: an error');
    assert.ok((JSON.parse(out) as Array<{ code: string }>).some((d) => d.code === 'global-info-typo'), out);
  });

  test('runs ssomanage -updatedb as a task, with the fake tool, and feeds the procedure', async () => {
    const fakes = new FakeTools();
    const restore = await fakes.use();
    try {
      await (await api()).progress.reset();  // both: with the move to a cluster under way, -updatedb would be part of its step 1
      const file = path.join(workspaceDir(), 'NewMSSServer.xml');
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.runUpdateDb', file), 0);
      assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['ssomanage', ['-updatedb', file]]]);
      const p = await vscode.commands.executeCommand<Record<string, { done: boolean }>>('mss.getProgress', 'moveToServer');
      assert.strictEqual(p.updateDb.done, true);
    } finally {
      await restore();
    }
  });

  test('the walkthrough shows the step text of its Markdown media', async function () {
    if (!hasUiBridge()) this.skip();
    await vscode.commands.executeCommand('mss.openWalkthrough', 'moveToServer');
    const heading = fs.readFileSync(path.join(root(), 'walkthroughs', 'moveToServer', 'install.md'), 'utf8').split('\n')[0].replace(/^#\s*/, '');
    await poll(`the media of step 1 ("${heading}")`, async () => {
      // The step's Markdown renders in a webview; its frame's text is read by the runner.
      await ui({ op: 'click', selector: '.getting-started-step[data-step-id$="#install"] .step-title' }).catch(() => undefined);
      const frames = await ui<string[]>({ op: 'frameText' });
      return frames.some((t) => t.includes(heading));
    }, 30_000);
  });
});
