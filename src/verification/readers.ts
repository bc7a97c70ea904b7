// Readers of what the read-only tools print: `ssomanage -displaydb` and `-showserver`,
// `sc query ENTSSO` and `sc qc ENTSSO`, `wevtutil qe Application ... /f:xml`. Pure: text in,
// facts out. Anything they cannot read, or read two ways, is said as such (undefined, or a
// reason), never guessed: a verdict built on it is `unverified`. The output shapes, and what is
// and is not published about them, are in docs/verification.md.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Text as a program printed it: a BOM dropped, CRLF or CR line ends made LF. */
function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** How `-displaydb`'s label of the master secret server ends, in every published layout. */
export const SECRET_SERVER_LABEL = 'secret server name';

export interface DisplayDb {
  /** The value of the row whose label ends in "secret server name"; undefined when none, or rows disagree. */
  secretServer?: string;
  /** The row as printed, for the evidence. */
  row?: string;
  /** "Using SSO server on this computer" or "Using SSO server : NAME": which SSO server answered. */
  banner?: string;
  /** Set when two rows name different servers: nothing is read then. */
  ambiguous?: string[];
}

/** A label as compared: padding, dots and a trailing "..." (labels cut to a fixed width) dropped, any case. */
function label(text: string): string {
  return text.replace(/\.{2,}|\u2026/g, ' ').replace(/[\s.]+$/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * `ssomanage -displaydb`: the row whose label ends in "secret server name" (the docs' property
 * table says "Single Sign-On Secret Server name", the one published console capture prints
 * "SSO secret server name"), and the banner that says which SSO server answered.
 */
export function readDisplayDb(output: string): DisplayDb {
  const out: DisplayDb = {};
  const found = new Map<string, string>();
  for (const line of lines(output)) {
    const banner = /^\s*(Using SSO server\b.*?)\s*$/i.exec(line);
    if (banner && !out.banner) out.banner = banner[1];
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    if (!label(line.slice(0, colon)).endsWith(SECRET_SERVER_LABEL)) continue;
    const value = line.slice(colon + 1).trim();
    if (value !== '' && !found.has(value.toLowerCase())) found.set(value.toLowerCase(), line.trim());
    if (value !== '' && !out.secretServer) {
      out.secretServer = value;
      out.row = `${line.slice(0, colon).trim().replace(/\s+/g, ' ')}: ${value}`;
    }
  }
  if (found.size > 1) {
    return { ...(out.banner ? { banner: out.banner } : {}), ambiguous: [...found.values()] };
  }
  return out;
}

/** The master secret server `-displaydb` names, or undefined (no such row, or rows that disagree). */
export function readSecretServerName(output: string): string | undefined {
  return readDisplayDb(output).secretServer;
}

/** The service states sc prints, by number: the names are printed untranslated in every display language. */
export const SERVICE_STATES: Readonly<Record<number, string>> = {
  1: 'STOPPED',
  2: 'START_PENDING',
  3: 'STOP_PENDING',
  4: 'RUNNING',
  5: 'CONTINUE_PENDING',
  6: 'PAUSE_PENDING',
  7: 'PAUSED',
};

export type ServiceState =
  | { kind: 'state'; code: number; name: string }
  /** sc: "[SC] ... 1060:" (the service does not exist), in any language, or exit code 1060. */
  | { kind: 'notInstalled' }
  /** sc: "[SC] ... n:" for another Win32 error (5 access denied, 1722 RPC server unavailable, ...). */
  | { kind: 'failed'; code: number; message: string }
  /** Nothing sc prints in any language, or two states, or a number that disagrees with its name. */
  | { kind: 'unreadable'; why?: string };

/** Rows longer than this are not what sc prints (and are not searched). */
const MAX_ROW = 400;
/** `[SC] <function> <FAILED in any language> <n>:`: the Win32 error after the `[SC]` prefix. */
const SC_FAILURE = /^\s*\[SC\][^\n]*?(\d+)\s*:\s*$/;
/** `<STATE in any language> : <n>  <NAME>`: the label may be translated, the number and the name are not. */
const STATE_ROW = /:\s*(\d+)\s+([A-Z_]+)\s*$/;

/**
 * What `sc [\\NAME] query ENTSSO` printed: the state, read by its number in any display language
 * (the row after the TYPE row: `: 4  RUNNING`), or the Win32 error after the `[SC]` prefix, or
 * exit code 1060. A number and a name that disagree, or two different states, are unreadable.
 */
export function readServiceState(output: string, exitCode?: number): ServiceState {
  const all = lines(output);
  for (let i = 0; i < all.length; i++) {
    const failed = all[i].length <= MAX_ROW ? SC_FAILURE.exec(all[i]) : null;
    if (!failed) continue;
    const code = Number(failed[1]);
    if (code === 1060) return { kind: 'notInstalled' };
    const message = all.slice(i + 1).map((l) => l.trim()).find((l) => l !== '') ?? '';
    return { kind: 'failed', code, message };
  }
  if (exitCode === 1060) return { kind: 'notInstalled' };
  const states = new Map<number, string>();
  for (const line of all) {
    const m = line.length <= MAX_ROW ? STATE_ROW.exec(line) : null;
    if (!m) continue;
    const name = m[2];
    const known = Object.values(SERVICE_STATES).includes(name);
    if (!known) continue; // TYPE : 10  WIN32_OWN_PROCESS and the like
    const code = Number(m[1]);
    if (SERVICE_STATES[code] !== name) return { kind: 'unreadable', why: `sc printed state ${code} with the name ${name}, which is the name of another state` };
    states.set(code, name);
  }
  if (states.size > 1) return { kind: 'unreadable', why: `sc printed ${states.size} different states (${[...states.values()].join(', ')})` };
  const [first] = states;
  if (first) return { kind: 'state', code: first[0], name: first[1] };
  return { kind: 'unreadable' };
}

/** `sc [\\NAME] qc ENTSSO`: the account the service runs as (the SERVICE_START_NAME row), or why not. */
export type ServiceAccount = { kind: 'account'; account: string } | Exclude<ServiceState, { kind: 'state' }>;

export function readServiceAccount(output: string, exitCode?: number): ServiceAccount {
  const state = readServiceState(output, exitCode);
  if (state.kind === 'notInstalled' || state.kind === 'failed') return state;
  const accounts = new Set<string>();
  let first: string | undefined;
  for (const line of lines(output)) {
    const m = /^\s*SERVICE_START_NAME\s*:\s*(.*?)\s*$/.exec(line);
    if (!m || m[1] === '') continue;
    accounts.add(m[1].toLowerCase());
    first ??= m[1];
  }
  if (accounts.size > 1) return { kind: 'unreadable', why: 'sc printed two SERVICE_START_NAME rows that disagree' };
  return first ? { kind: 'account', account: first } : { kind: 'unreadable' };
}

/** One event of the Application log, as wevtutil prints it in XML. */
export interface LoggedEvent {
  provider: string;
  id: number;
  /** TimeCreated/@SystemTime (UTC, ISO 8601), as printed. */
  time: string;
  /** When it was logged, ms since 1970 (SystemTime is UTC, with or without its Z); NaN when unreadable. */
  ms: number;
  computer: string;
  /** EventData/Data, the insertion strings in order. */
  data: string[];
}

const eventParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => name === 'Event' || name === 'Data',
});

