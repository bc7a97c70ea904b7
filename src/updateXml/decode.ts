// Bytes → text, the way admins' files arrive: UTF-8 with or without a BOM, or UTF-16 LE/BE with
// a BOM (Notepad's "Unicode" / "Unicode big endian"). The BOM is dropped, so positions in the
// returned text match what an editor shows.

export type UpdateXmlEncoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';

export interface DecodedUpdateXml {
  text: string;
  encoding: UpdateXmlEncoding;
}

function decodeUtf16be(bytes: Uint8Array): string {
  // TextDecoder('utf-16be') is missing from Node builds without full ICU, so swap the bytes.
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  return new TextDecoder('utf-16le').decode(swapped) + (bytes.length % 2 ? '\ufffd' : '');
}

export function decodeUpdateXmlBytes(bytes: Uint8Array): DecodedUpdateXml {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf8bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16be(bytes.subarray(2)), encoding: 'utf16be' };
  }
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf8' };
}

/** Index of the first byte that does not start (or continue) a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array, from = 0): number {
  // Unicode Table 3-7 (well-formed UTF-8): no overlong forms, no surrogates, nothing over U+10FFFF.
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, lo] = [2, 0xa0];
    else if (b === 0xed) [need, hi] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) need = 2;
    else if (b === 0xf0) [need, lo] = [3, 0x90];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) [need, hi] = [3, 0x8f];
    else return i;
    const c = bytes[i + 1];
    if (i + 1 >= n || c < lo || c > hi) return i;
    for (let k = 2; k <= need; k++) {
      const d = bytes[i + k];
      if (i + k >= n || d < 0x80 || d > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Index (in UTF-16 code units) of the first unpaired surrogate, or of a last odd byte, or -1. */
function firstInvalidUtf16(bytes: Uint8Array, bigEndian: boolean): number {
  const units = bytes.length >> 1;
  for (let u = 0; u < units; u++) {
    const c = bigEndian ? (bytes[2 * u] << 8) | bytes[2 * u + 1] : bytes[2 * u] | (bytes[2 * u + 1] << 8);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c >= 0xdc00) return u;
    const d = u + 1 < units ? (bigEndian ? (bytes[2 * u + 2] << 8) | bytes[2 * u + 3] : bytes[2 * u + 2] | (bytes[2 * u + 3] << 8)) : 0;
    if (d < 0xdc00 || d > 0xdfff) return u;
    u++;
  }
  return bytes.length % 2 ? units : -1;
}

export interface EncodingProblem {
  /** Range in the decoded text. */
  offset: number;
  end: number;
  severity: 'error' | 'warning';
  message: string;
}

