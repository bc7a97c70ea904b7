import * as assert from 'node:assert/strict';
import { checkBackupTarget, checkRestoreSource, otherBackupFiles, readBackupFileFacts } from '../../../src/ssoTools/backupFiles';

const FOLDER = 'D:\\Backups';
const facts = (file: string, namesInFolder: string[] | undefined, fileExists = false) => ({ file: `${FOLDER}\\${file}`, folder: FOLDER, namesInFolder, fileExists });

describe('ssoTools/backupFiles', () => {
  describe('otherBackupFiles', () => {
    it('lists the other .bak files, any case, sorted, and not the file itself (names compared as Windows does)', () => {
      assert.deepEqual(otherBackupFiles('SSO.bak', ['sso.BAK', 'b.bak', 'A.Bak', 'notes.txt', 'x.bak.txt', 'bak']), ['A.Bak', 'b.bak']);
    });
    it('is empty when the folder has no other backup', () => {
      assert.deepEqual(otherBackupFiles('SSO.bak', []), []);
      assert.deepEqual(otherBackupFiles('SSO.bak', ['SSO.bak', 'readme.txt']), []);
    });
  });

  describe('checkBackupTarget', () => {
    it('refuses a folder that does not exist, and says what to choose', () => {
      const c = checkBackupTarget(facts('SSO.bak', undefined));
      assert.equal(c.error, 'The folder D:\\Backups does not exist. Choose an existing folder on an NTFS volume or removable media for the backup.');
      assert.equal(c.warning, undefined);
    });
    it('says nothing for an empty folder, or one with other files', () => {
      assert.deepEqual(checkBackupTarget(facts('SSO.bak', [])), {});
      assert.deepEqual(checkBackupTarget(facts('SSO.bak', ['readme.txt', 'SSO.bak'])), {});
    });
    it('warns, naming them and 10564, when other .bak files are in the folder', () => {
      const c = checkBackupTarget(facts('SSO new.bak', ['old1.bak', 'old2.bak']));
      assert.equal(c.error, undefined);
      assert.equal(c.warning, 'D:\\Backups has other backup files: old1.bak, old2.bak. ENTSSO can fail the restore with "The backup file does not have the correct format." (10564) when other .bak files are next to the backup: before the restore, keep only this backup in its folder (or back up to a folder of its own).');
    });
    it('names three files at most, and how many more', () => {
      const c = checkBackupTarget(facts('SSO.bak', ['e.bak', 'd.bak', 'c.bak', 'b.bak', 'a.bak']));
      assert.match(c.warning ?? '', /other backup files: a\.bak, b\.bak, c\.bak and 2 more\./);
    });
    it('reads the file name after a forward slash too', () => {
      assert.deepEqual(checkBackupTarget({ file: '/srv/b/SSO.bak', folder: '/srv/b', namesInFolder: ['SSO.bak'], fileExists: true }), {});
    });
  });

  describe('checkRestoreSource', () => {
    it('refuses a file that does not exist, and says which file to pick', () => {
      const c = checkRestoreSource(facts('SSO.bak', ['other.bak'], false));
      assert.equal(c.error, 'The backup file D:\\Backups\\SSO.bak does not exist. Pick the .bak file made by the backup step (ssoconfig -backupSecret); copy it to this computer first if it was made on another one.');
      assert.equal(c.warning, undefined, 'no warning on top of the refusal');
    });
    it('says nothing when the backup is alone in its folder', () => {
      assert.deepEqual(checkRestoreSource(facts('SSO.bak', ['SSO.bak', 'readme.txt'], true)), {});
    });
    it('warns, naming the other .bak files and 10564', () => {
      const c = checkRestoreSource(facts('SSO.bak', ['SSO.bak', 'older.bak'], true));
      assert.equal(c.error, undefined);
      assert.equal(c.warning, 'D:\\Backups has other backup files: older.bak. ENTSSO can fail the restore with "The backup file does not have the correct format." (10564) when other .bak files are next to the backup: move them away, keeping only the backup you restore in that folder.');
    });
  });

  it('readBackupFileFacts: the folder listed with the access handed in; a missing folder is undefined, one that cannot be listed is empty', () => {
    const fail = (code: string) => () => { throw Object.assign(new Error(code), { code }); };
    const exists = (p: string) => p === '/srv/b/SSO.bak';
    assert.deepEqual(readBackupFileFacts('/srv/b/SSO.bak', { readdir: () => ['SSO.bak', 'old.bak'], exists }), { file: '/srv/b/SSO.bak', folder: '/srv/b', namesInFolder: ['SSO.bak', 'old.bak'], fileExists: true });
    assert.equal(readBackupFileFacts('/srv/none/SSO.bak', { readdir: fail('ENOENT'), exists }).namesInFolder, undefined);
    assert.equal(readBackupFileFacts('/srv/file/SSO.bak', { readdir: fail('ENOTDIR'), exists }).namesInFolder, undefined);
    assert.deepEqual(readBackupFileFacts('/srv/locked/SSO.bak', { readdir: fail('EACCES'), exists }).namesInFolder, []);
  });
});
