// Readers of the JSON documents our PowerShell scripts print (src/ssoTools/powershell.ts;
// shapes in docs/powershell.md). A document that is not of our shape, or a script that failed,
// is a reason in the admin's words, never a reading. Pure.

export type PsFailureKind = 'module' | 'cmdlet' | 'denied' | 'unreachable' | 'namespace' | 'error';

export type PsResult<T> = { ok: true; value: T } | { ok: false; kind: PsFailureKind; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
/** PowerShell 5.1 prints an array of one element as the element itself, and an empty one as null. */
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]);

/** HRESULTs a failure carries, by number (its message is in the display language of the computer). */
const DENIED = [-2147024891 /* 0x80070005 */];
const UNREACHABLE = [-2147023174 /* 0x800706BA RPC server unavailable */, -2147023143 /* 0x800706D9 */, -2147023170 /* 0x800706BE */, 1722, 53];
const INVALID_NAMESPACE = [-2147217394 /* 0x8004100E WBEM_E_INVALID_NAMESPACE */];

/** The last line of `stdout` that is a JSON object: warnings and banners may come before it. */
function lastJson(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l.startsWith('{'));
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      const v: unknown = JSON.parse(lines[i]);
      if (isObject(v)) return v;
    } catch {
      // not JSON: the next line up
    }
  }
  return undefined;
}

/** A failed script's document, classified by its error id and HRESULT (not by its localized message). */
function failure(doc: Record<string, unknown>): { ok: false; kind: PsFailureKind; message: string } {
  const hresult = typeof doc.hresult === 'number' ? doc.hresult : NaN;
  const said = str(doc.kind);
  const message = str(doc.message).slice(0, 500);
  let kind: PsFailureKind = said === 'module' || said === 'cmdlet' || said === 'denied' ? said : 'error';
  if (DENIED.includes(hresult)) kind = 'denied';
  else if (UNREACHABLE.includes(hresult)) kind = 'unreachable';
  else if (INVALID_NAMESPACE.includes(hresult) || /InvalidNamespace|HRESULT 0x8004100e/i.test(str(doc.errorId))) kind = 'namespace';
  return { ok: false, kind, message };
}

/** The document a script printed, or why there is none. */
function document(stdout: string, exitCode: number): { ok: true; doc: Record<string, unknown> } | { ok: false; kind: PsFailureKind; message: string } {
  const doc = lastJson(stdout);
  if (!doc) return { ok: false, kind: 'error', message: `PowerShell printed no result of ours (exit code ${exitCode}).` };
  if (doc.ok !== true) return failure(doc);
  return { ok: true, doc };
}

export interface ClusterResourceState {
  name: string;
  state: string;
  ownerGroup: string;
  ownerNode: string;
  groupState: string;
  groupOwnerNode: string;
  useNetworkName: string;
  dependencies: string;
}

export interface ClusterState {
  /** The Generic Service resources whose ServiceName is ENTSSO (one, when the cluster is set up as the page asks). */
  resources: ClusterResourceState[];
  networkNames: Array<{ name: string; group: string; state: string; dnsName: string }>;
  nodes: Array<{ name: string; state: string }>;
}

/** What `clusterStateScript` printed. */
export function readClusterState(stdout: string, exitCode: number): PsResult<ClusterState> {
  const d = document(stdout, exitCode);
  if (!d.ok) return d;
  const resources = list(d.doc.resources).filter(isObject).map((r) => ({
    name: str(r.name), state: str(r.state), ownerGroup: str(r.ownerGroup), ownerNode: str(r.ownerNode),
    groupState: str(r.groupState), groupOwnerNode: str(r.groupOwnerNode), useNetworkName: str(r.useNetworkName), dependencies: str(r.dependencies),
  }));
  const networkNames = list(d.doc.networkNames).filter(isObject).map((n) => ({ name: str(n.name), group: str(n.group), state: str(n.state), dnsName: str(n.dnsName) }));
  const nodes = list(d.doc.nodes).filter(isObject).map((n) => ({ name: str(n.name), state: str(n.state) }));
  return { ok: true, value: { resources, networkNames, nodes } };
}

export interface BizTalkGroup {
  groups: Array<{ name: string; ssoServerName: string }>;
  hostInstances: Array<{ hostName: string; runningServer: string; clusterInstanceType: number; serviceState: number }>;
}

/** What `bizTalkGroupScript` printed. */
export function readBizTalkGroup(stdout: string, exitCode: number): PsResult<BizTalkGroup> {
  const d = document(stdout, exitCode);
  if (!d.ok) return d;
  const groups = list(d.doc.groups).filter(isObject).map((g) => ({ name: str(g.name), ssoServerName: str(g.ssoServerName) }));
  const hostInstances = list(d.doc.hostInstances).filter(isObject).map((h) => ({
    hostName: str(h.hostName), runningServer: str(h.runningServer),
    clusterInstanceType: typeof h.clusterInstanceType === 'number' ? h.clusterInstanceType : NaN,
    serviceState: typeof h.serviceState === 'number' ? h.serviceState : NaN,
  }));
  return { ok: true, value: { groups, hostInstances } };
}

/** A PowerShell failure in the admin's words: what it means and what to do. */
export function describePsFailure(f: { kind: PsFailureKind; message: string }, where: string): { summary: string; next: string } {
  const said = f.message ? ` (${f.message})` : '';
  switch (f.kind) {
    case 'module':
      return { summary: `Not checked: the FailoverClusters PowerShell module is not installed on ${where}${said}.`, next: 'Install the Failover Cluster Module for Windows PowerShell (Server Manager: Remote Server Administration Tools > Feature Administration Tools > Failover Clustering Tools), or verify on a cluster node.' };
    case 'cmdlet':
      return { summary: `Not checked: a cmdlet the check needs is missing on ${where}${said}.`, next: 'Use Windows PowerShell 5.1 with the FailoverClusters module (Windows Server 2012 or later), or verify on a cluster node.' };
    case 'denied':
      return { summary: `Not checked: access was denied on ${where}${said}.`, next: `Run VS Code as an administrator with rights on ${where} (a domain account that is an administrator of the cluster or the BizTalk group).` };
    case 'unreachable':
      return { summary: `Not checked: ${where} cannot be reached${said}.`, next: `Check the name, that ${where} is on and that the firewall allows remote management (RPC, WinRM) from this computer.` };
    case 'namespace':
      return { summary: `Not checked: ${where} has no BizTalk Server WMI namespace (root\\MicrosoftBizTalkServer)${said}.`, next: 'Verify on a BizTalk Server of the group (the WMI provider is installed with BizTalk Server).' };
    default:
      return { summary: `Not checked: the PowerShell check failed on ${where}${said}.`, next: 'Read the evidence, then verify again.' };
  }
}

/** What `rpcReachableScript` printed: whether port 135 answered. */
export function readRpcReachable(stdout: string, exitCode: number): PsResult<{ computer: string; open: boolean }> {
  const d = document(stdout, exitCode);
  if (!d.ok) return d;
  if (typeof d.doc.open !== 'boolean') return { ok: false, kind: 'error', message: 'Test-NetConnection printed no result.' };
  return { ok: true, value: { computer: str(d.doc.computer), open: d.doc.open } };
}
