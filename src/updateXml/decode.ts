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

/** Offset (in the decoded text) of the first byte sequence that is not valid UTF-8, if any. */
export function firstInvalidUtf8(bytes: Uint8Array, encoding: UpdateXmlEncoding): number | undefined {
  if (encoding !== 'utf8' && encoding !== 'utf8bom') return undefined;
  const body = encoding === 'utf8bom' ? bytes.subarray(3) : bytes;
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return undefined;
  } catch {
    // The replacement character marks where decoding failed; a genuine U+FFFD in a valid
    // file would not have thrown.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
    const at = text.indexOf('\ufffd');
    return at < 0 ? 0 : at;
  }
}
