// Outputs shaped like what the read-only tools print, for the verification tests. The shapes
// follow docs/tools.md: the properties `ssomanage -displaydb` shows (Microsoft documents them,
// not the console layout, so the listing below is a plausible layout, label : value), the
// layout of `sc query`, and the event XML of `wevtutil qe ... /f:xml` (one <Event> per event,
// no root element, newest first with /rd:true).
import type { ToolOutput } from '../../../src/verification/checks';

export const DISPLAYDB_COMMAND = 'ssomanage -displaydb';
export const SC_COMMAND = 'sc \\\\BTSMSS02 query ENTSSO';
export const WEVTUTIL_COMMAND = `wevtutil qe Application /q:"*[System[Provider[@Name='ENTSSO']]]" /f:xml /rd:true /c:20 /r:BTSMSS02`;

/** A full -displaydb listing naming `secretServer`, lines joined with `eol`. */
export function displayDb(secretServer: string, eol = '\r\n'): string {
  return [
    'Using SSO server on this computer',
    '',
    'SSO database information',
    '',
    'SQL Server                                           : BTSSQL01\\BIZTALK',
    'Single Sign-On database                              : SSODB',
    `Single Sign-On Secret Server name                    : ${secretServer}`,
    'Single Sign-On Administrators account                : CONTOSO\\SSO Administrators',
    'Single Sign-On Affiliate Administrators account      : CONTOSO\\SSO Affiliate Administrators',
    'Size of audit table for deleted applications         : 1000',
    'Size of audit table for deleted mappings             : 1000',
    'Size of audit table for external credential lookups  : 1000',
    'Ticket timeout (in minutes)                          : 2',
    'Credential cache timeout (in minutes)                : 60',
    'Single Sign-On Status                                : Enabled',
    'Tickets allowed                                      : No',
    'Validate tickets                                     : Yes',
    '',
    'The operation completed successfully.',
    '',
  ].join(eol);
}

/** A German Windows: the same listing with translated labels (the reader must not guess). */
export const DISPLAYDB_GERMAN = [
  'SSO-Server auf diesem Computer wird verwendet',
  '',
  'SQL Server                                           : BTSSQL01\\BIZTALK',
  'Single Sign-On-Datenbank                             : SSODB',
  'Name des geheimen Single Sign-On-Servers             : BTSMSS02',
  'Single Sign-On-Administratorkonto                    : CONTOSO\\SSO Administrators',
  'Ticket-Timeout (in Minuten)                          : 2',
  'Single Sign-On-Status                                : Aktiviert',
  '',
  'Der Vorgang wurde erfolgreich beendet.',
  '',
].join('\r\n');

export const DISPLAYDB_ERROR = [
  'Using SSO server on this computer',
  '',
  "ERROR: 0xC0002A0F : Could not contact the SSO server 'BTSMSS01'. Check that SSO is configured and that the SSO service is running on that server.",
  '(RPC: 0x800706BA: The RPC server is unavailable.)',
  '',
].join('\r\n');

export type ScState = [code: number, name: string, flags: string | undefined, win32ExitCode: string, waitHint: string];

export const SC_STATES: Record<string, ScState> = {
  STOPPED: [1, 'STOPPED', undefined, '1077  (0x435)', '0x0'],
  START_PENDING: [2, 'START_PENDING', '(NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)', '0  (0x0)', '0x7d0'],
  STOP_PENDING: [3, 'STOP_PENDING', '(STOPPABLE, NOT_PAUSABLE, ACCEPTS_SHUTDOWN)', '0  (0x0)', '0x4e20'],
  RUNNING: [4, 'RUNNING', '(STOPPABLE, PAUSABLE, ACCEPTS_SHUTDOWN)', '0  (0x0)', '0x0'],
  PAUSED: [7, 'PAUSED', '(STOPPABLE, PAUSABLE, ACCEPTS_SHUTDOWN)', '0  (0x0)', '0x0'],
};

/** `sc query ENTSSO` for a service in the given state, as sc lays it out. */
export function scQuery(state: ScState, eol = '\r\n'): string {
  const [code, name, flags, exit, wait] = state;
  return [
    '',
    'SERVICE_NAME: ENTSSO',
    '        TYPE               : 10  WIN32_OWN_PROCESS',
    `        STATE              : ${code}  ${name}`,
    ...(flags ? [`                                ${flags}`] : []),
    `        WIN32_EXIT_CODE    : ${exit}`,
    '        SERVICE_EXIT_CODE  : 0  (0x0)',
    '        CHECKPOINT         : 0x0',
    `        WAIT_HINT          : ${wait}`,
    '',
  ].join(eol);
}

