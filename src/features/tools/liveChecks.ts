// The read-only tools a question before a run consults (ssomanage -displaydb, sc query and sc
// enumdepend ENTSSO), through the same runner as the verification (features/shared/readOnlyTools.ts).
import { ENUM_DEPEND_ARGS, readDependents, type DependentService } from '../../ssoTools/dependents';
import { verificationRuns } from '../../verification/readOnlyRuns';
import { readVerifySettings, runReadOnly } from '../shared/readOnlyTools';

/** Runs one read-only check of a verification here, for the question before a step (never rejects). */
export function liveOutput(check: 'secretServerName' | 'serviceRunning'): ReturnType<typeof runReadOnly> {
  const settings = readVerifySettings();
  const run = verificationRuns(settings, process.platform, undefined).find((r) => r.check === check)!;
  return runReadOnly(run, settings);
}

/** The services that stop with ENTSSO here (sc enumdepend), or why they could not be read. */
export async function dependentServices(): Promise<DependentService[] | { reason: string }> {
  const settings = readVerifySettings();
  const out = await runReadOnly({ check: 'serviceRunning', setting: 'mss.scPath', executable: settings.scPath, args: [...ENUM_DEPEND_ARGS], label: `sc ${ENUM_DEPEND_ARGS.join(' ')}` }, settings);
  if (!out.ran) return { reason: out.reason };
  const list = out.exitCode === 0 ? readDependents(out.stdout) : undefined;
  return list ?? { reason: `sc enumdepend ENTSSO ended with exit code ${out.exitCode}` };
}
