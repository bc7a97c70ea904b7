// The update XML files the benchmarks edit and validate: the fixture workspace's
// NewMSSServer.xml (a real update file is this size), and bigger ones made from it by
// comment lines inside <globalInfo> (an admin's notes), or blank lines, up to a size in characters.
// The invalid variant differs in one thing: the server name has a space in it
// (a computer name cannot), the error a keystroke in the name makes.

/** A real update file: one <sso>, one <globalInfo>, one <secretServer> (the fixture workspace's file). */
export const REAL_FILE = '<sso>\n  <globalInfo>\n    <secretServer>BTSMSS02</secretServer>\n  </globalInfo>\n</sso>\n';

/** The valid server name and the broken one an edit swaps in (same length, so offsets stay). */
export const GOOD_NAME = 'BTSMSS02';
export const BAD_NAME = 'BTS MS02';

/** What fills a big file: an admin's notes in comments, or blank lines (indentation left behind). */
export type Filler = 'comments' | 'blank lines';
export const FILLERS: readonly Filler[] = ['comments', 'blank lines'];

/**
 * An update XML file of `chars` characters (at least a real file's), valid or with the bad
 * server name. The padding is lines before <secretServer>, each 80 characters: comment lines,
 * or lines of spaces.
 */
export function updateXmlOfSize(chars: number, valid = true, filler: Filler = 'comments'): string {
  const name = valid ? GOOD_NAME : BAD_NAME;
  const head = '<sso>\n  <globalInfo>\n';
  const tail = `    <secretServer>${name}</secretServer>\n  </globalInfo>\n</sso>\n`;
  let room = chars - head.length - tail.length;
  const lines: string[] = [];
  for (let i = 0; room > 0; i++) {
    const prefix = `    <!-- note ${String(i).padStart(6, '0')}: `;
    const suffix = ' -->\n';
    const width = Math.min(80, room);
    if (filler === 'blank lines' || width < prefix.length + suffix.length) {
      lines.push(' '.repeat(width - 1) + '\n');
      room -= width;
      continue;
    }
    lines.push(prefix + 'x'.repeat(width - prefix.length - suffix.length) + suffix);
    room -= width;
  }
  return head + lines.join('') + tail;
}
