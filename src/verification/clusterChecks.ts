// The checks of the move to a cluster that read the cluster and the BizTalk group through our
// PowerShell scripts (src/ssoTools/powershell.ts): the ENTSSO cluster resource and its role,
// the Generic Service set up as the cluster page asks, the group's SSO Server name and its
// host instances. Pure. What each proves and cannot prove: docs/verification.md.
import { sameComputer } from '../procedures/computers';
import { clip, notRun, type CheckId, type CheckResult, type ToolOutput } from './checks';
import { describePsFailure, readBizTalkGroup, readClusterState, type BizTalkGroup, type ClusterResourceState, type ClusterState, type PsResult } from './psReaders';

type Read<T> = { ok: true; value: T; evidence: string } | { ok: false; result: CheckResult };

function readPs<T>(id: CheckId, out: ToolOutput, where: string, reader: (stdout: string, exitCode: number) => PsResult<T>): Read<T> {
  if (!out.ran) return { ok: false, result: notRun(id, out) };
  const evidence = `${out.commandLine}\n${clip(`${out.stdout}\n${out.stderr}`)}`;
  const r = reader(out.stdout, out.exitCode);
  if (!r.ok) {
    const f = describePsFailure(r, where);
    return { ok: false, result: { id, verdict: 'unverified', summary: f.summary, evidence, next: f.next } };
  }
  return { ok: true, value: r.value, evidence };
}

/** The cluster's state as our script printed it, for the checks and for the service check on a node. */
export function clusterStateOf(out: ToolOutput): ClusterState | undefined {
  if (!out.ran) return undefined;
  const r = readClusterState(out.stdout, out.exitCode);
  return r.ok ? r.value : undefined;
}

/** The one ENTSSO resource, or the verdict that there is none or more than one. */
function entssoResource(id: CheckId, state: ClusterState, evidence: string, where: string): { ok: true; resource: ClusterResourceState } | { ok: false; result: CheckResult } {
  if (state.resources.length === 0) {
    return { ok: false, result: { id, verdict: 'fail', summary: `The cluster of ${where} has no Generic Service resource for the ENTSSO service.`, evidence, next: 'Cluster Enterprise SSO as a Generic Service resource of a role (step 1: "How to Cluster the Master Secret Server"), then verify again.' } };
  }
  if (state.resources.length > 1) {
    return { ok: false, result: { id, verdict: 'unverified', summary: `The cluster has ${state.resources.length} Generic Service resources for ENTSSO (${state.resources.map((r) => r.name).join(', ')}): which one is this move's is not known.`, evidence, next: 'Keep one clustered ENTSSO resource, as the cluster page sets up, then verify again.' } };
  }
  return { ok: true, resource: state.resources[0] };
}

/** The cluster as our script printed it and its one ENTSSO resource, or the verdict that says why not. */
function readEntsso(id: CheckId, out: ToolOutput, where: string): { ok: true; value: ClusterState; evidence: string; resource: ClusterResourceState } | { ok: false; result: CheckResult } {
  const read = readPs(id, out, where, readClusterState);
  if (!read.ok) return read;
  const one = entssoResource(id, read.value, read.evidence, where);
  return one.ok ? { ...read, resource: one.resource } : one;
}

/** The Network Name resource of the ENTSSO resource's role that it depends on (its `[NAME]` in the dependency expression). */
function dependedNetworkName(state: ClusterState, r: ClusterResourceState): ClusterState['networkNames'][number] | undefined {
  return state.networkNames.find((n) => n.group === r.ownerGroup && r.dependencies.toLowerCase().includes(`[${n.name.toLowerCase()}]`));
}

