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
function frame(id: string, body: string): string {
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
    '}',
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

/** Whether `computer` answers on TCP port 135, the RPC endpoint mapper the SSO servers use (Test-NetConnection). */
export function rpcReachableScript(computer: string): PsScript {
  const body = [
    `  $name = ${psLiteral(computer)}`,
    '  $open = [bool](Test-NetConnection -ComputerName $name -Port 135 -InformationLevel Quiet -WarningAction SilentlyContinue)',
    '  Out-Result ([ordered]@{ ok = $true; computer = $name; port = 135; open = $open })',
  ].join('\r\n');
  return { id: 'rpcReachable', purpose: `tests TCP port 135 (RPC) of ${computer}`, text: frame('rpcReachable', body) };
}
