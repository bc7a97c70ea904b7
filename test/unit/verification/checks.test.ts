import * as assert from 'node:assert/strict';
import {
  CHECK_IDS, checkSecretServerName, checkServiceRunning, EXPECTED_EVENTS, type CheckResult, type ToolOutput,
} from '../../../src/verification/checks';
import { checkRestoreLogged as restoreLogged, MOVE_EVENTS, moveEventLines, runBound } from '../../../src/verification/eventChecks';
import { readEvents } from '../../../src/verification/readers';
import {
  DISPLAYDB_COMMAND, DISPLAYDB_ERROR, DISPLAYDB_GERMAN, displayDb, E10520, E10523, E10524, E10534, E10575, event, events, notRan, ran,
  SC_ACCESS_DENIED, SC_COMMAND, SC_GERMAN_NOT_INSTALLED, SC_GERMAN_RUNNING, SC_NOT_INSTALLED, SC_RPC_UNAVAILABLE, SC_STATES, scQuery, WEVTUTIL_COMMAND,
} from './samples';

/** The restore check bound to a restart long before every sample event: the events alone decide. */
const EARLY_RESTART = runBound('the restart run (step 5)', '2000-01-01T00:00:00.000Z');
const checkRestoreLogged = (out: ToolOutput, computer: string) => restoreLogged(out, computer, { after: EARLY_RESTART, afterMissing: { what: 'restart run (step 5)', next: 'Restart it.' } });


const BOM = '\uFEFF';

function expect(result: CheckResult, verdict: CheckResult['verdict'], ...words: Array<string | RegExp>): void {
  assert.equal(result.verdict, verdict, `${result.verdict}: ${result.summary}`);
  for (const w of words) {
    if (typeof w === 'string') assert.ok(result.summary.includes(w), `summary ${JSON.stringify(result.summary)} lacks ${JSON.stringify(w)}`);
    else assert.match(result.summary, w);
  }
  assert.ok(!result.summary.includes('\n'), `summary is one line: ${result.summary}`);
  if (verdict === 'pass') assert.equal(result.next, undefined);
  else assert.ok(result.next && result.next.length > 0, 'a verdict other than pass says what to do next');
}

