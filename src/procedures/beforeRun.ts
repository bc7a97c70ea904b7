// What the admin is told before each tool run of the procedures, and what the
// extension does with the answer: the question a command from the UI asks (with
// its warnings), the warnings a programmatic call writes to the log instead, and
// the refusals. Pure: the adapters (src/features/tools) gather the facts (the
// progress, this computer's name, the file on disk) and show the answer.
// Where each step runs, and why the wrong computer matters, is in
// docs/procedures.md; the facts about backup files are in docs/tools.md.
import { newServerComputerWarning, updateDbComputerWarning, updateDbWhere } from './computers';
import type { ProcedureId } from './model';
import type { RunPlace } from './runs';

type Move = ProcedureId | undefined;

/** A modal question: its title, its text and the one button that goes on. */
export interface Question { title: string; detail: string; confirm: string }

export interface UpdateDbFacts {
  /** The update XML file's name (no folder). */
  fileName: string;
  /** The server its <secretServer> names, when it names one. */
  server?: string;
  /** The command line as it will run, and the folder it runs in. */
  commandLine: string;
  cwd?: string;
  /** The move under way (procedures/computers.ts moveUnderWay). */
  move: Move;
  /** Whether the backup step of the move to another server is done. */
  backupDone: boolean;
  /** This computer's name. */
  computer: string;
  /** The validator's warnings about the file. */
  fileWarnings: readonly string[];
  /** Warnings from what the read-only tools say now (the server -displaydb names). */
  liveWarnings?: readonly string[];
}

export interface UpdateDbAdvice {
  /** Asked when the command runs from the UI. */
  question: Question;
  /** Written to the log instead when the command is called programmatically. */
  logWarnings: string[];
  /** Whether a successful run names the new master secret server of the move to another server. */
  remembersNewServer: boolean;
}

export const UPDATE_DB_CONFIRM = 'Run ssomanage -updatedb';

const CLUSTER_BACKUP_WARNING = 'WARNING: back up the master secret on the original master secret server before this, unless you have a current backup and know its password: after -updatedb the original server can no longer back it up, and that backup is what you copy to the nodes.';
const BACKUP_NOT_DONE_WARNING = 'WARNING: the backup step is not marked done. Without a backup of the master secret and its password, a failed move can leave the SSO database unreadable.';

/** Before `ssomanage -updatedb`: where it runs, the backup, the computer, the file's warnings. */
export function beforeUpdateDb(f: UpdateDbFacts): UpdateDbAdvice {
  const clusterMove = f.move === 'moveToCluster';
  const onNewServer = f.server && !clusterMove ? updateDbComputerWarning(f.computer, f.server) : undefined;
  const backupWarning = clusterMove ? CLUSTER_BACKUP_WARNING : f.backupDone ? '' : BACKUP_NOT_DONE_WARNING;
  const detail = [
    `This runs:\n${f.commandLine}${f.cwd ? `\nin ${f.cwd}` : ''}`,
    updateDbWhere(f.move),
    backupWarning,
    onNewServer ? `WARNING: ${onNewServer}` : '',
    ...(f.liveWarnings ?? []).map((w) => `WARNING: ${w}`),
    ...f.fileWarnings.map((w) => `Warning: ${w}`),
  ].filter(Boolean).join('\n\n');
  const logWarnings = [
    ...(!clusterMove && !f.backupDone ? ['ssomanage -updatedb is run before the backup step is marked done.'] : []),
    ...(onNewServer ? [onNewServer] : []),
  ];
  return {
    question: {
      title: f.server ? `Make ${f.server} the master secret server?` : `Apply ${f.fileName} to the SSO database?`,
      detail,
      confirm: UPDATE_DB_CONFIRM,
    },
    logWarnings,
    remembersNewServer: !clusterMove,
  };
}

export interface BackupFacts {
  /** The backup file's path as ssoconfig gets it, when known (not a ${variable}). */
  file?: string;
  fileName?: string;
  /** Whether that file exists already. */
  exists: boolean;
  /** Whether the command runs from the UI (it may ask) or programmatically (it never overwrites). */
  interactive: boolean;
  /** The backup file check's warning (other .bak files in the folder). */
  fileWarning?: string;
}

export interface BackupAdvice {
  /** Why nothing runs, when the run is refused. */
  refusal?: string;
  /** The question to ask first, when there is one. */
  question?: Question;
  /** Warnings to log (and, from the UI, to show). */
  warnings: string[];
  /** Shown as the run starts. */
  notice: string;
}

