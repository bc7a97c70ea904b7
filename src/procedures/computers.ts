// Which computer a step runs on. The move to another server runs -updatedb on
// the original master secret server and the restart and the restore on the new
// one (steps 4 to 6 of Microsoft's page); running one on the wrong computer fails late (the
// restore with 10766) or takes BizTalk down where nothing was to change. These
// checks warn only: names are compared by their first label, in any case, and a
// name that does not match proves nothing (an alias, an IP address). Pure.

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * This computer's name as Windows tools show it: COMPUTERNAME (the NetBIOS name, the form
 * of the bare server names in Microsoft's samples), else the host name.
 */
export function thisComputer(env: Readonly<Record<string, string | undefined>>, hostname: () => string): string {
  return env.COMPUTERNAME?.trim() || hostname();
}

/** A computer's name for comparing: its first DNS label, upper case (BTSMSS02.contoso.com is BTSMSS02); an IP address whole. */
export function computerKey(name: string): string {
  const trimmed = name.trim();
  return (IPV4.test(trimmed) ? trimmed : trimmed.split('.')[0]).toUpperCase();
}

export function sameComputer(a: string, b: string): boolean {
  return computerKey(a) !== '' && computerKey(a) === computerKey(b);
}

/** Before `ssomanage -updatedb`: a warning when this computer is the server the file names. */
export function updateDbComputerWarning(thisComputer: string, newServer: string): string | undefined {
  if (!sameComputer(thisComputer, newServer)) return undefined;
  return `This computer, ${thisComputer}, is the new master secret server the file names. The procedure runs ssomanage -updatedb on the ORIGINAL master secret server (step 4), which still holds the master secret.`;
}

/** Before the restart or the restore of the move to another server: a warning when this computer is not the server step 4 named. */
export function newServerComputerWarning(action: 'restart' | 'restore', thisComputer: string, newServer: string | undefined): string | undefined {
  if (newServer === undefined || sameComputer(thisComputer, newServer)) return undefined;
  const made = `Step 4 made ${newServer} the master secret server, and this computer is ${thisComputer}.`;
  return action === 'restore'
    ? `${made} The restore only works on the master secret server (otherwise 10766, "This function can only be performed on the master secret server"): run it on ${newServer}.`
    : `${made} Step 5 restarts Enterprise SSO on ${newServer}.`;
}

/**
 * Where a step of a procedure runs, with the new master secret server's name once a
 * successful -updatedb named it: "On the new master secret server (BTSMSS02)".
 */
export function runsOnNamed(procedure: string, runsOn: string, newServer: string | undefined): string {
  return procedure === 'moveToServer' && newServer && /the new master secret server$/.test(runsOn) ? `${runsOn} (${newServer})` : runsOn;
}

/**
 * The move under way: the one with progress recorded (anything: a tick, a sub-step,
 * a machine, a run) while the other has none; undefined when both or neither have.
 */
export function moveUnderWay(server: Readonly<Record<string, unknown>>, cluster: Readonly<Record<string, unknown>>): 'moveToServer' | 'moveToCluster' | undefined {
  // A verification alone is no progress: it only reads (its verdicts are kept as `checks`).
  const onlyChecks = (r: object) => 'checks' in r && Object.keys(r).every((k) => k === 'checks' || (k === 'done' && (r as { done?: unknown }).done === false));
  const hasProgress = (p: Readonly<Record<string, unknown>>) => Object.values(p).some((r) => !r || typeof r !== 'object' || !onlyChecks(r));
  const s = hasProgress(server);
  const c = hasProgress(cluster);
  return s === c ? undefined : s ? 'moveToServer' : 'moveToCluster';
}

/**
 * Where `ssomanage -updatedb` runs: on the original master secret server in the move to
 * another server (step 4), on the active cluster node in the move to a cluster (section
 * 5.2 of its step 1); both when it is not known which move this is.
 */
export function updateDbWhere(move: 'moveToServer' | 'moveToCluster' | undefined): string {
  if (move === 'moveToServer') return 'Run it on the ORIGINAL master secret server, in an elevated VS Code.';
  if (move === 'moveToCluster') return 'In the move to a cluster, run it on the ACTIVE cluster node (the section "Update the master secret server name in the SSO database" of step 1), in an elevated VS Code. No step is marked done by it: step 1 is done when all its sections are.';
  return 'Run it on the ORIGINAL master secret server when moving to another server (step 4), or on the ACTIVE cluster node when moving to a cluster (the section "Update the master secret server name in the SSO database" of step 1), in an elevated VS Code.';
}
