// In the real VS Code: the restart asks first and names what stops with ENTSSO; the
// Explain view is one readable view (a webview, no untitled document left behind); the
// update-XML commands are in the Command Palette only for an update XML file; a failed run
// offers its log; the tree's empty state is its message.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { MasterSecretMoverApi } from '../../src/extension';
import { answerPrompts, hasUiBridge, notificationWith, poll, ui, workspaceDir } from './helpers';
import { UiSandbox } from './uiSandbox';

/** A fake `sc` that prints what `sc enumdepend ENTSSO` prints on a BizTalk server with two host instances. */
function writeFakeSc(dir: string): string {
  const file = path.join(dir, 'sc');
  fs.writeFileSync(file, `#!${process.execPath}
const fs = require('fs'), path = require('path');
const args = process.argv.slice(2);
fs.appendFileSync(path.join(__dirname, 'calls.jsonl'), JSON.stringify({ tool: 'sc', args, cwd: process.cwd() }) + '\\n');
if (args[0] !== 'enumdepend') { console.log('[SC] unexpected'); process.exit(1); }
console.log(['[SC] EnumDependentServices: entries: 2', '',
  'SERVICE_NAME: BTSSvc$BizTalkServerApplication', 'DISPLAY_NAME: BizTalk Service BizTalk Group : BizTalkServerApplication', '        STATE              : 4  RUNNING', '',
  'SERVICE_NAME: BTSSvc$BizTalkServerIsolatedHost', 'DISPLAY_NAME: BizTalk Service BizTalk Group : BizTalkServerIsolatedHost', '        STATE              : 4  RUNNING', ''].join('\\r\\n'));
`, { mode: 0o755 });
  return file;
}