export const SC_NOT_INSTALLED = '[SC] EnumQueryServicesStatus:OpenService FAILED 1060:\r\n\r\nThe specified service does not exist as an installed service.\r\n\r\n';
export const SC_ACCESS_DENIED = '[SC] OpenSCManager FAILED 5:\r\n\r\nAccess is denied.\r\n\r\n';
export const SC_RPC_UNAVAILABLE = '[SC] OpenSCManager FAILED 1722:\r\n\r\nThe RPC server is unavailable.\r\n\r\n';
/** A German Windows: STATUS instead of STATE, FEHLER instead of FAILED. */
export const SC_GERMAN_RUNNING = '\r\nSERVICE_NAME: ENTSSO\r\n        TYP                : 10  WIN32_OWN_PROCESS\r\n        STATUS             : 4  RUNNING\r\n                                (STOPPABLE, PAUSABLE, ACCEPTS_SHUTDOWN)\r\n        WIN32_EXITCODE     : 0  (0x0)\r\n';
export const SC_GERMAN_NOT_INSTALLED = '[SC] EnumQueryServicesStatus:OpenService FEHLER 1060:\r\n\r\nDer angegebene Dienst ist kein installierter Dienst.\r\n\r\n';

export interface EventSpec {
  id: number;
  time: string;
  provider?: string;
  computer?: string;
  data?: string[];
  recordId?: number;
  /** Extra XML after </System>, before <EventData> (a Binary element, ...) or after it (RenderingInfo). */
  after?: string;
}

const LEVELS: Record<number, [qualifiers: number, level: number]> = {
  10520: [32768, 3],
  10524: [49152, 2],
};

/** One event as `wevtutil qe ... /f:xml` prints it for a classic source such as ENTSSO. */
export function event(spec: EventSpec): string {
  const [qualifiers, level] = LEVELS[spec.id] ?? [16384, 4];
  const data = (spec.data ?? []).map((d) => `<Data>${d}</Data>`).join('');
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
    `<Provider Name='${spec.provider ?? 'ENTSSO'}'/>` +
    `<EventID Qualifiers='${qualifiers}'>${spec.id}</EventID><Version>0</Version><Level>${level}</Level><Task>0</Task><Opcode>0</Opcode>` +
    `<Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='${spec.time}'/><EventRecordID>${spec.recordId ?? 123}</EventRecordID>` +
    "<Correlation/><Execution ProcessID='0' ThreadID='0'/><Channel>Application</Channel>" +
    `<Computer>${spec.computer ?? 'BTSMSS02.contoso.com'}</Computer><Security/></System>` +
    `<EventData>${data}</EventData>${spec.after ?? ''}</Event>`
  );
}

export const MSID_NEW = '{5E1B6F2A-3C4D-4E8F-9A0B-1C2D3E4F5A6B}';
export const MSID_OLD = '{0A9B8C7D-6E5F-4A3B-2C1D-0E9F8A7B6C5D}';

export const E10523 = (time: string, file = 'D:\\Backups\\SSO.bak'): EventSpec => ({ id: 10523, time, data: [file, MSID_NEW, MSID_OLD, 'CONTOSO\\btsadmin', 'BTSMSS02'] });
export const E10524 = (time: string, code = '0x80070005'): EventSpec => ({ id: 10524, time, data: ['D:\\Backups\\SSO.bak', MSID_NEW, MSID_OLD, 'CONTOSO\\btsadmin', 'BTSMSS02', code] });
export const E10520 = (time: string): EventSpec => ({ id: 10520, time });
export const E10534 = (time: string): EventSpec => ({ id: 10534, time });
export const E10575 = (time: string): EventSpec => ({ id: 10575, time, computer: 'BTSMSS01.contoso.com', data: ['BTSMSS02', 'BTSMSS01', '{11111111-2222-3333-4444-555555555555}', 'BTSMSS01', 'CONTOSO\\btsadmin'] });

/** Events as wevtutil prints them: back to back (no separator) unless `separator` is given. */
export function events(specs: EventSpec[], separator = ''): string {
  return specs.map(event).join(separator);
}

export function ran(commandLine: string, stdout: string, exitCode = 0, stderr = ''): ToolOutput {
  return { ran: true, commandLine, exitCode, stdout, stderr };
}

export function notRan(commandLine: string, reason: string): ToolOutput {
  return { ran: false, commandLine, reason };
}

/**
 * `-displaydb` as the one published console capture lays it out (a Microsoft BizTalk support
 * blog): short labels, long ones cut to a fixed width with "...", flag groups under a heading.
 */
