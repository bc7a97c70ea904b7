// Every PowerShell script the extension runs is built here, from fixed text: a value from
// outside (a cluster or computer name) stands in a script only as a single-quoted literal, after
// it was checked, with every character PowerShell would end such a literal at doubled; anything
// that could still leave the literal (a control character, a line break) is refused. The script
// is handed to Windows PowerShell 5.1 as `-NoProfile -NonInteractive -EncodedCommand <base64 of
// its UTF-16 LE text>`, so no shell and no command-line parser reads it. Each script prints one
// JSON document of a shape of ours (docs/powershell.md), read by src/verification/psReaders.ts.
// Pure: no `vscode` import, no process.
//
// Microsoft's pages: about_PowerShell_exe (-NoProfile, -NonInteractive, -EncodedCommand),
// about_Quoting_Rules (single-quoted strings, doubled quotes), ConvertTo-Json, the
// FailoverClusters module (Get-ClusterResource, Get-ClusterParameter,
// Get-ClusterResourceDependency, Get-ClusterGroup, Get-ClusterNode) and Get-CimInstance.

/**
 * The characters that end a single-quoted PowerShell string: the apostrophe and the typographic
 * single quotes U+2018 to U+201B (about_Quoting_Rules; PowerShell's tokenizer treats them alike).
 */
