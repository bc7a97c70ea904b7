import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkExecutable } from '../../../src/ssoTools/commandLines';
import { DEFAULT_PATHEXT, findProgram, pathEntries, pathExtensions, programRefusal, runtimeKeepsConsole } from '../../../src/ssoTools/programPath';

/** A Windows disk: the files that exist, compared the way NTFS does (any case), built with path.win32. */
const disk = (...files: string[]) => {
  const set = new Set(files.map((f) => path.win32.normalize(f).toLowerCase()));
  return (p: string) => set.has(path.win32.normalize(p).toLowerCase());
};
const SYSTEM32 = 'C:\\Windows\\System32';
const NET = path.win32.join(SYSTEM32, 'net.exe');

describe('ssoTools/programPath: finding a program the Windows way', () => {
  describe('findProgram on win32', () => {
    const win = (pathEnv: string, isFile: (p: string) => boolean, pathExt?: string) => ({ platform: 'win32' as const, pathEnv, pathExt, isFile });

    it('finds a name that already has an extension as written (net.exe in mss.netPath)', () => {
      assert.equal(findProgram('net.exe', win(SYSTEM32, disk(NET))), NET);
      assert.equal(findProgram('NET.EXE', win(SYSTEM32, disk(NET))), 'C:\\Windows\\System32\\NET.EXE');
    });

    it('tries PATHEXT in its order for a name without an extension', () => {
      const both = disk('C:\\tools\\net.bat', 'C:\\tools\\net.exe');
      assert.equal(findProgram('net', win('C:\\tools', both, '.BAT;.EXE')), 'C:\\tools\\net.bat', 'PATHEXT order decides');
      assert.equal(findProgram('net', win('C:\\tools', both, '.EXE;.BAT')), 'C:\\tools\\net.exe');
      assert.equal(findProgram('net', win(SYSTEM32, disk(NET))), NET, 'the default PATHEXT has .EXE');
      assert.equal(findProgram('net', win(SYSTEM32, disk('C:\\Windows\\System32\\net'))), undefined, 'a file without an extension is not a program on Windows');
    });

    it('searches PATH entries in order, first match wins', () => {
      const files = disk('C:\\first\\net.exe', NET);
      assert.equal(findProgram('net', win(`C:\\first;${SYSTEM32}`, files)), 'C:\\first\\net.exe');
      assert.equal(findProgram('net', win(`${SYSTEM32};C:\\first`, files)), NET);
    });

    it('reads quoted PATH entries (a folder with a ";" or spaces written in double quotes)', () => {
      const files = disk('C:\\Program Files\\Tools; v2\\ssomanage.exe');
      assert.equal(findProgram('ssomanage', win('C:\\other;"C:\\Program Files\\Tools; v2"', files)), 'C:\\Program Files\\Tools; v2\\ssomanage.exe', 'a ; inside the quotes is part of the folder');
      assert.deepEqual(pathEntries('"C:\\Program Files\\Tools";C:\\x', 'win32'), ['C:\\Program Files\\Tools', 'C:\\x']);
      assert.equal(findProgram('ssomanage', win('"C:\\Program Files\\Common Files\\Enterprise Single Sign-On"', disk('C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\ssomanage.exe'))), 'C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\ssomanage.exe');
    });

    it('never searches the current folder: relative and empty PATH entries are skipped', () => {
      assert.deepEqual(pathEntries(';.;tools;C:\\ok;\\\\nas\\share\\bin;\\rooted;;', 'win32'), ['C:\\ok', '\\\\nas\\share\\bin']);
      assert.equal(findProgram('net', win('.;tools', () => true)), undefined);
    });

    it('does not search a name with a folder in it', () => {
      assert.equal(findProgram('tools\\net.exe', win(SYSTEM32, () => true)), undefined);
      assert.equal(findProgram('C:net.exe', win(SYSTEM32, () => true)), undefined);
      assert.equal(findProgram('', win(SYSTEM32, () => true)), undefined);
    });

    it('reads PATHEXT like Windows: any case, the default when unset, junk entries ignored', () => {
      assert.deepEqual(pathExtensions(undefined), DEFAULT_PATHEXT.toLowerCase().split(';'));
      assert.deepEqual(pathExtensions(' .Exe ; ;bat;.C\\MD;.COM'), ['.exe', '.com']);
    });
  });

  describe('findProgram elsewhere (the tests\' stand-ins)', () => {
    it('splits PATH on ":", finds the bare name, skips relative entries', () => {
      const isFile = (p: string) => p === '/usr/bin/net';
      assert.equal(findProgram('net', { platform: 'linux', pathEnv: '.:bin:/usr/bin', isFile }), '/usr/bin/net');
      assert.equal(findProgram('net', { platform: 'linux', pathEnv: '.:bin', isFile: () => true }), undefined);
    });
  });

  describe('programRefusal: only the program itself runs', () => {
    it('refuses .bat and .cmd (cmd.exe reads & ^ % in their arguments), scripts, and on Windows a name without .exe', () => {
      for (const p of ['C:\\t\\ssomanage.bat', 'C:\\t\\ssomanage.CMD']) assert.match(programRefusal(p, 'win32') ?? '', /batch file: Windows runs it through cmd\.exe/);
      for (const p of ['C:\\t\\s.ps1', 'C:\\t\\s.vbs', 'C:\\t\\s.js', 'C:\\t\\s.wsf', 'C:\\t\\s.com', 'C:\\t\\s.lnk']) assert.match(programRefusal(p, 'win32') ?? '', /is not a program \(\.exe\)/, p);
      assert.match(programRefusal('C:\\t\\ssomanage', 'win32') ?? '', /no \.exe at the end/);
      assert.equal(programRefusal('C:\\t\\ssomanage.exe', 'win32'), undefined);
      assert.equal(programRefusal('C:\\t\\SSOMANAGE.EXE', 'win32'), undefined);
      assert.equal(programRefusal('/opt/fake tools/ssomanage', 'linux'), undefined);
      assert.match(programRefusal('/opt/t/ssomanage.sh', 'linux') ?? '', /not a program/);
    });
  });

  describe('checkExecutable with these rules', () => {
    it('refuses a .bat or .cmd tool setting with the setting to change, before anything runs', () => {
      const r = checkExecutable('C:\\Tools & more\\ssomanage.bat', { platform: 'win32', exists: () => true, which: () => undefined, tool: 'ssomanage' });
      assert.deepEqual(r, { ok: false, message: 'C:\\Tools & more\\ssomanage.bat is a batch file: Windows runs it through cmd.exe, which reads &, ^ and % in the file paths passed to it as commands. Master Secret Mover starts only the program itself. Set mss.ssomanagePath (or mss.installFolder) to ssomanage.exe.' });
      const cmd = checkExecutable('D:\\x\\net.cmd', { platform: 'win32', exists: () => true, which: () => undefined, tool: 'net' });
      assert.match(!cmd.ok ? cmd.message : '', /batch file.*Set mss\.netPath to net \(normally C:\\Windows\\System32\\net\.exe\)\./);
    });

    it('refuses a bare name that PATH resolves to a batch file (net -> net.bat earlier on PATH)', () => {
      const which = (n: string) => findProgram(n, { platform: 'win32', pathEnv: `C:\\evil;${SYSTEM32}`, pathExt: '.BAT;.EXE', isFile: disk('C:\\evil\\net.bat', NET) });
      const r = checkExecutable('net', { platform: 'win32', exists: () => false, which, tool: 'net' });
      assert.match(!r.ok ? r.message : '', /^C:\\evil\\net\.bat is a batch file/);
    });

    it('finds net.exe given as mss.netPath on PATH, and returns the full path to start', () => {
      const which = (n: string) => findProgram(n, { platform: 'win32', pathEnv: SYSTEM32, isFile: disk(NET) });
      assert.deepEqual(checkExecutable('net.exe', { platform: 'win32', exists: () => false, which, tool: 'net' }), { ok: true, path: NET });
    });

    it('refuses a relative path (it would be looked up from the tool\'s working folder)', () => {
      for (const p of ['tools\\ssomanage.exe', '.\\ssomanage.exe', 'C:ssomanage.exe', '\\ssomanage.exe']) {
        const r = checkExecutable(p, { platform: 'win32', exists: () => true, which: () => undefined, tool: 'ssomanage' });
        assert.match(!r.ok ? r.message : '', /is not a full path/, p);
      }
      assert.deepEqual(checkExecutable('\\\\nas\\tools\\ssomanage.exe', { platform: 'win32', exists: () => true, which: () => undefined }), { ok: true, path: '\\\\nas\\tools\\ssomanage.exe' });
    });
  });

  describe('runtimeKeepsConsole: where tasks may run their tool through mss-xml', () => {
    it('not on desktop Windows (Code.exe, a GUI program); on Windows with node.exe (a VS Code server), and anywhere else, yes', () => {
      assert.equal(runtimeKeepsConsole('win32', 'C:\\Users\\admin\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe'), false);
      assert.equal(runtimeKeepsConsole('win32', 'C:\\Program Files\\Microsoft VS Code Insiders\\Code - Insiders.exe'), false);
      assert.equal(runtimeKeepsConsole('win32', 'C:\\Users\\admin\\.vscode-server\\bin\\0123abcd\\node.exe'), true);
      assert.equal(runtimeKeepsConsole('win32', 'C:\\nodejs\\NODE.EXE'), true);
      assert.equal(runtimeKeepsConsole('linux', '/usr/share/code/code'), true);
      assert.equal(runtimeKeepsConsole('linux', '/usr/bin/node'), true);
      assert.equal(runtimeKeepsConsole('darwin', '/Applications/Visual Studio Code.app/Contents/Frameworks/Code Helper (Plugin).app/Contents/MacOS/Code Helper (Plugin)'), true);
    });
  });
});