suite('the restart asks first, and the tree says where to start', () => {
  const sandbox = new UiSandbox();
  const fakes = sandbox.fakes;
  let a: MasterSecretMoverApi;
  let oldSc: string | undefined;

  suiteSetup(async () => {
    a = await sandbox.enter();
    const c = vscode.workspace.getConfiguration('mss');
    oldSc = c.inspect<string>('scPath')?.globalValue;
    await c.update('scPath', writeFakeSc(fakes.dir), vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('mss').update('scPath', oldSc, vscode.ConfigurationTarget.Global);
    await sandbox.leave();
  });

  setup(async () => {
    fakes.clear();
    await a.progress.reset();
  });

  test('cancelled, the restart runs nothing and records nothing', async () => {
    const answers = answerPrompts(a, undefined);
    try {
      assert.strictEqual(await vscode.commands.executeCommand('mss.restartService'), undefined);
    } finally {
      answers.restore();
    }
    assert.deepStrictEqual(answers.asked, ['Restart the Enterprise SSO service (ENTSSO) on this computer?']);
    assert.deepStrictEqual(answers.buttons, [['Restart ENTSSO']]);
    assert.deepStrictEqual(fakes.calls().map((c) => c.tool), ['sc'], 'only the read-only sc enumdepend ran');
    assert.deepStrictEqual(fakes.calls()[0].args, ['enumdepend', 'ENTSSO', '65536']);
    assert.deepStrictEqual(a.progress.read('moveToServer'), {});
  });

  test('the question names the BizTalk host instances that stop with ENTSSO and the commands; answered, net stop and net start run', async () => {
    const answers = answerPrompts(a, 'Restart ENTSSO');
    try {
      assert.strictEqual(await vscode.commands.executeCommand<number>('mss.restartService'), 0);
    } finally {
      answers.restore();
    }
    const detail = answers.details[0];
    assert.match(detail, /This runs:\n.*net.* stop ENTSSO\n.*net.* start ENTSSO\n/);
    assert.ok(detail.includes('These services depend on ENTSSO and stop with it:\n- BizTalk Service BizTalk Group : BizTalkServerApplication (BTSSvc$BizTalkServerApplication)\n- BizTalk Service BizTalk Group : BizTalkServerIsolatedHost (BTSSvc$BizTalkServerIsolatedHost)'), detail);
    assert.deepStrictEqual(fakes.calls().map((c) => [c.tool, c.args]), [['sc', ['enumdepend', 'ENTSSO', '65536']], ['net', ['stop', 'ENTSSO']], ['net', ['start', 'ENTSSO']]]);
    assert.strictEqual(a.progress.record('moveToServer', 'restartService').done, true);
  });

  test('on another computer than step 5\'s, the question warns first', async () => {
    await a.progress.setNewServer('moveToServer', 'updateDb', 'BTSMSS02');
    const answers = answerPrompts(a, undefined);
    try {
      await vscode.commands.executeCommand('mss.restartService');
    } finally {
      answers.restore();
    }
    assert.deepStrictEqual(answers.asked, ['Restart Enterprise SSO on this computer, which is not the one this step runs on?']);
    assert.match(answers.details[0], /^WARNING: .*BTSMSS02/);
    assert.ok(!fakes.calls().some((c) => c.tool === 'net'));
  });

  test('the tree says where to start while no step is done, and nothing once one is', async () => {
    const { view } = a.trees.get('moveToServer')!;
    assert.match(view.message ?? '', /^No step done yet\. Start with step 1 on the new master secret server/);
    assert.match(a.trees.get('moveToCluster')!.view.message ?? '', /^No step done yet\. Start with step 1 on the cluster nodes/);
    await vscode.commands.executeCommand('mss.setStepDone', { procedure: 'moveToServer', step: 'install', done: true });
    await poll('the message to go', () => view.message === undefined);
    assert.strictEqual(view.description, '1 of 6 done');
  });
});

suite('the Explain view, the palette and the failure notification (real UI)', () => {
  const sandbox = new UiSandbox();
  const fakes = sandbox.fakes;
  const query = (selector: string) => ui<Array<{ text: string; ariaLabel: string | null }>>({ op: 'query', selector });
  const webviewTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('mss.explanation'));
  const input = '.quick-input-widget';

  suiteSetup(async function () {
    if (!hasUiBridge()) this.skip();
    await sandbox.enter();
  });

  suiteTeardown(async () => {
    await sandbox.leave();
  });

  async function explain(text: string): Promise<void> {
    const done = vscode.commands.executeCommand('mss.explainError');
    await poll('the input box', async () => (await query(`${input} .quick-input-title`)).some((t) => t.text === 'Explain an ENTSSO error'));
    await ui({ op: 'type', text });
    await ui({ op: 'press', key: 'Enter' });
    await done;
  }

  test('Explain opens one readable view with links to the Microsoft pages, reused for the next code, and leaves no untitled document', async () => {
    await explain('10766');
    await poll('the Explain view', () => webviewTabs().length === 1);
    assert.strictEqual(webviewTabs()[0].label, 'Explain: 10766');
    const text = await poll('its text', async () => (await ui<string[]>({ op: 'frameText' })).find((t) => t.includes('This function can only be performed on the master secret server.')), 30_000);
    for (const part of ['Meaning', 'Likely cause', 'What to do', 'Sources', 'Single Sign-On: Event 10766', 'Microsoft documentation']) assert.ok(text.includes(part), `${part} in:\n${text}`);
    assert.ok(!text.includes(']('), 'no raw Markdown link');
    await explain('0xC0002A0F');
    await poll('the same view, with the next code', () => webviewTabs().length === 1 && webviewTabs()[0].label === 'Explain: 10767');
    await poll('its text', async () => (await ui<string[]>({ op: 'frameText' })).some((t) => t.includes('Could not contact the SSO server')), 30_000);
    assert.deepStrictEqual(vscode.workspace.textDocuments.filter((d) => d.isUntitled).map((d) => d.uri.toString()), [], 'no untitled document');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The rows the palette lists for `filter`, once one of them includes one of `sentinels`. */
  async function paletteLabels(filter: string, ...sentinels: string[]): Promise<string[]> {
    await vscode.commands.executeCommand('workbench.action.quickOpen', `>${filter}`);
    try {
      const rows = await poll(`the palette to list "${sentinels.join('" or "')}"`, async () => {
        const found = (await query(`${input} .quick-input-list .monaco-list-row`)).map((r) => `${r.ariaLabel ?? ''} ${r.text}`);
        return found.some((l) => sentinels.some((x) => l.includes(x))) && found;
      });
      return rows;
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
  }

  test('the palette offers "Run ssomanage -updatedb on This File" and Validate only while an update XML file is in the editor', async () => {
    const xml = await vscode.workspace.openTextDocument(path.join(workspaceDir(), 'NewMSSServer.xml'));
    await vscode.window.showTextDocument(xml);
    const withXml = await paletteLabels('Master Secret: Run ssomanage', 'Run ssomanage -serverall');
    assert.ok(withXml.some((l) => l.includes('Run ssomanage -updatedb on This File')), withXml.join(' | '));
    const validate = await paletteLabels('Master Secret: Validate Update XML File', 'Validate Update XML File');
    assert.ok(validate.length >= 1);

    // Neither with a Markdown file nor with an XML file that is not an update file.
    const plainXml = path.join(workspaceDir(), 'palette-other', 'settings.xml');
    fs.mkdirSync(path.dirname(plainXml), { recursive: true });
    fs.writeFileSync(plainXml, '<configuration>\n  <appSettings/>\n</configuration>\n');
    try {
      for (const file of [path.join(workspaceDir(), 'README.md'), plainXml]) {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
        const without = await paletteLabels('Master Secret: Run ssomanage', 'Run ssomanage -serverall');
        assert.ok(!without.some((l) => l.includes('Run ssomanage -updatedb on This File')), `${path.basename(file)}: ${without.join(' | ')}`);
        // When nothing matches, VS Code 1.100 lists "similar commands" (older ones: "No matching commands").
        const noValidate = await paletteLabels('Master Secret: Validate Update XML File', 'similar commands', 'No matching commands', 'Validate Update XML File');
        assert.ok(!noValidate.some((l) => l.includes('Validate Update XML File')), `${path.basename(file)}: ${noValidate.join(' | ')}`);
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(path.dirname(plainXml), { recursive: true, force: true });
    }
  });

  test('a failed run\'s notification offers Show Log', async () => {
    fakes.clear();
    fakes.exitWith('ssomanage', 3);
    assert.strictEqual(await vscode.commands.executeCommand<number>('mss.showSsoDatabase'), 3);
    await notificationWith('ended with exit code 3');
    const buttons = await poll('the notification\'s buttons', async () => {
      const found = (await query('.notification-toast .monaco-button, .notifications-center .monaco-button')).map((b) => b.text);
      return found.includes('Show Log') && found;
    });
    assert.ok(buttons.includes('Show Log'), buttons.join(' | '));
    fakes.exitWith('ssomanage', 0);
  });
});
