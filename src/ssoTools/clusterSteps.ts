// The cluster steps of the move to a cluster (step 4: bring the role online; step 6: take the ENTSSO
// resource offline and bring it online; step 7: move the role to the node to restore on) and
// ssomanage -serverall on many BizTalk Servers: the names they take, checked before anything runs,
// the scripts they run (src/ssoTools/powershell.ts), the step each ticks, the question asked before
// and what an exit code says. The cmdlets are those of Microsoft's FailoverClusters module
// (Start-ClusterGroup, Stop-ClusterResource, Start-ClusterResource, Move-ClusterGroup); the remote
// runs use Invoke-Command (docs/powershell.md). Pure: no `vscode` import, no process.
import { cycleResourceScript, moveRoleScript, psLiteral, startRoleScript, STEP_EXIT, type PsScript } from './powershell';
import { checkServerName, describeInvisible, findInvisible, visible } from './serverName';

export const CLUSTER_COMMANDS = ['startRole', 'cycleResource', 'moveRole'] as const;
export type ClusterCommand = (typeof CLUSTER_COMMANDS)[number];

/** A `cluster` task's definition, checked (tasks.json, Run Task, mss.runClusterStep). */
export type ClusterStepDefinition =
  | { type: 'cluster'; command: 'startRole'; role: string }
  | { type: 'cluster'; command: 'cycleResource'; role: string; resource: string }
  | { type: 'cluster'; command: 'moveRole'; role: string; node: string };

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const WHAT = {
  role: { noun: 'role', where: 'Type the role\'s name as Failover Cluster Manager shows it under Roles (Get-ClusterGroup lists them).' },
  resource: { noun: 'resource', where: 'Type the name of the clustered Enterprise SSO resource as Failover Cluster Manager shows it in the role\'s Resources (Get-ClusterResource lists them).' },
} as const;

/**
 * Checks the name of a cluster role (resource group) or resource: not empty, no control character,
 * line break or character that does not show (the name would not be the one seen), nothing
 * `psLiteral` refuses. Leading and trailing spaces are dropped. Any other character is allowed:
 * such names may hold spaces and punctuation ("SSO Service", "IP Address 10.0.0.5"), and the
 * name reaches the script only as a quoted literal.
 */
export function checkClusterObjectName(value: unknown, what: keyof typeof WHAT): Checked<string> {
  const { noun, where } = WHAT[what];
  if (typeof value !== 'string') return { ok: false, message: `The ${noun} name is missing. ${where}` };
  const name = value.trim();
  if (name === '') return { ok: false, message: `The ${noun} name is empty. ${where}` };
  const invisible = findInvisible(name);
  if (invisible) return { ok: false, message: `The ${noun} name "${visible(name)}" contains ${describeInvisible(invisible.char)}, a character that does not show, so the name is not the one you see: refused. Retype it. ${where}` };
  try {
    psLiteral(name);
  } catch {
    return { ok: false, message: `The ${noun} name "${visible(name)}" contains a line break or a control character, which no ${noun} name has: refused. ${where}` };
  }
  return { ok: true, value: name };
}

/**
 * Checks a computer name (a cluster node, a BizTalk Server): the server-name rules of ssomanage
 * (src/ssoTools/serverName.ts), and none of the characters a command line or a script would read
 * differently (spaces, quotes, `&|<>^%!;,()`, slashes).
 */
export function checkComputerName(value: unknown, what: 'node' | 'computer'): Checked<string> {
  const noun = what === 'node' ? 'cluster node' : 'computer';
  const example = what === 'node' ? 'NODE2' : 'BTSAPP01';
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, message: `The ${noun} name is missing. Give the computer name of the ${noun} (for example ${example}).` };
  const name = value.trim();
  const verdict = checkServerName(name);
  if (!verdict.ok || /[\s"'`&|<>^%!;,()\\/\u2018-\u201B]/.test(name)) {
    const why = verdict.ok ? ' It has a character no computer name has.' : ` ${verdict.message ?? ''}`;
    // The server-name rules end by saying where a master secret server's name is found: not what is asked here.
    const said = why.replace(/ ?Use the computer name of the new master secret server[^.]*\./, '').trimEnd();
    return { ok: false, message: `"${visible(name)}" is not a ${noun} name: refused.${said} Give the computer name of the ${noun} (for example ${example}).` };
  }
  return { ok: true, value: name };
}

/** The BizTalk Servers to run on: each name checked, duplicates (case-insensitive) dropped, at least one. */
export function checkComputerList(value: unknown): Checked<string[]> {
  if (!Array.isArray(value) || value.length === 0) return { ok: false, message: 'Give the BizTalk Servers to run on as a list of computer names (for example ["BTSAPP01", "BTSAPP02"]).' };
  const names: string[] = [];
  for (const v of value) {
    const c = checkComputerName(v, 'computer');
    if (!c.ok) return c;
    if (!names.some((n) => n.toLowerCase() === c.value.toLowerCase())) names.push(c.value);
  }
  return { ok: true, value: names };
}

