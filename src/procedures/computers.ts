// Which computer a step runs on. The move to another server runs -updatedb on
// the original master secret server and the restart and the restore on the new
// one (seed steps 4 to 6); running one on the wrong computer fails late (the
// restore with 10766) or takes BizTalk down where nothing was to change. These
// checks warn only: the computer names are compared as the admin typed them. Pure.

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * This computer's name as Windows tools show it: COMPUTERNAME (the NetBIOS name, at most
 * 15 characters, which is what server names in ENTSSO are), else the host name.
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