/** `clusterResource`: the ENTSSO resource and its role, online on some owner node. */
export function checkClusterResource(out: ToolOutput, where: string): CheckResult {
  const id: CheckId = 'clusterResource';
  const read = readEntsso(id, out, where);
  if (!read.ok) return read.result;
  const r = read.resource;
  const state = r.state.toLowerCase();
  const line = `the ENTSSO resource "${r.name}" is ${r.state} on ${r.ownerNode || 'no node'}; its role "${r.ownerGroup}" is ${r.groupState || 'of unknown state'}`;
  if (state === 'online') return { id, verdict: 'pass', summary: `The ENTSSO resource "${r.name}" is online on ${r.ownerNode} (role "${r.ownerGroup}").`, evidence: `${read.evidence}\n${line}` };
  if (state === 'offline' || state === 'failed' || state === 'offlinepending' || state === 'onlinepending') {
    return {
      id, verdict: state.endsWith('pending') ? 'unverified' : 'fail',
      summary: `The ENTSSO resource "${r.name}" is ${r.state} (role "${r.ownerGroup}", owner ${r.ownerNode || 'none'}).`,
      evidence: `${read.evidence}\n${line}`,
      next: state.endsWith('pending') ? 'The cluster is changing its state: verify again in a moment.' : `Bring the role "${r.ownerGroup}" online (step 4: Failover Cluster Manager, the role, Start Role; or Start-ClusterGroup). If it fails again, the cluster events and the ENTSSO events of ${r.ownerNode || 'the owner node'} say why.`,
    };
  }
  return { id, verdict: 'unverified', summary: `The ENTSSO resource "${r.name}" is in a state the extension does not know: ${r.state || 'none printed'}.`, evidence: `${read.evidence}\n${line}`, next: 'Look at the resource in Failover Cluster Manager, then verify again.' };
}

/**
 * `genericService`: the ENTSSO Generic Service resource as the cluster page sets it up: "Use
 * Network Name for computer name" (UseNetworkName = 1) and a dependency on the role's Network
 * Name resource.
 */
export function checkGenericService(out: ToolOutput, where: string): CheckResult {
  const id: CheckId = 'genericService';
  const read = readEntsso(id, out, where);
  if (!read.ok) return read.result;
  const r = read.resource;
  const names = read.value.networkNames.filter((n) => n.group === r.ownerGroup);
  const dependsOn = dependedNetworkName(read.value, r);
  const lines = [`UseNetworkName = ${r.useNetworkName || '(not printed)'}`, `dependencies: ${r.dependencies || '(none)'}`, `Network Name resources of the role: ${names.map((n) => `${n.name} (${n.dnsName || 'no DNS name printed'})`).join(', ') || 'none'}`];
  const evidence = `${read.evidence}\n${lines.join('\n')}`;
  const problems: string[] = [];
  if (r.useNetworkName === '0') problems.push('"Use Network Name for computer name" is not selected (UseNetworkName = 0)');
  if (!dependsOn) problems.push(`the resource does not depend on a Network Name resource of the role "${r.ownerGroup}"`);
  if (problems.length) {
    return { id, verdict: 'fail', summary: `The ENTSSO resource "${r.name}" is not set up as the cluster page asks: ${problems.join('; ')}.`, evidence, next: 'In Failover Cluster Manager, open the ENTSSO resource\'s Properties: select "Use Network Name for computer name" (General) and add the role\'s Network Name under Dependencies, as "How to Cluster the Master Secret Server" says; then take the resource offline and online.' };
  }
  if (r.useNetworkName !== '1') {
    return { id, verdict: 'unverified', summary: `Not checked: UseNetworkName of "${r.name}" was not printed as 0 or 1 (${r.useNetworkName || 'nothing'}).`, evidence, next: 'Look at the resource\'s General tab in Failover Cluster Manager ("Use Network Name for computer name").' };
  }
  return { id, verdict: 'pass', summary: `The ENTSSO resource "${r.name}" uses the network name and depends on "${dependsOn!.name}"${dependsOn!.dnsName ? ` (${dependsOn!.dnsName})` : ''}.`, evidence };
}

/** The cluster network name the ENTSSO resource depends on (what -serverall should name), when the cluster says. */
export function clusterNetworkName(state: ClusterState | undefined): string | undefined {
  const r = state?.resources.length === 1 ? state.resources[0] : undefined;
  if (!r) return undefined;
  return dependedNetworkName(state!, r)?.dnsName || undefined;
}

/**
 * `groupSsoServer`: the BizTalk group's SSO Server name (WMI MSBTS_GroupSetting.SSOServerName)
 * is the cluster network name `-serverall` used (or, without a -serverall run in the record,
 * the network name the ENTSSO resource depends on).
 */