export const BACKUP_NOTICE = 'ssoconfig asks for a password (at least 7 characters), its confirmation and a reminder in the terminal. Type them there: Master Secret Mover never sees them. Keep the password: the same one is needed to restore. The file must be on an NTFS volume or removable media.';

/** Before `ssoconfig -backupSecret`: a backup never overwrites a file without asking. */
export function beforeBackup(f: BackupFacts): BackupAdvice {
  const warnings = f.fileWarning ? [f.fileWarning] : [];
  if (f.exists && f.file !== undefined) {
    if (!f.interactive) return { refusal: `${f.file} exists already. Choose a new file name: a backup is never overwritten.`, warnings, notice: BACKUP_NOTICE };
    return {
      question: { title: `${f.fileName ?? f.file} exists already.`, detail: 'ssoconfig would overwrite it with the new backup. Overwrite it?', confirm: 'Overwrite' },
      warnings,
      notice: BACKUP_NOTICE,
    };
  }
  return { warnings, notice: BACKUP_NOTICE };
}

export interface RestoreFacts {
  /** The step the restore belongs to (procedures/runs.ts restorePlace). */
  place: RunPlace;
  /** "N. Title" of the steps that should be done before it and are not. */
  missingSteps: readonly string[];
  /** The new master secret server a successful -updatedb named, if any. */
  newServer?: string;
  computer: string;
  /** The backup file check's warning (other .bak files in the folder). */
  fileWarning?: string;
  /** A warning from what sc says now: ENTSSO is not running here. */
  serviceWarning?: string;
  /** A warning from the ENTSSO events where the backup ran: a new secret (10525) newer than the backup (10559). */
  staleBackupWarning?: string;
}

export interface RestoreAdvice {
  /** Everything the admin should know first; empty when nothing stands out. */
  concerns: string[];
  /** The question asked from the UI when there are concerns (programmatic calls log them). */
  question?: Question;
  notice: string;
}

export const RESTORE_NOTICE = 'ssoconfig shows the password reminder and asks for the backup password in the terminal. Type it there: Master Secret Mover never sees it.';

/** Before `ssoconfig -restoreSecret`: the steps before it, the computer, other backup files. */
export function beforeRestore(f: RestoreFacts): RestoreAdvice {
  const concerns: string[] = [];
  if (f.missingSteps.length > 0) {
    concerns.push(`Steps not marked done before the restore: ${f.missingSteps.join('; ')}. The restore works only on the master secret server (elsewhere: 10766, "This function can only be performed on the master secret server"); that it also fails here before -updatedb and the ENTSSO restart is our inference from that message and the order of the move page.`);
  }
  const elsewhere = f.place.procedure === 'moveToServer' ? newServerComputerWarning('restore', f.computer, f.newServer) : undefined;
  if (elsewhere) concerns.push(elsewhere);
  if (f.serviceWarning) concerns.push(f.serviceWarning);
  if (f.fileWarning) concerns.push(f.fileWarning);
  if (f.staleBackupWarning) concerns.push(f.staleBackupWarning);
  if (concerns.length === 0) return { concerns, notice: RESTORE_NOTICE };
  const title = f.missingSteps.length > 0 ? 'Restore before the earlier steps are done?'
    : elsewhere ? 'Restore on this computer?'
      : f.serviceWarning ? 'Restore while Enterprise SSO is not running here?'
        : f.staleBackupWarning && !f.fileWarning ? 'Restore a backup older than the current master secret?'
          : 'Restore with other backup files in the folder?';
  return { concerns, question: { title, detail: concerns.join('\n\n'), confirm: 'Restore Anyway' }, notice: RESTORE_NOTICE };
}

export interface RestartFacts { move: Move; computer: string; newServer?: string }

export interface RestartAdvice {
  /** The wrong-computer warning: in the restart's question, and written to the log. */
  elsewhere?: string;
}

/** Before the ENTSSO restart: the computer step 5 runs on (what stops with ENTSSO is in the question: restartQuestion). */
export function beforeRestart(f: RestartFacts): RestartAdvice {
  const elsewhere = f.move === 'moveToCluster' ? undefined : newServerComputerWarning('restart', f.computer, f.newServer);
  return elsewhere ? { elsewhere } : {};
}
