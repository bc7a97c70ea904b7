// Which procedure step a run of a tool belongs to, for the commands and for tasks
// started from Run Task or tasks.json alike. The read-only checks and the two net
// tasks of a restart belong to none. In the move to a cluster, -updatedb and the
// ENTSSO restart are part of section 5.2 of its step 1 (on the active node, before
// ENTSSO is clustered), which has more to it: they mark no step, and the admin is
// told so. Which move is under way comes from the progress (computers.ts). Pure.
import { canonicalCommand } from '../ssoTools/commandLines';
import type { ProcedureId } from './model';

export interface ToolRun { type: unknown; command?: unknown; part?: unknown }
export interface RunPlace { procedure: ProcedureId; step: string; machine?: string }
type Move = ProcedureId | undefined;

/** The run as the task that ran it was parsed: its command in the spelling of package.json's task definitions (a tasks.json `"UpdateDb"` is `updatedb`). */
const parsed = (r: ToolRun): ToolRun => ({ ...r, command: canonicalCommand(r.type, r.command) ?? r.command });
const isUpdateDb = (r: ToolRun) => r.type === 'ssomanage' && parsed(r).command === 'updatedb' && r.part === undefined;
const isRestart = (r: ToolRun) => r.type === 'entsso' && parsed(r).command === 'restart' && r.part === undefined;

/** Restores belong to the move to a cluster (each node) when that move is under way and the other is not. */
export function restorePlace(move: Move, computer: string): RunPlace {
  return move === 'moveToCluster' ? { procedure: 'moveToCluster', step: 'restoreEachNode', machine: computer } : { procedure: 'moveToServer', step: 'restore' };
}

/** The step a run belongs to, or undefined when it marks none. */
export function stepOfRun(given: ToolRun, move: Move, computer: string): RunPlace | undefined {
  // The tool task a checked task (or a restart) starts: its own task records it.
  if (given.part !== undefined) return undefined;
  const run = parsed(given);
  if (isUpdateDb(run)) return move === 'moveToCluster' ? undefined : { procedure: 'moveToServer', step: 'updateDb' };
  if (run.type === 'ssomanage' && run.command === 'serverall') return { procedure: 'moveToCluster', step: 'serverAll', machine: computer };
  if (run.type === 'ssoconfig' && run.command === 'backupSecret') return { procedure: 'moveToServer', step: 'backup' };
  if (run.type === 'ssoconfig' && run.command === 'restoreSecret') return restorePlace(move, computer);
  if (isRestart(run)) return move === 'moveToCluster' ? undefined : { procedure: 'moveToServer', step: 'restartService' };
  return undefined;
}

const OTHER_MOVE = '(Moving to another server instead? Reset the progress of the move to a cluster.)';

/** What to tell the admin after a run that succeeded and marked no step because it is part of the cluster's -updatedb section of step 1. */
export function clusterRunNote(run: ToolRun, move: Move): string | undefined {
  if (move !== 'moveToCluster') return undefined;
  if (isUpdateDb(run)) {
    return `ssomanage -updatedb succeeded. The move to a cluster is under way, so this is the section "Update the master secret server name in the SSO database" of step 1 and no step was marked done: tick step 1 when all its sections are done. ${OTHER_MOVE}`;
  }
  if (isRestart(run)) {
    return `The Enterprise SSO restart succeeded. The move to a cluster is under way, so this is the restart in the section "Update the master secret server name in the SSO database" of step 1 and no step was marked done. Once the clustered SSO resource exists, take it offline and bring it online in Failover Cluster Manager (step 6), not with net stop / net start. ${OTHER_MOVE}`;
  }
  return undefined;
}

/** The step whose record keeps the server -updatedb named: step 4 of the move to a server, the -updatedb section of step 1 of the move to a cluster. */
export const NEW_SERVER_STEP: Readonly<Record<ProcedureId, string>> = { moveToServer: 'updateDb', moveToCluster: 'clusterSetup' };

/** The server the procedure's last successful -updatedb named (the one reader of it), from the procedure's progress. */
export function newServerOf(procedure: ProcedureId, progress: Readonly<Record<string, { newServer?: string } | undefined>>): string | undefined {
  return progress[NEW_SERVER_STEP[procedure]]?.newServer;
}
