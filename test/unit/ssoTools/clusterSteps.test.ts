import * as assert from 'assert';
import {
  checkClusterObjectName, checkComputerList, checkComputerName, clusterExitText, clusterQuestion, clusterScript, clusterStepOf, clusterTaskName, parseClusterDefinition,
} from '../../../src/ssoTools/clusterSteps';
import { describeRemoteFailure, readServerAllRemote, type RemoteResult } from '../../../src/verification/psReaders';

describe('cluster steps', () => {
  describe('names', () => {
    it('takes role and resource names with spaces and punctuation, trimmed', () => {
      assert.deepEqual(checkClusterObjectName('  SSO Role (clustered) ', 'role'), { ok: true, value: 'SSO Role (clustered)' });
      assert.deepEqual(checkClusterObjectName("O'Brien's ENTSSO", 'resource'), { ok: true, value: "O'Brien's ENTSSO" });
    });

    it('refuses an empty or missing name, a control character, a line break and an invisible character, saying what to type', () => {
      const refused = (v: unknown, what: 'role' | 'resource' = 'role') => {
        const c = checkClusterObjectName(v, what);
        assert.ok(!c.ok, JSON.stringify(v));
        return c.message;
      };
      assert.match(refused(''), /The role name is empty\. Type the role's name as Failover Cluster Manager shows it under Roles/);
      assert.match(refused(undefined, 'resource'), /The resource name is missing\. Type the name of the clustered Enterprise SSO resource/);
      assert.match(refused('SSO\nRole'), /U\+000A.*refused|line break/);
      assert.match(refused('SSO\u0007Role'), /U\+0007.*refused/);
      assert.match(refused('SSO\u2028Role'), /refused/);
      assert.match(refused('SSO\u200BRole'), /U\+200B.*does not show.*refused\. Retype it/);
    });

    it('checks node and computer names like computer names, refusing what a command line would read differently', () => {
      assert.deepEqual(checkComputerName(' NODE2 ', 'node'), { ok: true, value: 'NODE2' });
      assert.deepEqual(checkComputerName('btsapp01.contoso.com', 'computer'), { ok: true, value: 'btsapp01.contoso.com' });
      for (const bad of ["NODE'2", 'NODE 2', 'NODE;2', 'NODE&2', 'a\\b', '-node', 'NODE"2', '(x)']) {
        const c = checkComputerName(bad, 'node');
        assert.ok(!c.ok, bad);
        assert.match(c.message, /is not a cluster node name: refused\..*Give the computer name of the cluster node \(for example NODE2\)\.$/);
        assert.doesNotMatch(c.message, /new master secret server/);
      }
      assert.match((checkComputerName('', 'computer') as { message: string }).message, /computer name is missing/);
    });

    it('takes a list of computers, each checked, duplicates dropped', () => {
      assert.deepEqual(checkComputerList(['BTS1', 'bts1', 'BTS2']), { ok: true, value: ['BTS1', 'BTS2'] });
      assert.match((checkComputerList([]) as { message: string }).message, /list of computer names/);
      assert.match((checkComputerList('BTS1') as { message: string }).message, /list of computer names/);
      assert.match((checkComputerList(['BTS1', 'BTS 2']) as { message: string }).message, /"BTS 2" is not a computer name: refused/);
    });
  });

  describe('definitions', () => {
    it('needs the names of each command', () => {
      assert.deepEqual(parseClusterDefinition({ type: 'cluster', command: 'startRole', role: 'SSO' }), { ok: true, value: { type: 'cluster', command: 'startRole', role: 'SSO' } });
      assert.match((parseClusterDefinition({ type: 'cluster', command: 'cycleResource', role: 'SSO' }) as { message: string }).message, /resource name is missing/);
      assert.match((parseClusterDefinition({ type: 'cluster', command: 'moveRole', role: 'SSO' }) as { message: string }).message, /cluster node name is missing/);
      assert.match((parseClusterDefinition({ type: 'cluster', command: 'failover', role: 'SSO' }) as { message: string }).message, /"startRole" \(needs "role"\), "cycleResource".*not "failover"/);
      assert.match((parseClusterDefinition({ type: 'cluster', command: 'startRole' }) as { message: string }).message, /role name is missing/);
    });

    it('ticks step 4 for the role online, step 6 for the cycle, and nothing for a move, kept with step 7', () => {
      assert.deepEqual(clusterStepOf('startRole'), { procedure: 'moveToCluster', step: 'bringOnline', ticks: true });
      assert.deepEqual(clusterStepOf('cycleResource'), { procedure: 'moveToCluster', step: 'cycleResource', ticks: true });
      assert.deepEqual(clusterStepOf('moveRole'), { procedure: 'moveToCluster', step: 'restoreEachNode', ticks: false });
    });

    it('builds the script of each command, and names the task after its cmdlets', () => {
      assert.equal(clusterScript({ type: 'cluster', command: 'moveRole', role: 'R', node: 'N' }).id, 'moveRole');
      assert.equal(clusterTaskName({ type: 'cluster', command: 'cycleResource', role: 'R', resource: 'S' }), 'Stop-ClusterResource, Start-ClusterResource S; Start-ClusterGroup R');
    });

    it('says before the cycle that the clustered BizTalk host instances go offline too, and that the role is brought back', () => {
      const q = clusterQuestion({ type: 'cluster', command: 'cycleResource', role: 'SSO Role', resource: 'ENTSSO' });
      assert.match(q.detail, /clustered BizTalk host instances of the role SSO Role go offline too/);
      assert.match(q.detail, /Start-ClusterGroup -Name 'SSO Role' brings back the rest of the role/);
      assert.equal(q.confirm, 'Take Offline and Bring Online');
      assert.match(clusterQuestion({ type: 'cluster', command: 'moveRole', role: 'R', node: 'NODE2' }).detail, /restore the master secret on NODE2.*asks for the backup's password/);
    });

    it('explains the exit codes of the scripts', () => {
      const def = { type: 'cluster', command: 'startRole', role: 'R' } as const;
      assert.match(clusterExitText(def, 0), /succeeded/);
      assert.match(clusterExitText(def, 2), /FailoverClusters PowerShell module or one of its cmdlets is missing.*Run it on a cluster node/);
      assert.match(clusterExitText(def, 5), /access was denied.*administrator of the cluster/);
      assert.match(clusterExitText(def, 1), /failed with exit code 1.*Check the names/);
    });
  });

  describe('ssomanage -serverall on many computers', () => {
    const doc = (results: unknown[]) => `WARNING: something\r\n${JSON.stringify({ ok: true, server: 'SSOCLUSTER', results })}\r\n`;

    it('reads each computer\'s exit code and output apart, and classifies the remoting failures by error id and code', () => {
      const read = readServerAllRemote(doc([
        { computer: 'BTS1', ran: true, exe: 'C:\\x\\ssomanage.exe', exitCode: 0, output: 'done' },
        { computer: 'BTS2', ran: false, kind: 'remoting', message: 'Access is denied.', errorId: 'AccessDenied,PSSessionStateBroken', hresult: -2146233087, transportCode: 5 },
        { computer: 'BTS3', ran: true, exe: 'C:\\x\\ssomanage.exe', exitCode: 1, output: 'ERROR: 0xC0002A0F' },
        { computer: 'BTS4', ran: false, kind: 'remoting', message: 'x', errorId: 'ServerNotTrusted,PSSessionStateBroken', hresult: 0, transportCode: 0 },
        { computer: 'BTS5', ran: false, kind: 'remoting', message: 'x', errorId: 'CannotConnect,PSSessionStateBroken', hresult: 0, transportCode: -2144108526 },
        { computer: 'BTS6', ran: false, kind: 'remoting', message: 'x', errorId: 'ComputerNotFound,PSSessionStateBroken', hresult: 0, transportCode: 0 },
        { computer: 'BTS7', ran: false, kind: 'missing', message: 'C:\\x\\ssomanage.exe does not exist there.', errorId: '', hresult: 0, transportCode: 0 },
        { computer: 'BTS8', ran: false, kind: 'remoting', message: 'x', errorId: 'Something,Else', hresult: 0, transportCode: 0 },
      ]), 0);
      assert.ok(read.ok);
      const v = read.value;
      assert.deepEqual(v.map((r) => r.ran ? r.exitCode : r.kind), [0, 'denied', 1, 'trustedHosts', 'winrm', 'unreachable', 'missing', 'error']);
      assert.equal((v[2] as { output: string }).output, 'ERROR: 0xC0002A0F');
    });

    it('explains each remoting failure with what to do and Microsoft\'s page', () => {
      const f = (kind: string) => describeRemoteFailure({ computer: 'BTS2', ran: false, kind, message: 'm', errorId: '' } as Extract<RemoteResult, { ran: false }>);
      assert.match(f('winrm').next, /Enable-PSRemoting.*about_Remote_Troubleshooting \(https:\/\/learn\.microsoft\.com\//);
      assert.match(f('denied').next, /Administrators group on BTS2/);
      assert.match(f('trustedHosts').next, /TrustedHosts/);
      assert.match(f('error').next, /second hop.*https:\/\/learn\.microsoft\.com\/en-us\/powershell\/scripting\/security\/remoting\/ps-remoting-second-hop/);
      assert.match(f('missing').summary, /BTS2: ssomanage was not found there/);
    });

    it('is no reading when PowerShell printed no document of ours, or the script failed', () => {
      assert.deepEqual(readServerAllRemote('garbage', 1), { ok: false, kind: 'error', message: 'PowerShell printed no result of ours (exit code 1).' });
      const failed = readServerAllRemote(JSON.stringify({ ok: false, kind: 'cmdlet', message: 'Invoke-Command missing', hresult: 0, errorId: 'CommandNotFoundException' }), 2);
      assert.deepEqual(failed, { ok: false, kind: 'cmdlet', message: 'Invoke-Command missing' });
    });
  });
});