export function checkGroupSsoServer(out: ToolOutput, where: string, expected: { name?: string; from: string }): CheckResult {
  const id: CheckId = 'groupSsoServer';
  const read = readPs(id, out, where, readBizTalkGroup);
  if (!read.ok) return read.result;
  const groups = read.value.groups;
  if (groups.length !== 1) {
    return { id, verdict: 'unverified', summary: `Not checked: WMI returned ${groups.length} BizTalk group settings on ${where}.`, evidence: read.evidence, next: 'Verify on a BizTalk Server of the group.' };
  }
  const g = groups[0];
  const line = `MSBTS_GroupSetting ${g.name}: SSOServerName = ${g.ssoServerName || '(empty)'}`;
  if (!expected.name) {
    return { id, verdict: 'unverified', summary: `The BizTalk group's SSO Server name is ${g.ssoServerName || '(empty)'}; the cluster network name it should be is not known.`, evidence: `${read.evidence}\n${line}`, next: 'Run ssomanage -serverall from the extension (step 3), so that the name it used is in the record, or verify where the cluster can be read.' };
  }
  if (g.ssoServerName && sameComputer(g.ssoServerName, expected.name)) {
    return { id, verdict: 'pass', summary: `The BizTalk group's SSO Server name is ${g.ssoServerName}, ${expected.from}.`, evidence: `${read.evidence}\n${line}` };
  }
  return {
    id, verdict: 'fail',
    summary: `The BizTalk group's SSO Server name is ${g.ssoServerName || '(empty)'}, not ${expected.name} (${expected.from}).`,
    evidence: `${read.evidence}\n${line}`,
    next: `In BizTalk Server Administration, the group's Settings: set the SSO Server name to ${expected.name} (step 5), then verify again.`,
  };
}

/** `hostInstances`: no unclustered BizTalk host instance runs on the ENTSSO cluster's nodes (MSBTS_HostInstance.ClusterInstanceType 0). */
export function checkHostInstances(out: ToolOutput, where: string, nodes: readonly string[]): CheckResult {
  const id: CheckId = 'hostInstances';
  const read = readPs(id, out, where, readBizTalkGroup);
  if (!read.ok) return read.result;
  const hosts: BizTalkGroup['hostInstances'] = read.value.hostInstances;
  if (nodes.length === 0) {
    return { id, verdict: 'unverified', summary: 'Not checked: the nodes of the ENTSSO cluster are not known.', evidence: read.evidence, next: 'Verify where the cluster can be read (a cluster node), or list the nodes in step 7.' };
  }
  const onNodes = hosts.filter((h) => nodes.some((n) => sameComputer(n, h.runningServer)));
  const lines = onNodes.map((h) => `${h.hostName} on ${h.runningServer}: ClusterInstanceType ${Number.isNaN(h.clusterInstanceType) ? '(not printed)' : h.clusterInstanceType}`);
  const evidence = `${read.evidence}\nnodes: ${nodes.join(', ')}${lines.length ? `\n${lines.join('\n')}` : ''}`;
  const unknown = onNodes.filter((h) => Number.isNaN(h.clusterInstanceType));
  const unclustered = onNodes.filter((h) => h.clusterInstanceType === 0);
  if (unclustered.length) {
    return { id, verdict: 'fail', summary: `${unclustered.length} unclustered BizTalk host instance${unclustered.length > 1 ? 's run' : ' runs'} on the ENTSSO cluster's nodes: ${unclustered.map((h) => `${h.hostName} on ${h.runningServer}`).join(', ')}.`, evidence, next: 'Cluster these host instances, or run them on servers outside the ENTSSO cluster (the NOTE of steps 3 and 5), then verify again.' };
  }
  if (unknown.length) return { id, verdict: 'unverified', summary: `Not checked: WMI printed no ClusterInstanceType for ${unknown.map((h) => h.hostName).join(', ')}.`, evidence, next: 'Look at the host instances in BizTalk Server Administration.' };
  return { id, verdict: 'pass', summary: onNodes.length ? `The ${onNodes.length} BizTalk host instances on the cluster's nodes are all clustered.` : 'No BizTalk host instance runs on the ENTSSO cluster\'s nodes.', evidence };
}
