// What Windows does to a path that the admin would not expect, so that a tool's file is refused
// before it runs rather than read or written somewhere else (Microsoft's page "Naming Files, Paths,
// and Namespaces"): a device name as a file name (`nul.bak`, `COM1.bak` open the device, whatever
// the extension), a colon after the drive (`SSO.bak:x` is an alternate data stream of SSO.bak), a
// name ending in a dot or a space (Windows drops them: another file), the device namespaces
// (`\\.\`, `\\?\`), and the characters best-fit mapping turns into ASCII punctuation (serverName.ts).
// Pure: no `vscode` import. Applied to every path, whatever the platform the check runs on: the
// tools run on Windows.
import { findBestFit, findInvisible, visible } from './serverName';

/** Reserved device names of Windows: as a file name, with or without an extension, they open the device. */
const DEVICE = /^(CON|PRN|AUX|NUL|COM[0-9\u00B9\u00B2\u00B3]|LPT[0-9\u00B9\u00B2\u00B3]|CONIN\$|CONOUT\$|CLOCK\$)(\..*)?$/i;

/** Why Windows would read `file` otherwise than written, in the admin's words, or undefined. */
export function windowsPathProblem(file: string): string | undefined {
  const shown = visible(file);
  const invisible = findInvisible(file);
  if (invisible) return `The path "${shown}" contains a character that does not show (${visible(invisible.char)}), so it is not the path you see. Retype it.`;
  const bestFit = findBestFit(file);
  if (bestFit) return `The path "${shown}" contains ${bestFit.description}. Type it with the ASCII character.`;
  if (/^[\\/]{2}[.?][\\/]/.test(file)) return `The path "${shown}" is in a Windows device namespace (\\\\.\\ or \\\\?\\). Give the path of a file on a drive or a share.`;
  // A colon is allowed only right after a drive letter.
  const colon = file.indexOf(':', /^[A-Za-z]:/.test(file) ? 2 : 0);
  if (colon >= 0) return `The path "${shown}" has a colon after the drive: Windows reads "${visible(file.slice(colon))}" as an alternate data stream of the file before it, not as a file of its own. Remove the colon.`;
  const parts = file.split(/[\\/]/).filter((p, i) => p !== '' && !(i === 0 && /^[A-Za-z]:$/.test(p)));
  for (const part of parts) {
    if (part === '.' || part === '..') continue;
    if (/[. ]$/.test(part)) return `The path "${shown}" has a name ending in ${part.endsWith('.') ? 'a dot' : 'a space'} ("${visible(part)}"): Windows drops it, so the file would be another one. Remove it.`;
    const base = part.replace(/[. ]+$/, '');
    if (DEVICE.test(base) || DEVICE.test(base.split('.')[0])) return `The path "${shown}" names "${visible(part)}": ${visible(base.split('.')[0].toUpperCase())} is a Windows device name, which opens the device, not a file, whatever the extension. Choose another file name.`;
  }
  return undefined;
}
