// The readers of our PowerShell scripts' JSON documents, as Windows PowerShell 5.1's
// ConvertTo-Json prints them: an array of one element printed as the element itself, an empty
// array as null (or the property missing), warnings printed before the document.
import * as assert from 'node:assert/strict';
import { describePsFailure, readBizTalkGroup, readClusterState } from '../../../src/verification/psReaders';
import { clusterDoc, groupDoc, psFailure, RESOURCE_ONLINE } from './samples';

describe('verification/psReaders', () => {
  describe('readClusterState', () => {
    it('reads the resource, the network names and the nodes of a full document', () => {
      const r = readClusterState(clusterDoc(), 0);
      assert.ok(r.ok);
      assert.deepEqual(r.value.resources, [RESOURCE_ONLINE]);
      assert.deepEqual(r.value.networkNames, [
        { name: 'Cluster Name', group: 'Cluster Group', state: 'Online', dnsName: 'BTSCLU' },
        { name: 'SSO Network Name', group: 'SSO Role', state: 'Online', dnsName: 'SSOCLUSTER' },
      ]);
      assert.deepEqual(r.value.nodes, [{ name: 'NODE1', state: 'Up' }, { name: 'NODE2', state: 'Up' }]);
    });

    it('reads single-element arrays printed as an object, and empty arrays printed as null or missing', () => {
      const one = JSON.stringify({ ok: true, resources: RESOURCE_ONLINE, networkNames: { name: 'SSO Network Name', group: 'SSO Role', state: 'Online', dnsName: 'SSOCLUSTER' }, nodes: { name: 'NODE1', state: 'Up' } });
      const r = readClusterState(one, 0);
      assert.ok(r.ok);
      assert.equal(r.value.resources.length, 1);
      assert.equal(r.value.networkNames[0].dnsName, 'SSOCLUSTER');
      assert.deepEqual(r.value.nodes, [{ name: 'NODE1', state: 'Up' }]);
      const empty = readClusterState('{"ok":true,"resources":null,"nodes":[]}', 0);
      assert.ok(empty.ok);
      assert.deepEqual(empty.value, { resources: [], networkNames: [], nodes: [] });
    });

    it('reads the document after warnings and banners, with a BOM and CRLF, taking the last JSON object line', () => {
      const out = `\uFEFFWARNING: The names of some imported commands from the module 'FailoverClusters' include unapproved verbs.\r\n{not json\r\n${clusterDoc()}\r\n`;
      const r = readClusterState(out, 0);
      assert.ok(r.ok);
      assert.equal(r.value.resources[0].name, 'SSO');
      const twice = `${JSON.stringify({ ok: true, resources: [] })}\n${clusterDoc()}`;
      const r2 = readClusterState(twice, 0);
      assert.ok(r2.ok);
      assert.equal(r2.value.resources.length, 1);
    });

    it('keeps numbers as text and drops values that are not objects or strings', () => {
      const r = readClusterState('{"ok":true,"resources":[{"name":"SSO","state":2,"useNetworkName":1,"ownerNode":null},"garbage",3],"nodes":[null]}', 0);
      assert.ok(r.ok);
      assert.equal(r.value.resources.length, 1);
      assert.equal(r.value.resources[0].state, '2');
      assert.equal(r.value.resources[0].useNetworkName, '1');
      assert.equal(r.value.resources[0].ownerNode, '');
      assert.deepEqual(r.value.nodes, []);
    });

    it('says "no result of ours" for garbage, nothing, an array or JSON that is not an object, with the exit code', () => {
      for (const out of ['', 'garbage', '[1,2]', '"text"', '{"ok":true', 'Import-Module : The specified module was not loaded.']) {
        const r = readClusterState(out, 1);
        assert.equal(r.ok, false, out);
        assert.ok(!r.ok);
        assert.equal(r.kind, 'error');
        assert.equal(r.message, 'PowerShell printed no result of ours (exit code 1).');
      }
    });

    it('treats a document without ok: true as a failure (ok missing, ok "true")', () => {
      for (const out of ['{"resources":[]}', '{"ok":"true","resources":[]}']) {
        const r = readClusterState(out, 0);
        assert.equal(r.ok, false, out);
      }
    });

    it('classifies failures by kind and by HRESULT, not by their (localized) message', () => {
      const cases: Array<[string, string]> = [
        [psFailure('module', 'Das angegebene Modul "FailoverClusters" wurde nicht geladen.', -2146233087, 'Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand'), 'module'],
        [psFailure('cmdlet', 'The term Get-ClusterResource is not recognized', -2146233087, 'CommandNotFoundException'), 'cmdlet'],
        [psFailure('error', 'Zugriff verweigert', -2147024891, 'x'), 'denied'],
        [psFailure('denied', 'Access is denied', 0, 'x'), 'denied'],
        [psFailure('error', 'Le serveur RPC n’est pas disponible.', -2147023174, 'x'), 'unreachable'],
        [psFailure('error', 'no endpoints', -2147023143, 'x'), 'unreachable'],
        [psFailure('error', 'Espacio de nombres no válido', -2147217394, 'HRESULT 0x8004100e,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand'), 'namespace'],
        [psFailure('error', 'whatever', 0, 'HRESULT 0x8004100e,Get-CimInstance'), 'namespace'],
        [psFailure('error', 'something else', -2146233088, 'x'), 'error'],
        [psFailure('bogus', 'x', 0, 'x'), 'error'],
      ];
      for (const [out, kind] of cases) {
        const r = readBizTalkGroup(out, 0);
        assert.ok(!r.ok);
        assert.equal(r.kind, kind, out);
      }
    });

    it('an HRESULT overrides the kind the script guessed (access denied while importing the module)', () => {
      const r = readClusterState(psFailure('module', 'Access is denied', -2147024891, 'Modules_ModuleNotFound'), 0);
      assert.ok(!r.ok);
      assert.equal(r.kind, 'denied');
    });

    it('keeps at most 500 characters of the message', () => {
      const r = readClusterState(psFailure('error', 'x'.repeat(2000), 0, 'x'), 0);
      assert.ok(!r.ok);
      assert.equal(r.message.length, 500);
    });
  });

  describe('readBizTalkGroup', () => {
    it('reads the group setting and the host instances, numbers as numbers', () => {
      const r = readBizTalkGroup(groupDoc('SSOCLUSTER', [['BizTalkServerApplication', 'NODE1', 0, 4], ['ClusteredHost', 'NODE2', 1, 4]]), 0);
      assert.ok(r.ok);
      assert.deepEqual(r.value.groups, [{ name: 'BizTalk Group', ssoServerName: 'SSOCLUSTER' }]);
      assert.deepEqual(r.value.hostInstances, [
        { hostName: 'BizTalkServerApplication', runningServer: 'NODE1', clusterInstanceType: 0, serviceState: 4 },
        { hostName: 'ClusteredHost', runningServer: 'NODE2', clusterInstanceType: 1, serviceState: 4 },
      ]);
    });

    it('reads one group and one host instance printed as objects, none as null', () => {
      const r = readBizTalkGroup('{"ok":true,"groups":{"name":"BizTalk Group","ssoServerName":"SSOCLUSTER"},"hostInstances":{"hostName":"H","runningServer":"BTS01","clusterInstanceType":0,"serviceState":4}}', 0);
      assert.ok(r.ok);
      assert.equal(r.value.groups.length, 1);
      assert.equal(r.value.hostInstances.length, 1);
      const none = readBizTalkGroup('{"ok":true,"groups":null,"hostInstances":null}', 0);
      assert.ok(none.ok);
      assert.deepEqual(none.value, { groups: [], hostInstances: [] });
    });

    it('gives NaN for a ClusterInstanceType or ServiceState that is not a number', () => {
      const r = readBizTalkGroup('{"ok":true,"groups":[],"hostInstances":[{"hostName":"H","runningServer":"N","clusterInstanceType":"0"}]}', 0);
      assert.ok(r.ok);
      assert.ok(Number.isNaN(r.value.hostInstances[0].clusterInstanceType));
      assert.ok(Number.isNaN(r.value.hostInstances[0].serviceState));
    });
  });

  describe('describePsFailure', () => {
    it('says what each kind means and what to do, naming where, with the message in parentheses', () => {
      const module = describePsFailure({ kind: 'module', message: 'not loaded' }, 'NODE1');
      assert.equal(module.summary, 'Not checked: the FailoverClusters PowerShell module is not installed on NODE1 (not loaded).');
      assert.match(module.next, /Failover Cluster Module for Windows PowerShell/);
      assert.match(describePsFailure({ kind: 'cmdlet', message: '' }, 'NODE1').summary, /^Not checked: a cmdlet the check needs is missing on NODE1\.$/);
      const denied = describePsFailure({ kind: 'denied', message: 'Access is denied' }, 'SSOCLUSTER');
      assert.equal(denied.summary, 'Not checked: access was denied on SSOCLUSTER (Access is denied).');
      assert.match(denied.next, /administrator with rights on SSOCLUSTER/);
      assert.equal(describePsFailure({ kind: 'unreachable', message: '' }, 'BTS01').summary, 'Not checked: BTS01 cannot be reached.');
      assert.match(describePsFailure({ kind: 'unreachable', message: '' }, 'BTS01').next, /firewall/);
      assert.match(describePsFailure({ kind: 'namespace', message: '' }, 'BTS01').summary, /no BizTalk Server WMI namespace \(root\\MicrosoftBizTalkServer\)/);
      assert.equal(describePsFailure({ kind: 'error', message: 'boom' }, 'BTS01').summary, 'Not checked: the PowerShell check failed on BTS01 (boom).');
      for (const kind of ['module', 'cmdlet', 'denied', 'unreachable', 'namespace', 'error'] as const) {
        const d = describePsFailure({ kind, message: '' }, 'X');
        assert.match(d.summary, /^Not checked: /);
        assert.ok(!/net start/i.test(d.next), kind);
      }
    });
  });
});
