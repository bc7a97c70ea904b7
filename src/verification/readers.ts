// Readers of what the read-only tools print: `ssomanage -displaydb`, `sc query ENTSSO` and
// `wevtutil qe Application ... /f:xml`. Pure: text in, facts out. Anything they cannot read
// is said as such (undefined, or a reason), never guessed: a verdict built on it is
// `unverified`. The output shapes are described in docs/tools.md.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Text as a program printed it: a UTF-8 BOM dropped, CRLF or CR line ends made LF. */
function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** The label of `ssomanage -displaydb` that names the master secret server. */
export const SECRET_SERVER_LABEL = 'Single Sign-On Secret Server name';

/**
 * The value after the colon on the `-displaydb` line whose label is
 * "Single Sign-On Secret Server name" (any case, any spacing around the label and the colon).
 * Undefined when no such line is printed, or its value is empty. Microsoft documents the
 * properties `-displaydb` shows, not its exact console layout, so a changed or localized
 * layout gives undefined, never a wrong name.
 */
export function readSecretServerName(output: string): string | undefined {
  const label = SECRET_SERVER_LABEL.toLowerCase().replace(/\s+/g, ' ');
  for (const line of lines(output)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    if (line.slice(0, colon).trim().replace(/\s+/g, ' ').toLowerCase() !== label) continue;
    const value = line.slice(colon + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

export type ServiceState =
  | { kind: 'state'; code: number; name: string }
  /** sc: "FAILED 1060: The specified service does not exist as an installed service." */
  | { kind: 'notInstalled' }
  /** sc: "FAILED n:" for another Win32 error (5 access denied, 1722 RPC server unavailable, ...). */
  | { kind: 'failed'; code: number; message: string }
  | { kind: 'unreadable' };

/** What `sc [\\NAME] query ENTSSO` printed: the service's state, or why sc could not tell. */
export function readServiceState(output: string): ServiceState {
  const all = lines(output);
  for (let i = 0; i < all.length; i++) {
    const failed = /FAILED\s+(\d+)\s*:/i.exec(all[i]);
    if (failed) {
      const code = Number(failed[1]);
      if (code === 1060) return { kind: 'notInstalled' };
      const message = all.slice(i + 1).map((l) => l.trim()).find((l) => l !== '') ?? '';
      return { kind: 'failed', code, message };
    }
  }
  for (const line of all) {
    const m = /^\s*STATE\s*:\s*(\d+)\s+([A-Z_]+)\b/.exec(line);
    if (m) return { kind: 'state', code: Number(m[1]), name: m[2] };
  }
  return { kind: 'unreadable' };
}

/** One event of the Application log, as wevtutil prints it in XML. */
export interface LoggedEvent {
  provider: string;
  id: number;
  /** TimeCreated/@SystemTime (UTC, ISO 8601), as printed. */
  time: string;
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
    events.push({ provider: attr(system.Provider, 'Name'), id, time: attr(system.TimeCreated, 'SystemTime'), computer: textOf(system.Computer), data });
  }
  return events;
}