type Node = string | { '#text'?: unknown; [key: string]: unknown } | undefined;

function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return textOf((node)['#text']);
  return '';
}

function attr(node: unknown, name: string): string {
  return node && typeof node === 'object' ? textOf((node as Record<string, unknown>)[`@${name}`]) : '';
}

/**
 * TimeCreated/@SystemTime as ms since 1970. It is UTC by definition: a time printed without
 * its Z is UTC too, never this computer's local time. Anything but an ISO 8601 date-time: NaN.
 */
export function systemTime(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)(Z|[+-]\d{2}:\d{2})?$/.exec(text.trim());
  if (!m) return NaN;
  // JavaScript reads at most milliseconds; Windows prints up to 100 ns (seven digits).
  const [date, fraction = ''] = m[1].split('.');
  return Date.parse(`${date}${fraction ? `.${fraction.slice(0, 3).padEnd(3, '0')}` : ''}${m[2] ?? 'Z'}`);
}

/**
 * The events in `wevtutil qe ... /f:xml` output: one `<Event>` element per event, with no root
 * element around them, back to back or on lines of their own. Parsed with fast-xml-parser
 * inside a root element of our own. Undefined when the output is not such XML (a message in
 * another language, garbage, a DOCTYPE): that is unreadable, not "no events".
 */
