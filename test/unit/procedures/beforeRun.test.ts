import * as assert from 'node:assert/strict';
import { BACKUP_NOTICE, beforeBackup, beforeRestart, beforeRestore, beforeUpdateDb, RESTORE_NOTICE, UPDATE_DB_CONFIRM, type UpdateDbFacts } from '../../../src/procedures/beforeRun';

const PC = 'BTSMSS01';
const updateDb = (over: Partial<UpdateDbFacts> = {}): UpdateDbFacts => ({
  fileName: 'NewMSSServer.xml',
  server: 'BTSMSS02',
  commandLine: 'C:\\SSO\\ssomanage.exe -updatedb C:\\w\\NewMSSServer.xml',
  cwd: 'C:\\SSO',
  move: 'moveToServer',
  backupDone: true,
  computer: PC,
  fileWarnings: [],
  ...over,
});

describe('procedures/beforeRun', () => {
  describe('before -updatedb', () => {
    it('asks to make the named server the master secret server, shows the exact command line and folder, and says where it runs', () => {
      const a = beforeUpdateDb(updateDb());
      assert.equal(a.question.title, 'Make BTSMSS02 the master secret server?');
      assert.equal(a.question.confirm, UPDATE_DB_CONFIRM);
      const parts = a.question.detail.split('\n\n');
      assert.equal(parts[0], 'This runs:\nC:\\SSO\\ssomanage.exe -updatedb C:\\w\\NewMSSServer.xml\nin C:\\SSO');
      assert.match(parts[1], /ORIGINAL master secret server/);
      assert.equal(parts.length, 2, 'backup done, another computer, no file warnings: nothing more');
      assert.deepEqual(a.logWarnings, []);
      assert.equal(a.remembersNewServer, true);
    });

    it('names the file when it names no server, and leaves out the folder when the install folder does not exist', () => {
      const a = beforeUpdateDb(updateDb({ server: undefined, cwd: undefined }));
      assert.equal(a.question.title, 'Apply NewMSSServer.xml to the SSO database?');
      assert.ok(a.question.detail.startsWith('This runs:\nC:\\SSO\\ssomanage.exe -updatedb C:\\w\\NewMSSServer.xml\n\n'));
    });

    it('warns when the backup step is not done (question and log), in the move to another server or when the move is not known', () => {
      for (const move of ['moveToServer', undefined] as const) {
        const a = beforeUpdateDb(updateDb({ backupDone: false, move }));
        assert.match(a.question.detail, /WARNING: the backup step is not marked done\./);
        assert.deepEqual(a.logWarnings, ['ssomanage -updatedb is run before the backup step is marked done.']);
      }
    });

    it('in the move to a cluster: always reminds of the backup on the original server, says active node, logs nothing and remembers no server', () => {
      const a = beforeUpdateDb(updateDb({ move: 'moveToCluster', backupDone: false, server: PC }));
      assert.match(a.question.detail, /WARNING: back up the master secret on the original master secret server before this/);
      assert.match(a.question.detail, /ACTIVE cluster node/);
      assert.doesNotMatch(a.question.detail, /is the new master secret server the file names/);
      assert.deepEqual(a.logWarnings, []);
      assert.equal(a.remembersNewServer, false);
    });

    it('warns when this computer is the new server the file names (any case, first DNS label)', () => {
      const a = beforeUpdateDb(updateDb({ server: 'btsmss01.contoso.com' }));
      assert.match(a.question.detail, /WARNING: This computer, BTSMSS01, is the new master secret server the file names\./);
      assert.equal(a.logWarnings.length, 1);
      assert.match(a.logWarnings[0], /^This computer, BTSMSS01/);
    });

    it('ends with each of the validator\'s warnings about the file', () => {
      const a = beforeUpdateDb(updateDb({ fileWarnings: ['one', 'two'] }));
      assert.deepEqual(a.question.detail.split('\n\n').slice(-2), ['Warning: one', 'Warning: two']);
    });
  });

  describe('before the backup', () => {
    it('asks before overwriting an existing file from the UI, and refuses it programmatically', () => {
      const ui = beforeBackup({ file: 'D:\\b\\SSO.bak', fileName: 'SSO.bak', exists: true, interactive: true });
      assert.deepEqual(ui.question, { title: 'SSO.bak exists already.', detail: 'ssoconfig would overwrite it with the new backup. Overwrite it?', confirm: 'Overwrite' });
      assert.equal(ui.refusal, undefined);
      const api = beforeBackup({ file: 'D:\\b\\SSO.bak', fileName: 'SSO.bak', exists: true, interactive: false });
      assert.equal(api.refusal, 'D:\\b\\SSO.bak exists already. Choose a new file name: a backup is never overwritten.');
      assert.equal(api.question, undefined);
    });

    it('a new file: no question, the other-backups warning passed on, and the password notice', () => {
      const a = beforeBackup({ file: 'D:\\b\\SSO.bak', exists: false, interactive: true, fileWarning: 'other .bak files' });
      assert.equal(a.question, undefined);
      assert.equal(a.refusal, undefined);
      assert.deepEqual(a.warnings, ['other .bak files']);
      assert.equal(a.notice, BACKUP_NOTICE);
      assert.match(a.notice, /Master Secret Mover never sees them/);
    });

    it('a path not known yet (a ${variable}) is neither refused nor asked about', () => {
      const a = beforeBackup({ exists: false, interactive: false });
      assert.equal(a.refusal, undefined);
      assert.equal(a.question, undefined);
      assert.deepEqual(a.warnings, []);
    });
  });

  describe('before the restore', () => {
    const place = { procedure: 'moveToServer' as const, step: 'restore' };

    it('nothing to say: no concerns and no question, only the password notice', () => {
      const a = beforeRestore({ place, missingSteps: [], computer: PC, newServer: PC });
      assert.deepEqual(a.concerns, []);
      assert.equal(a.question, undefined);
      assert.equal(a.notice, RESTORE_NOTICE);
    });

    it('steps not done come first, with 10766; the question asks about them', () => {
      const a = beforeRestore({ place, missingSteps: ['4. Update the SSO database', '5. Restart'], computer: PC, fileWarning: 'other .bak' });
      assert.match(a.concerns[0], /^Steps not marked done before the restore: 4\. Update the SSO database; 5\. Restart\. .*10766/);
      assert.equal(a.concerns[1], 'other .bak');
      assert.equal(a.question?.title, 'Restore before the earlier steps are done?');
      assert.equal(a.question?.detail, a.concerns.join('\n\n'));
      assert.equal(a.question?.confirm, 'Restore Anyway');
    });

    it('on a computer other than the new server of the move to another server: asks "Restore on this computer?"', () => {
      const a = beforeRestore({ place, missingSteps: [], computer: PC, newServer: 'BTSMSS02' });
      assert.equal(a.concerns.length, 1);
      assert.match(a.concerns[0], /Step 4 made BTSMSS02 the master secret server, and this computer is BTSMSS01\..*run it on BTSMSS02\./);
      assert.equal(a.question?.title, 'Restore on this computer?');
    });

    it('a cluster node restore is not checked against the new server; other backup files alone ask their own question', () => {
      const a = beforeRestore({ place: { procedure: 'moveToCluster', step: 'restoreEachNode', machine: PC }, missingSteps: [], computer: PC, newServer: 'BTSMSS02', fileWarning: 'other .bak' });
      assert.deepEqual(a.concerns, ['other .bak']);
      assert.equal(a.question?.title, 'Restore with other backup files in the folder?');
    });

    it('a backup older than the current master secret (a 10525 newer than its 10559) is said, with its own question when it is the only concern', () => {
      const stale = 'A new master secret was generated at T2 (10525), after the backup at T1 (10559): that backup holds an older secret.';
      const a = beforeRestore({ place, missingSteps: [], computer: PC, newServer: PC, staleBackupWarning: stale });
      assert.deepEqual(a.concerns, [stale]);
      assert.equal(a.question?.title, 'Restore a backup older than the current master secret?');
      const both = beforeRestore({ place, missingSteps: [], computer: PC, newServer: PC, staleBackupWarning: stale, fileWarning: 'other .bak' });
      assert.deepEqual(both.concerns, ['other .bak', stale]);
      assert.equal(both.question?.title, 'Restore with other backup files in the folder?');
    });
  });

  describe('before the restart', () => {
    it('warns on a computer other than the new server, and only there', () => {
      assert.deepEqual(beforeRestart({ move: 'moveToServer', computer: PC, newServer: PC }), {});
      assert.deepEqual(beforeRestart({ move: 'moveToServer', computer: PC }), {});
      const there = beforeRestart({ move: undefined, computer: PC, newServer: 'BTSMSS02' });
      assert.equal(there.elsewhere, 'Step 4 made BTSMSS02 the master secret server, and this computer is BTSMSS01. Step 5 restarts Enterprise SSO on BTSMSS02.');
    });

    it('in the move to a cluster the restart is not checked against the new server', () => {
      assert.equal(beforeRestart({ move: 'moveToCluster', computer: PC, newServer: 'BTSMSS02' }).elsewhere, undefined);
    });
  });
});