describe('verification/checks', () => {
  it("has the checks of a move, the contract's first", () => {
    assert.deepEqual(CHECK_IDS.slice(0, 4), ['secretServerName', 'serviceRunning', 'restartLogged', 'restoreLogged']);
    assert.deepEqual(new Set(CHECK_IDS).size, CHECK_IDS.length);
    for (const id of ['clusterResource', 'groupSsoServer']) assert.ok((CHECK_IDS as readonly string[]).includes(id), id);
  });

  describe('checkSecretServerName', () => {
    const out = (stdout: string, exitCode = 0, stderr = ''): ToolOutput => ran(DISPLAYDB_COMMAND, stdout, exitCode, stderr);

    it('passes when -displaydb names the expected server, with the line read as evidence', () => {
      const r = checkSecretServerName(out(displayDb('BTSMSS02')), 'BTSMSS02');
      expect(r, 'pass', '-displaydb names BTSMSS02 as the master secret server');
      assert.equal(r.id, 'secretServerName');
      assert.equal(r.evidence, `${DISPLAYDB_COMMAND}\nUsing SSO server on this computer\nSingle Sign-On Secret Server name: BTSMSS02`);
    });

    it('passes for the same computer with a DNS suffix, in another case, in LF output with a BOM', () => {
      expect(checkSecretServerName(out(displayDb('BTSMSS02.contoso.com')), 'BTSMSS02'), 'pass', 'BTSMSS02.contoso.com');
      expect(checkSecretServerName(out(displayDb('BTSMSS02')), 'btsmss02.contoso.com'), 'pass', 'BTSMSS02');
      expect(checkSecretServerName(out(BOM + displayDb('btsmss02', '\n')), ' BTSMSS02 '), 'pass', 'btsmss02');
    });

    it('passes when the other lines changed or moved', () => {
      const reordered = displayDb('BTSMSS02').split('\r\n').reverse().join('\r\n').replace('Single Sign-On database', 'SQL Server database');
      expect(checkSecretServerName(out(reordered), 'BTSMSS02'), 'pass', 'BTSMSS02');
    });

    it('fails naming both servers when -displaydb names another one', () => {
      const r = checkSecretServerName(out(displayDb('BTSMSS01')), 'BTSMSS02');
      expect(r, 'fail', '-displaydb names BTSMSS01, not BTSMSS02.');
      assert.match(r.next ?? '', /ssomanage -updatedb/);
      assert.match(r.next ?? '', /BTSMSS02/);
      assert.match(r.evidence, /Single Sign-On Secret Server name: BTSMSS01/);
      // A longer name that only starts like the expected one is another computer.
      expect(checkSecretServerName(out(displayDb('BTSMSS02B.contoso.com')), 'BTSMSS02'), 'fail', 'BTSMSS02B.contoso.com', 'not BTSMSS02');
    });

    it('is unverified, naming the server read, when no server is expected', () => {
      for (const expected of [undefined, '', '   ']) {
        const r = checkSecretServerName(out(displayDb('BTSMSS02')), expected);
        expect(r, 'unverified', 'BTSMSS02', 'no server is expected');
        assert.match(r.next ?? '', /-updatedb/);
      }
    });

    it('is unverified when the line is missing, empty or localized, with the output as evidence', () => {
      const without = displayDb('BTSMSS02').split('\r\n').filter((l) => !l.includes('Secret Server')).join('\r\n');
      for (const stdout of [without, displayDb(''), DISPLAYDB_GERMAN, '', 'garbage', '\u0000\uFFFD']) {
        const r = checkSecretServerName(out(stdout), 'BTSMSS02');
        expect(r, 'unverified', 'Not checked', 'label ends in "secret server name"');
        assert.ok(r.evidence.startsWith(DISPLAYDB_COMMAND), r.evidence);
      }
      const german = checkSecretServerName(out(DISPLAYDB_GERMAN), 'BTSMSS02');
      assert.match(german.evidence, /Name des geheimen Single Sign-On-Servers/);
      assert.match(german.next ?? '', /not its exact layout/);
    });

    it('is unverified naming the HRESULT when ssomanage fails', () => {
      for (const exitCode of [1, -1073730033]) {
        const r = checkSecretServerName(out(DISPLAYDB_ERROR, exitCode), 'BTSMSS02');
        expect(r, 'unverified', 'Not checked', `exit code ${exitCode}`, '0xC0002A0F', "Could not contact the SSO server 'BTSMSS01'");
        assert.match(r.next ?? '', /0xC0002A0F/);
        assert.match(r.evidence, /RPC: 0x800706BA/);
      }
      // The error on stderr is found too.
      expect(checkSecretServerName(out('', 1, DISPLAYDB_ERROR), 'BTSMSS02'), 'unverified', '0xC0002A0F');
      // Even if the failing run printed a listing naming the expected server, it is not a pass.
      expect(checkSecretServerName(out(displayDb('BTSMSS02'), 1), 'BTSMSS02'), 'unverified', 'exit code 1');
    });

    it('is unverified (not pass) when an ERROR line comes with exit code 0', () => {
      expect(checkSecretServerName(out(DISPLAYDB_ERROR, 0), 'BTSMSS02'), 'unverified', 'Not checked');
    });

    it('is unverified with the reason when the tool did not run', () => {
      const r = checkSecretServerName(notRan(DISPLAYDB_COMMAND, 'ssomanage.exe was not found in C:\\Program Files\\Common Files\\Enterprise Single Sign-On'), 'BTSMSS02');
      expect(r, 'unverified', 'Not checked: ssomanage.exe was not found');
      assert.match(r.evidence, /^ssomanage -displaydb\nssomanage\.exe was not found/);
    });

    it('clips a long output in the evidence', () => {
      const long = `${'x'.repeat(5000)}\r\n`;
      const r = checkSecretServerName(out(long), 'BTSMSS02');
      assert.equal(r.verdict, 'unverified');
      assert.match(r.evidence, /… \(3500 more characters\)$/);
      assert.ok(r.evidence.length < 1700);
    });
  });

  describe('checkServiceRunning', () => {
    const out = (stdout: string, exitCode = 0, stderr = ''): ToolOutput => ran(SC_COMMAND, stdout, exitCode, stderr);

    it('passes when sc prints 4 RUNNING, with the sc output as evidence', () => {
      const r = checkServiceRunning(out(scQuery(SC_STATES.RUNNING)), 'BTSMSS02');
      expect(r, 'pass', 'ENTSSO is running on BTSMSS02.');
      assert.equal(r.id, 'serviceRunning');
      assert.match(r.evidence, /^sc \\\\BTSMSS02 query ENTSSO\nSERVICE_NAME: ENTSSO\n/);
      assert.match(r.evidence, /STATE {14}: 4 {2}RUNNING/);
      assert.ok(!r.evidence.includes('\r'));
      expect(checkServiceRunning(out(BOM + scQuery(SC_STATES.RUNNING, '\n')), 'BTSMSS02'), 'pass', 'running on BTSMSS02');
    });

    it('fails naming the state for 1 STOPPED, 3 STOP_PENDING and 7 PAUSED', () => {
      for (const name of ['STOPPED', 'STOP_PENDING', 'PAUSED'] as const) {
        const r = checkServiceRunning(out(scQuery(SC_STATES[name])), 'BTSMSS02');
        expect(r, 'fail', `ENTSSO is ${name} on BTSMSS02, not RUNNING.`);
        assert.match(r.next ?? '', /Start Enterprise SSO on BTSMSS02/);
      }
    });

    it('fails for 2 START_PENDING, saying to verify again in a moment', () => {
      const r = checkServiceRunning(out(scQuery(SC_STATES.START_PENDING)), 'BTSMSS02');
      expect(r, 'fail', 'ENTSSO is START_PENDING on BTSMSS02');
      assert.match(r.next ?? '', /starting .*verify again in a moment/);
    });

    it('fails "not installed" for FAILED 1060 (exit code 1060), on stdout or stderr', () => {
      for (const o of [out(SC_NOT_INSTALLED, 1060), out('', 1060, SC_NOT_INSTALLED)]) {
        const r = checkServiceRunning(o, 'BTSMSS02');
        expect(r, 'fail', 'ENTSSO is not installed on BTSMSS02', '1060');
        assert.match(r.next ?? '', /Install and configure Enterprise SSO on BTSMSS02/);
        assert.match(r.evidence, /The specified service does not exist as an installed service\./);
      }
    });

    it('is unverified for access denied (FAILED 5)', () => {
      const r = checkServiceRunning(out(SC_ACCESS_DENIED, 5), 'BTSMSS02');
      expect(r, 'unverified', 'Not checked', 'access to the services of BTSMSS02 was denied', 'error 5');
      assert.match(r.next ?? '', /administrator/);
    });

    it('is unverified for an unreachable computer (FAILED 1722), with the message', () => {
      const r = checkServiceRunning(out(SC_RPC_UNAVAILABLE, 1722), 'BTSMSS02');
      expect(r, 'unverified', 'Not checked', 'BTSMSS02 cannot be reached', 'error 1722: The RPC server is unavailable.');
      assert.match(r.next ?? '', /firewall/);
    });

    it('is unverified for another sc error, naming its code and message', () => {
      const r = checkServiceRunning(out('[SC] OpenService FAILED 1115:\r\n\r\nA system shutdown is in progress.\r\n', 1115), 'BTSMSS02');
      expect(r, 'unverified', 'Not checked', 'error 1115: A system shutdown is in progress.');
    });

    it('is unverified for empty output or garbage (never fail, never pass)', () => {
      for (const [stdout, exitCode] of [['', 0], ['garbage', 0], ['\u0000', 1]] as const) {
        const r = checkServiceRunning(out(stdout, exitCode), 'BTSMSS02');
        expect(r, 'unverified', 'Not checked: sc printed no service state', `exit code ${exitCode}`);
        assert.match(r.next ?? '', /Read the output/);
      }
    });

    it('reads a localized sc by its numbers: the state after the TYPE row, 1060 after [SC], or exit code 1060', () => {
      expect(checkServiceRunning(out(SC_GERMAN_RUNNING), 'BTSMSS02'), 'pass', 'ENTSSO is running on BTSMSS02.');
      expect(checkServiceRunning(out(SC_GERMAN_NOT_INSTALLED, 1060), 'BTSMSS02'), 'fail', 'not installed');
      expect(checkServiceRunning(out('', 1060), 'BTSMSS02'), 'fail', 'not installed');
    });

    it('is unverified with the reason when sc did not run', () => {
      expect(checkServiceRunning(notRan(SC_COMMAND, 'sc.exe timed out after 30 seconds'), 'BTSMSS02'), 'unverified', 'Not checked: sc.exe timed out after 30 seconds');
    });
  });

  describe('checkRestoreLogged', () => {
    const out = (stdout: string, exitCode = 0, stderr = ''): ToolOutput => ran(WEVTUTIL_COMMAND, stdout, exitCode, stderr);
    const T = {
      updatedb: '2026-11-30T09:58:00.0000000Z',
      start: '2026-11-30T10:09:40.1000000Z',
      warn: '2026-11-30T10:09:41.5550000Z',
      restore: '2026-11-30T10:15:02.1234567Z',
      failed: '2026-11-30T10:12:30.9876543Z',
    };

    it('passes when the newest of 10523 and 10524 is 10523 (printed newest first), naming the time and the computer', () => {
      const stdout = events([E10523(T.restore), E10524(T.failed), E10520(T.warn), E10534(T.start)]);
      const r = checkRestoreLogged(out(stdout), 'BTSMSS02');
      expect(r, 'pass', `10523 logged at ${T.restore} on BTSMSS02.contoso.com`, 'the master secrets were restored');
      assert.equal(r.id, 'restoreLogged');
      const lines = r.evidence.split('\n');
      assert.equal(lines[0], WEVTUTIL_COMMAND);
      assert.match(lines[1], /^10523 at 2026-11-30T10:15:02\.1234567Z on BTSMSS02\.contoso\.com \(the master secrets were restored\): D:\\Backups\\SSO\.bak \| \{5E1B/);
      assert.equal(lines[2], 'ENTSSO events of the move found, newest first:');
      assert.deepEqual(lines.slice(3, 7).map((l) => l.split(' ')[0]), ['10523', '10524', '10520', '10534']);
      assert.match(lines[7], /^The backup's 10559 is not in this log/);
      assert.equal(lines[8], 'Bound to the restart run (step 5) at 2000-01-01T00:00:00.000Z.');
    });

    it('passes with the events separated by CRLF, with a BOM', () => {
      const stdout = `${BOM}${events([E10520('2026-12-01T08:00:00.0000000Z'), E10523(T.restore), E10534(T.start)], '\r\n')}\r\n`;
      expect(checkRestoreLogged(out(stdout), 'BTSMSS02'), 'pass', `10523 logged at ${T.restore}`);
    });

    it('fails when 10524 is newer than 10523, naming the time and the error code', () => {
      const later = '2026-11-30T10:20:00.0000000Z';
      const stdout = events([E10524(later, '0x80070005'), E10523(T.restore), E10520(T.warn)], '\r\n');
      const r = checkRestoreLogged(out(stdout), 'BTSMSS02');
      expect(r, 'fail', `10524 logged at ${later} on BTSMSS02.contoso.com`, 'the restore of the master secrets failed', '(0x80070005)');
      assert.match(r.next ?? '', /backup file and its password/);
      assert.match(r.evidence.split('\n')[1], /^10524 at 2026-11-30T10:20:00\.0000000Z .*\(the restore of the master secrets failed\)/);
    });

    it('fails for a 10524 alone', () => {
      expect(checkRestoreLogged(out(events([E10524(T.failed), E10520(T.warn)])), 'BTSMSS02'), 'fail', `10524 logged at ${T.failed}`);
    });

    it('decides by TimeCreated, not by the order printed (output read oldest first)', () => {
      const oldestFirst = events([E10534(T.start), E10524(T.failed), E10523(T.restore)]);
      expect(checkRestoreLogged(out(oldestFirst), 'BTSMSS02'), 'pass', `10523 logged at ${T.restore}`);
      const failLast = events([E10523(T.restore), E10524('2026-11-30T11:00:00.0000000Z')]);
      expect(checkRestoreLogged(out(failLast), 'BTSMSS02'), 'fail', '10524 logged at 2026-11-30T11:00:00.0000000Z');
    });

    it('reads the 9-digit SystemTime of older Windows', () => {
      const stdout = events([E10524('2012-05-01T08:00:00.123456700Z'), E10523('2012-05-01T09:00:00.000000000Z')]);
      expect(checkRestoreLogged(out(stdout), 'BTSMSS02'), 'pass', '10523 logged at 2012-05-01T09:00:00.000000000Z');
    });

    it('never counts an event whose time cannot be read: it cannot be shown newer than the run', () => {
      const stdout = events([{ ...E10523(''), computer: '' }, E10524(T.failed)]);
      expect(checkRestoreLogged(out(stdout), 'BTSMSS02'), 'fail', `10524 logged at ${T.failed}`);
      const alone = checkRestoreLogged(out(events([{ ...E10523('yesterday'), computer: '' }])), 'BTSMSS02');
      expect(alone, 'unverified', 'No restore is logged on BTSMSS02');
    });

    it('is unverified when only 10520 and 10534 are logged (restart done, restore not), saying how many events were read', () => {
      const r = checkRestoreLogged(out(events([E10520(T.warn), E10534(T.start), E10575(T.updatedb)], '\r\n')), 'BTSMSS02');
      expect(r, 'unverified', 'No restore is logged on BTSMSS02', 'neither 10523 nor 10524', 'among the 3 newest ENTSSO events');
      assert.match(r.next ?? '', /ssoconfig -restoreSecret/);
      assert.match(r.next ?? '', /10520/);
      assert.match(r.evidence, /10520 at 2026-11-30T10:09:41\.5550000Z on BTSMSS02\.contoso\.com \(no secrets in the registry/);
      assert.match(r.evidence, /10534 at .*\(this computer is the master secret server/);
      assert.match(r.evidence, /10575 at .* on BTSMSS01\.contoso\.com \(the secret server name was updated \(-updatedb\)\): BTSMSS02 \| BTSMSS01/);
    });

    it('is unverified when no events are printed (empty output)', () => {
      for (const stdout of ['', '\r\n', BOM]) {
        const r = checkRestoreLogged(out(stdout), 'BTSMSS02');
        expect(r, 'unverified', 'No restore is logged on BTSMSS02', 'among the 0 newest ENTSSO events');
        assert.ok(!r.evidence.includes('events of the move found'));
      }
    });

    it('ignores events of other providers, even with the id 10523', () => {
      const stdout = events([{ ...E10523(T.restore), provider: 'BizTalk Server' }, E10520(T.warn)]);
      const r = checkRestoreLogged(out(stdout), 'BTSMSS02');
      expect(r, 'unverified', 'No restore is logged', 'among the 1 newest ENTSSO events');
      assert.ok(!r.evidence.includes('10523'));
    });

    it('counts the provider ENTSSO in any case', () => {
      expect(checkRestoreLogged(out(events([{ ...E10523(T.restore), provider: 'entsso' }])), 'BTSMSS02'), 'pass', '10523');
    });

    it('passes with entities in the data and a RenderingInfo element, showing the decoded data', () => {
      const rendering = "<RenderingInfo Culture='en-US'><Message>The master secrets were successfully restored.</Message><Level>Information</Level><Keywords><Keyword>Classic</Keyword></Keywords></RenderingInfo>";
      const stdout = event({ ...E10523(T.restore, 'D:\\R&amp;D\\SSO.bak'), after: rendering });
      const r = checkRestoreLogged(out(stdout), 'BTSMSS02');
      expect(r, 'pass', `10523 logged at ${T.restore}`);
      assert.match(r.evidence, /: D:\\R&D\\SSO\.bak \|/);
    });

    it('is unverified when the output is not event XML (garbage, truncated, a DOCTYPE, a localized message)', () => {
      const full = events([E10523(T.restore), E10520(T.warn)]);
      for (const stdout of [
        'garbage',
        'Es wurden keine Ereignisse gefunden.',
        full.slice(0, full.length - 20),
        `<!DOCTYPE Event [<!ENTITY id "10523">]><Event><System><Provider Name='ENTSSO'/><EventID>&id;</EventID></System></Event>`,
        `${event(E10523(T.restore))}<Unexpected/>`,
      ]) {
        const r = checkRestoreLogged(out(stdout), 'BTSMSS02');
        expect(r, 'unverified', 'Not checked: wevtutil printed something that is not event XML.');
        assert.match(r.next ?? '', /10523 and 10524/);
      }
    });

    it('is unverified with the reason for access denied and an unreachable computer', () => {
      const denied = checkRestoreLogged(out('', 5, 'Failed to read events. Access is denied.\r\n'), 'BTSMSS02');
      expect(denied, 'unverified', 'Not checked: access to the Application log of BTSMSS02 was denied', 'administrator');
      assert.match(denied.evidence, /exit code 5\nFailed to read events\. Access is denied\./);
      const rpc = checkRestoreLogged(out('', 1722, 'Failed to read events. The RPC server is unavailable.\r\n'), 'BTSMSS02');
      expect(rpc, 'unverified', 'Not checked: BTSMSS02 cannot be reached (the RPC server is unavailable)', 'firewall');
    });

    it('is unverified for another wevtutil failure, naming the exit code; a failing run is never a pass', () => {
      const r = checkRestoreLogged(out('', 15007, 'Failed to read events. The specified channel could not be found.\r\n'), 'BTSMSS02');
      expect(r, 'unverified', 'Not checked: wevtutil ended with exit code 15007');
      assert.match(r.evidence, /The specified channel could not be found/);
      expect(checkRestoreLogged(out(events([E10523(T.restore)]), 1), 'BTSMSS02'), 'unverified', 'exit code 1');
    });

    it('is unverified with the reason when wevtutil did not run', () => {
      expect(checkRestoreLogged(notRan(WEVTUTIL_COMMAND, 'wevtutil.exe was not found'), 'BTSMSS02'), 'unverified', 'Not checked: wevtutil.exe was not found');
    });
  });

  describe('moveEventLines, MOVE_EVENTS, EXPECTED_EVENTS', () => {
    it('keeps only the events of a move, one line each, newest first', () => {
      const read = readEvents(events([E10523('2026-11-30T10:15:02.1234567Z'), { id: 10536, time: '2026-11-30T10:14:00.0000000Z' }, E10534('2026-11-30T10:09:40.1000000Z')])) ?? [];
      const lines = moveEventLines(read);
      assert.equal(lines.length, 2);
      assert.match(lines[0], /^10523 at 2026-11-30T10:15:02\.1234567Z on BTSMSS02\.contoso\.com \(the master secrets were restored\): D:\\Backups\\SSO\.bak \| /);
      assert.equal(lines[1], '10534 at 2026-11-30T10:09:40.1000000Z on BTSMSS02.contoso.com (this computer is the master secret server (after the restart))');
    });

    it('names the five events of a move and what to expect after the restart and the restore', () => {
      assert.deepEqual(Object.keys(MOVE_EVENTS).map(Number).sort(), [10501, 10502, 10503, 10504, 10505, 10520, 10523, 10524, 10525, 10529, 10530, 10532, 10533, 10534, 10559, 10575, 10611]);
      assert.match(EXPECTED_EVENTS.afterRestart, /10534.*10520/);
      assert.match(EXPECTED_EVENTS.afterRestore, /10523.*10524/);
    });
  });
});

describe('verification: events to expect after a step', () => {
  it('after the restart 10534 and warning 10520 (expected until the restore); after the restore 10523, and 10524 on failure', async () => {
    const { eventsToExpectAfter } = await import('../../../src/verification/beforeSteps');
    for (const step of ['restartService', 'cycleResource']) assert.match(eventsToExpectAfter(step)!, /10534.*10520.*expected until the restore/);
    for (const step of ['restore', 'restoreEachNode']) assert.match(eventsToExpectAfter(step)!, /10523.*10524 means the restore failed/);
    assert.equal(eventsToExpectAfter('updateDb'), undefined);
  });
});