const QUOTES = /['\u2018\u2019\u201A\u201B]/g;
/** Characters a name never has, refused rather than quoted: control characters and line/paragraph separators. */
// eslint-disable-next-line no-control-regex -- the control characters are what is refused
const REFUSED = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** `value` as a PowerShell single-quoted literal. Throws for a value that has a control character or a line break. */
export function psLiteral(value: string): string {
  if (REFUSED.test(value)) throw new Error(`"${JSON.stringify(value).slice(1, -1)}" has a control character or a line break, which no name has: refused.`);
  return `'${value.replace(QUOTES, (q) => q + q)}'`;
}

/** The base64 of the script's UTF-16 LE text: what `-EncodedCommand` takes. */
export function encodeScript(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

/** The script an `-EncodedCommand` argument holds (for the tests and the record). */
export function decodeScript(encoded: string): string {
  return Buffer.from(encoded, 'base64').toString('utf16le');
}

/** What every script of ours is: its id (the first line names it) and its text. */
export interface PsScript {
  id: string;
  /** What it reads or does, in the admin's words (for the question and the record). */
  purpose: string;
  text: string;
}

/** The arguments of powershell.exe that run `script`: no profile, no prompt, the script encoded. */
export function powershellArgs(script: PsScript): string[] {
  return ['-NoProfile', '-NonInteractive', '-EncodedCommand', encodeScript(script.text)];
}

/** The command line as the record shows it: the script by its id, not its base64. */
export function powershellLabel(executable: string, script: PsScript): string {
  return `${executable} -NoProfile -NonInteractive -EncodedCommand <${script.id}: ${script.purpose}>`;
}

/**
 * The frame of every script: stop on the first error, UTF-8 out, one JSON document printed,
 * `{ ok: true, ... }` or `{ ok: false, kind, message, hresult, errorId }` (a missing module or
 * cmdlet, access denied, an unreachable computer: read in src/verification/psReaders.ts).
 */
function frame(id: string, body: string, { exitCodes = false } = {}): string {
  // A script that changes something (a cluster step, -serverall) ends with an exit code a task can read:
  // 0 done; on a failure 2 (a module or cmdlet missing), 5 (access denied) or 1 (anything else).
  const exit = exitCodes
    ? ["  if ($kind -eq 'module' -or $kind -eq 'cmdlet') { exit 2 } elseif ($kind -eq 'denied') { exit 5 } else { exit 1 }"]
    : [];
  return [
    `# Master Secret Mover: ${id}`,
    "$ErrorActionPreference = 'Stop'",
    "$ProgressPreference = 'SilentlyContinue'",
    '[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false',
    'function Out-Result($value) { ConvertTo-Json -InputObject $value -Depth 6 -Compress }',
    'try {',
    body,
    '} catch {',
    '  $e = $_.Exception',
    "  $kind = 'error'",
    "  if ($_.FullyQualifiedErrorId -like 'Modules_ModuleNotFound*') { $kind = 'module' }",
    "  elseif ($_.FullyQualifiedErrorId -like 'CommandNotFoundException*') { $kind = 'cmdlet' }",
    "  elseif ($e -is [System.UnauthorizedAccessException] -or $e.HResult -eq -2147024891) { $kind = 'denied' }",
    "  Out-Result ([ordered]@{ ok = $false; kind = $kind; message = [string]$e.Message; hresult = [int]$e.HResult; errorId = [string]$_.FullyQualifiedErrorId })",
    ...exit,
    '}',
    ...(exitCodes ? ['exit 0'] : []),
    '',
  ].join('\r\n');
}

/**
 * The ENTSSO cluster resource (the Generic Service resource whose ServiceName is ENTSSO), its
 * role and their states and owner node; its UseNetworkName and dependency expression; the
 * role's Network Name resources and their DNS names; the cluster's nodes. Read-only cmdlets
 * only. `cluster`: the cluster (or a node) to ask; none: the cluster of this computer.
 */
export function clusterStateScript(cluster?: string): PsScript {
  const target = cluster ? `$cl = @{ Cluster = ${psLiteral(cluster)} }` : '$cl = @{}';
  const body = [
    '  Import-Module FailoverClusters',
    `  ${target}`,
    '  $all = @(Get-ClusterResource @cl)',
    '  $found = @()',
    "  foreach ($r in @($all | Where-Object { [string]$_.ResourceType.Name -eq 'Generic Service' })) {",
    "    $service = [string](Get-ClusterParameter -InputObject $r -Name ServiceName).Value",
    "    if ($service -ne 'ENTSSO') { continue }",
    "    $group = Get-ClusterGroup @cl -Name ([string]$r.OwnerGroup)",
    '    $found += [ordered]@{',
    '      name = [string]$r.Name; state = [string]$r.State; ownerGroup = [string]$r.OwnerGroup; ownerNode = [string]$r.OwnerNode',
    '      groupState = [string]$group.State; groupOwnerNode = [string]$group.OwnerNode',
    "      useNetworkName = [string](Get-ClusterParameter -InputObject $r -Name UseNetworkName).Value",
    '      dependencies = [string](Get-ClusterResourceDependency -InputObject $r).DependencyExpression',
    '    }',
    '  }',
    "  $names = @($all | Where-Object { [string]$_.ResourceType.Name -eq 'Network Name' } | ForEach-Object {",
    "    [ordered]@{ name = [string]$_.Name; group = [string]$_.OwnerGroup; state = [string]$_.State; dnsName = [string](Get-ClusterParameter -InputObject $_ -Name DnsName).Value }",
    '  })',
    '  $nodes = @(Get-ClusterNode @cl | ForEach-Object { [ordered]@{ name = [string]$_.Name; state = [string]$_.State } })',
    '  Out-Result ([ordered]@{ ok = $true; resources = $found; networkNames = $names; nodes = $nodes })',
  ].join('\r\n');
  return { id: 'clusterState', purpose: 'reads the ENTSSO cluster resource, its role, Network Name and nodes', text: frame('clusterState', body) };
}

/** The BizTalk group's SSO Server name (MSBTS_GroupSetting) and its host instances (MSBTS_HostInstance), by WMI. */
export function bizTalkGroupScript(computer?: string): PsScript {
  const target = computer ? `$cn = @{ ComputerName = ${psLiteral(computer)} }` : '$cn = @{}';
  const body = [
    `  ${target}`,
    "  $ns = 'root/MicrosoftBizTalkServer'",
    '  $groups = @(Get-CimInstance @cn -Namespace $ns -ClassName MSBTS_GroupSetting | ForEach-Object { [ordered]@{ name = [string]$_.Name; ssoServerName = [string]$_.SSOServerName } })',
    '  $hosts = @(Get-CimInstance @cn -Namespace $ns -ClassName MSBTS_HostInstance | ForEach-Object {',
    '    [ordered]@{ hostName = [string]$_.HostName; runningServer = [string]$_.RunningServer; clusterInstanceType = [int]$_.ClusterInstanceType; serviceState = [int]$_.ServiceState }',
    '  })',
    '  Out-Result ([ordered]@{ ok = $true; groups = $groups; hostInstances = $hosts })',
  ].join('\r\n');
  return { id: 'bizTalkGroup', purpose: "reads the BizTalk group's SSO Server name and host instances (WMI)", text: frame('bizTalkGroup', body) };
}

/** The exit codes of a script that changes something (see `frame`): what a task's exit code says. */
export const STEP_EXIT = { done: 0, failed: 1, missing: 2, denied: 5 } as const;

/** The line of a step script that stops with a failure when the role is not online (`$g`: the role as a cmdlet returned it). */
const ROLE_ONLINE = "  if ([string]$g.State -ne 'Online') { throw ('The role ' + $role + ' is ' + [string]$g.State + ', not Online.') }";
const ROLE_RESULT = "[ordered]@{ ok = $true; role = [string]$g.Name; state = [string]$g.State; ownerNode = [string]$g.OwnerNode }";

/**
 * Step 4 of the move to a cluster: `Start-ClusterGroup -Name ROLE` on this computer's cluster.
 * Prints the role's state and owner node; exits non-zero when it is not online after it.
 */
export function startRoleScript(role: string): PsScript {
  const body = [
    '  Import-Module FailoverClusters',
    `  $role = ${psLiteral(role)}`,
    '  $g = Start-ClusterGroup -Name $role',
    ROLE_ONLINE,
    `  Out-Result (${ROLE_RESULT})`,
  ].join('\r\n');
  return { id: 'startRole', purpose: `Start-ClusterGroup -Name ${psLiteral(role)}`, text: frame('startRole', body, { exitCodes: true }) };
}

/**
 * Step 6: `Stop-ClusterResource -Name RES`, then `Start-ClusterResource -Name RES`, then
 * `Start-ClusterGroup -Name ROLE`: taking a resource offline takes what depends on it offline too
 * (the clustered BizTalk host instances), and starting the resource brings back only what it
 * depends on. Refuses, before anything stops, a resource that is not in the role.
 */
export function cycleResourceScript(role: string, resource: string): PsScript {
  const body = [
    '  Import-Module FailoverClusters',
    `  $role = ${psLiteral(role)}`,
    `  $res = ${psLiteral(resource)}`,
    '  $r = Get-ClusterResource -Name $res',
    "  if ([string]$r.OwnerGroup -ne $role) { throw ('The resource ' + $res + ' is in the role ' + [string]$r.OwnerGroup + ', not in ' + $role + ': nothing was taken offline.') }",
    '  $stopped = Stop-ClusterResource -Name $res',
    '  $started = Start-ClusterResource -Name $res',
    '  $g = Start-ClusterGroup -Name $role',
    "  if ([string]$started.State -ne 'Online') { throw ('The resource ' + $res + ' is ' + [string]$started.State + ', not Online.') }",
    ROLE_ONLINE,
    "  Out-Result ([ordered]@{ ok = $true; role = [string]$g.Name; state = [string]$g.State; ownerNode = [string]$g.OwnerNode; resource = [string]$started.Name; offlineState = [string]$stopped.State; resourceState = [string]$started.State })",
  ].join('\r\n');
  return {
    id: 'cycleResource',
    purpose: `Stop-ClusterResource -Name ${psLiteral(resource)}, then Start-ClusterResource -Name ${psLiteral(resource)}, then Start-ClusterGroup -Name ${psLiteral(role)}`,
    text: frame('cycleResource', body, { exitCodes: true }),
  };
}

/** Step 7, before the restore on a node: `Move-ClusterGroup -Name ROLE -Node NODE`; exits non-zero unless NODE owns the role after it. */
export function moveRoleScript(role: string, node: string): PsScript {
  const body = [
    '  Import-Module FailoverClusters',
    `  $role = ${psLiteral(role)}`,
    `  $node = ${psLiteral(node)}`,
    '  $g = Move-ClusterGroup -Name $role -Node $node',
    "  if ([string]$g.OwnerNode -ne $node) { throw ('The role ' + $role + ' is owned by ' + [string]$g.OwnerNode + ', not by ' + $node + '.') }",
    ROLE_ONLINE,
    `  Out-Result (${ROLE_RESULT})`,
  ].join('\r\n');
  return { id: 'moveRole', purpose: `Move-ClusterGroup -Name ${psLiteral(role)} -Node ${psLiteral(node)}`, text: frame('moveRole', body, { exitCodes: true }) };
}

/**
 * Step 3 on many BizTalk Servers: on each computer, through PowerShell remoting, the install
 * folder's ssomanage `-serverall SERVER` (`Invoke-Command -ComputerName C -ScriptBlock {...}
 * -ArgumentList FOLDER, SERVER`), one computer after the other, so that a failure on one leaves
 * the others done. Prints `{ ok: true, results: [{ computer, ran, exitCode, output }` or `{ computer,
 * ran: false, kind, message, errorId, hresult, transportCode }] }`. The values reach the remote
 * computer as arguments of the script block, never as script text.
 */
export function serverAllRemoteScript(server: string, computers: readonly string[], installFolder: string): PsScript {
  if (computers.length === 0) throw new Error('No computer to run ssomanage -serverall on.');
  const body = [
    `  $server = ${psLiteral(server)}`,
    `  $folder = ${psLiteral(installFolder)}`,
    `  $computers = @(${computers.map(psLiteral).join(', ')})`,
    '  $options = New-PSSessionOption -OpenTimeout 30000',
    '  $results = @()',
    '  foreach ($c in $computers) {',
    '    try {',
    '      $r = Invoke-Command -ComputerName $c -SessionOption $options -ErrorAction Stop -ArgumentList $folder, $server -ScriptBlock {',
    '        param($folder, $server)',
    "        $exe = Join-Path $folder 'ssomanage.exe'",
    "        if (-not (Test-Path -LiteralPath $exe -PathType Leaf)) { return [pscustomobject]@{ found = $false; exe = $exe; exitCode = -1; output = '' } }",
    "        $out = & $exe -serverall $server 2>&1 | Out-String",
    '        [pscustomobject]@{ found = $true; exe = $exe; exitCode = [int]$LASTEXITCODE; output = [string]$out }',
    '      }',
    '      if ($r.found) { $results += [ordered]@{ computer = $c; ran = $true; exe = [string]$r.exe; exitCode = [int]$r.exitCode; output = [string]$r.output } }',
    "      else { $results += [ordered]@{ computer = $c; ran = $false; kind = 'missing'; message = ([string]$r.exe + ' does not exist there.'); errorId = ''; hresult = 0; transportCode = 0 } }",
    '    } catch {',
    '      $e = $_.Exception',
    '      $transport = 0',
    "      if ($e.PSObject.Properties['ErrorCode']) { $transport = [int64]$e.ErrorCode }",
    "      $results += [ordered]@{ computer = $c; ran = $false; kind = 'remoting'; message = [string]$e.Message; errorId = [string]$_.FullyQualifiedErrorId; hresult = [int]$e.HResult; transportCode = $transport }",
    '    }',
    '  }',
    '  Out-Result ([ordered]@{ ok = $true; server = $server; results = $results })',
  ].join('\r\n');
  return {
    id: 'serverAll',
    purpose: `ssomanage -serverall ${server} on ${computers.join(', ')} (Invoke-Command)`,
    text: frame('serverAll', body, { exitCodes: true }),
  };
}

/** Whether `computer` answers on TCP port 135, the RPC endpoint mapper the SSO servers use (Test-NetConnection). */
export function rpcReachableScript(computer: string): PsScript {
  const body = [
    `  $name = ${psLiteral(computer)}`,
    '  $open = [bool](Test-NetConnection -ComputerName $name -Port 135 -InformationLevel Quiet -WarningAction SilentlyContinue)',
    '  Out-Result ([ordered]@{ ok = $true; computer = $name; port = 135; open = $open })',
  ].join('\r\n');
  return { id: 'rpcReachable', purpose: `tests TCP port 135 (RPC) of ${computer}`, text: frame('rpcReachable', body) };
}
