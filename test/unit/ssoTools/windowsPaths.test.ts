import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkBackupTarget, checkRestoreSource, readBackupFileFacts } from '../../../src/ssoTools/backupFiles';
import { planCommand } from '../../../src/ssoTools/commandLines';
import { checkServerName, findBestFit } from '../../../src/ssoTools/serverName';
import { windowsPathProblem } from '../../../src/ssoTools/windowsPaths';

describe('ssoTools/windowsPaths: paths and names Windows would read otherwise', () => {
  it('refuses device names as file names, whatever the extension and the case', () => {
    for (const file of ['nul.bak', 'D:\\Backups\\COM1.bak', 'D:\\Backups\\lpt9.xml', 'D:\\x\\con', 'D:\\x\\AUX.tar.bak', 'D:\\x\\CONOUT$', 'D:\\x\\com\u00b9.bak']) {
      assert.match(windowsPathProblem(file) ?? '', /is a Windows device name, which opens the device/, file);
    }
    for (const file of ['D:\\Backups\\console.bak', 'D:\\x\\COM10.bak', 'D:\\x\\nulls.bak', 'D:\\x\\SSO.bak']) assert.equal(windowsPathProblem(file), undefined, file);
  });

  it('refuses an alternate data stream, a name ending in a dot or a space, and the device namespaces', () => {
    assert.match(windowsPathProblem('D:\\Backups\\SSO.bak:x') ?? '', /alternate data stream/);
    assert.match(windowsPathProblem('SSO.bak:$DATA') ?? '', /alternate data stream/);
    assert.match(windowsPathProblem('D:\\Backups\\SSO.bak.') ?? '', /ending in a dot/);
    assert.match(windowsPathProblem('D:\\Backups\\SSO.bak ') ?? '', /ending in a space/);
    assert.match(windowsPathProblem('D:\\Backups \\SSO.bak') ?? '', /ending in a space/);
    assert.match(windowsPathProblem('\\\\.\\PhysicalDrive0') ?? '', /device namespace/);
    assert.match(windowsPathProblem('\\\\?\\D:\\SSO.bak') ?? '', /device namespace/);
    for (const ok of ['D:\\Backups\\SSO 2026.bak', '\\\\server\\share\\SSO.bak', '/srv/backups/SSO.bak', '..\\SSO.bak', 'NewMSSServer.xml']) assert.equal(windowsPathProblem(ok), undefined, ok);
  });

  it('refuses the fullwidth and small forms of punctuation and the invisible characters in paths', () => {
    for (const [file, ascii] of [['D:\\x\\\uff0dfoo.bak', '"-"'], ['D:\\x\\\ufe63foo.bak', '"-"'], ['D:\\x\\a\uff02b.bak', '"""'], ['D:\\x\\a\uff06b.bak', '"&"'], ['D:\\x\\a\ufe68b.bak', '"\\"']] as const) {
      const why = windowsPathProblem(file) ?? '';
      assert.match(why, /best-fit mapping/, file);
      assert.ok(why.includes(`receive as ${ascii}`), why);
    }
    assert.match(windowsPathProblem('D:\\x\\SSO\u202ekab.bak') ?? '', /does not show \(<U\+202E>\)/);
  });

  it('the tasks refuse such a path before anything runs (planCommand)', () => {
    const settings = { installFolder: '', ssomanagePath: 'C:\\SSO\\ssomanage.exe', ssoconfigPath: 'C:\\SSO\\ssoconfig.exe', netPath: 'net' } as unknown as Parameters<typeof planCommand>[1];
    const plan = (file: string) => planCommand({ type: 'ssoconfig', command: 'backupSecret', file }, settings, { platform: 'win32', exists: () => true });
    assert.throws(() => plan('D:\\Backups\\nul.bak'), /device name/);
    assert.throws(() => plan('D:\\Backups\\SSO.bak:x'), /alternate data stream/);
    assert.throws(() => plan('D:\\Backups\\\uff0dSSO.bak'), /best-fit/);
  });
});

describe('ssoTools/serverName: best-fit punctuation', () => {
  it('refuses fullwidth and small-form punctuation that arrives as "-", "\\"" or "&"', () => {
    for (const name of ['\uff0dBTSMSS02', '\ufe63BTSMSS02', 'BTS\uff02MSS', 'BTS\uff06MSS', 'BTS\u2212MSS', 'BTS\u2011MSS', 'ＢＴＳＭＳＳ０２']) {
      const c = checkServerName(name);
      assert.equal(c.ok, false, name);
      assert.match(c.message ?? '', /best-fit mapping/, name);
    }
    assert.equal(findBestFit('BTSMSS02'), undefined);
    assert.equal(checkServerName('BTSMSS02').ok, true);
    assert.equal(checkServerName('Büro01').ok, true, 'a non-ASCII letter stays a warning');
  });
});

describe('ssoTools/backupFiles: what is at the path', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mss-backup-kind-')); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });
  /** A symbolic link, or a skip where this user may not make one (Windows without the privilege). */
  const symlinkOrSkip = (ctx: Mocha.Context, target: string, link: string) => {
    try {
      fs.symlinkSync(target, link);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPERM') ctx.skip();
      throw e;
    }
    // Windows node under Wine makes something that lstat does not report as a link: nothing to test there.
    if (!fs.lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) ctx.skip();
  };
  const facts = (file: string) => readBackupFileFacts(file, { readdir: (d) => fs.readdirSync(d), exists: fs.existsSync, lstat: (p) => fs.lstatSync(p) });

  it('a backup onto a dangling symbolic link is refused (ssoconfig would write through it)', function () {
    const link = path.join(dir, 'SSO.bak');
    symlinkOrSkip(this, path.join(dir, 'elsewhere', 'secret.bak'), link);
    assert.match(checkBackupTarget(facts(link)).error ?? '', /is a symbolic link: ssoconfig would write the backup wherever it points/);
  });

  it('a folder or a FIFO as the restore file, or as the backup file, is refused', function () {
    const folder = path.join(dir, 'SSO.bak');
    fs.mkdirSync(folder);
    assert.match(checkRestoreSource(facts(folder)).error ?? '', /is a folder, not a backup file/);
    assert.match(checkBackupTarget(facts(folder)).error ?? '', /is a folder/);
    if (process.platform === 'win32') this.skip();
    const fifo = path.join(dir, 'fifo.bak');
    execFileSync('mkfifo', [fifo]);
    assert.match(checkRestoreSource(facts(fifo)).error ?? '', /not a regular file \(a pipe, socket or device\)/);
  });

  it('a dangling symbolic link as the restore file is refused as missing; a regular file passes', function () {
    const link = path.join(dir, 'SSO.bak');
    symlinkOrSkip(this, path.join(dir, 'gone.bak'), link);
    assert.match(checkRestoreSource(facts(link)).error ?? '', /does not exist/);
    const real = path.join(dir, 'real.bak');
    fs.writeFileSync(real, 'x');
    assert.equal(checkRestoreSource(facts(real)).error, undefined);
    assert.equal(checkBackupTarget(facts(path.join(dir, 'new.bak'))).error, undefined);
  });
});
