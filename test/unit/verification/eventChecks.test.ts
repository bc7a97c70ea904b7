// The checks of the Application log, bound to this move's runs: an event counts only when it is
// newer than the run it bears on; events before the run never count.
import * as assert from 'node:assert/strict';
import { checkRestartLogged, checkRestoreLogged, checkSsoFollows, MOVE_EVENTS, QUERIED_EVENT_IDS, runBound, sameFile, staleBackupWarning, type RestoreBounds } from '../../../src/verification/eventChecks';
import { E10520, E10523, E10524, E10525, E10534, E10559, event, events, MSID_NEW, MSID_OLD, notRan, ran, WEVTUTIL_COMMAND, type EventSpec } from './samples';

const RESTART_AT = '2026-11-23T10:00:00.000Z';
const RESTART = runBound('the restart run (step 5)', RESTART_AT)!;
const log = (specs: EventSpec[], exitCode = 0) => ran(WEVTUTIL_COMMAND, events(specs), exitCode);
const BEFORE = '2026-11-23T09:59:59.9990000Z';
const AFTER = '2026-11-23T10:00:05.1234567Z';
const LATER = '2026-11-23T10:05:00.0000000Z';
const bounds = (extra: Partial<RestoreBounds> = {}): RestoreBounds => ({ after: RESTART, afterMissing: { what: 'restart run (step 5)', next: 'Restart Enterprise SSO from the extension.' }, ...extra });

