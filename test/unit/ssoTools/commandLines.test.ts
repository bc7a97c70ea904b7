import * as assert from 'node:assert/strict';
import {
  DEFAULT_INSTALL_FOLDER,
  RESTART_WARNING,
  SsoTaskDefinition,
  ToolSettings,
  checkExecutable,
  displayCommandLine,
  fileArgIndex,
  fileOfStep,
  parseTaskDefinition,
  planCommand,
  proposeBackupFileName,
  resolveExecutable,
  settingFor,
} from '../../../src/ssoTools/commandLines';

const DEFAULTS: ToolSettings = { installFolder: '', ssomanagePath: '', ssoconfigPath: '', netPath: '' };
const SSOMANAGE = `${DEFAULT_INSTALL_FOLDER}\\ssomanage.exe`;
const SSOCONFIG = `${DEFAULT_INSTALL_FOLDER}\\ssoconfig.exe`;
const win = { platform: 'win32' as const, exists: (): boolean => true };
const argv = (def: SsoTaskDefinition, s: ToolSettings = DEFAULTS, opts: Parameters<typeof planCommand>[2] = win): string[][] =>
  planCommand(def, s, opts).steps.map((st) => [st.executable, ...st.args]);

describe('ssoTools/commandLines', () => {
  describe('resolveExecutable', () => {
    it('defaults ssomanage and ssoconfig to the install folder with backslashes on win32', () => {
      assert.equal(resolveExecutable('ssomanage', DEFAULTS, 'win32'), 'C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\ssomanage.exe');
      assert.equal(resolveExecutable('ssoconfig', DEFAULTS, 'win32'), 'C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\ssoconfig.exe');
    });

    it('keeps backslashes for the Windows default folder on linux too', () => {
      assert.equal(resolveExecutable('ssomanage', DEFAULTS, 'linux'), SSOMANAGE);
      assert.equal(resolveExecutable('ssoconfig', DEFAULTS, 'darwin'), SSOCONFIG);
    });

    it('joins a POSIX install folder with "/" off Windows', () => {
      const s = { ...DEFAULTS, installFolder: '/opt/entsso/' };
      assert.equal(resolveExecutable('ssomanage', s, 'linux'), '/opt/entsso/ssomanage.exe');
      assert.equal(resolveExecutable('ssoconfig', s, 'linux'), '/opt/entsso/ssoconfig.exe');
    });

    it('uses a custom Windows install folder, with or without a trailing backslash', () => {
      assert.equal(resolveExecutable('ssomanage', { ...DEFAULTS, installFolder: 'D:\\ENTSSO\\' }, 'win32'), 'D:\\ENTSSO\\ssomanage.exe');
      assert.equal(resolveExecutable('ssoconfig', { ...DEFAULTS, installFolder: 'D:\\ENTSSO' }, 'linux'), 'D:\\ENTSSO\\ssoconfig.exe');
    });

    it('lets an explicit path setting win over the install folder', () => {
      const s = { ...DEFAULTS, installFolder: 'D:\\x', ssomanagePath: 'E:\\tools\\ssomanage.exe', ssoconfigPath: ' E:\\tools\\ssoconfig.exe ' };
      assert.equal(resolveExecutable('ssomanage', s, 'win32'), 'E:\\tools\\ssomanage.exe');
      assert.equal(resolveExecutable('ssoconfig', s, 'win32'), 'E:\\tools\\ssoconfig.exe');
    });

    it('defaults net to the bare name and honours mss.netPath', () => {
      assert.equal(resolveExecutable('net', DEFAULTS, 'win32'), 'net');
      assert.equal(resolveExecutable('net', DEFAULTS, 'linux'), 'net');
      assert.equal(resolveExecutable('net', { ...DEFAULTS, netPath: 'C:\\Windows\\System32\\net.exe' }, 'win32'), 'C:\\Windows\\System32\\net.exe');
    });
  });

  describe('planCommand argv', () => {
    it('ssomanage -updatedb <file>', () => {
      assert.deepEqual(argv({ type: 'ssomanage', command: 'updatedb', file: 'C:\\move\\NewMSSServer.xml' }), [[SSOMANAGE, '-updatedb', 'C:\\move\\NewMSSServer.xml']]);
    });

    it('ssomanage -serverall <server>', () => {
      assert.deepEqual(argv({ type: 'ssomanage', command: 'serverall', server: 'SSOCLUSTER' }), [[SSOMANAGE, '-serverall', 'SSOCLUSTER']]);
    });

    it('ssomanage -displaydb and -showserver', () => {
      assert.deepEqual(argv({ type: 'ssomanage', command: 'displaydb' }), [[SSOMANAGE, '-displaydb']]);
      assert.deepEqual(argv({ type: 'ssomanage', command: 'showserver' }), [[SSOMANAGE, '-showserver']]);
    });

    it('ssoconfig -backupSecret / -restoreSecret <file>', () => {
      assert.deepEqual(argv({ type: 'ssoconfig', command: 'backupSecret', file: 'E:\\sso.bak' }), [[SSOCONFIG, '-backupSecret', 'E:\\sso.bak']]);
      assert.deepEqual(argv({ type: 'ssoconfig', command: 'restoreSecret', file: 'E:\\sso.bak' }), [[SSOCONFIG, '-restoreSecret', 'E:\\sso.bak']]);
    });

    it('restart is net stop ENTSSO then net start ENTSSO, with the side effects as a warning', () => {
      const plan = planCommand({ type: 'entsso', command: 'restart' }, DEFAULTS, win);
      assert.deepEqual(plan.steps.map((s) => [s.executable, ...s.args]), [['net', 'stop', 'ENTSSO'], ['net', 'start', 'ENTSSO']]);
      assert.deepEqual(plan.steps.map((s) => s.label), ['net stop ENTSSO', 'net start ENTSSO']);
      assert.deepEqual(plan.warnings, [RESTART_WARNING]);
      assert.deepEqual(argv({ type: 'entsso', command: 'restart' }, { ...DEFAULTS, netPath: 'C:\\Windows\\System32\\net.exe' })[1], ['C:\\Windows\\System32\\net.exe', 'start', 'ENTSSO']);
    });

    it('uses ASCII hyphen-minus for every switch (never the en dash of the docs)', () => {
      const defs: SsoTaskDefinition[] = [
        { type: 'ssomanage', command: 'updatedb', file: 'C:\\a.xml' },
        { type: 'ssomanage', command: 'serverall', server: 'MSS01' },
        { type: 'ssomanage', command: 'displaydb' },
        { type: 'ssomanage', command: 'showserver' },
        { type: 'ssoconfig', command: 'backupSecret', file: 'C:\\a.bak' },
        { type: 'ssoconfig', command: 'restoreSecret', file: 'C:\\a.bak' },
      ];
      for (const def of defs) {
        const st = planCommand(def, DEFAULTS, win).steps[0];
        assert.match(st.args[0], /^-[a-zA-Z]+$/);
        assert.doesNotMatch(st.label, /[\u2013\u2014]/);
      }
    });

    it('keeps a file path with spaces as ONE argument and quotes it only in the label', () => {
      const file = 'C:\\Users\\sso admin\\My Backups\\SSO master secret.bak';
      const plan = planCommand({ type: 'ssoconfig', command: 'backupSecret', file }, DEFAULTS, win);
      assert.deepEqual(plan.steps[0].args, ['-backupSecret', file]);
      assert.equal(plan.steps[0].label, `"${SSOCONFIG}" -backupSecret "${file}"`);
    });

    it('passes shell metacharacters in a file path through untouched (no shell is involved)', () => {
      const file = 'C:\\move & back\\50%^done.bak';
      assert.deepEqual(argv({ type: 'ssoconfig', command: 'restoreSecret', file })[0].slice(1), ['-restoreSecret', file]);
    });

    it('sets cwd to the install folder only when it exists', () => {
      const seen: string[] = [];
      const withFolder = planCommand({ type: 'ssomanage', command: 'displaydb' }, DEFAULTS, { platform: 'win32', exists: (p) => (seen.push(p), true) });
      assert.equal(withFolder.cwd, DEFAULT_INSTALL_FOLDER);
      assert.deepEqual(seen, [DEFAULT_INSTALL_FOLDER]);
      const without = planCommand({ type: 'ssomanage', command: 'displaydb' }, DEFAULTS, { platform: 'linux', exists: () => false });
      assert.equal(without.cwd, undefined);
      assert.equal('cwd' in without, false);
      assert.equal(planCommand({ type: 'entsso', command: 'restart' }, { ...DEFAULTS, installFolder: 'D:\\ENTSSO' }, win).cwd, 'D:\\ENTSSO');
    });
  });

  describe('planCommand server names', () => {
    const serverall = (server: string) => () => planCommand({ type: 'ssomanage', command: 'serverall', server }, DEFAULTS, win);

    it('refuses a leading "-" (it would be read as a switch), also the en dash pasted from the docs', () => {
      assert.throws(serverall('-updatedb'), /starts with a dash.*switch/);
      assert.throws(serverall('\u2013SSOCLUSTER'), /starts with a dash/);
    });

    it('refuses "&", quotes and spaces with a message that says what to enter', () => {
      for (const bad of ['SSO&calc', 'SSO"CLUSTER', "SSO'CLUSTER", 'SSO CLUSTER', ' SSOCLUSTER', 'SSO|x', 'SSO^x', 'SSO\tx']) {
        assert.throws(serverall(bad), (e: Error) => {
          assert.ok(e instanceof Error);
          assert.match(e.message, /^ssomanage -serverall: /);
          assert.match(e.message, /name/i);
          return true;
        }, bad);
      }
    });

    it('refuses names checkServerName rejects (too long, reserved, empty)', () => {
      assert.throws(serverall('ABCDEFGHIJKLMNOPQ'), /at most 15/);
      assert.throws(serverall('localhost'), /every SSO server/);
      assert.throws(serverall(''), /needs the SSO server name/);
      assert.throws(() => planCommand({ type: 'ssomanage', command: 'serverall' } as unknown as SsoTaskDefinition, DEFAULTS, win), /needs the SSO server name/);
    });

    it('runs a name with a checkServerName warning and reports the warning', () => {
      const plan = planCommand({ type: 'ssomanage', command: 'serverall', server: 'sso.contoso.com' }, DEFAULTS, win);
      assert.deepEqual(plan.steps[0].args, ['-serverall', 'sso.contoso.com']);
      assert.equal(plan.warnings.length, 1);
      assert.match(plan.warnings[0], /fully qualified/);
      assert.deepEqual(planCommand({ type: 'ssomanage', command: 'serverall', server: 'SSOCLUSTER' }, DEFAULTS, win).warnings, []);
    });
  });

  describe('planCommand files', () => {
    const backup = (file: string, opts: Parameters<typeof planCommand>[2] = win): string[] =>
      planCommand({ type: 'ssoconfig', command: 'backupSecret', file }, DEFAULTS, opts).steps[0].args;

    it('makes a relative path starting with "-" safe by prefixing .\\ (win32) or ./ (POSIX)', () => {
      assert.deepEqual(backup('-secret.bak'), ['-backupSecret', '.\\-secret.bak']);
      assert.deepEqual(backup('-secret.bak', { platform: 'linux', exists: () => false }), ['-backupSecret', './-secret.bak']);
      assert.deepEqual(
        planCommand({ type: 'ssomanage', command: 'updatedb', file: '\u2013new.xml' }, DEFAULTS, win).steps[0].args,
        ['-updatedb', '.\\\u2013new.xml'],
      );
    });

    it('resolves relative paths against baseDir (the task runs in the install folder)', () => {
      assert.deepEqual(backup('-secret.bak', { ...win, baseDir: 'C:\\work\\move' }), ['-backupSecret', 'C:\\work\\move\\-secret.bak']);
      assert.deepEqual(backup('backups\\sso.bak', { ...win, baseDir: 'C:\\work\\move' }), ['-backupSecret', 'C:\\work\\move\\backups\\sso.bak']);
      assert.deepEqual(backup('sso.bak', { platform: 'linux', exists: () => false, baseDir: '/home/admin/move' }), ['-backupSecret', '/home/admin/move/sso.bak']);
    });

    it('leaves absolute and UNC paths unchanged', () => {
      assert.deepEqual(backup('E:\\sso.bak', { ...win, baseDir: 'C:\\w' }), ['-backupSecret', 'E:\\sso.bak']);
      assert.deepEqual(backup('\\\\nas\\share\\sso.bak', { ...win, baseDir: 'C:\\w' }), ['-backupSecret', '\\\\nas\\share\\sso.bak']);
      assert.deepEqual(backup('relative.bak'), ['-backupSecret', 'relative.bak']);
    });

    it('refuses an empty file, and characters Windows never allows in a path', () => {
      assert.throws(() => backup('  '), /ssoconfig -backupSecret needs a file/);
      assert.throws(() => planCommand({ type: 'ssomanage', command: 'updatedb' } as unknown as SsoTaskDefinition, DEFAULTS, win), /ssomanage -updatedb needs a file/);
      assert.throws(() => backup('C:\\a"b.bak'), /contains """.*does not allow/);
      assert.throws(() => backup('C:\\a.bak\nC:\\b.bak'), /control character/);
      assert.throws(() => backup('C:\\a|b.bak'), /"\|"/);
    });
  });

  describe('parseTaskDefinition', () => {
    it('accepts every contract definition and returns the canonical form', () => {
      assert.deepEqual(parseTaskDefinition({ type: 'ssomanage', command: 'updatedb', file: 'C:\\a.xml' }), { ok: true, definition: { type: 'ssomanage', command: 'updatedb', file: 'C:\\a.xml' } });
      assert.deepEqual(parseTaskDefinition({ type: 'ssomanage', command: 'serverall', server: ' SSOCLUSTER ' }), { ok: true, definition: { type: 'ssomanage', command: 'serverall', server: 'SSOCLUSTER' } });
      assert.deepEqual(parseTaskDefinition({ type: 'ssomanage', command: 'displaydb' }), { ok: true, definition: { type: 'ssomanage', command: 'displaydb' } });
      assert.deepEqual(parseTaskDefinition({ type: 'ssomanage', command: 'showserver', label: 'x' }), { ok: true, definition: { type: 'ssomanage', command: 'showserver' } });
      assert.deepEqual(parseTaskDefinition({ type: 'ssoconfig', command: 'backupSecret', file: 'E:\\s.bak' }), { ok: true, definition: { type: 'ssoconfig', command: 'backupSecret', file: 'E:\\s.bak' } });
      assert.deepEqual(parseTaskDefinition({ type: 'ssoconfig', command: 'restoreSecret', file: 'E:\\s.bak' }), { ok: true, definition: { type: 'ssoconfig', command: 'restoreSecret', file: 'E:\\s.bak' } });
      assert.deepEqual(parseTaskDefinition({ type: 'entsso', command: 'restart' }), { ok: true, definition: { type: 'entsso', command: 'restart' } });
    });

    it('matches command case-insensitively, like the tools do', () => {
      assert.deepEqual(parseTaskDefinition({ type: 'ssoconfig', command: 'BACKUPSECRET', file: 'a.bak' }), { ok: true, definition: { type: 'ssoconfig', command: 'backupSecret', file: 'a.bak' } });
      assert.deepEqual(parseTaskDefinition({ type: 'ssomanage', command: 'UpdateDB', file: 'a.xml' }), { ok: true, definition: { type: 'ssomanage', command: 'updatedb', file: 'a.xml' } });
    });

    it('says which property is missing', () => {
      assert.deepEqual(parseTaskDefinition({ type: 'ssomanage', command: 'updatedb' }), { ok: false, error: '"file" is required for ssomanage updatedb.' });
      assert.deepEqual(parseTaskDefinition({ type: 'ssomanage', command: 'serverall', server: ' ' }), { ok: false, error: '"server" is required for ssomanage serverall.' });
      assert.deepEqual(parseTaskDefinition({ type: 'ssoconfig', command: 'restoreSecret' }), { ok: false, error: '"file" is required for ssoconfig restoreSecret.' });
      assert.deepEqual(parseTaskDefinition({ type: 'ssoconfig', command: 'backupSecret', file: 42 }), { ok: false, error: '"file" for ssoconfig backupSecret must be a string (got number).' });
    });

    it('lists the allowed values for a wrong type or command', () => {
      const badType = parseTaskDefinition({ type: 'ssoclient', command: 'listapps' });
      assert.deepEqual(badType, { ok: false, error: '"type" must be "ssomanage", "ssoconfig" or "entsso" (got "ssoclient").' });
      const badCommand = parseTaskDefinition({ type: 'ssomanage', command: 'enablesso' });
      assert.deepEqual(badCommand, { ok: false, error: '"command" for type ssomanage must be "updatedb", "serverall", "displaydb" or "showserver" (got "enablesso").' });
      const missing = parseTaskDefinition({ type: 'entsso' });
      assert.deepEqual(missing, { ok: false, error: '"command" is required for type entsso: use "restart".' });
    });

    it('hints to drop a leading dash from the command', () => {
      const r = parseTaskDefinition({ type: 'ssomanage', command: '-updatedb', file: 'a.xml' });
      assert.equal(r.ok, false);
      assert.match(!r.ok ? r.error : '', /Write it without the leading dash: "updatedb"\.$/);
      const dash = parseTaskDefinition({ type: 'ssoconfig', command: '\u2013backupSecret', file: 'a.bak' });
      assert.match(!dash.ok ? dash.error : '', /without the leading dash: "backupSecret"/);
    });

    it('refuses non-objects', () => {
      for (const raw of [undefined, null, 'ssomanage', 3, ['ssomanage']]) {
        const r = parseTaskDefinition(raw);
        assert.equal(r.ok, false);
        assert.match(!r.ok ? r.error : '', /must be an object with "type" and "command"/);
      }
    });
  });

  describe('checkExecutable', () => {
    const none = { exists: () => false, which: () => undefined };

    it('finds an existing absolute path and a bare name on PATH', () => {
      assert.deepEqual(checkExecutable(SSOMANAGE, { platform: 'win32', exists: (p) => p === SSOMANAGE, which: () => undefined }), { ok: true, path: SSOMANAGE });
      assert.deepEqual(checkExecutable('net', { platform: 'win32', exists: () => false, which: (n) => (n === 'net' ? 'C:\\Windows\\System32\\net.exe' : undefined) }), { ok: true, path: 'C:\\Windows\\System32\\net.exe' });
    });

    it('names mss.ssomanagePath and mss.installFolder when ssomanage is missing', () => {
      const r = checkExecutable(SSOMANAGE, { platform: 'linux', ...none });
      assert.deepEqual(r, {
        ok: false,
        message: `ssomanage.exe was not found at ${SSOMANAGE}. ENTSSO's command-line tools exist only on a Windows server with Enterprise SSO installed. Set mss.ssomanagePath (or mss.installFolder) to its location.`,
      });
    });

    it('names mss.ssoconfigPath for ssoconfig, also when the tool is given explicitly', () => {
      const r = checkExecutable('D:\\tools\\sso-config-copy.exe', { platform: 'win32', ...none, tool: 'ssoconfig' });
      assert.equal(r.ok, false);
      assert.match(!r.ok ? r.message : '', /^ssoconfig\.exe was not found at D:\\tools\\sso-config-copy\.exe\. .*Set mss\.ssoconfigPath \(or mss\.installFolder\)/);
    });

    it('names mss.netPath when net is not on PATH, and says when the computer is not Windows', () => {
      const linux = checkExecutable('net', { platform: 'linux', ...none });
      assert.equal(linux.ok, false);
      assert.match(!linux.ok ? linux.message : '', /^net was not found on PATH\. .*this computer runs linux, not Windows\. Set mss\.netPath to its full path/);
      const windows = checkExecutable('net', { platform: 'win32', ...none });
      assert.doesNotMatch(!windows.ok ? windows.message : '', /not Windows/);
      assert.match(!windows.ok ? windows.message : '', /mss\.netPath/);
    });

    it('treats a relative path with a separator as a path, not a PATH lookup', () => {
      let looked = false;
      const r = checkExecutable('tools\\ssomanage.exe', { platform: 'win32', exists: () => false, which: () => ((looked = true), 'x') });
      assert.equal(r.ok, false);
      assert.equal(looked, false);
    });

    it('reports an empty executable with the setting to fill in', () => {
      const r = checkExecutable('  ', { platform: 'win32', ...none, tool: 'net' });
      assert.match(!r.ok ? r.message : '', /No program is configured for net\. Set mss\.netPath/);
    });

    it('the read-only programs (sc, wevtutil) follow the same rules, with their own setting', () => {
      const sc = { name: 'sc.exe', setting: 'mss.scPath', why: 'sc.exe is a Windows program.' };
      const SC = 'C:\\Windows\\System32\\sc.exe';
      assert.deepEqual(checkExecutable(SC, { platform: 'win32', exists: (p) => p === SC, which: () => undefined, program: sc }), { ok: true, path: SC });
      assert.deepEqual(checkExecutable('sc', { platform: 'win32', exists: () => false, which: () => SC, program: sc }), { ok: true, path: SC });
      const missing = checkExecutable('sc', { platform: 'linux', exists: () => false, which: () => undefined, program: sc });
      assert.equal(!missing.ok && missing.message, 'sc was not found on PATH. sc.exe is a Windows program. Set mss.scPath to its full path.');
      const relative = checkExecutable('tools\\sc.exe', { platform: 'win32', exists: () => true, which: () => undefined, program: sc });
      assert.match(!relative.ok ? relative.message : '', /^tools\\sc\.exe is not a full path: .*Set mss\.scPath to the full path\.$/);
      const batch = checkExecutable('C:\\tools\\wevtutil.cmd', { platform: 'win32', exists: () => true, which: () => undefined, program: { name: 'wevtutil.exe', setting: 'mss.wevtutilPath', why: 'wevtutil.exe is a Windows program.' } });
      assert.match(!batch.ok ? batch.message : '', /Master Secret Mover starts only the program itself\. Set mss\.wevtutilPath to wevtutil\.exe\.$/);
    });

    it('maps each tool to its setting', () => {
      assert.equal(settingFor('ssomanage'), 'mss.ssomanagePath');
      assert.equal(settingFor('ssoconfig'), 'mss.ssoconfigPath');
      assert.equal(settingFor('net'), 'mss.netPath');
    });
  });

  describe('displayCommandLine', () => {
    it('quotes only arguments that need it', () => {
      assert.equal(displayCommandLine({ executable: 'ssomanage', args: ['-serverall', 'SSOCLUSTER'] }), 'ssomanage -serverall SSOCLUSTER');
      assert.equal(displayCommandLine({ executable: 'C:\\Program Files\\x.exe', args: ['a b', '', 'c&d'] }), '"C:\\Program Files\\x.exe" "a b" "" "c&d"');
    });

    it('escapes embedded quotes and a trailing backslash the way Windows programs parse them', () => {
      assert.equal(displayCommandLine({ executable: 'x', args: ['say "hi"'] }), 'x "say \\"hi\\""');
      assert.equal(displayCommandLine({ executable: 'x', args: ['C:\\my dir\\'] }), 'x "C:\\my dir\\\\"');
    });
  });

  describe('proposeBackupFileName', () => {
    it('formats the UTC date and time without ":"', () => {
      assert.equal(proposeBackupFileName(new Date(Date.UTC(2026, 10, 23, 23, 53, 59))), 'SSO-master-secret-2026-11-23-2353.bak');
      assert.equal(proposeBackupFileName(new Date('2027-01-02T03:04:00+05:00')), 'SSO-master-secret-2027-01-01-2204.bak');
    });

    it('is deterministic and a valid Windows file name', () => {
      const d = new Date(Date.UTC(2030, 0, 1, 0, 0));
      assert.equal(proposeBackupFileName(d), proposeBackupFileName(new Date(d.getTime())));
      assert.doesNotMatch(proposeBackupFileName(d), /[\\/:*?"<>|\s]/);
    });

    it('refuses an invalid date', () => {
      assert.throws(() => proposeBackupFileName(new Date('nope')), /valid date/);
    });
  });
});

describe('ssoTools/commandLines: the file argument of a plan', () => {
  const opts = { platform: 'win32' as NodeJS.Platform, exists: () => false };
  const settings = { installFolder: '', ssomanagePath: '', ssoconfigPath: '', netPath: '' };
  it('says which argument is the file for -updatedb, -backupSecret and -restoreSecret, and none for the others', () => {
    const file = 'C:\\w\\NewMSSServer.xml';
    const up = planCommand({ type: 'ssomanage', command: 'updatedb', file }, settings, opts).steps[0];
    assert.equal(fileOfStep(up), file);
    assert.equal(up.args[up.fileArg!], file);
    for (const command of ['backupSecret', 'restoreSecret'] as const) {
      const st = planCommand({ type: 'ssoconfig', command, file: 'D:\\b\\SSO.bak' }, settings, opts).steps[0];
      assert.equal(fileOfStep(st), 'D:\\b\\SSO.bak');
      assert.equal(fileArgIndex(command), st.fileArg);
    }
    for (const def of [{ type: 'ssomanage', command: 'displaydb' }, { type: 'ssomanage', command: 'showserver' }, { type: 'ssomanage', command: 'serverall', server: 'SSOCLUSTER' }, { type: 'entsso', command: 'restart' }] as const) {
      for (const st of planCommand(def, settings, opts).steps) assert.equal(fileOfStep(st), undefined, JSON.stringify(def));
      assert.equal(fileArgIndex(def.command), undefined);
    }
  });
});

describe('ssoTools/commandLines: VS Code variables in a file', () => {
  const opts = { platform: 'win32' as NodeJS.Platform, exists: () => false, baseDir: 'C:\\work' };
  const settings = { installFolder: '', ssomanagePath: '', ssoconfigPath: '', netPath: '' };
  it('refuses ${...} in "file", saying why, for -updatedb, the backup and the restore; a relative path is resolved against the workspace folder', () => {
    for (const file of ['${workspaceFolder}\\NewMSSServer.xml', '${env:EVIL}', 'C:\\x\\${userHome}.bak']) {
      for (const def of [{ type: 'ssomanage', command: 'updatedb', file }, { type: 'ssoconfig', command: 'backupSecret', file }, { type: 'ssoconfig', command: 'restoreSecret', file }] as const) {
        assert.throws(() => planCommand(def, settings, opts), (e: Error) => e.message.includes(`${JSON.stringify(file)} holds a VS Code variable`) && e.message.includes('give the full path, or a path relative to the workspace folder'), `${def.command} ${file}`);
      }
    }
    assert.deepEqual(planCommand({ type: 'ssomanage', command: 'updatedb', file: 'NewMSSServer.xml' }, settings, opts).steps[0].args, ['-updatedb', 'C:\\work\\NewMSSServer.xml']);
  });
});