export function displayDbConsole(secretServer: string, banner = 'Using SSO server on this computer'): string {
  return [
    banner,
    '',
    'SSO database information',
    '',
    'SQL Server                         : BTSSQL01',
    'SSO database                       : SSODB',
    `SSO secret server name             : ${secretServer}`,
    'SSO Admin account                  : CONTOSO\\SSO Administrators',
    'SSO Affiliate Admin account        : CONTOSO\\SSO Affiliate Administrators',
    'Size of audit table for deleted ...: 1000',
    'Credential cache timeout (in min...: 60',
    'Ticket timeout (in minutes)        : 2',
    '',
    'Global flags -',
    '    SSO enabled                    : Yes',
    '    Tickets allowed                : No',
    'Password Sync -',
    '    Enabled                        : No',
    '',
  ].join('\r\n');
}

/** `sc query ENTSSO` on a Russian Windows (labels translated, numbers and state names not), as text. */
export const SC_RUSSIAN_RUNNING = [
  '',
  'Имя_службы: ENTSSO',
  '        Тип                : 10  WIN32_OWN_PROCESS',
  '        Состояние          : 4  RUNNING',
  '                                (STOPPABLE, PAUSABLE, ACCEPTS_SHUTDOWN)',
  '        Код_выхода_Win32   : 0  (0x0)',
  '        Код_выхода_службы  : 0  (0x0)',
  '        Контрольная_точка  : 0x0',
  '        Ожидание           : 0x0',
  '',
].join('\r\n');

/** The same text in the console's OEM code page 866, as sc writes it to a pipe. */
export function cp866(text: string): Buffer {
  const table = 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмноп';
  const upper = 'рстуфхцчшщъыьэюя';
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else if (table.includes(ch)) bytes.push(0x80 + table.indexOf(ch));
    else if (upper.includes(ch)) bytes.push(0xe0 + upper.indexOf(ch));
    else if (ch === 'Ё') bytes.push(0xf0);
    else if (ch === 'ё') bytes.push(0xf1);
    else bytes.push(0x3f);
  }
  return Buffer.from(bytes);
}

/** `sc query ENTSSO` on a Spanish Windows for a service that is not installed (exit code 1060). */
export const SC_SPANISH_NOT_INSTALLED = '[SC] EnumQueryServicesStatus:OpenService ERROR 1060:\r\n\r\nEl servicio especificado no existe como servicio instalado.\r\n\r\n';
/** The same on a Chinese Windows. */
export const SC_CHINESE_NOT_INSTALLED = '[SC] EnumQueryServicesStatus:OpenService 失败 1060:\r\n\r\n指定的服务未安装。\r\n\r\n';

/** `sc qc ENTSSO`: the service's configuration, with the account it runs as. */
export function scQc(account: string): string {
  return [
    '[SC] QueryServiceConfig SUCCESS',
    '',
    'SERVICE_NAME: ENTSSO',
    '        TYPE               : 10  WIN32_OWN_PROCESS',
    '        START_TYPE         : 2   AUTO_START',
    '        ERROR_CONTROL      : 1   NORMAL',
    '        BINARY_PATH_NAME   : "C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\ENTSSO.exe"',
    '        LOAD_ORDER_GROUP   :',
    '        TAG                : 0',
    '        DISPLAY_NAME       : Enterprise Single Sign-On Service',
    '        DEPENDENCIES       : RPCSS',
    `        SERVICE_START_NAME : ${account}`,
    '',
  ].join('\r\n');
}

/** `reg query HKLM\SOFTWARE\Microsoft\ENTSSO\SSOSS` listing subkeys named by MSID. */
export function regSubkeys(msids: string[], computer?: string): string {
  const base = `${computer ? `\\\\${computer}\\` : ''}HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS`;
  return ['', base, ...msids.map((m) => `${base}\\${m}`), ''].join('\r\n');
}

/** What our clusterState script prints (one JSON line), for an ENTSSO resource owned by `owner`. */
export function clusterStateJson(owner: string, opts: { state?: string; useNetworkName?: string; dependsOn?: string; nodes?: string[] } = {}): string {
  const nodes = opts.nodes ?? ['NODE1', 'NODE2'];
  return `${JSON.stringify({
    ok: true,
    resources: { name: 'ENTSSO', state: opts.state ?? 'Online', ownerGroup: 'SSO', ownerNode: owner, groupState: opts.state ?? 'Online', groupOwnerNode: owner, useNetworkName: opts.useNetworkName ?? '1', dependencies: `[${opts.dependsOn ?? 'SSOCLUSTER'}]` },
    networkNames: [{ name: 'SSOCLUSTER', group: 'SSO', state: 'Online', dnsName: 'SSOCLUSTER' }],
    nodes: nodes.map((name) => ({ name, state: 'Up' })),
  })}\r\n`;
}

