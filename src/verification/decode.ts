// What a console program printed, as text. Windows console programs write UTF-16 LE (with or
// without its byte order mark, as `wevtutil` and PowerShell can when redirected), UTF-8, or the
// console's OEM code page (437, 850, 866, ...: `sc` on a localized Windows). The OEM code page
// of the computer that ran the program is not known here, so such bytes are shown one byte a
// character: digits, ASCII letters and the English state names survive, translated labels do
// not. Readers therefore decide on numbers and ASCII words only (docs/verification.md). Pure.

export type OutputEncoding = 'utf-16le' | 'utf-8' | 'single-byte';

export interface DecodedOutput {
  text: string;
  encoding: OutputEncoding;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-16 LE without a byte order mark: most odd bytes zero, as ASCII text encoded so is. */
function looksUtf16le(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return false;
  let zeros = 0;
  let pairs = 0;
  for (let i = 1; i < bytes.length && pairs < 4096; i += 2, pairs++) if (bytes[i] === 0) zeros++;
  return zeros >= pairs * 0.6;
}

function singleByte(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** The text of a program's output bytes, and how it was read. */
export function decodeOutput(bytes: Uint8Array): DecodedOutput {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (looksUtf16le(bytes)) return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes), encoding: 'utf-16le' };
  try {
    return { text: UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: singleByte(bytes), encoding: 'single-byte' };
  }
}
