// The cluster checks, read from our PowerShell scripts' documents: every verdict with its reason.
import * as assert from 'node:assert/strict';
import { checkClusterResource, checkGenericService, checkGroupSsoServer, checkHostInstances, clusterNetworkName, clusterStateOf } from '../../../src/verification/clusterChecks';
import { readClusterState } from '../../../src/verification/psReaders';
import { clusterDoc, groupDoc, notRan, psFailure, ran, RESOURCE_ONLINE } from './samples';

const PS = 'powershell.exe -NoProfile -NonInteractive -EncodedCommand <clusterState: reads>';
const ps = (stdout: string, exitCode = 0) => ran(PS, stdout, exitCode);
const withResource = (changes: Partial<typeof RESOURCE_ONLINE>) => ps(clusterDoc([{ ...RESOURCE_ONLINE, ...changes }]));

describe('verification/clusterChecks', () => {
  describe('checkClusterResource', () => {
    it('passes for an online ENTSSO resource, naming the owner node and the role', () => {
      const r = checkClusterResource(ps(clusterDoc()), 'NODE1');
      assert.equal(r.verdict, 'pass');
      assert.equal(r.summary, 'The ENTSSO resource "SSO" is online on NODE1 (role "SSO Role").');
      assert.ok(r.evidence.startsWith(`${PS}\n`));
      assert.match(r.evidence, /the ENTSSO resource "SSO" is Online on NODE1; its role "SSO Role" is Online/);
    });

    it('fails for Offline and Failed, telling how to bring the role online', () => {
      for (const state of ['Offline', 'Failed']) {
        const r = checkClusterResource(withResource({ state }), 'NODE1');
        assert.equal(r.verdict, 'fail', state);
        assert.equal(r.summary, `The ENTSSO resource "SSO" is ${state} (role "SSO Role", owner NODE1).`);
        assert.match(r.next!, /Bring the role "SSO Role" online .*Start-ClusterGroup/);
        assert.ok(!/net start/i.test(r.next!));
      }
    });

    it('is unverified for OnlinePending and OfflinePending (verify again), and for a state it does not know', () => {
      for (const state of ['OnlinePending', 'OfflinePending']) {
        const r = checkClusterResource(withResource({ state }), 'NODE1');
        assert.equal(r.verdict, 'unverified');
        assert.match(r.next!, /changing its state: verify again/);
      }
      const odd = checkClusterResource(withResource({ state: 'Unknown' }), 'NODE1');
      assert.equal(odd.verdict, 'unverified');
      assert.equal(odd.summary, 'The ENTSSO resource "SSO" is in a state the extension does not know: Unknown.');
      assert.match(checkClusterResource(withResource({ state: '' }), 'NODE1').summary, /none printed/);
    });

    it('fails when the cluster has no ENTSSO resource; is unverified with two', () => {
      const none = checkClusterResource(ps(clusterDoc([])), 'NODE1');
      assert.equal(none.verdict, 'fail');
      assert.equal(none.summary, 'The cluster of NODE1 has no Generic Service resource for the ENTSSO service.');
      const two = checkClusterResource(ps(clusterDoc([RESOURCE_ONLINE, { ...RESOURCE_ONLINE, name: 'SSO 2' }])), 'NODE1');
      assert.equal(two.verdict, 'unverified');
      assert.match(two.summary, /2 Generic Service resources for ENTSSO \(SSO, SSO 2\)/);
    });

    it('is unverified with the reason for a failed script, garbage, or a program that did not run', () => {
      const module = checkClusterResource(ps(psFailure('module', 'not loaded', -2146233087, 'Modules_ModuleNotFound')), 'NODE1');
      assert.equal(module.verdict, 'unverified');
      assert.match(module.summary, /FailoverClusters PowerShell module is not installed on NODE1/);
      const denied = checkClusterResource(ps(psFailure('error', 'Zugriff verweigert', -2147024891, 'x'), 1), 'SSOCLUSTER');
      assert.match(denied.summary, /access was denied on SSOCLUSTER/);
      const garbage = checkClusterResource(ps('garbage', 1), 'NODE1');
      assert.equal(garbage.verdict, 'unverified');
      assert.match(garbage.summary, /PowerShell printed no result of ours \(exit code 1\)/);
      const missing = checkClusterResource(notRan(PS, 'powershell.exe was not found on PATH.'), 'NODE1');
      assert.equal(missing.verdict, 'unverified');
      assert.equal(missing.summary, 'Not checked: powershell.exe was not found on PATH.');
    });
  });

  describe('checkGenericService', () => {
    it('passes with UseNetworkName 1 and a dependency on the role\'s Network Name, naming its DNS name', () => {
      const r = checkGenericService(ps(clusterDoc()), 'NODE1');
      assert.equal(r.verdict, 'pass');
      assert.equal(r.summary, 'The ENTSSO resource "SSO" uses the network name and depends on "SSO Network Name" (SSOCLUSTER).');
      assert.match(r.evidence, /UseNetworkName = 1\ndependencies: \[SSO Network Name\]\nNetwork Name resources of the role: SSO Network Name \(SSOCLUSTER\)/);
    });

    it('reads the dependency in any case and inside an expression', () => {
      const r = checkGenericService(withResource({ dependencies: '([sso network name]) and ([Disk Q:])' }), 'NODE1');
      assert.equal(r.verdict, 'pass');
    });

    it('fails with UseNetworkName 0, naming the setting', () => {
      const r = checkGenericService(withResource({ useNetworkName: '0' }), 'NODE1');
      assert.equal(r.verdict, 'fail');
      assert.match(r.summary, /"Use Network Name for computer name" is not selected \(UseNetworkName = 0\)/);
      assert.match(r.next!, /Use Network Name for computer name/);
    });

    it('fails without a dependency on a Network Name of the role (none, or the cluster\'s own name in another group)', () => {
      for (const dependencies of ['', '[Cluster Name]']) {
        const r = checkGenericService(withResource({ dependencies }), 'NODE1');
        assert.equal(r.verdict, 'fail', dependencies);
        assert.match(r.summary, /does not depend on a Network Name resource of the role "SSO Role"/);
      }
      const both = checkGenericService(withResource({ dependencies: '', useNetworkName: '0' }), 'NODE1');
      assert.match(both.summary, /UseNetworkName = 0\); the resource does not depend/);
    });

    it('is unverified when UseNetworkName is not printed as 0 or 1', () => {
      for (const useNetworkName of ['', 'True']) {
        const r = checkGenericService(withResource({ useNetworkName }), 'NODE1');
        assert.equal(r.verdict, 'unverified');
        assert.match(r.summary, /UseNetworkName of "SSO" was not printed as 0 or 1/);
      }
    });

    it('fails with no ENTSSO resource, and is unverified when the script failed', () => {
      assert.equal(checkGenericService(ps(clusterDoc([])), 'NODE1').verdict, 'fail');
      assert.equal(checkGenericService(ps(psFailure('cmdlet', '', 0, 'CommandNotFoundException')), 'NODE1').verdict, 'unverified');
    });
  });

  describe('clusterNetworkName / clusterStateOf', () => {
    it('gives the DNS name of the Network Name the one ENTSSO resource depends on', () => {
      assert.equal(clusterNetworkName(clusterStateOf(ps(clusterDoc()))), 'SSOCLUSTER');
    });

    it('gives undefined with no state, none or two resources, no dependency, or no DNS name', () => {
      assert.equal(clusterNetworkName(undefined), undefined);
      assert.equal(clusterNetworkName(clusterStateOf(ps(clusterDoc([])))), undefined);
      assert.equal(clusterNetworkName(clusterStateOf(ps(clusterDoc([RESOURCE_ONLINE, RESOURCE_ONLINE])))), undefined);
      assert.equal(clusterNetworkName(clusterStateOf(withResource({ dependencies: '' }))), undefined);
      assert.equal(clusterNetworkName(clusterStateOf(ps(clusterDoc(undefined, [{ name: 'SSO Network Name', group: 'SSO Role', state: 'Online', dnsName: '' }])))), undefined);
    });

    it('clusterStateOf gives the state read, or undefined for a failed or missing run', () => {
      const r = readClusterState(clusterDoc(), 0);
      assert.ok(r.ok);
      assert.deepEqual(clusterStateOf(ps(clusterDoc())), r.value);
      assert.equal(clusterStateOf(ps(psFailure('denied', '', -2147024891, ''))), undefined);
      assert.equal(clusterStateOf(notRan(PS, 'missing')), undefined);
    });
  });

  describe('checkGroupSsoServer', () => {
    const fromServerAll = { name: 'SSOCLUSTER', from: 'the name -serverall set (step 3)' };

    it('passes when SSOServerName is the expected name, with a DNS suffix or in another case', () => {
      for (const name of ['SSOCLUSTER', 'ssocluster.contoso.com']) {
        const r = checkGroupSsoServer(ps(groupDoc(name)), 'BTS01', fromServerAll);
        assert.equal(r.verdict, 'pass', name);
        assert.equal(r.summary, `The BizTalk group's SSO Server name is ${name}, the name -serverall set (step 3).`);
        assert.match(r.evidence, new RegExp(`MSBTS_GroupSetting BizTalk Group: SSOServerName = ${name}`));
      }
    });

    it('fails for another name or an empty one, telling to set it in the group settings', () => {
      const r = checkGroupSsoServer(ps(groupDoc('BTSMSS01')), 'BTS01', fromServerAll);
      assert.equal(r.verdict, 'fail');
      assert.equal(r.summary, "The BizTalk group's SSO Server name is BTSMSS01, not SSOCLUSTER (the name -serverall set (step 3)).");
      assert.match(r.next!, /set the SSO Server name to SSOCLUSTER \(step 5\)/);
      assert.match(checkGroupSsoServer(ps(groupDoc('')), 'BTS01', fromServerAll).summary, /is \(empty\), not SSOCLUSTER/);
    });

    it('is unverified with no expected name, naming what was read', () => {
      const r = checkGroupSsoServer(ps(groupDoc('SSOCLUSTER')), 'BTS01', { from: 'x' });
      assert.equal(r.verdict, 'unverified');
      assert.match(r.summary, /SSO Server name is SSOCLUSTER; the cluster network name it should be is not known/);
    });

    it('is unverified with no group setting or two, and for a missing WMI namespace', () => {
      assert.match(checkGroupSsoServer(ps(groupDoc('SSOCLUSTER', [], 0)), 'BTS01', fromServerAll).summary, /WMI returned 0 BizTalk group settings on BTS01/);
      assert.match(checkGroupSsoServer(ps(groupDoc('SSOCLUSTER', [], 2)), 'BTS01', fromServerAll).summary, /WMI returned 2 BizTalk group settings/);
      const ns = checkGroupSsoServer(ps(psFailure('error', 'Invalid namespace', -2147217394, 'HRESULT 0x8004100e')), 'NODE1', fromServerAll);
      assert.equal(ns.verdict, 'unverified');
      assert.match(ns.summary, /NODE1 has no BizTalk Server WMI namespace/);
    });
  });

  describe('checkHostInstances', () => {
    const nodes = ['NODE1', 'NODE2'];

    it('passes when every host instance on the nodes is clustered, and when none runs there', () => {
      const r = checkHostInstances(ps(groupDoc('SSOCLUSTER', [['ClusteredHost', 'NODE1', 1, 4], ['BizTalkServerApplication', 'BTS01', 0, 4]])), 'BTS01', nodes);
      assert.equal(r.verdict, 'pass');
      assert.equal(r.summary, "The 1 BizTalk host instances on the cluster's nodes are all clustered.");
      assert.match(r.evidence, /nodes: NODE1, NODE2\nClusteredHost on NODE1: ClusterInstanceType 1/);
      const none = checkHostInstances(ps(groupDoc('SSOCLUSTER', [['BizTalkServerApplication', 'BTS01', 0, 4]])), 'BTS01', nodes);
      assert.equal(none.verdict, 'pass');
      assert.equal(none.summary, "No BizTalk host instance runs on the ENTSSO cluster's nodes.");
    });

    it('fails naming each unclustered host instance on a node (DNS suffix and case ignored)', () => {
      const one = checkHostInstances(ps(groupDoc('X', [['BizTalkServerApplication', 'node2.contoso.com', 0, 4]])), 'BTS01', nodes);
      assert.equal(one.verdict, 'fail');
      assert.equal(one.summary, "1 unclustered BizTalk host instance runs on the ENTSSO cluster's nodes: BizTalkServerApplication on node2.contoso.com.");
      const two = checkHostInstances(ps(groupDoc('X', [['A', 'NODE1', 0, 4], ['B', 'NODE2', 0, 1], ['C', 'NODE1', 1, 4]])), 'BTS01', nodes);
      assert.match(two.summary, /^2 unclustered BizTalk host instances run on .*: A on NODE1, B on NODE2\.$/);
    });

    it('is unverified when the nodes are not known, or a ClusterInstanceType is not printed', () => {
      assert.match(checkHostInstances(ps(groupDoc('X', [['A', 'NODE1', 0, 4]])), 'BTS01', []).summary, /nodes of the ENTSSO cluster are not known/);
      const doc = '{"ok":true,"groups":[],"hostInstances":[{"hostName":"A","runningServer":"NODE1","serviceState":4}]}';
      const r = checkHostInstances(ps(doc), 'BTS01', nodes);
      assert.equal(r.verdict, 'unverified');
      assert.equal(r.summary, 'Not checked: WMI printed no ClusterInstanceType for A.');
      assert.match(r.evidence, /A on NODE1: ClusterInstanceType \(not printed\)/);
    });

    it('an unclustered one fails even when another one is unreadable', () => {
      const doc = '{"ok":true,"hostInstances":[{"hostName":"A","runningServer":"NODE1"},{"hostName":"B","runningServer":"NODE2","clusterInstanceType":0}]}';
      assert.equal(checkHostInstances(ps(doc), 'BTS01', nodes).verdict, 'fail');
    });

    it('is unverified when the script failed', () => {
      assert.match(checkHostInstances(ps(psFailure('error', 'RPC', -2147023174, '')), 'BTS01', nodes).summary, /BTS01 cannot be reached/);
    });
  });
});
