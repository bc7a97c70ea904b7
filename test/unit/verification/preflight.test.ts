import * as assert from 'node:assert/strict';
import type { ToolOutput } from '../../../src/verification/checks';
import { checkBackupCurrent, checkCurrentServer, checkRpcReachable, checkSameDatabase, preflightPlan } from '../../../src/verification/preflight';
import { decodeScript } from '../../../src/ssoTools/powershell';
import { readDisplayDbDatabase } from '../../../src/verification/readers';
import { displayDb, displayDbConsole, events, notRan, ran, scQc } from './samples';

const SETTINGS = { installFolder: 'C:\\SSO', ssomanagePath: '', ssoconfigPath: '', netPath: '', scPath: '', wevtutilPath: '', powershellPath: '', regPath: '' };
const start = (time: string, sql = 'BTSSQL01\\BIZTALK', db = 'SSODB') => ({ id: 10501, time, data: ['BTSMSS02', sql, db] });

describe('verification/preflight: the check before the move', () => {
  it('reads the SQL Server and the SSO database of both -displaydb layouts; two rows that disagree are not read', () => {
    assert.deepEqual(readDisplayDbDatabase(displayDb('BTSMSS01')), { sqlServer: 'BTSSQL01\\BIZTALK', database: 'SSODB' });
    assert.deepEqual(readDisplayDbDatabase(displayDbConsole('BTSMSS01')), { sqlServer: 'BTSSQL01', database: 'SSODB' });
    assert.deepEqual(readDisplayDbDatabase('SQL Server : A\r\nSQL Server : B\r\nSSO database : SSODB\r\n'), { database: 'SSODB' });
    assert.deepEqual(readDisplayDbDatabase('garbage'), {});
  });

  it('currentServer: the server the SSO database names now; one of this move\'s computers already named fails; a cluster already named fails', () => {
    const here = checkCurrentServer(ran('ssomanage -displaydb', displayDb('BTSMSS01')), 'BTSMSS01', ['BTSMSS02']);
    assert.equal(here.verdict, 'pass');
    assert.match(here.summary, /names BTSMSS01 as the current master secret server: the backup and -updatedb run on this computer/);
    assert.match(checkCurrentServer(ran('x', displayDb('BTSOLD')), 'BTSMSS01', ['BTSMSS02']).summary, /run on BTSOLD\./);
    const moved = checkCurrentServer(ran('x', displayDb('btsmss02.contoso.com')), 'BTSMSS01', ['BTSMSS02']);
    assert.equal(moved.verdict, 'fail');
    assert.equal(checkCurrentServer(ran('x', displayDb('SSOCLUSTER')), 'NODE1', ['NODE1', 'NODE2'], 'SSOCLUSTER').verdict, 'fail');
    assert.equal(checkCurrentServer(ran('x', 'garbage'), 'BTSMSS01', []).verdict, 'unverified');
    assert.equal(checkCurrentServer(ran('x', displayDb('BTSMSS01'), 1), 'BTSMSS01', []).verdict, 'unverified');
    assert.equal(checkCurrentServer(notRan('x', 'missing'), 'BTSMSS01', []).verdict, 'unverified');
  });

  it('sameDatabase: each new server\'s newest 10501/10611 names the same SQL Server and SSO database; another database fails; none read is unverified', () => {
    const dbOut = ran('ssomanage -displaydb', displayDb('BTSMSS01'));
    const ev = (...specs: Array<ReturnType<typeof start>>) => ran('wevtutil qe … /r:BTSMSS02', events(specs));
    assert.equal(checkSameDatabase(dbOut, [{ computer: 'BTSMSS02', out: ev(start('2026-11-30T10:00:00Z')) }]).verdict, 'pass');
    // The newest start decides: an older one on another database does not.
    assert.equal(checkSameDatabase(dbOut, [{ computer: 'BTSMSS02', out: ev(start('2026-11-30T10:00:00Z'), start('2026-11-01T10:00:00Z', 'OTHERSQL', 'SSODB2')) }]).verdict, 'pass');
    const other = checkSameDatabase(dbOut, [{ computer: 'BTSMSS02', out: ev(start('2026-11-30T10:00:00Z', 'TESTSQL', 'SSODB')) }]);
    assert.equal(other.verdict, 'fail');
    assert.match(other.summary, /BTSMSS02 \(TESTSQL, SSODB\)/);
    assert.equal(checkSameDatabase(dbOut, [{ computer: 'BTSMSS02', out: ran('x', '') }]).verdict, 'unverified');
    assert.equal(checkSameDatabase(dbOut, []).verdict, 'unverified');
    assert.equal(checkSameDatabase(ran('x', 'garbage'), [{ computer: 'BTSMSS02', out: ev(start('2026-11-30T10:00:00Z')) }]).verdict, 'unverified');
  });

  it('backupCurrent: the newest 10559 newer than any 10525 passes; a 10525 after it fails; no backup logged is unverified', () => {
    const out = (specs: Array<{ id: number; time: string; data?: string[] }>): ToolOutput => ran('wevtutil qe Application …', events(specs));
    assert.equal(checkBackupCurrent(out([{ id: 10559, time: '2026-11-30T10:00:00Z', data: ['D:\\SSO.bak', '{A}'] }, { id: 10525, time: '2026-11-01T10:00:00Z' }])).verdict, 'pass');
    const stale = checkBackupCurrent(out([{ id: 10559, time: '2026-11-01T10:00:00Z', data: ['D:\\SSO.bak', '{A}'] }, { id: 10525, time: '2026-11-30T10:00:00Z' }]));
    assert.equal(stale.verdict, 'fail');
    assert.match(stale.summary, /A new master secret was generated at 2026-11-30T10:00:00Z \(10525\), after the backup at 2026-11-01T10:00:00Z \(10559\)/);
    assert.equal(checkBackupCurrent(out([])).verdict, 'unverified');
    assert.equal(checkBackupCurrent(ran('x', 'garbage')).verdict, 'unverified');
  });

  it('rpcReachable: port 135 open on every new server passes; closed on one fails naming it; a PowerShell failure is unverified', () => {
    const open = (computer: string, isOpen: boolean) => ({ computer, out: ran('powershell …', `${JSON.stringify({ ok: true, computer, port: 135, open: isOpen })}\r\n`) });
    assert.equal(checkRpcReachable([open('NODE1', true), open('NODE2', true)]).verdict, 'pass');
    const closed = checkRpcReachable([open('NODE1', true), open('NODE2', false)]);
    assert.equal(closed.verdict, 'fail');
    assert.match(closed.summary, /does not answer on NODE2\./);
    const denied = checkRpcReachable([{ computer: 'NODE1', out: ran('powershell …', `${JSON.stringify({ ok: false, kind: 'error', message: 'x', hresult: -2147024891 })}\r\n`) }]);
    assert.equal(denied.verdict, 'unverified');
    assert.match(denied.summary, /access was denied on NODE1/);
    assert.equal(checkRpcReachable([]).verdict, 'unverified');
  });

  it('the plan: read-only programs only, the new servers through their remote forms; a name that is not a computer name is refused before anything runs', () => {
    const plan = preflightPlan('moveToServer', SETTINGS, 'win32', 'BTSMSS01', ['BTSMSS02']);
    const argv = plan.runs.map((r) => [r.executable.replace(/^.*\\/, ''), ...r.args.filter((a) => a.length < 100)]);
    assert.deepEqual(argv, [
      ['ssomanage.exe', '-displaydb'],
      ['wevtutil', 'qe', 'Application', ...argv[1].slice(3)],
      ['wevtutil', 'qe', 'Application', ...argv[2].slice(3)],
      ['sc', 'qc', 'ENTSSO'],
      ['sc', '\\\\BTSMSS02', 'qc', 'ENTSSO'],
      ['powershell.exe', '-NoProfile', '-NonInteractive', '-EncodedCommand'],
    ]);
    assert.equal(plan.runs[2].args.at(-1), '/r:BTSMSS02');
    assert.match(decodeScript(plan.runs[5].args[3]), /^# Master Secret Mover: rpcReachable\r\n[\s\S]*\$name = 'BTSMSS02'[\s\S]*Test-NetConnection -ComputerName \$name -Port 135 -InformationLevel Quiet/);
    assert.throws(() => preflightPlan('moveToServer', SETTINGS, 'win32', 'BTSMSS01', ["BTS'02"]), /is not a computer name/);
    const outputs = new Map<string, ToolOutput>([[plan.runs[3].label, ran('sc qc ENTSSO', scQc('CONTOSO\\svc'))], [plan.runs[4].label, ran('sc qc', scQc('CONTOSO\\other'))]]);
    const verdicts = plan.verdicts(outputs);
    assert.deepEqual(verdicts.map((c) => c.id), ['currentServer', 'sameDatabase', 'serviceAccount', 'backupCurrent', 'rpcReachable']);
    assert.equal(verdicts[2].verdict, 'fail', 'another service account on the new server');
  });
});
