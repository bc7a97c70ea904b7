// This computer's name as the extension shows and compares it (machine records,
// the record of the move, the which-computer checks): COMPUTERNAME on Windows.
import * as os from 'os';
import { thisComputer } from '../../procedures/computers';

export function computerName(): string {
  return thisComputer(process.env, os.hostname);
}
