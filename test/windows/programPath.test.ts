// Finding a program by Windows' rules (src/ssoTools/programPath.ts) against a real Windows file
// system (Wine's: case-insensitive, trailing dots and spaces dropped from names), with the file
// test the extension uses (fs.statSync, as src/features/shared/toolSettings.ts), and what
// Windows node does with what is found.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkExecutable } from '../../src/ssoTools/commandLines';
import { findProgram } from '../../src/ssoTools/programPath';
import { fake, fakesDir, mssXml, SAMPLE, workFolder } from './helpers';

const isFile = (p: string): boolean => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

describe('Windows runtime: finding a program on PATH by Windows rules, on a Windows file system', () => {
  let w: ReturnType<typeof workFolder>;
  before(() => fakesDir());
  beforeEach(() => { w = workFolder(); });
  afterEach(() => w.done());
  const folder = (name: string, files: string[] = []) => {
    const dir = path.join(w.dir, name);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of files) fs.copyFileSync(fake('net'), path.join(dir, f));
    return dir;
  };
  const find = (name: string, pathEnv: string, pathExt?: string) => findProgram(name, { platform: 'win32', pathEnv, ...(pathExt === undefined ? {} : { pathExt }), isFile });
  const check = (exe: string, pathEnv: string, pathExt?: string) => checkExecutable(exe, { platform: 'win32', exists: fs.existsSync, which: (n) => find(n, pathEnv, pathExt), tool: 'net' });

  it('a PATH entry in double quotes with a ; inside is one folder; the program found starts', () => {
    const semi = folder('tools; v2', ['net.exe']);
    const found = find('net', `C:\\nowhere;"${semi}";C:\\Windows\\System32`);
    assert.equal(found, path.join(semi, 'net.exe'));
    const r = spawnSync(found, ['start', 'ENTSSO'], { env: { ...process.env, MSS_FAKE_LOG: w.log } });
    assert.equal(r.status, 0);
    assert.deepEqual(w.records().map((x) => x.argv), [['start', 'ENTSSO']]);
  });

  it('case does not matter: NET.EXE is found as net, in a PATH entry written in another case', () => {
    const dir = folder('Admin Tools', ['NET.EXE']);
    const found = find('Net', dir.toUpperCase());
    assert.ok(found && found.toLowerCase() === path.join(dir, 'net.exe').toLowerCase(), String(found));
    const checked = check('net', dir.toUpperCase());
    assert.ok(checked.ok, JSON.stringify(checked));
  });

  it('PATHEXT order decides: net.exe before net.bat by default; with .BAT first, net.bat is found and refused, and Windows node would not start it', () => {
    const dir = folder('both', ['net.exe']);
    fs.writeFileSync(path.join(dir, 'net.bat'), '@echo off\r\necho ran > ran.txt\r\n');
    assert.equal(find('net', dir), path.join(dir, 'net.exe'));
    assert.equal(find('net', dir, '.BAT;.EXE'), path.join(dir, 'net.bat'));
    const checked = check('net', dir, '.BAT;.EXE');
    assert.ok(!checked.ok && /net\.bat is a batch file: Windows runs it through cmd\.exe/.test(checked.message), JSON.stringify(checked));
    assert.throws(() => spawn(path.join(dir, 'net.bat'), []), /EINVAL/, 'Windows node (since 20.12.2) throws for a batch file without a shell');
    assert.ok(!fs.existsSync(path.join(dir, 'ran.txt')));
  });

  it('a .bat found first on PATH (earlier folder) is refused; a .com before .exe is refused too', () => {
    const first = folder('first');
    fs.writeFileSync(path.join(first, 'net.bat'), '@echo off\r\n');
    const second = folder('second', ['net.exe', 'sc.com', 'sc.exe']);
    assert.equal(find('net', `${first};${second}`), path.join(first, 'net.bat'));
    assert.ok(!check('net', `${first};${second}`).ok);
    const sc = checkExecutable('sc', { platform: 'win32', exists: fs.existsSync, which: (n) => find(n, second), program: { name: 'sc.exe', setting: 'mss.scPath', why: '' } });
    assert.ok(!sc.ok && /sc\.com is not a program \(\.exe\)/.test(sc.message), JSON.stringify(sc));
  });

  it('trailing dots and spaces ("net.bat.", "net.bat "): refused by the settings check and by mss-xml (exit 125); Windows node would not start them either', () => {
    const dir = folder('trailing', ['net.exe']);
    const bat = path.join(dir, 'net.bat');
    fs.writeFileSync(bat, `@echo off\r\necho ran > "${path.join(dir, 'ran.txt')}"\r\n`);
    fs.writeFileSync(path.join(w.dir, 'NewMSSServer.xml'), SAMPLE);
    for (const name of [`${bat}.`, `${bat} `, `${bat} .`, bat.toUpperCase()]) {
      assert.equal((spawnSync(name, []).error as NodeJS.ErrnoException | undefined)?.code, 'EINVAL', `Windows node on ${JSON.stringify(name)}`);
      const checked = check(name, '');
      assert.ok(!checked.ok, `${JSON.stringify(name)} accepted`);
      const r = mssXml(['run-checked', 'updatedb', 'NewMSSServer.xml', name, '-updatedb', 'NewMSSServer.xml'], { cwd: w.dir, log: w.log });
      assert.equal(r.status, 125, `${JSON.stringify(name)}: ${r.stderr}`);
      assert.match(r.stderr, /batch file/);
    }
    assert.ok(!fs.existsSync(path.join(dir, 'ran.txt')), 'the batch file never ran');
    // "net.exe." is refused too: only a name ending in .exe is taken.
    assert.ok(!check(path.join(dir, 'net.exe.'), '').ok);
  });

  it('the current folder and relative PATH entries are never searched (Windows would search the current folder first)', () => {
    folder('.', ['net.exe']);
    folder('rel', ['net.exe']);
    const cwd = process.cwd();
    process.chdir(w.dir);
    try {
      assert.ok(isFile('net.exe'), 'net.exe is in the current folder');
      assert.equal(find('net', 'rel;.\\rel;C:\\nowhere'), undefined);
      const checked = check('net', 'rel;.');
      assert.ok(!checked.ok && /net was not found on PATH/.test(checked.message), JSON.stringify(checked));
    } finally {
      process.chdir(cwd);
    }
  });
});
