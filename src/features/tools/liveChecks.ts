// The read-only tools a question before a run consults (ssomanage -displaydb, sc query and sc
// enumdepend ENTSSO, the ENTSSO events where the backup ran), through the same runner as the
// verification (features/shared/readOnlyTools.ts).
import type { ProgressBook } from '../../procedures/progress';
import { ENUM_DEPEND_ARGS, readDependents, type DependentService } from '../../ssoTools/dependents';
import { staleBackupWarning } from '../../verification/eventChecks';
import { displayDbRun, eventsRun, remoteComputer, scQueryRun } from '../../verification/programs';
import { computerName } from '../shared/computerName';
import { readVerifySettings, runReadOnly } from '../shared/readOnlyTools';

/** Runs one read-only check of a verification here, for the question before a step (never rejects). */
export function liveOutput(check: 'displaydb' | 'scQuery'): ReturnType<typeof runReadOnly> {
  const settings = readVerifySettings();
  return runReadOnly(check === 'displaydb' ? displayDbRun(settings, process.platform) : scQueryRun(settings), settings);
}

/** Whether the backup is current, read in the Application log of the computer its backup run ran on (this one, or /r:NAME). */
export async function staleBackup(progress: ProgressBook, file: string | undefined): Promise<ReturnType<typeof staleBackupWarning>> {
  const settings = readVerifySettings();
  const backup = [...(progress.record('moveToServer', 'backup').runs ?? [])].reverse().find((r) => r.exitCode === 0);
  let remote: string | undefined;
  try {
    remote = backup ? remoteComputer(backup.computer, computerName()) : undefined;
  } catch {
    return { note: `Not checked whether the backup is current: the backup ran on "${backup?.computer ?? ''}", which is not a computer name.` };
  }
  return staleBackupWarning(await runReadOnly(eventsRun(settings, remote), settings), file ?? backup?.file?.path);
}

/** The services that stop with ENTSSO here (sc enumdepend), or why they could not be read. */
export async function dependentServices(): Promise<DependentService[] | { reason: string }> {
  const settings = readVerifySettings();
  const out = await runReadOnly({ setting: 'mss.scPath', executable: settings.scPath, args: [...ENUM_DEPEND_ARGS], label: `sc ${ENUM_DEPEND_ARGS.join(' ')}` }, settings);
  if (!out.ran) return { reason: out.reason };
  const list = out.exitCode === 0 ? readDependents(out.stdout) : undefined;
  return list ?? { reason: `sc enumdepend ENTSSO ended with exit code ${out.exitCode}` };
}
