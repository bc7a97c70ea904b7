// This computer's name as the extension shows and compares it (machine records,
// the record of the move, the which-computer checks): COMPUTERNAME on Windows.
import * as os from 'os';
import { thisComputer } from '../../procedures/computers';

export function computerName(): string {
  return thisComputer(process.env, os.hostname);
}

/** The Windows user running VS Code, as DOMAIN\name (USERDOMAIN, as Windows sets it), for the record of the move. */
export function windowsUser(): string {
  let name = process.env.USERNAME?.trim() || '';
  try {
    name ||= os.userInfo().username;
  } catch { /* no user entry */ }
  const domain = process.env.USERDOMAIN?.trim();
  return domain ? `${domain}\\${name}` : name || 'unknown';
}