/** What our bizTalkGroup script prints. */
export function bizTalkGroupJson(ssoServerName: string, hosts: Array<[host: string, server: string, clusterInstanceType: number]> = []): string {
  return `${JSON.stringify({ ok: true, groups: { name: 'BizTalk Group', ssoServerName }, hostInstances: hosts.map(([hostName, runningServer, clusterInstanceType]) => ({ hostName, runningServer, clusterInstanceType, serviceState: 4 })) })}\r\n`;
}

/** What a script of ours prints when PowerShell fails (the frame's catch). */
export function psFailureJson(kind: string, message: string, hresult = -2146233087, errorId = ''): string {
  return `${JSON.stringify({ ok: false, kind, message, hresult, errorId })}\r\n`;
}

/** The ENTSSO cluster resource as clusterStateScript prints it, online on NODE1. */
export const RESOURCE_ONLINE = {
  name: 'SSO', state: 'Online', ownerGroup: 'SSO Role', ownerNode: 'NODE1', groupState: 'Online', groupOwnerNode: 'NODE1',
  useNetworkName: '1', dependencies: '[SSO Network Name]',
};

/** What clusterStateScript prints (ConvertTo-Json -Compress, one line). */
export function clusterDoc(resources: object[] = [RESOURCE_ONLINE], networkNames: object[] = [
  { name: 'Cluster Name', group: 'Cluster Group', state: 'Online', dnsName: 'BTSCLU' },
  { name: 'SSO Network Name', group: 'SSO Role', state: 'Online', dnsName: 'SSOCLUSTER' },
], nodes: object[] = [{ name: 'NODE1', state: 'Up' }, { name: 'NODE2', state: 'Up' }]): string {
  return JSON.stringify({ ok: true, resources, networkNames, nodes });
}

/** What bizTalkGroupScript prints: one group setting, host instances as [hostName, runningServer, clusterInstanceType, serviceState]. */
export function groupDoc(ssoServerName: string, hosts: Array<[string, string, number, number]> = [], groups = 1): string {
  return JSON.stringify({
    ok: true,
    groups: Array.from({ length: groups }, (_, i) => ({ name: i === 0 ? 'BizTalk Group' : `BizTalk Group ${i + 1}`, ssoServerName })),
    hostInstances: hosts.map(([hostName, runningServer, clusterInstanceType, serviceState]) => ({ hostName, runningServer, clusterInstanceType, serviceState })),
  });
}

/** A script's failure document, as the catch block of its frame prints it. */
export function psFailure(kind: string, message: string, hresult: number, errorId: string): string {
  return JSON.stringify({ ok: false, kind, message, hresult, errorId });
}

/** `sc query ENTSSO` on a Russian Windows: labels translated, the numbers and the state names not. */
export function scQueryRussian(code: number, name: string): string {
  return [
    '',
    'Имя_службы: ENTSSO',
    '        Тип                : 10  WIN32_OWN_PROCESS',
    `        Состояние          : ${code}  ${name}`,
    '                                (STOPPABLE, PAUSABLE, ACCEPTS_SHUTDOWN)',
    '        Код_выхода_win32   : 0  (0x0)',
    '        Код_выхода_службы  : 0  (0x0)',
    '        Контрольная_точка  : 0x0',
    '        Ожидание           : 0x0',
    '',
  ].join('\r\n');
}

export const SC_RUSSIAN_NOT_INSTALLED = '[SC] EnumQueryServicesStatus:OpenService ошибка: 1060:\r\n\r\nУказанная служба не установлена.\r\n\r\n';

/** 10559, the backup succeeded: File Name, Current MSID, Previous MSID, Client User, Client Computer. */
export const E10559 = (time: string, file = 'D:\\Backups\\SSO.bak', msid = MSID_NEW): EventSpec => ({ id: 10559, time, computer: 'BTSMSS01.contoso.com', data: [file, msid, MSID_OLD, 'CONTOSO\\btsadmin', 'BTSMSS01'] });
/** 10525, a new master secret was generated. */
export const E10525 = (time: string): EventSpec => ({ id: 10525, time, computer: 'BTSMSS01.contoso.com', data: ['{99999999-8888-7777-6666-555555555555}', MSID_NEW, 'CONTOSO\\btsadmin', 'BTSMSS01'] });
