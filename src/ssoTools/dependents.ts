// The services that stop with ENTSSO, read from `sc enumdepend ENTSSO`, and the question
// asked before the restart of the Enterprise SSO service. Pure: no `vscode` import.
//
// `sc enumdepend ENTSSO 65536` lists the services that depend on ENTSSO (the BizTalk host
// instances, `BTSSvc$<host>`), as SERVICE_NAME / DISPLAY_NAME pairs; the buffer size is given
// so that a long list fits (sc's default buffer is small). Read-only: it changes nothing.
// What stops with ENTSSO: docs/tools.md#net-stop-and-net-start-entsso.

/** The argument vector of `sc enumdepend` for ENTSSO. */
export const ENUM_DEPEND_ARGS: readonly string[] = ['enumdepend', 'ENTSSO', '65536'];

export interface DependentService {
  name: string;
  displayName: string;
}

/** The services `sc enumdepend` printed, in its order; undefined when the output is not a list of services. */
export function readDependents(stdout: string): DependentService[] | undefined {
  if (!/EnumDependentServices/i.test(stdout) || /FAILED/i.test(stdout)) return undefined;
  const out: DependentService[] = [];
  let current: DependentService | undefined;
  for (const line of stdout.split(/\r?\n/)) {
    const name = /^\s*SERVICE_NAME\s*:\s*(.+?)\s*$/.exec(line);
    if (name) {
      current = { name: name[1], displayName: name[1] };
      out.push(current);
      continue;
    }
    const display = /^\s*DISPLAY_NAME\s*:\s*(.+?)\s*$/.exec(line);
    if (display && current) current.displayName = display[1];
  }
  return out;
}

export const RESTART_CONFIRM = 'Restart ENTSSO';

export interface RestartQuestionFacts {
  /** The commands as they will run, one a line. */
  commandLines: string[];
  /** The services that depend on ENTSSO here, or why they could not be listed. */
  dependents: DependentService[] | { reason: string };
  /** Set when this is not the computer the step runs on. */
  elsewhere?: string;
}

/** The modal question before `net stop ENTSSO` / `net start ENTSSO`. */
export function restartQuestion(f: RestartQuestionFacts): { title: string; detail: string; confirm: string } {
  const parts: string[] = [];
  if (f.elsewhere) parts.push(`WARNING: ${f.elsewhere}`);
  parts.push(`This runs:\n${f.commandLines.join('\n')}`);
  if (Array.isArray(f.dependents)) {
    parts.push(f.dependents.length === 0
      ? 'No other service depends on ENTSSO on this computer.'
      : `These services depend on ENTSSO and stop with it:\n${f.dependents.map((d) => `- ${d.displayName}${d.displayName !== d.name ? ` (${d.name})` : ''}`).join('\n')}\nThey stay stopped until you start them again (BizTalk Server Administration or the Services console).`);
  } else {
    parts.push(`The BizTalk host instances on this computer depend on ENTSSO and stop with it; start them again afterwards. (Their names could not be read: ${f.dependents.reason})`);
  }
  parts.push('Enterprise SSO can take about 3 minutes to start. net asks in the terminal before it stops the dependent services.');
  return {
    title: f.elsewhere ? 'Restart Enterprise SSO on this computer, which is not the one this step runs on?' : 'Restart the Enterprise SSO service (ENTSSO) on this computer?',
    detail: parts.join('\n\n'),
    confirm: RESTART_CONFIRM,
  };
}
