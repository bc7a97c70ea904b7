import * as assert from 'node:assert/strict';
import { planCommand, type ToolSettings } from '../../../src/ssoTools/commandLines';
import type { VariableContext } from '../../../src/ssoTools/variables';

const DEFAULTS: ToolSettings = { installFolder: '', ssomanagePath: '', ssoconfigPath: '', netPath: '' };
const win = { platform: 'win32' as const, exists: (): boolean => true };

const ctx = (over: Partial<VariableContext> = {}): VariableContext => ({
  platform: 'win32',
  workspaceFolder: 'C:\\work\\move',
  folders: [{ name: 'move', path: 'C:\\work\\move' }],
  userHome: 'C:\\Users\\admin',
  env: { BACKUPS: 'E:\\backups' },
  ...over,
});
const updatedb = (file: string, variables?: VariableContext): string[] =>
  planCommand({ type: 'ssomanage', command: 'updatedb', file }, DEFAULTS, { ...win, baseDir: 'C:\\work\\move', variables }).steps[0].args;
const backup = (file: string, variables?: VariableContext): string[] =>
  planCommand({ type: 'ssoconfig', command: 'backupSecret', file }, DEFAULTS, { ...win, baseDir: 'C:\\work\\move', variables }).steps[0].args;

describe('ssoTools/variables: ${...} in a task\'s "file" is resolved first, then every check runs on the result', () => {
  it('resolves ${workspaceFolder}, ${workspaceFolder:Name}, ${workspaceFolderBasename}, ${userHome}, ${env:NAME} and ${/}', () => {
    assert.deepEqual(updatedb('${workspaceFolder}\\NewMSSServer.xml', ctx()), ['-updatedb', 'C:\\work\\move\\NewMSSServer.xml']);
    assert.deepEqual(updatedb('${workspaceFolder:move}${/}x.xml', ctx()), ['-updatedb', 'C:\\work\\move\\x.xml']);
    assert.deepEqual(updatedb('D:\\${workspaceFolderBasename}${pathSeparator}x.xml', ctx()), ['-updatedb', 'D:\\move\\x.xml']);
    assert.deepEqual(updatedb('${userHome}\\x.xml', ctx()), ['-updatedb', 'C:\\Users\\admin\\x.xml']);
    assert.deepEqual(backup('${env:backups}\\sso.bak', ctx()), ['-backupSecret', 'E:\\backups\\sso.bak'], 'environment names are case-insensitive on Windows');
  });

  it('is case-sensitive for environment names elsewhere, and joins with / there', () => {
    const posix = ctx({ platform: 'linux', workspaceFolder: '/home/admin/move', env: { HOME_BAK: '/srv/bak' } });
    const plan = (file: string) => planCommand({ type: 'ssoconfig', command: 'backupSecret', file }, DEFAULTS, { platform: 'linux', exists: () => true, baseDir: '/home/admin/move', variables: posix }).steps[0].args;
    assert.deepEqual(plan('${env:HOME_BAK}${/}sso.bak'), ['-backupSecret', '/srv/bak/sso.bak']);
    assert.throws(() => plan('${env:home_bak}/sso.bak'), /environment variable home_bak is not set here/);
  });

  it('a variable that resolves to a switch becomes a file in the task\'s folder, never a switch (argument injection)', () => {
    for (const value of ['-displaydb', '-restoreSecret', '\u2013displaydb', '-updatedb']) {
      const args = updatedb('${env:EVIL}', ctx({ env: { EVIL: value } }));
      assert.equal(args.length, 2, value);
      assert.equal(args[0], '-updatedb');
      assert.equal(args[1], `C:\\work\\move\\${value}`, value);
    }
  });

  it('refuses a value that resolves to quotes (a path split in two), a line break or a pipe, naming the resolved path', () => {
    assert.throws(() => updatedb('${env:Q}', ctx({ env: { Q: 'C:\\a.xml" "C:\\b.xml' } })), (e: Error) => e.message.includes('the file path "C:\\\\a.xml\\" \\"C:\\\\b.xml" contains """'));
    assert.throws(() => updatedb('${env:Q}', ctx({ env: { Q: 'C:\\a.xml\nC:\\b.xml' } })), /control character/);
    assert.throws(() => updatedb('${env:Q}', ctx({ env: { Q: 'a.xml|calc' } })), /"\|"/);
    assert.throws(() => updatedb('${env:Q}', ctx({ env: { Q: '<in' } })), /"<"/);
  });

  it('refuses what it cannot resolve before the run, saying why and which variables it resolves', () => {
    assert.throws(() => updatedb('${input:file}', ctx()), /uses \$\{input:file\}, which Master Secret Mover does not resolve: it checks the file before the tool gets it.*\$\{workspaceFolder\}/);
    assert.throws(() => updatedb('${command:pick}', ctx()), /\$\{command:pick\}/);
    assert.throws(() => updatedb('${config:mss.installFolder}\\x.xml', ctx()), /\$\{config:mss\.installFolder\}/);
    assert.throws(() => updatedb('${selectedText}', ctx()), /\$\{selectedText\}/);
    assert.throws(() => updatedb('${env:NOPE}\\x.xml', ctx()), /environment variable NOPE is not set here/);
    assert.throws(() => updatedb('${env:EMPTY}\\x.xml', ctx({ env: { EMPTY: '' } })), /environment variable EMPTY is not set here/);
    assert.throws(() => updatedb('${workspaceFolder:other}\\x.xml', ctx()), /no folder of this window is named "other".*: move\./);
    assert.throws(() => updatedb('${workspaceFolder}\\x.xml', ctx({ workspaceFolder: undefined })), /no folder is open/);
    assert.throws(() => updatedb('${file}', ctx()), /no file is open in the editor/);
  });

  it('refuses a value that still holds ${ once resolved (VS Code would resolve it again)', () => {
    assert.throws(() => updatedb('${env:NEST}', ctx({ env: { NEST: '${env:OTHER}' } })), /still holds "\$\{"/);
    assert.throws(() => updatedb('${env:HALF}{userHome}', ctx({ env: { HALF: '$' } })), /still holds "\$\{"/);
  });

  it('refuses ${ in a path given to a command, where no task resolves it', () => {
    assert.throws(() => updatedb('${workspaceFolder}\\x.xml'), /holds "\$\{", which only a task's "file" may use/);
  });

  it('resolves ${file}, ${fileDirname} and ${fileBasename} from the active editor', () => {
    const c = ctx({ activeFile: 'C:\\work\\move\\xml\\NewMSSServer.xml' });
    assert.deepEqual(updatedb('${file}', c), ['-updatedb', 'C:\\work\\move\\xml\\NewMSSServer.xml']);
    assert.deepEqual(updatedb('${fileDirname}\\other.xml', c), ['-updatedb', 'C:\\work\\move\\xml\\other.xml']);
    assert.deepEqual(updatedb('D:\\${fileBasename}', c), ['-updatedb', 'D:\\NewMSSServer.xml']);
  });

  it('no injection survives: 200 generated values with variables, dashes, quotes and metacharacters never give more than one file argument, a switch, or a ${', () => {
    const parts = ['${env:A}', '${env:B}', '-', '\u2212', '"', ' ', '&', '^', '%', '|', '${workspaceFolder}', '..\\', 'x.xml', '\n', '${input:x}', '$', '{', '}'];
    const env = { A: '-displaydb', B: '" -restoreSecret "' };
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      const value = Array.from({ length: 1 + (next() % 5) }, () => parts[next() % parts.length]).join('');
      let args: string[];
      try {
        args = updatedb(value, ctx({ env }));
      } catch {
        refused++;
        continue;
      }
      assert.equal(args.length, 2, value);
      assert.doesNotMatch(args[1], /^[-\u2010-\u2015\u2212]/, value);
      assert.ok(!args[1].includes('${') && !args[1].includes('"'), `${JSON.stringify(value)} -> ${args[1]}`);
    }
    assert.ok(refused > 0 && refused < 200, `refused ${refused} of 200`);
  });
});
