// What the problem matcher $mss-entsso (package.json) found in a tool's terminal
// output. ssomanage and ssoconfig run in a real terminal (they prompt there), so
// the extension cannot read their output itself; VS Code's problem matcher can,
// and its problems reach the extension as diagnostics with source ENTSSO. A
// watcher collects the ones that change while one run is under way, so that the
// run's failure message and the procedure record can name the ENTSSO error.
import * as vscode from 'vscode';
import { normaliseHresult, PROBLEM_MATCHER } from '../../ssoTools/output';

export interface ToolProblem { code: string; message: string }

function problemsIn(uris: readonly vscode.Uri[]): ToolProblem[] {
  const out: ToolProblem[] = [];
  for (const uri of uris) {
    for (const d of vscode.languages.getDiagnostics(uri)) {
      if (d.source !== PROBLEM_MATCHER.source) continue;
      const raw = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
      out.push({ code: /^(0x)?[0-9a-f]{8}$/i.test(raw) ? normaliseHresult(raw) : raw, message: d.message });
    }
  }
  return out;
}

/**
 * Starts watching before a run. `finish(failed)` resolves with the ENTSSO
 * problems reported during the run; after a failed run it waits a little for
 * markers that arrive after the process end (at most `graceMs`).
 */
export function watchToolProblems(graceMs = 1500): { finish(failed: boolean): Promise<ToolProblem[]> } {
  const changed = new Map<string, vscode.Uri>();
  let wake = () => {};
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    for (const uri of e.uris) changed.set(uri.toString(), uri);
    wake();
  });
  return {
    async finish(failed: boolean): Promise<ToolProblem[]> {
      try {
        let found = problemsIn([...changed.values()]);
        if (failed && found.length === 0) {
          const end = Date.now() + graceMs;
          while (found.length === 0 && Date.now() < end) {
            await new Promise<void>((r) => { wake = r; setTimeout(r, Math.max(0, end - Date.now())); });
            found = problemsIn([...changed.values()]);
          }
        }
        return found;
      } finally {
        sub.dispose();
      }
    },
  };
}

/** `0xC0002A0F: Could not contact ...`, as the procedure record keeps it. */
export function describeProblem(p: ToolProblem): string {
  return `${p.code}: ${p.message}`;
}
