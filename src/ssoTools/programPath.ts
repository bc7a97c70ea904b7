// Finding a program by name on the PATH, the way Windows does it, and telling which programs
// Master Secret Mover may start at all. Pure: the caller hands in PATH, PATHEXT and a file test,
// and the path flavour follows the platform (path.win32 for win32), so the rules are testable
// anywhere.
//
// Windows' rules (Microsoft Learn, "Command search sequence" in the cmd documentation and
// "SearchPathW"): PATH entries are separated by ';' and may be written in double quotes; a name
// that already has an extension (net.exe) is looked up as written; a name without one (net) is
// tried with each extension of PATHEXT in its order (.COM;.EXE;.BAT;.CMD;... by default).
// One departure, on purpose: the current folder is never searched (Windows searches it first
// unless NoDefaultCurrentDirectoryInExePath is set); a net.exe planted in the workspace or the
// tools' folder must not be the one that runs. Relative PATH entries are skipped for the same reason.
import * as path from 'path';

export interface ProgramSearch {
  platform: NodeJS.Platform;
  /** The PATH variable (Path on Windows), as the process has it. */
  pathEnv: string | undefined;
  /** PATHEXT (Windows only); undefined means Windows' default. */
  pathExt?: string;
  /** True when the path names an existing file (not a folder). */
  isFile: (p: string) => boolean;
}

/** Windows' default PATHEXT. */
export const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC';

const flavour = (platform: NodeJS.Platform): path.PlatformPath => (platform === 'win32' ? path.win32 : path.posix);

/**
 * The folders of a PATH value, in order. On Windows an entry may be written in double quotes,
 * and a ';' inside the quotes belongs to the folder's name; the quotes are dropped. Empty and
 * relative entries are left out.
 */
export function pathEntries(pathEnv: string | undefined, platform: NodeJS.Platform): string[] {
  const raw: string[] = [];
  if (platform === 'win32') {
    let current = '';
    let quoted = false;
    for (const ch of pathEnv ?? '') {
      if (ch === '"') quoted = !quoted;
      else if (ch === ';' && !quoted) { raw.push(current); current = ''; }
      else current += ch;
    }
    raw.push(current);
  } else {
    raw.push(...(pathEnv ?? '').split(':'));
  }
  const p = flavour(platform);
  return raw.map((e) => e.trim())
    .filter((e) => e !== '' && p.isAbsolute(e) && (platform !== 'win32' || /^([A-Za-z]:[\\/]|[\\/]{2})/.test(e)));
}

/** The extensions of a PATHEXT value, in order, lower case, each with its dot. */
export function pathExtensions(pathExt: string | undefined): string[] {
  return (pathExt?.trim() ? pathExt : DEFAULT_PATHEXT).split(';').map((e) => e.trim().toLowerCase()).filter((e) => /^\.[^.\\/\s]+$/.test(e));
}

/**
 * The full path of a bare program name (no folder in it) as the OS would find it on PATH, or
 * undefined. A name with a folder in it is not searched: undefined.
 */
export function findProgram(name: string, s: ProgramSearch): string | undefined {
  const p = flavour(s.platform);
  const trimmed = name.trim();
  if (trimmed === '' || /[\\/]/.test(trimmed) || (s.platform === 'win32' && /^[A-Za-z]:/.test(trimmed))) return undefined;
  const candidates = s.platform === 'win32'
    ? [...(p.extname(trimmed) ? [trimmed] : []), ...pathExtensions(s.pathExt).map((e) => trimmed + e)]
    : [trimmed];
  for (const dir of pathEntries(s.pathEnv, s.platform)) {
    for (const c of candidates) {
      const full = p.join(dir, c);
      if (s.isFile(full)) return full;
    }
  }
  return undefined;
}

/**
 * Why a program may not be started, or undefined when it may. Only a program file itself runs:
 * Windows starts a .bat or .cmd file through cmd.exe, which reads `&`, `^` and `%` in the paths
 * passed to it as commands, and a .ps1, .vbs or .js file through its script host. On Windows the
 * file must end in .exe (a name without an extension is completed by the OS, possibly to a
 * batch file); elsewhere (the tests' stand-ins) it may also have no extension.
 */
export function programRefusal(program: string, platform: NodeJS.Platform): string | undefined {
  const ext = path.win32.extname(program).toLowerCase();
  if (ext === '.exe') return undefined;
  if (ext === '.bat' || ext === '.cmd') return `${program} is a batch file: Windows runs it through cmd.exe, which reads &, ^ and % in the file paths passed to it as commands`;
  if (ext === '') return platform === 'win32' ? `${program} has no .exe at the end, and Windows would complete the name itself (perhaps to a .bat or .cmd file)` : undefined;
  return `${program} is not a program (.exe) but a ${ext} file, which Windows runs through another program`;
}

/**
 * Whether VS Code's own runtime (`process.execPath`) can run mss-xml inside a task's terminal with
 * the terminal's console, so that the tool it starts keeps its prompts (ssoconfig's password, net's
 * Y/N). Anywhere but Windows, and on Windows when it is node.exe (a VS Code server, remote), yes.
 * On desktop Windows it is Code.exe, a GUI program: Electron's maintainers say stdin cannot reach
 * it there (https://github.com/electron/electron/pull/5776), so the tools run directly instead.
 */
export function runtimeKeepsConsole(platform: NodeJS.Platform, execPath: string): boolean {
  if (platform !== 'win32') return true;
  return /^node(\.exe)?$/i.test(path.win32.basename(execPath));
}
