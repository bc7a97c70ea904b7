// Windows computer-name rules for the master secret server name (`<secretServer>`,
// `ssomanage -serverall <name>`). Pure: no `vscode` import.
//
// Source: Microsoft, "Naming conventions in Active Directory for computers, domains, sites, and
// OUs" (KB 909264), which says that the NetBIOS computer name is the same as the DNS host name,
// so the DNS host-name restrictions apply too. Decisions:
//
//  * error   – NetBIOS-disallowed characters  \ / : * ? " < > |
//  * error   – DNS-disallowed characters  , ~ ! @ # $ % ^ & ' ( ) { } ; = + [ ] ` and any
//              whitespace (Windows itself refuses these in a computer name)
//  * warning – underscore `_`: a valid NetBIOS character but not a valid DNS host-name character;
//              Windows accepts it only after a warning, and name resolution may fail
//  * warning – non-ASCII letters: Windows DNS can store them, RFC 1123 host names cannot
//  * warning – a dot: the name is then a fully qualified DNS name (or an IP address). Every SSO
//              doc sample uses a bare computer name, so acceptance is undocumented. Each label is
//              still checked (1–63 letters, digits, hyphens; no leading/trailing hyphen;
//              ≤ 255 characters in all) and any failure there is an error
//  * error   – a bare name longer than 15 characters (NetBIOS limit; the 16th byte is reserved)
//  * error   – a leading or trailing hyphen (DNS label rule; a leading `-` would also be read
//              as an ssomanage switch)
//  * error   – all digits (KB 244412: domain members cannot have all-numeric names)
//  * error   – a word reserved by Windows (KB 909264 "Table of reserved words"), `localhost`
//              (every SSO server would look for the master secret on itself)

/**
 * Characters that do not show, or change how the text around them is shown: controls (C0, DEL,
 * C1 such as U+0085), format characters (zero-width space and joiners, U+FEFF, soft hyphen),
 * bidirectional controls (U+202E...), line and paragraph separators, the other default-ignorable
 * code points (variation selectors, fillers), surrogates, private-use and noncharacters.
 * Tab, line feed and carriage return are whitespace, handled as such.
 */
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Default_Ignorable_Code_Point}\p{Bidi_Control}\p{Noncharacter_Code_Point}]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
/** The pattern of one such character (for a global RegExp of its own). */
export const INVISIBLE_SOURCE = INVISIBLE.source;

const KNOWN_INVISIBLE: Record<number, string> = {
  0x00ad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x0085: 'next line',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero width no-break space (byte order mark)',
};

function hex(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `U+202E (right-to-left override)`: how a message names an invisible character. */
export function describeInvisible(ch: string): string {
  const c = ch.codePointAt(0) ?? 0;
  const name = KNOWN_INVISIBLE[c] ?? (c < 0x20 || (c >= 0x7f && c <= 0x9f) ? 'a control character' : 'an invisible character');
  return `${hex(c)} (${name})`;
}

/** The first invisible, bidirectional or control character of `text` (tab, LF, CR excepted). */
export function findInvisible(text: string): { index: number; char: string } | undefined {
  const m = INVISIBLE.exec(text);
  return m ? { index: m.index, char: m[0] } : undefined;
}

/** `text` with every invisible, bidirectional or control character (tab, LF, CR included) written as <U+XXXX>. */
export function visible(text: string): string {
  return text.replace(INVISIBLE_ALL, (ch) => `<${hex(ch.codePointAt(0) ?? 0)}>`).replace(/[\t\n\r]/g, (ch) => `<${hex(ch.charCodeAt(0))}>`);
}

/**
 * Characters that a Windows program reading its command line in the ANSI code page may turn into
 * ASCII by best-fit mapping (Unicode's published best-fit tables for the Windows code pages, e.g.
 * bestfit1252.txt; our reading, not verified on Windows): the fullwidth forms of ASCII
 * (U+FF01-U+FF5E, such as U+FF0D fullwidth hyphen-minus and U+FF02 fullwidth quotation mark), the
 * small forms (U+FE50-U+FE6B, such as U+FE63 small hyphen-minus) and the CJK compatibility forms,
 * the dashes and quotes that Windows-1252 does not have (U+2010-U+2012, U+2015, the minus sign
 * U+2212, U+201B, U+201F; the en and em dash and the curly quotes are characters of Windows-1252
 * itself and arrive as they are there), the primes, the modifier letters that look like quotes,
 * and the fraction and division slashes. Such a character looks like a letter to a check and
 * arrives as `-`, `"`, `&` or `\`.
 */
const BEST_FIT = /[\uFF01-\uFF5E\uFE30-\uFE4F\uFE50-\uFE6B\u2010-\u2012\u2015\u2212\u201B\u201F\u2032-\u2037\u02B9\u02BA\u02BC\u02C8\u2044\u2215\u2216]/;
const SMALL_FORMS = ',\u3001.\u0000;:?!\u2014()\u007B\u007D\u3014\u3015#&*+-<>=\u0000\\$%@';

/** The ASCII character a best-fit mapping makes of `ch`, when it is one we know. */
function bestFitAscii(ch: string): string | undefined {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c >= 0xfe50 && c <= 0xfe6b) {
    const a = SMALL_FORMS[c - 0xfe50];
    return a && a < '\u0080' && a !== '\u0000' ? a : undefined;
  }
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) return '-';
  if (c >= 0x201c && c <= 0x201f) return '"';
  if (c >= 0x2018 && c <= 0x201b) return "'";
  return undefined;
}

