// How long the problems of an update XML file wait after an edit before it is validated again.
// Pure (no `vscode` import), so the unit tests check the choice.
//
// Measured by `npm run bench` (BENCHMARKS.md): validating a file costs about 10 ns per character
// (0.03 ms for a real update file of a few hundred bytes, under 1 ms at 100 KB, about 10 ms
// just under the 1 MiB cap on the bench machine). A file whose validation costs nothing is
// validated on the next turn of the event loop after an edit (no wait: the squiggle follows the
// keystroke); edits that arrive together still validate once. Bigger files wait in proportion
// to their size, up to the 300 ms of a fixed debounce at the cap, so a burst of keystrokes
// validates once, at its end, and typing never queues validations.
import { MAX_TEXT_LENGTH } from '../../updateXml';

/** Up to this many characters a file is validated after every edit (under 1 ms on the bench machine). */
export const NO_DEBOUNCE_UP_TO = 128 * 1024;
/** The wait for a file at the size cap and above. */
export const MAX_DEBOUNCE_MS = 300;

/** Milliseconds to wait after an edit of a text of `length` characters before validating it. */
export function debounceMs(length: number): number {
  if (length <= NO_DEBOUNCE_UP_TO) return 0;
  return Math.min(MAX_DEBOUNCE_MS, Math.ceil((MAX_DEBOUNCE_MS * length) / MAX_TEXT_LENGTH));
}