/** The encoding named by the XML declaration at the start of the decoded text, with its range. */
export function declaredEncoding(text: string): { name: string; start: number; end: number } | undefined {
  const m = /^\ufeff?<\?xml[ \t\r\n][^?>]*?encoding[ \t\r\n]*=[ \t\r\n]*(["'])([^"'<>?]*)\1/.exec(text);
  if (!m) return undefined;
  const end = m.index + m[0].length - 1;
  return { name: m[2], start: end - m[2].length, end };
}

/**
 * Whether an encoding name is one of the Encoding Standard's labels (what TextDecoder knows: the
 * windows-125x, ISO-8859, Shift_JIS, EUC, GBK, Big5... families, all of which read ASCII text as
 * ASCII); UTF-32, EBCDIC and a misspelt name are not. UTF-16 is checked before (its byte order mark).
 */
function asciiCompatible(name: string): boolean {
  try {
    const enc = new TextDecoder(name).encoding;
    return enc !== 'utf-16le' && enc !== 'utf-16be';
  } catch {
    return false;
  }
}

const SAVE_AS = 'Save the file as UTF-8 (in Notepad: Save As, Encoding "UTF-8") and check the names in it.';

/**
 * What keeps the bytes from being read as the encoding they are in (XML 1.0, 4.3.3 and
 * Appendix F): a byte sequence that is not valid UTF-8 or UTF-16, a declaration that names
 * another encoding than the byte order mark, UTF-16 declared without one. In a file that
 * declares another encoding (windows-1252, ISO-8859-1...), which this extension does not decode,
 * bytes that are not UTF-8 are only a warning.
 */
export function checkEncoding(bytes: Uint8Array, decoded: DecodedUpdateXml): EncodingProblem | undefined {
  const { text, encoding } = decoded;
  const declared = declaredEncoding(text);
  const name = declared?.name.toLowerCase();
  const atDeclaration = (message: string): EncodingProblem => ({ offset: declared!.start, end: declared!.end, severity: 'error', message });
  if (encoding === 'utf16le' || encoding === 'utf16be') {
    const bad = firstInvalidUtf16(bytes.subarray(2), encoding === 'utf16be');
    if (bad >= 0) {
      return {
        offset: bad,
        end: Math.min(bad + 1, text.length),
        severity: 'error',
        message: `This file is saved as UTF-16, but a character here is broken (half of a surrogate pair, or an odd last byte), so it cannot be read. ${SAVE_AS}`,
      };
    }
    const other = encoding === 'utf16le' ? 'utf-16be' : 'utf-16le';
    if (name !== undefined && (!/^(utf-16(le|be)?|iso-10646-ucs-2)$/.test(name) || name === other)) {
      return atDeclaration(`The XML declaration says encoding="${declared!.name}", but the file is saved as UTF-16 (its byte order mark says so), so XML readers refuse it. Change the declaration to encoding="UTF-16", or remove it.`);
    }
    return undefined;
  }
  if (name !== undefined && /^(utf-16|ucs-2|iso-10646-ucs-2|unicode)/.test(name)) {
    return atDeclaration(`The XML declaration says encoding="${declared!.name}", but the file is saved as UTF-8${encoding === 'utf8bom' ? ' with a byte order mark' : ''}, so XML readers refuse it. Change the declaration to encoding="UTF-8", or remove it.`);
  }
  // An encoding no reader here can read is a fatal error (XML 1.0, 4.3.3), ASCII bytes or not: an
  // unknown name (UTFF-8), or one whose bytes are not ASCII for ASCII text (UTF-32, EBCDIC).
  if (name !== undefined && name !== 'utf-8' && name !== 'utf8' && !asciiCompatible(name)) {
    return atDeclaration(`The XML declaration says encoding="${declared!.name}", an encoding that this extension cannot read${/^(utf-?32|ucs-?4|ebcdic|cp0?37$|ibm0?37$|cp500|ibm500|cp1140|ibm1140|cp875|cp1026)/.test(name) ? ' (its bytes are not ASCII for ASCII text)' : ' (an encoding name it does not know)'}, and XML readers refuse a file they cannot read in its declared encoding. Change the declaration to encoding="UTF-8" and save the file as UTF-8, or remove the declaration.`);
  }
  if (encoding === 'utf8bom' && name !== undefined && name !== 'utf-8' && name !== 'utf8') {
    return atDeclaration(`The XML declaration says encoding="${declared!.name}", but the file starts with the UTF-8 byte order mark, so XML readers refuse it. Change the declaration to encoding="UTF-8", or remove it.`);
  }
  const from = encoding === 'utf8bom' ? 3 : 0;
  const bad = firstInvalidUtf8Byte(bytes, from);
  if (bad < 0) return undefined;
  const offset = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(from, bad)).length;
  const byte = `0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')}`;
  if (name !== undefined && name !== 'utf-8' && name !== 'utf8') {
    return {
      offset,
      end: Math.min(offset + 1, text.length),
      severity: 'warning',
      message: `This file declares encoding="${declared!.name}", which this extension does not read, and the byte ${byte} here is not UTF-8, so the characters shown here may not be what ssomanage reads. ${SAVE_AS}`,
    };
  }
  return {
    offset,
    end: Math.min(offset + 1, text.length),
    severity: 'error',
    message: `The byte ${byte} here is not valid UTF-8 (the file was probably saved as "ANSI"), and a file without another encoding in its declaration must be UTF-8, so XML readers refuse it. ${SAVE_AS}`,
  };
}