/** The first character of `text` that Windows' best-fit mapping may turn into ASCII punctuation (see BEST_FIT), described for a message. */
export function findBestFit(text: string): { index: number; char: string; description: string } | undefined {
  const m = BEST_FIT.exec(text);
  if (!m) return undefined;
  const c = m[0].codePointAt(0) ?? 0;
  const ascii = bestFitAscii(m[0]);
  return { index: m.index, char: m[0], description: `"${m[0]}" (U+${c.toString(16).toUpperCase().padStart(4, '0')}), which a Windows program reading its command line in the ANSI code page may receive as ${ascii ? `"${ascii}"` : 'an ASCII character'} (best-fit mapping)` };
}

/**
 * The verdict on a computer name: refused (an error, with the reason), accepted with a warning
 * (FQDN, IP address, underscore, non-ASCII letters), or accepted as it is.
 */
export type NameCheck =
  | { ok: false; severity: 'error'; message: string }
  | { ok: true; severity: 'warning'; message: string }
  | { ok: true; severity?: undefined; message?: undefined };

const NETBIOS_FORBIDDEN = '\\/:*?"<>|';
const DNS_FORBIDDEN = ",~!@#$%^&'(){};=+[]`";
/** Single-word entries of the reserved-words table of KB 909264 (multi-word ones contain a space, refused anyway). */
const RESERVED = new Set([
  'ANONYMOUS', 'BATCH', 'BUILTIN', 'DIALUP', 'INTERACTIVE', 'INTERNET', 'LOCAL', 'NETWORK', 'NULL',
  'PROXY', 'RESTRICTED', 'SELF', 'SERVER', 'SERVICE', 'SYSTEM', 'USERS', 'WORLD',
]);
const NETBIOS_MAX = 15;
const LABEL_MAX = 63;
const FQDN_MAX = 255;

const WHERE =
  'Use the computer name of the new master secret server exactly as System Properties shows it (for a cluster: the Network Name resource of the ENTSSO role).';

function describeChar(c: string): string {
  if (c === ' ') return 'a space';
  if (c === '\t') return 'a tab';
  if (/\s/.test(c)) return 'a line break or other whitespace';
  return `"${c}"`;
}

function fail(message: string): NameCheck {
  return { ok: false, severity: 'error', message };
}