/** Checks a `cluster` task's definition: its command and the names that command needs. */
export function parseClusterDefinition(raw: unknown): Checked<ClusterStepDefinition> {
  const def = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const command = def.command;
  if (typeof command !== 'string' || !(CLUSTER_COMMANDS as readonly string[]).includes(command)) {
    return { ok: false, message: `A cluster task's "command" is "startRole" (needs "role"), "cycleResource" (needs "role" and "resource") or "moveRole" (needs "role" and "node"), not ${JSON.stringify(command ?? null)}.` };
  }
  const role = checkClusterObjectName(def.role, 'role');
  if (!role.ok) return role;
  if (command === 'startRole') return { ok: true, value: { type: 'cluster', command, role: role.value } };
  if (command === 'cycleResource') {
    const resource = checkClusterObjectName(def.resource, 'resource');
    if (!resource.ok) return resource;
    return { ok: true, value: { type: 'cluster', command, role: role.value, resource: resource.value } };
  }
  const node = checkComputerName(def.node, 'node');
  if (!node.ok) return node;
  return { ok: true, value: { type: 'cluster', command: 'moveRole', role: role.value, node: node.value } };
}

/** The script of a checked definition. */
export function clusterScript(def: ClusterStepDefinition): PsScript {
  switch (def.command) {
    case 'startRole': return startRoleScript(def.role);
    case 'cycleResource': return cycleResourceScript(def.role, def.resource);
    case 'moveRole': return moveRoleScript(def.role, def.node);
  }
}

/** The task's name in Run Task and the terminal. */
export function clusterTaskName(def: ClusterStepDefinition): string {
  switch (def.command) {
    case 'startRole': return `Start-ClusterGroup ${def.role}`;
    case 'cycleResource': return `Stop-ClusterResource, Start-ClusterResource ${def.resource}; Start-ClusterGroup ${def.role}`;
    case 'moveRole': return `Move-ClusterGroup ${def.role} -Node ${def.node}`;
  }
}

/**
 * The step of the move to a cluster a run belongs to, and whether exit code 0 ticks it: the role
 * online ticks step 4, the resource cycle step 6; moving the role ticks nothing (the restore on
 * that node, step 7, does) but is kept with step 7's runs.
 */
export function clusterStepOf(command: ClusterCommand): { procedure: 'moveToCluster'; step: 'bringOnline' | 'cycleResource' | 'restoreEachNode'; ticks: boolean } {
  switch (command) {
    case 'startRole': return { procedure: 'moveToCluster', step: 'bringOnline', ticks: true };
    case 'cycleResource': return { procedure: 'moveToCluster', step: 'cycleResource', ticks: true };
    case 'moveRole': return { procedure: 'moveToCluster', step: 'restoreEachNode', ticks: false };
  }
}

/** The modal question before a cluster step runs (what it changes, in the admin's words). */
export function clusterQuestion(def: ClusterStepDefinition): { title: string; detail: string; confirm: string } {
  const here = 'It runs through Windows PowerShell on this computer, on the cluster this computer is a node of.';
  switch (def.command) {
    case 'startRole':
      return {
        title: `Bring the role ${def.role} online?`,
        detail: `Start-ClusterGroup -Name ${psLiteral(def.role)} starts every resource of the role, the clustered Enterprise SSO service included (step 4). ${here}`,
        confirm: 'Bring Online',
      };
    case 'cycleResource':
      return {
        title: `Take ${def.resource} offline and bring it online?`,
        detail: `Stop-ClusterResource -Name ${psLiteral(def.resource)} takes the resource offline, and before it every resource that depends on it: the clustered BizTalk host instances of the role ${def.role} go offline too, and BizTalk stops processing there. ` +
          `Then Start-ClusterResource -Name ${psLiteral(def.resource)} brings the resource back (and what it depends on, not what depends on it), and Start-ClusterGroup -Name ${psLiteral(def.role)} brings back the rest of the role (step 6). ${here}`,
        confirm: 'Take Offline and Bring Online',
      };
    case 'moveRole':
      return {
        title: `Move the role ${def.role} to ${def.node}?`,
        detail: `Move-ClusterGroup -Name ${psLiteral(def.role)} -Node ${psLiteral(def.node)} moves every resource of the role to ${def.node}: they go offline on the node that owns them now and come online on ${def.node}. ` +
          `Then restore the master secret on ${def.node} (step 7): ssoconfig -restoreSecret runs there, in a logon on ${def.node}, because it asks for the backup's password. ${here}`,
        confirm: 'Move the Role',
      };
  }
}

/** What a cluster step's exit code says, and what to do (the script's exit codes: src/ssoTools/powershell.ts). */
export function clusterExitText(def: ClusterStepDefinition, exitCode: number): string {
  const ran = clusterTaskName(def);
  if (exitCode === STEP_EXIT.done) return `${ran} succeeded.`;
  const terminal = 'Its terminal shows the failure as a JSON document ({ "ok": false, "kind", "message" }).';
  switch (exitCode) {
    case STEP_EXIT.missing:
      return `${ran} did not run: the FailoverClusters PowerShell module or one of its cmdlets is missing on this computer (exit code ${exitCode}). Run it on a cluster node of Windows Server 2012 or later, where the Failover Clustering feature installs the module. ${terminal}`;
    case STEP_EXIT.denied:
      return `${ran} failed: access was denied (exit code ${exitCode}). Run VS Code as an administrator, with an account that is an administrator of the cluster. ${terminal}`;
    default:
      return `${ran} failed with exit code ${exitCode}. ${terminal} Check the names (Get-ClusterGroup, Get-ClusterResource) and the cluster's state in Failover Cluster Manager, then run the step again.`;
  }
}