export function readEvents(output: string): LoggedEvent[] | undefined {
  const text = output.replace(/^\uFEFF/, '').trim();
  if (text === '') return [];
  if (/<!DOCTYPE|<!ENTITY|<\?xml/i.test(text)) return undefined;
  const wrapped = `<Events>${text}</Events>`;
  if (XMLValidator.validate(wrapped) !== true) return undefined;
  let parsed: { Events?: { Event?: Node[] } | string };
  try {
    parsed = eventParser.parse(wrapped) as typeof parsed;
  } catch {
    return undefined;
  }
  const root = parsed.Events;
  // A string root: the output was text, not <Event> elements (a message, garbage).
  if (root === undefined || typeof root === 'string') return undefined;
  const keys = Object.keys(root).filter((k) => k !== 'Event');
  if (keys.length > 0) return undefined;
  const events: LoggedEvent[] = [];
  for (const e of root.Event ?? []) {
    if (!e || typeof e !== 'object') return undefined;
    const system = (e as Record<string, unknown>).System as Record<string, unknown> | undefined;
    if (!system) return undefined;
    // A plain decimal number only: Number() would also take '', '0x291B' or '10523.'.
    const idText = textOf(system.EventID).trim();
    if (!/^\d{1,9}$/.test(idText)) return undefined;
    const id = Number(idText);
    const eventData = (e as Record<string, unknown>).EventData as Record<string, unknown> | undefined;
    const data = Array.isArray(eventData?.Data) ? (eventData.Data as unknown[]).map(textOf) : [];
    const time = attr(system.TimeCreated, 'SystemTime');
    events.push({ provider: attr(system.Provider, 'Name'), id, time, ms: systemTime(time), computer: textOf(system.Computer), data });
  }
  return events;
}

/**
 * `ssomanage -showserver`: Microsoft does not publish its layout. The server is taken as read
 * only when a line names it (`expected`, by its first DNS label, any case); otherwise the
 * output is shown as read.
 */
export function showServerNames(output: string, expected: string): string | undefined {
  const first = expected.trim().split('.')[0].toLowerCase();
  if (first === '') return undefined;
  const word = new RegExp(`(^|[^A-Za-z0-9_-])${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.[A-Za-z0-9.-]+)?($|[^A-Za-z0-9_-])`, 'i');
  return lines(output).find((l) => l.length <= MAX_ROW && word.test(l))?.trim();
}

/**
 * `reg query <key>`: the subkeys printed (full key paths, one a line, under the key asked).
 * Undefined when the output lists no key at all (an error message in any language).
 */
export function readRegistrySubkeys(output: string, key: string): string[] | undefined {
  const under = key.replace(/^\\\\[^\\]+\\/, '').toLowerCase();
  const all = lines(output).map((l) => l.trim()).filter((l) => l !== '');
  const keys = all.filter((l) => /^(\\\\[^\\]+\\)?HKEY_LOCAL_MACHINE\\/i.test(l) || /^(\\\\[^\\]+\\)?HKLM\\/i.test(l));
  if (keys.length === 0) return undefined;
  const norm = (k: string) => k.replace(/^\\\\[^\\]+\\/, '').replace(/^HKEY_LOCAL_MACHINE\\/i, 'HKLM\\').toLowerCase();
  const base = norm(under);
  return keys.filter((k) => norm(k).startsWith(`${base}\\`)).map((k) => k.replace(/^.*\\/, ''));
}

/**
 * `ssomanage -displaydb`: the SQL Server and the SSO database it names: the row labelled
 * `SQL Server`, and the row whose label ends in `database` (`Single Sign-On database`,
 * `SSO database`, `SQL Server database` in the Host Integration Server copy). Undefined where a
 * row is missing or two rows disagree.
 */
export function readDisplayDbDatabase(output: string): { sqlServer?: string; database?: string } {
  const servers = new Set<string>();
  const databases = new Set<string>();
  let sqlServer: string | undefined;
  let database: string | undefined;
  for (const line of lines(output)) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.length > MAX_ROW) continue;
    const name = label(line.slice(0, colon));
    const value = line.slice(colon + 1).trim();
    if (value === '') continue;
    if (name === 'sql server') {
      servers.add(value.toLowerCase());
      sqlServer ??= value;
    } else if (name.endsWith(' database') && !name.includes('audit')) {
      databases.add(value.toLowerCase());
      database ??= value;
    }
  }
  return { ...(servers.size === 1 ? { sqlServer } : {}), ...(databases.size === 1 ? { database } : {}) };
}