describe('verification/eventChecks', () => {
  describe('runBound', () => {
    it('reads an ISO time, and gives undefined for none or an unreadable one', () => {
      assert.deepEqual(runBound('the restart run', RESTART_AT), { what: 'the restart run', at: RESTART_AT, ms: Date.parse(RESTART_AT) });
      assert.equal(runBound('x', undefined), undefined);
      assert.equal(runBound('x', ''), undefined);
      assert.equal(runBound('x', 'yesterday'), undefined);
    });
  });

  describe('QUERIED_EVENT_IDS', () => {
    it('asks for exactly the move events, sorted, the restart, restore, backup and fetch events included', () => {
      assert.deepEqual(QUERIED_EVENT_IDS, Object.keys(MOVE_EVENTS).map(Number).sort((a, b) => a - b));
      for (const id of [10501, 10502, 10503, 10504, 10505, 10611, 10534, 10520, 10523, 10524, 10525, 10559, 10529, 10530, 10532, 10533, 10575]) assert.ok(QUERIED_EVENT_IDS.includes(id), String(id));
      assert.equal(new Set(QUERIED_EVENT_IDS).size, QUERIED_EVENT_IDS.length);
    });
  });

  describe('sameFile', () => {
    it('compares Windows paths in any case, after normalising . and .., doubled and trailing backslashes, and forward slashes', () => {
      assert.ok(sameFile('D:\\Backups\\SSO.bak', 'd:\\backups\\sso.BAK'));
      assert.ok(sameFile('D:\\Backups\\old\\..\\SSO.bak', 'D:\\Backups\\.\\SSO.bak'));
      assert.ok(sameFile('D:/Backups/SSO.bak', 'D:\\Backups\\SSO.bak'));
      assert.ok(sameFile(' D:\\Backups\\SSO.bak ', 'D:\\Backups\\\\SSO.bak'));
      assert.ok(!sameFile('D:\\Backups\\SSO.bak', 'D:\\Backups\\SSO2.bak'));
      assert.ok(!sameFile('D:\\Backups\\SSO.bak', 'E:\\Backups\\SSO.bak'));
    });
  });

  describe('checkRestartLogged', () => {
    it('passes for a 10534 or a 10502 newer than the restart run, naming it and the run', () => {
      const r = checkRestartLogged(log([E10520(AFTER), E10534(AFTER)]), 'BTSMSS02', RESTART);
      assert.equal(r.verdict, 'pass');
      assert.equal(r.summary, `10534 logged at ${AFTER} on BTSMSS02.contoso.com, after the restart run (step 5): this computer is the master secret server (after the restart).`);
      assert.match(r.evidence, new RegExp(`Bound to the restart run \\(step 5\\) started at ${RESTART_AT.replace(/\./g, '\\.')}\\.`));
      assert.equal(checkRestartLogged(log([{ id: 10502, time: AFTER }, { id: 10501, time: AFTER }, { id: 10505, time: AFTER }]), 'BTSMSS02', RESTART).verdict, 'pass');
    });

    it('never counts a start before the run: unverified, naming the older event', () => {
      const r = checkRestartLogged(log([E10534(BEFORE), { id: 10502, time: '2026-11-20T08:00:00Z' }]), 'BTSMSS02', RESTART);
      assert.equal(r.verdict, 'unverified');
      assert.equal(r.summary, `No start of ENTSSO is logged on BTSMSS02 after the restart run (step 5) at ${RESTART_AT} (the 10534 at ${BEFORE} is older: not this move's).`);
    });

    it('is unverified when only the stop (10504, 10505) or the start (10501, 10611) is logged after the run', () => {
      const r = checkRestartLogged(log([{ id: 10611, time: AFTER }, { id: 10505, time: AFTER }, { id: 10504, time: AFTER }]), 'BTSMSS02', RESTART);
      assert.equal(r.verdict, 'unverified');
      assert.match(r.summary, /^No start of ENTSSO is logged on BTSMSS02 after/);
    });

    it('fails when a 10503 (failed to start) is the newest, with its error code; passes when a start follows it', () => {
      const failed = checkRestartLogged(log([{ id: 10503, time: LATER, data: ['0xC0002A1F'] }, E10534(AFTER)]), 'BTSMSS02', RESTART);
      assert.equal(failed.verdict, 'fail');
      assert.equal(failed.summary, `10503 logged at ${LATER} on BTSMSS02.contoso.com: the SSO service failed to start after the restart run (step 5) (0xC0002A1F).`);
      assert.equal(checkRestartLogged(log([{ id: 10502, time: LATER }, { id: 10503, time: AFTER }]), 'BTSMSS02', RESTART).verdict, 'pass');
      assert.equal(checkRestartLogged(log([{ id: 10503, time: BEFORE }, E10534(AFTER)]), 'BTSMSS02', RESTART).verdict, 'pass');
    });

    it('is unverified with no restart run recorded, naming the run missing', () => {
      const r = checkRestartLogged(log([E10534(AFTER)]), 'BTSMSS02', undefined);
      assert.equal(r.verdict, 'unverified');
      assert.equal(r.summary, 'Not checked: no restart run (step 5) of this move is recorded, so no event can be bound to it.');
      assert.match(r.evidence, /1 ENTSSO events read/);
    });

    it('ignores events of other providers and events whose time cannot be read', () => {
      assert.equal(checkRestartLogged(log([{ ...E10534(AFTER), provider: 'Other' }]), 'BTSMSS02', RESTART).verdict, 'unverified');
      assert.equal(checkRestartLogged(log([E10534('not a time')]), 'BTSMSS02', RESTART).verdict, 'unverified');
    });

    it('is unverified for access denied, an unreachable computer, garbage and no run', () => {
      assert.match(checkRestartLogged(ran(WEVTUTIL_COMMAND, 'Failed to read event. Access is denied.', 5), 'BTSMSS02', RESTART).summary, /access to the Application log of BTSMSS02 was denied/);
      assert.match(checkRestartLogged(ran(WEVTUTIL_COMMAND, 'The RPC server is unavailable.', 1722), 'BTSMSS02', RESTART).summary, /BTSMSS02 cannot be reached/);
      assert.match(checkRestartLogged(ran(WEVTUTIL_COMMAND, 'garbage'), 'BTSMSS02', RESTART).summary, /not event XML/);
      assert.equal(checkRestartLogged(notRan(WEVTUTIL_COMMAND, 'wevtutil.exe was not found.'), 'BTSMSS02', RESTART).summary, 'Not checked: wevtutil.exe was not found.');
    });
  });

  describe('checkRestoreLogged', () => {
    it('passes for a 10523 newer than the run, of the file restored, with the MSID of the backup\'s 10559', () => {
      const r = checkRestoreLogged(log([E10523(LATER), E10534(AFTER), E10559('2026-11-22T12:00:00Z')]), 'BTSMSS02', bounds({ restoredFile: 'd:\\backups\\sso.bak' }));
      assert.equal(r.verdict, 'pass');
      assert.equal(r.summary, `10523 logged at ${LATER} on BTSMSS02.contoso.com, after the restart run (step 5): the master secrets were restored.`);
      assert.match(r.evidence, new RegExp(`MSID \\${MSID_NEW.slice(0, -1)}\\} matches the backup's 10559 at 2026-11-22T12:00:00Z\\.`));
    });

    it('passes without the backup\'s 10559 in the log, saying the MSID was not compared', () => {
      const r = checkRestoreLogged(log([E10523(LATER)]), 'BTSMSS02', bounds());
      assert.equal(r.verdict, 'pass');
      assert.match(r.evidence, /The backup's 10559 is not in this log .*: MSID not compared\./);
    });

    it('never counts a 10523 older than the run (an earlier restore, a drill): unverified, naming it', () => {
      const r = checkRestoreLogged(log([E10534(AFTER), E10523(BEFORE)]), 'BTSMSS02', bounds());
      assert.equal(r.verdict, 'unverified');
      assert.equal(r.summary, `No restore is logged on BTSMSS02 after the restart run (step 5) at ${RESTART_AT}: neither 10523 nor 10524 among the 2 newest ENTSSO events; the 10523 at ${BEFORE} is older, not this move's restore.`);
      assert.match(r.next!, /10520/);
    });

    it('fails for a 10524 newer than the run, with its error code; an older 10524 does not count', () => {
      const r = checkRestoreLogged(log([E10524(LATER, '0x80070005'), E10523(AFTER)]), 'BTSMSS02', bounds());
      assert.equal(r.verdict, 'fail');
      assert.equal(r.summary, `10524 logged at ${LATER} on BTSMSS02.contoso.com: the restore of the master secrets failed (0x80070005).`);
      assert.equal(checkRestoreLogged(log([E10523(LATER), E10524(BEFORE)]), 'BTSMSS02', bounds()).verdict, 'pass');
    });

    it('fails when the 10523 restored another file than this move\'s restore', () => {
      const r = checkRestoreLogged(log([E10523(LATER, 'D:\\Backups\\Drill.bak')]), 'BTSMSS02', bounds({ restoredFile: 'D:\\Backups\\SSO.bak' }));
      assert.equal(r.verdict, 'fail');
      assert.equal(r.summary, `The 10523 at ${LATER} restored D:\\Backups\\Drill.bak, not D:\\Backups\\SSO.bak, the file of this move's restore.`);
    });

    it('fails when the backup\'s 10559 of that file carries another MSID (the file was overwritten)', () => {
      const r = checkRestoreLogged(log([E10523(LATER), E10559('2026-11-22T12:00:00Z', 'D:\\Backups\\SSO.bak', MSID_OLD)]), 'BTSMSS02', bounds());
      assert.equal(r.verdict, 'fail');
      assert.equal(r.summary, `The 10523 at ${LATER} restored the secret ${MSID_NEW}, but the backup of D:\\Backups\\SSO.bak at 2026-11-22T12:00:00Z (10559) holds ${MSID_OLD}.`);
    });

    it('compares the MSID only with a 10559 of the same file made before the restore, the newest such', () => {
      const otherFile = E10559('2026-11-22T12:00:00Z', 'D:\\Backups\\Other.bak', MSID_OLD);
      assert.equal(checkRestoreLogged(log([E10523(LATER), otherFile]), 'BTSMSS02', bounds()).verdict, 'pass');
      const afterRestore = E10559('2026-11-23T11:00:00Z', 'D:\\Backups\\SSO.bak', MSID_OLD);
      assert.equal(checkRestoreLogged(log([afterRestore, E10523(LATER)]), 'BTSMSS02', bounds()).verdict, 'pass');
      const older = E10559('2026-11-21T12:00:00Z', 'D:\\Backups\\SSO.bak', MSID_OLD);
      const newer = E10559('2026-11-22T12:00:00Z', 'd:\\BACKUPS\\sso.bak', MSID_NEW.toLowerCase());
      assert.equal(checkRestoreLogged(log([E10523(LATER), newer, older]), 'BTSMSS02', bounds()).verdict, 'pass');
    });

    it('is unverified with no restart (or resource cycle) recorded, naming what is missing', () => {
      const r = checkRestoreLogged(log([E10523(LATER)]), 'NODE1', { afterMissing: { what: 'resource cycle (step 6)', next: 'Cycle it.' } });
      assert.equal(r.verdict, 'unverified');
      assert.equal(r.summary, 'Not checked: no resource cycle (step 6) of this move is recorded, so no event can be bound to it.');
      assert.equal(r.next, 'Cycle it.');
    });

    it('decides by TimeCreated with 7 digits and offsets, not by the order printed', () => {
      const r = checkRestoreLogged(log([E10524('2026-11-23T10:00:01.0000001Z'), E10523('2026-11-23T12:00:02.0000000+02:00')]), 'BTSMSS02', bounds());
      // 12:00:02+02:00 is 10:00:02Z: newer than the 10524.
      assert.equal(r.verdict, 'pass');
    });
  });

  describe('checkSsoFollows', () => {
    const RESTORE = runBound('the restore run (step 6)', '2026-11-23T10:10:00.000Z')!;
    const fetch = (id: number, time: string, server: string): EventSpec => ({ id, time, computer: 'BTS01.contoso.com', data: [server, MSID_NEW] });

    it('passes for a 10533, 10530 or 10529 newer than the restore naming the new server', () => {
      for (const id of [10533, 10530, 10529]) {
        const r = checkSsoFollows(log([fetch(id, '2026-11-23T10:11:00Z', 'btsmss02.contoso.com')]), 'BTS01', 'BTSMSS02', RESTORE);
        assert.equal(r.verdict, 'pass', String(id));
        assert.equal(r.summary, `${id} logged at 2026-11-23T10:11:00Z on BTS01: it reads the secret from btsmss02.contoso.com.`);
      }
    });

    it('fails when the newest fetch names another server, or is a 10532', () => {
      const other = checkSsoFollows(log([fetch(10533, '2026-11-23T10:11:00Z', 'BTSMSS01')]), 'BTS01', 'BTSMSS02', RESTORE);
      assert.equal(other.verdict, 'fail');
      assert.equal(other.summary, '10533 at 2026-11-23T10:11:00Z on BTS01 names BTSMSS01, not BTSMSS02.');
      const failed = checkSsoFollows(log([{ id: 10532, time: '2026-11-23T10:12:00Z', data: ['BTSMSS02', '0x80002918'] }, fetch(10533, '2026-11-23T10:11:00Z', 'BTSMSS02')]), 'BTS01', 'BTSMSS02', RESTORE);
      assert.equal(failed.verdict, 'fail');
      assert.equal(failed.summary, '10532 logged at 2026-11-23T10:12:00Z on BTS01: it failed to retrieve the master secrets from BTSMSS02.');
      assert.ok(!/net start/i.test(failed.next!));
    });

    it('never counts a fetch before the restore (naming the old server then is expected)', () => {
      const r = checkSsoFollows(log([fetch(10533, '2026-11-23T10:09:00Z', 'BTSMSS01'), { id: 10532, time: '2026-11-23T10:09:30Z' }]), 'BTS01', 'BTSMSS02', RESTORE);
      assert.equal(r.verdict, 'unverified');
      assert.equal(r.summary, 'No secret fetch is logged on BTS01 after the restore run (step 6) at 2026-11-23T10:10:00.000Z.');
      assert.match(r.next!, /higher audit level/);
    });

    it('is unverified without a new server or without a restore run', () => {
      assert.equal(checkSsoFollows(log([]), 'BTS01', undefined, RESTORE).summary, 'Not checked: no new master secret server is known yet.');
      assert.equal(checkSsoFollows(log([]), 'BTS01', 'BTSMSS02', undefined).summary, 'Not checked: no restore run of this move is recorded, so no event can be bound to it.');
    });
  });

  describe('staleBackupWarning', () => {
    const FILE = 'D:\\Backups\\SSO.bak';
    it('warns when a 10525 is newer than the backup\'s 10559 of the file', () => {
      const w = staleBackupWarning(log([E10525('2026-11-22T13:00:00Z'), E10559('2026-11-22T12:00:00Z')]), FILE);
      assert.equal(w.warning, `A new master secret was generated at 2026-11-22T13:00:00Z (10525), after the backup at 2026-11-22T12:00:00Z (10559) of ${FILE}: that backup holds an older secret. Back up the master secret again on the master secret server and restore the new file.`);
      assert.equal(w.note, '10525 at 2026-11-22T13:00:00Z is newer than the backup\'s 10559 at 2026-11-22T12:00:00Z.');
    });

    it('does not warn when the backup is newer than every 10525, or the newer backup is of that file', () => {
      const w = staleBackupWarning(log([E10559('2026-11-22T14:00:00Z'), E10525('2026-11-22T13:00:00Z'), E10559('2026-11-22T12:00:00Z')]), FILE);
      assert.equal(w.warning, undefined);
      assert.equal(w.note, 'The backup of 2026-11-22T14:00:00Z (10559) is newer than any 10525 read: it holds the current secret.');
    });

    it('compares with the backup of the file given, not another file\'s; any file when none is given', () => {
      const specs = [E10559('2026-11-22T14:00:00Z', 'D:\\Backups\\Other.bak'), E10525('2026-11-22T13:00:00Z'), E10559('2026-11-22T12:00:00Z')];
      assert.ok(staleBackupWarning(log(specs), FILE).warning);
      assert.equal(staleBackupWarning(log(specs), undefined).warning, undefined);
    });

    it('says why it did not check: no 10559 of the file, not run, a failed run, not event XML', () => {
      assert.equal(staleBackupWarning(log([E10525('2026-11-22T13:00:00Z')]), FILE).note, `Not checked whether the backup is current: no 10559 (backup succeeded) for ${FILE} among the events read.`);
      assert.equal(staleBackupWarning(notRan(WEVTUTIL_COMMAND, 'wevtutil.exe was not found.'), FILE).note, 'Not checked whether the backup is current: wevtutil.exe was not found.');
      assert.equal(staleBackupWarning(ran(WEVTUTIL_COMMAND, '', 5), FILE).note, `Not checked whether the backup is current: ${WEVTUTIL_COMMAND} ended with exit code 5.`);
      assert.match(staleBackupWarning(ran(WEVTUTIL_COMMAND, 'garbage'), FILE).note, /not event XML/);
      for (const r of [staleBackupWarning(ran(WEVTUTIL_COMMAND, 'garbage'), FILE), staleBackupWarning(log([]), FILE)]) assert.equal(r.warning, undefined);
    });

    it('ignores events of other providers', () => {
      assert.equal(staleBackupWarning(ran(WEVTUTIL_COMMAND, event({ ...E10525('2026-11-22T13:00:00Z'), provider: 'Other' }) + event(E10559('2026-11-22T12:00:00Z'))), FILE).warning, undefined);
    });
  });
});
