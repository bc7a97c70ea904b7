// The VS Code variables a task's "file" may use (${workspaceFolder}, ${userHome}, ${env:NAME},
// ...), resolved here the way VS Code resolves them (Visual Studio Code docs, "Variables
// reference"), so that every check on the file (switch-like values, quotes, the update file's
// errors, an existing backup) runs on the path the tool will get. Variables whose value only
// exists in the moment of a run (${input:...}, ${command:...}, ${config:...}, the selection)
// are refused: the file could not be checked before the tool gets it. Pure.
import * as path from 'path';

export interface VariableContext {
  platform: NodeJS.Platform;
  /** The folder of the task (its scope), when it has one. */
  workspaceFolder?: string;
  /** Every folder of the window, by name (for ${workspaceFolder:Name}). */
  folders: ReadonlyArray<{ name: string; path: string }>;
  userHome: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The file of the active editor, if any (${file}, ${fileDirname}, ${fileBasename}). */
  activeFile?: string;
}

export type Resolved = { ok: true; value: string } | { ok: false; error: string };

const SUPPORTED = '${workspaceFolder}, ${workspaceFolder:Name}, ${workspaceFolderBasename}, ${userHome}, ${env:NAME}, ${file}, ${fileDirname}, ${fileBasename}, ${pathSeparator}';

/** Resolves every ${...} in `value`; refuses, saying why, a variable it cannot resolve to a path now. */
export function resolveVariables(value: string, ctx: VariableContext, what: string): Resolved {
  const p = ctx.platform === 'win32' ? path.win32 : path.posix;
  let error: string | undefined;
  const fail = (e: string): string => { error ??= e; return ''; };
  const needFolder = (v: string): string => ctx.workspaceFolder ?? fail(`${what}: "file" uses \${${v}}, but no folder is open. Open the folder, or write the full path of the file.`);
  const needEditor = (v: string): string => ctx.activeFile ?? fail(`${what}: "file" uses \${${v}}, but no file is open in the editor. Open the file, or write its full path.`);
  const out = value.replace(/\$\{(.*?)\}/g, (_m, name: string) => {
    if (name === 'workspaceFolder') return needFolder(name);
    if (name === 'workspaceFolderBasename') return p.basename(needFolder(name));
    if (name === 'userHome') return ctx.userHome;
    if (name === 'pathSeparator' || name === '/') return p.sep;
    if (name === 'file') return needEditor(name);
    if (name === 'fileDirname') return p.dirname(needEditor(name));
    if (name === 'fileBasename') return p.basename(needEditor(name));
    if (name.startsWith('workspaceFolder:')) {
      const wanted = name.slice('workspaceFolder:'.length);
      return ctx.folders.find((f) => f.name === wanted)?.path ?? fail(`${what}: "file" uses \${${name}}, but no folder of this window is named "${wanted}". Use the name of one of its folders: ${ctx.folders.map((f) => f.name).join(', ') || 'none is open'}.`);
    }
    if (name.startsWith('env:')) {
      const variable = name.slice('env:'.length);
      const found = Object.entries(ctx.env).find(([k]) => (ctx.platform === 'win32' ? k.toLowerCase() === variable.toLowerCase() : k === variable))?.[1];
      return found !== undefined && found !== '' ? found : fail(`${what}: "file" uses \${${name}}, but the environment variable ${variable} is not set here. Set it, or write the full path of the file.`);
    }
    return fail(`${what}: "file" uses \${${name}}, which Master Secret Mover does not resolve: it checks the file before the tool gets it, and can only do that for a path it can work out itself. Write the full path, or use ${SUPPORTED}.`);
  });
  if (error !== undefined) return { ok: false, error };
  if (out.includes('${')) return { ok: false, error: `${what}: "file" is ${JSON.stringify(out)} once its variables are resolved, which still holds "\${". Write the full path of the file.` };
  return { ok: true, value: out };
}