/** Checks a computer name; `ok: true` may still carry a warning (FQDN, underscore, non-ASCII). */
export function checkServerName(name: string): NameCheck {
  if (name.length === 0) return fail(`The server name is empty. ${WHERE}`);
  const shown = visible(name);
  const invisible = findInvisible(name);
  if (invisible) {
    return fail(
      `The server name "${shown}" contains ${describeInvisible(invisible.char)}, a character that does not show (or changes how the name is shown), so the name is not the one you see. Retype it. ${WHERE}`,
    );
  }
  const bestFit = findBestFit(name);
  if (bestFit) {
    return fail(`The server name "${shown}" contains ${bestFit.description}, so the name that arrives is not the one you see. Type it with ASCII letters, digits and hyphens. ${WHERE}`);
  }
  if (/\s/.test(name)) {
    const c = name.match(/\s/)![0];
    const where = name.trim() !== name ? 'at its start or end' : 'inside it';
    return fail(
      `The server name "${shown}" contains ${describeChar(c)} ${where}; Windows computer names cannot contain whitespace. ${WHERE}`,
    );
  }
  if (name.startsWith('-')) {
    return fail(
      `The server name "${shown}" starts with a hyphen: Windows computer names cannot, and ssomanage would read it as a switch. ${WHERE}`,
    );
  }
  for (const c of name) {
    if (NETBIOS_FORBIDDEN.includes(c)) {
      return fail(
        `The server name "${shown}" contains ${describeChar(c)}, which Windows computer (NetBIOS) names cannot contain (\\ / : * ? " < > |). ${c === '\\' ? 'A DOMAIN\\Name value is an account, not a server. ' : ''}${WHERE}`,
      );
    }
    if (DNS_FORBIDDEN.includes(c)) {
      return fail(
        `The server name "${shown}" contains ${describeChar(c)}; Windows computer names may only use letters, digits and hyphens (Microsoft's naming conventions, KB 909264). ${WHERE}`,
      );
    }
  }
  if (name.includes('.')) return checkDottedName(name);

  if (name.length > NETBIOS_MAX) {
    return fail(
      `The server name "${shown}" has ${name.length} characters; a Windows computer (NetBIOS) name has at most ${NETBIOS_MAX}. ${WHERE}`,
    );
  }
  if (name.endsWith('-')) {
    return fail(`The server name "${shown}" ends with a hyphen, which a computer name cannot. ${WHERE}`);
  }
  if (/^[0-9]+$/.test(name)) {
    return fail(`The server name "${shown}" is all digits; Windows domain members cannot have all-numeric names. ${WHERE}`);
  }
  const upper = name.toUpperCase();
  if (RESERVED.has(upper)) {
    return fail(`"${shown}" is a word Windows reserves (KB 909264) and cannot be a computer name. ${WHERE}`);
  }
  if (upper === 'LOCALHOST') {
    return fail(
      `"${shown}" names whichever computer reads it, so every SSO server would look for the master secret on itself. ${WHERE}`,
    );
  }
  if (name.includes('_')) {
    return {
      ok: true,
      severity: 'warning',
      message: `The server name "${shown}" contains an underscore. It is a valid NetBIOS name, but not a valid DNS host name, so SSO servers that resolve names through DNS may not reach the master secret server. Check that the name resolves (for example with ping ${name}) from every SSO server.`,
    };
  }
  if (/[^ -~]/.test(name)) {
    return {
      ok: true,
      severity: 'warning',
      message: `The server name "${shown}" contains non-ASCII letters. Windows allows them, but standard DNS host names do not; check that the name resolves from every SSO server.`,
    };
  }
  return { ok: true };
}

function checkDottedName(name: string): NameCheck {
  const shown = name;
  if (name.length > FQDN_MAX) {
    return fail(`The server name has ${name.length} characters; a DNS name has at most ${FQDN_MAX}. ${WHERE}`);
  }
  const labels = name.split('.');
  if (labels.some((l) => l.length === 0)) {
    return fail(
      `The server name "${shown}" has an empty part between dots (or starts or ends with a dot). Use the bare computer name, e.g. "${labels.find((l) => l.length > 0) ?? 'BTSMSS02'}".`,
    );
  }
  const isIp = labels.length === 4 && labels.every((l) => /^[0-9]{1,3}$/.test(l) && Number(l) <= 255);
  if (isIp) {
    return {
      ok: true,
      severity: 'warning',
      message: `"${shown}" is an IP address. The SSO docs only ever give a computer name for the master secret server; whether ssomanage accepts an address is undocumented, and the address changes when the server (or cluster role) moves. Prefer the computer name.`,
    };
  }
  for (const label of labels) {
    if (label.length > LABEL_MAX) {
      return fail(`The part "${label}" of the server name has ${label.length} characters; a DNS name part has at most ${LABEL_MAX}. ${WHERE}`);
    }
    if (label.startsWith('-') || label.endsWith('-')) {
      return fail(`The part "${label}" of the server name starts or ends with a hyphen, which DNS names cannot. ${WHERE}`);
    }
    if (label.includes('_')) {
      return fail(`The part "${label}" of the server name contains an underscore, which DNS host names cannot. ${WHERE}`);
    }
  }
  if (/^[0-9]+$/.test(labels[0])) {
    return fail(`The host part "${labels[0]}" of the server name is all digits; Windows computer names cannot be. ${WHERE}`);
  }
  const host = labels[0];
  return {
    ok: true,
    severity: 'warning',
    message: `"${shown}" is a fully qualified DNS name. Every SSO doc sample uses the bare computer name, and whether ssomanage -updatedb accepts a qualified name is undocumented. Prefer "${host}" unless you know the qualified name works in your environment.`,
  };
}
