// The catalogue of the ENTSSO events and error codes that the error explainer knows, one
// entry per code, as data. ../errors.ts matches input against it and words the answer.
// Pure: no `vscode` import.
//
// It holds every event of the event table in docs/events-and-errors.md, the codes carried
// by the pitfalls in docs/pitfalls.md, and the Win32/RPC and MSDTC codes seen with SSO.
// Messages are verbatim ('%1' = a parameter, '…' = text trimmed in the page quoted).
//
// HRESULTs of ENTSSO errors are not written here: they are derived as 0xC0000000 + event id
// (see `pairing`). An explicit `hresult` is kept only for codes that are not ENTSSO events.

import { eventPage, fieldReport, MOVE_PAGE, type SourceId } from '../../sources';

/** The page of the Win32 system error codes 1700-3999 (the RPC errors). */
const WIN32_ERRORS = 'windows/win32/debug/system-error-codes--1700-3999-';

export interface CatalogueEntry {
  /** ENTSSO event / message number. */
  id?: number;
  /**
   * Set for an ENTSSO error that has an HRESULT, which is then 0xC0000000 + `id`: either
   * the pairing was seen (where, and the source that shows it), or it is inferred from the
   * rule only.
   */
  pairing?: 'inferred' | { seen: string; source: SourceId };
  /** Only for codes that are not ENTSSO events: `0x` + 8 upper-case hex digits. */
  hresult?: string;
  /** Where the message text of a non-ENTSSO code is quoted, when not in its own page. */
  messageQuotedIn?: SourceId;
  /** Symbolic name; absent when the documentation does not give it. */
  symbol?: string;
  message: string;
  /** False when the message text is not quoted in the documentation (then `message` describes the event). */
  verbatim?: false;
  /** Other distinctive text that identifies the entry. */
  alsoMatches?: string[];
  cause: string;
  fix: string;
  /** Source ids, resolved by src/sources. */
  sources: SourceId[];
}

const RESTORE = 'ssoconfig -restoreSecret <backup file>';

export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 10501, symbol: 'SSO_INFO_SERVICE_STARTING(_NO_SSL)', message: 'The SSO service is starting.',
    cause: 'ENTSSO was (re)started on this computer. The event names the computer, SQL Server and SSO database, and whether SSL is used.',
    fix: 'Nothing to fix. After the restart step of the move it confirms the service restarted; check that the SQL Server and SSO database named are the ones you expect.',
    sources: [eventPage(10501), eventPage(10611)],
  },
  {
    id: 10611, symbol: 'SSO_INFO_SERVICE_STARTING(_NO_SSL)', message: 'The SSO service is starting.',
    cause: 'ENTSSO was (re)started on this computer. The event names the computer, SQL Server and SSO database, and whether SSL is used.',
    fix: 'Nothing to fix. After the restart step of the move it confirms the service restarted; check that the SQL Server and SSO database named are the ones you expect.',
    sources: [eventPage(10501), eventPage(10611)],
  },
  {
    id: 10502, message: 'The SSO service has started.', verbatim: false,
    cause: 'ENTSSO finished starting on this computer.',
    fix: 'Nothing to fix. Newer than the restart step of the move, it shows the restart happened; on the new master secret server 10534 follows.',
    sources: [eventPage(10502)],
  },
  {
    id: 10503, symbol: 'SSO_ERROR_SERVICE_START_FAILED', message: 'The SSO service failed to start. (The event carries an Error Code.)', verbatim: false,
    cause: 'ENTSSO could not start on this computer; the Error Code in the event says why (the SSO database cannot be reached, the service account or its rights, a secret that cannot be read).',
    fix: 'Explain the Error Code of the event, fix its cause, then start the service again (on a cluster: bring the resource online from the cluster).',
    sources: [eventPage(10503)],
  },
  {
    id: 10504, message: 'The SSO service is stopping.', verbatim: false,
    cause: 'ENTSSO was asked to stop on this computer (the first half of a restart).',
    fix: 'Nothing to fix during a restart: 10505, then 10501 or 10611 and 10502 follow.',
    sources: [eventPage(10504)],
  },
  {
    id: 10505, message: 'The SSO service has stopped.', verbatim: false,
    cause: 'ENTSSO stopped on this computer.',
    fix: 'During a restart the start follows (10501 or 10611, then 10502). On a cluster node that does not own the clustered SSO role ENTSSO stays stopped by design.',
    sources: [eventPage(10505)],
  },
  {
    id: 10525, message: 'A new master secret was generated.', verbatim: false,
    cause: 'The master secret server generated a new secret (ssoconfig -generateSecret, or the configuration wizard).',
    fix: 'A backup older than this event holds the previous secret: back up again (ssoconfig -backupSecret) before moving the master secret server, and restore that new file.',
    sources: ['biztalk/core/how-to-back-up-the-master-secret', eventPage(10559)],
  },
  {
    id: 10530, symbol: 'SSO_INFO_GOT_PREVIOUS_SECRET', message: 'Got the previous secret from the master secret server.', verbatim: false,
    cause: 'This SSO server fetched the previous secret (the one before the current secret) from the master secret server named in the event.',
    fix: 'Nothing to fix. After the move, check that the Secret Server Name in the event is the new master secret server.',
    sources: [eventPage(10530)],
  },
  {
    id: 10555, message: 'Secret server access denied.', verbatim: false,
    cause: 'The caller (an SSO server or an administrator tool) was refused by the master secret server: not an SSO administrator, or a service account that is not in the SSO Administrators group.',
    fix: 'Check that the ENTSSO service account of every SSO server and the account you run the tools as are in the SSO Administrators group.',
    sources: [eventPage(10555)],
  },
  {
    id: 10785, pairing: 'inferred', symbol: 'ENTSSO_E_DB_ACCESS', message: 'The SSO database could not be accessed.', verbatim: false,
    cause: 'ENTSSO could not reach or read the SSO database (SQL Server down or unreachable, MSDTC, or the service account has no rights on the database).',
    fix: 'Check that the SQL Server that holds the SSO database is reachable from this computer and that the ENTSSO service account has its rights there, then try again.',
    sources: [eventPage(10785)],
  },
  {
    id: 10520, symbol: 'SSO_WARN_NO_SECRETS',
    message: 'No secrets were found in the registry of the master secret server. Use the configuration tools to generate or restore a master secret.',
    cause: 'Expected on the new master secret server between restarting ENTSSO after -updatedb and restoring the secret. Anywhere else the secret is missing, e.g. after the ENTSSO service account was changed.',
    fix: `Restore the secret on the new master secret server (${RESTORE}, elevated, as an SSO administrator); the warning should stop once 10523 is logged. On a cluster restore on every node.`,
    sources: [eventPage(10520), eventPage(10523), 'biztalk/core/troubleshooting-enterprise-single-sign-on'],
  },
  {
    id: 10521, symbol: 'SSO_ERROR_SECRETS_NOT_LOADED',
    message: 'Could not load secrets from the registry of the master secret server.',
    cause: 'The secret in the registry is encrypted with a key bound to the ENTSSO service account: the account was changed, or permissions are wrong. A community report (not Microsoft documentation) also saw it on a cluster after a failover, once the secret had been restored on the nodes: the master secret server did not start on the other node; the report blames the documented cluster setup and its fix could not be read.',
    fix: `Restore the secret from the backup file on this server (${RESTORE}), on a cluster on every node; or put the original ENTSSO service account back.`,
    sources: [eventPage(10521), eventPage(10565), 'biztalk/core/troubleshooting-enterprise-single-sign-on', 'biztalk/core/how-to-change-service-accounts-and-passwords', fieldReport.failoverOneNode],
  },
  {
    id: 10523, symbol: 'SSO_INFO_RESTORE_SECRET_OK', message: 'The master secrets were successfully restored.',
    cause: 'The restore step worked: the event names the file, the current and previous master secret IDs, and who restored it.',
    fix: 'Nothing to fix. On a cluster make sure it is logged on every node; other SSO servers pick up the secret within about a minute (10529 / 10533).',
    sources: [eventPage(10523), MOVE_PAGE],
  },
  {
    id: 10524, symbol: 'SSO_ERROR_RESTORE_SECRET_FAILED', message: 'Failed to restore the master secrets. …',
    cause: 'The restore step failed; the event carries an Error Code that says why (wrong password 10779, wrong file 10815 / 10564, not the master secret server 10766, file location 10759).',
    fix: 'Look up the Error Code in the event; check that you run the restore elevated, as an SSO administrator, on the server the SSO database names as master secret server, with the right .bak file and password.',
    sources: [eventPage(10524), 'biztalk/core/how-to-restore-the-master-secret'],
  },
  {
    id: 10529, symbol: 'SSO_INFO_GOT_CURRENT_SECRET', message: 'Got the current secret from the master secret server.',
    cause: 'This SSO server fetched the secret from the master secret server named in the event.',
    fix: 'Nothing to fix. After the move, check that the Secret Server Name in the event is the new master secret server.',
    sources: [eventPage(10529), eventPage(10533)],
  },
  {
    id: 10533, symbol: 'SSO_INFO_GOT_CURRENT_SECRET', message: 'Got the current secret from the master secret server.',
    cause: 'This SSO server fetched the secret from the master secret server named in the event.',
    fix: 'Nothing to fix. After the move, check that the Secret Server Name in the event is the new master secret server.',
    sources: [eventPage(10529), eventPage(10533)],
  },
  {
    id: 10532, symbol: 'SSO_WARN_LOST_SECRET_SERVER',
    message: 'Failed to retrieve master secrets. Verify that the master secret server name is correct and that it is available.',
    cause: 'This SSO server cannot get the secret from the master secret server named in the SSO database: the name is wrong, ENTSSO is not running there, or a firewall blocks RPC. With Error Code 0x800706D9 on a cluster: the ENTSSO Generic Service does not have "Use Network Name for computer name" ticked or does not depend on the Name: resource.',
    fix: 'Check the Secret Server Name in the event (ssomanage -displaydb shows what the SSO database says); make sure ENTSSO runs there; open TCP 135 and the dynamic RPC ports (49152-65535) to it. On a cluster tick "Use Network Name for computer name" and add the Name: dependency.',
    sources: [eventPage(10532), 'biztalk/core/how-to-cluster-the-master-secret-server1', 'biztalk/core/ports-for-the-enterprise-single-sign-on-servers'],
  },
  {
    id: 10534, symbol: 'SSO_INFO_SECRET_SERVER_STARTING', message: 'This computer is the master secret server.',
    cause: 'ENTSSO started and found that the SSO database names this computer as the master secret server: after -updatedb and the restart, the new master secret server recognised itself.',
    fix: `Nothing to fix. Next step of the move: restore the secret here (${RESTORE}).`,
    sources: [eventPage(10534), MOVE_PAGE, fieldReport.promotionOrder],
  },
  {
    id: 10536, symbol: 'SSO_WARN_API_AUDIT', message: 'An ENTSSO audit warning, with the Function, Tracking ID, Client Computer, Client User, Application Name and Error Code of the failing SSO call (logged by ENTSSO when the audit level is met; message text not quoted here).', verbatim: false,
    cause: 'On a cluster, seen together with ERROR: 0xC0002A0F … (RPC: 0x800706D9 …): the local ENTSSO service was started on a node (Services console, net start ENTSSO, a monitoring tool) before the clustered resource came online, so the SSOSecretServer RPC interface did not register.',
    fix: 'Never start ENTSSO locally on cluster nodes; let the cluster bring the resource online. Check the endpoints with rpcdump -s <cluster name> -i and portqry -n <cluster name> -e 135.',
    sources: [fieldReport.clusterEndpoint],
  },
  {
    id: 10550, symbol: 'SSO_ERROR_SERVICE_NOT_SSO_ADMIN',
    message: 'The SSO service could not start because the service account it is running under is not a member of the SSO Administrators account.',
    cause: 'The ENTSSO service account is not in the SSO Administrators group (for a new master secret server or cluster it must be a domain account in the domain group).',
    fix: 'Add the ENTSSO service account to the SSO Administrators group, then start the service from the Services console (on a cluster: bring the resource online).',
    sources: [eventPage(10550), 'biztalk/core/troubleshooting-enterprise-single-sign-on', 'biztalk/core/how-to-cluster-the-master-secret-server1'],
  },
  {
    id: 10559, symbol: 'SSO_INFO_BACKUP_SECRET_OK', message: 'The master secrets were successfully backed up.',
    cause: 'The backup step worked.',
    fix: 'Nothing to fix. Keep the .bak file, its password and reminder safe (share the password with a second admin) before going on with the move.',
    sources: [eventPage(10559), 'biztalk/core/how-to-back-up-the-master-secret'],
  },
  {
    id: 10560, symbol: 'SSO_ERROR_BACKUP_SECRET_FAILED', message: 'Failed to back up the master secrets.',
    cause: 'The backup step failed: not run on the master secret server, not elevated or not an SSO administrator, or the file location or password was refused (10561, 10759, 10836, 10839, 10840).',
    fix: 'Run ssoconfig -backupSecret <backup file> elevated, as an SSO administrator, on the master secret server, to an NTFS folder or removable media, with a password of 7 to 256 characters. Do not go on with the move until a backup exists.',
    sources: [eventPage(10560), 'biztalk/core/how-to-back-up-the-master-secret'],
  },
  {
    id: 10561, symbol: 'SSO_ERROR_BACKUP_FAILED_MEDIA',
    message: 'The file specified for backup of the master secrets must be on an NTFS file system or removable media.',
    cause: 'The backup file was put on a FAT volume or another unsupported medium (e.g. some network locations).',
    fix: 'Choose a file on an NTFS folder or on removable media and run the backup again.',
    sources: [eventPage(10561), eventPage(10759)],
  },
  {
    id: 10564, symbol: 'SSO_ERROR_BACKUP_FILE_INCORRECT_FORMAT', message: 'The backup file does not have the correct format.',
    cause: 'The file given to the restore is not a master secret backup, or several .bak files in the same folder confuse ENTSSO.',
    fix: 'Check you picked the backup made in the backup step, and keep only that backup in its folder.',
    sources: [eventPage(10564)],
  },
  {
    id: 10565, symbol: 'SSO_ERROR_SECRET_VALIDATE_FAILED',
    message: 'The secret could not be loaded from the registry. The service account for the SSO service may have been changed or the secret may be corrupted. Restore the secret from a backup file.',
    cause: 'The ENTSSO service account was changed (the registry secret is bound to it) or the secret is corrupt. A community report (not Microsoft documentation) also saw it on a cluster after a failover, once the secret had been restored on the nodes: the master secret server did not start on the other node; the report blames the documented cluster setup and its fix could not be read.',
    fix: `Restore the secret from the backup (${RESTORE}) on this server, on a cluster on every node; or put the original service account back.`,
    sources: [eventPage(10565), 'biztalk/core/troubleshooting-enterprise-single-sign-on', 'biztalk/core/how-to-change-service-accounts-and-passwords', fieldReport.failoverOneNode],
  },
  {
    id: 10570, symbol: 'SSO_WARN_SSO_DISABLED_FOR_CHANGE_SSO_ADMIN',
    message: 'To update the SSO Administrators account name you must first disable SSO.',
    cause: 'The update XML changes the SSO Administrators account while SSO is enabled.',
    fix: 'For a move put only <secretServer> in the file. Change admin accounts separately: ssomanage -disablesso, ssomanage -updatedb <file>, ssomanage -enablesso.',
    sources: [eventPage(10570), 'biztalk/core/how-to-specify-sso-administrators-and-affiliate-administrators-accounts', 'biztalk/core/how-to-change-the-master-secret-server'],
  },
  {
    id: 10571, message: 'Reported when the SSO Administrators account is changed and the ENTSSO service account or the caller is not a member of the new group (message text not quoted in the documentation this explanation is based on).', verbatim: false,
    cause: 'The update XML changes the SSO Administrators account, and the ENTSSO service account or you are not in the new group.',
    fix: 'For a move put only <secretServer> in the file. For an admin change, add the service account and yourself to the new group first, then ssomanage -disablesso, -updatedb, -enablesso.',
    sources: [eventPage(10571), 'biztalk/core/how-to-specify-sso-administrators-and-affiliate-administrators-accounts'],
  },
  {
    id: 10572, symbol: 'SSO_WARN_SSO_DISABLED_FOR_CHANGE_SSO_AFF_ADMIN',
    message: 'To update the SSO Affiliate Administrators account name you must first disable SSO.',
    cause: 'The update XML changes the SSO Affiliate Administrators account while SSO is enabled.',
    fix: 'For a move put only <secretServer> in the file. Change admin accounts separately: ssomanage -disablesso, ssomanage -updatedb <file>, ssomanage -enablesso.',
    sources: [eventPage(10572), 'biztalk/core/how-to-specify-sso-administrators-and-affiliate-administrators-accounts'],
  },
  {
    id: 10573, message: 'Reported when an SSO (Affiliate) Administrators account in the update is not valid (message text not quoted in the documentation this explanation is based on).', verbatim: false,
    cause: 'The update XML names an administrators account that is not valid.',
    fix: 'For a move put only <secretServer> in the file; for an admin change, check the account names (domain\\group for domain accounts).',
    sources: ['biztalk/core/how-to-specify-sso-administrators-and-affiliate-administrators-accounts'],
  },
  {
    id: 10574, message: 'Reported when an SSO (Affiliate) Administrators account in the update is not valid (message text not quoted in the documentation this explanation is based on).', verbatim: false,
    cause: 'The update XML names an administrators account that is not valid.',
    fix: 'For a move put only <secretServer> in the file; for an admin change, check the account names (domain\\group for domain accounts).',
    sources: ['biztalk/core/how-to-specify-sso-administrators-and-affiliate-administrators-accounts'],
  },
  {
    id: 10575, symbol: 'SSO_INFO_CHANGED_SECRET_SERVER', message: 'Updated secret server name.',
    cause: 'ssomanage -updatedb changed the master secret server name in the SSO database; the event shows the new and old secret server, and the computer and user that ran it. It is logged by the SSO server that served -updatedb (the one ssomanage -showserver names), which is not necessarily the computer that ran the command: look for it there.',
    fix: 'Nothing to fix: proof that the updatedb step worked. Next: restart ENTSSO on the new master secret server, then restore the secret there.',
    sources: [eventPage(10575), MOVE_PAGE],
  },
  {
    id: 10589, symbol: 'SSO_ERROR_BACKUP_SECRET_REQUIRED', message: 'The master secret has not been backed up. …',
    cause: 'The secret on this master secret server was never backed up; seen on fresh or restored systems (a community report), and on a new master secret server after the restore.',
    fix: 'Back it up: ssoconfig -backupSecret <backup file>, elevated, on the master secret server; keep the file and password safe.',
    sources: [eventPage(10589), fieldReport.event10589],
  },
  {
    id: 10597, message: 'Reported when the SSO Administrators account is changed and the ENTSSO service account or the caller is not a member of the new group (message text not quoted in the documentation this explanation is based on).', verbatim: false,
    cause: 'The update XML changes the SSO Administrators account, and the ENTSSO service account or you are not in the new group.',
    fix: 'For a move put only <secretServer> in the file. For an admin change, add the service account and yourself to the new group first, then ssomanage -disablesso, -updatedb, -enablesso.',
    sources: [eventPage(10597), 'biztalk/core/how-to-specify-sso-administrators-and-affiliate-administrators-accounts'],
  },
  {
    id: 10598, symbol: 'SSO_WARN_BACKUP_RESTORE_FILE_VERSION_1', message: 'The master secrets were restored from an older format backup file.',
    cause: 'The restore used a backup made by an older ENTSSO version.',
    fix: 'Nothing to fix; consider a fresh backup on the new master secret server (ssoconfig -backupSecret).',
    sources: [eventPage(10598)],
  },
  {
    id: 10614, symbol: 'SSO_WARN_INVALID_TICKET_TIMEOUT', message: 'The ticket time-out value is not valid for global info update.',
    cause: 'The update XML has a ticketTimeout below the minimum of 1 minute.',
    fix: 'For a move put only <secretServer> in the update XML; otherwise give ticketTimeout a value of at least 1.',
    sources: [eventPage(10614), 'biztalk/core/how-to-change-the-master-secret-server'],
  },
  {
    id: 10728, symbol: 'SSO_ERROR_VERSION',
    message: 'This version of the SSO server is not compatible with the SSO database. Please upgrade your master secret server.',
    cause: 'The SSO server is newer than the SSO database, e.g. after moving to a server with a newer ENTSSO.',
    fix: 'Upgrade the master secret server first (it upgrades the SSO database), then the other computers one at a time.',
    sources: [eventPage(10728), 'biztalk/install-and-config-guides/upgrade-to-biztalk-server-2016'],
  },
  {
    id: 10759, pairing: 'inferred', symbol: 'ENTSSO_E_BACKUP_RESTORE_FAILED_MEDIA',
    message: 'The file specified for backup or restore of the master secrets must be on an NTFS file system or removable media.',
    cause: 'The backup or restore file is on a FAT volume or another unsupported medium.',
    fix: 'Use a file on an NTFS folder or on removable media (copy the .bak there first for a restore).',
    sources: [eventPage(10759), eventPage(10561)],
  },
  {
    id: 10766, pairing: 'inferred', symbol: 'ENTSSO_E_NOT_SECRET_SERVER',
    message: 'This function can only be performed on the master secret server.',
    cause: 'Backup or restore was run on a computer the SSO database does not (yet) name as master secret server, or ENTSSO there was not restarted after -updatedb. (Linking this error to the order of the steps is our inference.)',
    fix: 'Follow the order: back up on the old master secret server, run ssomanage -updatedb with the new name, restart ENTSSO on the new server (look for 10534), then restore there. ssomanage -displaydb shows which server the SSO database names.',
    sources: [eventPage(10766), MOVE_PAGE, fieldReport.promotionOrder],
  },
  {
    id: 10767, pairing: { seen: 'in ssoconfig output reported by users', source: fieldReport.clusterEndpoint }, symbol: 'ENTSSO_E_NO_SSO_SERVER',
    message: "Could not contact the SSO server '%1'. Check that SSO is configured and that the SSO service is running on that server.",
    cause: 'The SSO server name is misspelt, the network blocks it, or ENTSSO is not running there. On a cluster, with (RPC: 0x800706D9): the local ENTSSO service was started on the node before the clustered resource came online, so its RPC interface did not register.',
    fix: 'Check the name (ssomanage -showserver; fix with -server / -serverall), connectivity and that ENTSSO runs on that server. On a cluster never start ENTSSO locally: take the ENTSSO resource offline and bring it online from the cluster; check with rpcdump -s <name> -i / portqry -n <name> -e 135.',
    sources: [eventPage(10767), fieldReport.clusterEndpoint],
  },
  {
    id: 10768, pairing: 'inferred', symbol: 'ENTSSO_E_OUT_OF_SERVICE', message: 'Enterprise Single Sign-On is offline.',
    cause: 'The ENTSSO service is stopped or still starting (it can take about 3 minutes), or the clustered resource is offline.',
    fix: 'Start ENTSSO (net start ENTSSO; on a cluster bring the resource online from the cluster) and wait for 10502 "The SSO service has started" before retrying.',
    sources: [eventPage(10768), 'biztalk/core/troubleshooting-enterprise-single-sign-on'],
  },
  {
    id: 10771, pairing: 'inferred', symbol: 'ENTSSO_E_NOT_ADMIN',
    message: 'This function can only be performed by a local administrator.',
    cause: 'The prompt (or VS Code) is not elevated under UAC, or you are not a local administrator.',
    fix: 'Run as administrator (elevated), and be both a Windows administrator and a member of SSO Administrators.',
    sources: [eventPage(10771), 'biztalk/core/using-sso', 'biztalk/core/sso-security-recommendations'],
  },
  {
    id: 10772, pairing: 'inferred', symbol: 'ENTSSO_E_NOT_SSO_ADMIN',
    message: 'The user is not a member of the specified SSO Administrators account.',
    cause: 'The account is not in the SSO Administrators group (Windows admin rights alone are not enough).',
    fix: 'Add the account to the SSO Administrators group, log off and on again, and run elevated.',
    sources: [eventPage(10772), 'biztalk/core/sso-security-recommendations'],
  },
  {
    id: 10773, pairing: 'inferred', symbol: 'ENTSSO_E_SSO_MUST_BE_DISABLED',
    message: 'Enterprise Single Sign-On must be disabled before performing this function.',
    cause: 'The update XML changes the SSO (Affiliate) Administrators accounts while SSO is enabled.',
    fix: 'For a move put only <secretServer> in the file. Change admin accounts separately: ssomanage -disablesso, -updatedb, -enablesso.',
    sources: [eventPage(10773), 'biztalk/core/how-to-specify-sso-administrators-and-affiliate-administrators-accounts'],
  },
  {
    id: 10774, pairing: 'inferred', symbol: 'ENTSSO_E_SSO_NOT_IN_NEW_SSO_ADMIN',
    message: 'The SSO service account is not a member of the specified SSO Administrators account.',
    cause: 'The update XML names a new SSO Administrators group that the ENTSSO service account is not in.',
    fix: 'For a move put only <secretServer> in the file; for an admin change add the ENTSSO service account to the new group first.',
    sources: [eventPage(10774), 'biztalk/core/how-to-specify-sso-administrators-and-affiliate-administrators-accounts'],
  },
  {
    id: 10776, pairing: 'inferred', symbol: 'ENTSSO_E_INVALID_ACCOUNT_FORMAT',
    message: 'The format of the account name is not valid. Domain accounts must include the domain name. Local accounts must not include a domain or computer name.',
    cause: 'An account element of the update XML is written the wrong way.',
    fix: 'Write domain accounts as DOMAIN\\name and local accounts without a domain or computer name; for a move leave the account elements out.',
    sources: [eventPage(10776)],
  },
  {
    id: 10777, pairing: 'inferred', symbol: 'ENTSSO_E_NO_BUILTIN_ACCOUNTS',
    message: 'For security reasons the following accounts are not allowed: Built-in accounts; Everyone; …',
    cause: 'An account element of the update XML names a built-in account or Everyone.',
    fix: 'Use a dedicated (domain) group; for a move leave the account elements out.',
    sources: [eventPage(10777)],
  },
  {
    id: 10779, pairing: 'inferred', symbol: 'ENTSSO_E_BACKUP_FILE_WRONG_PASSWORD',
    message: 'An incorrect password was specified for the backup file.',
    cause: 'The password typed for the restore is not the one given when the backup was made.',
    fix: 'Use the backup password; the restore shows the password reminder stored in the file. Check you picked the right .bak file.',
    sources: [eventPage(10779), 'biztalk/core/technical-reference/issoconfigss-getfilepasswordreminder-method'],
  },
  {
    id: 10783, pairing: 'inferred', symbol: 'ENTSSO_E_NO_SECRET',
    message: 'Cannot perform encryption or decryption because the secret is not available from the master secret server. See the event log for related errors.',
    cause: 'The master secret server has no secret yet (restore not done), is unreachable, or the SSO database still names an old master secret server (e.g. a cloned environment whose cluster alias was repointed).',
    fix: `Check which server the SSO database names (ssomanage -displaydb); if wrong, set secretServer with -updatedb, restart ENTSSO there and restore the secret (${RESTORE}). (Fix for the cloned case is inferred.)`,
    sources: [eventPage(10783), fieldReport.clonedClusterAlias],
  },
  {
    id: 10784, pairing: 'inferred', symbol: 'ENTSSO_E_FILE_OPEN_FAILED',
    message: 'Could not create or open the specified file. Check the file name and access permissions.',
    cause: 'The backup/restore or update file path is wrong, the folder does not exist, or the account cannot read or write there.',
    fix: 'Check the path (full path, quoted if it has spaces at a prompt; the extension passes it as one argument) and the folder permissions, and run elevated.',
    sources: [eventPage(10784)],
  },
  {
    id: 10788, pairing: { seen: 'in the event text quoted by Microsoft', source: 'biztalk/core/troubleshooting-problems-with-msdtc' }, symbol: 'ENTSSO_E_DTC_IMPORT_FAILED1',
    message: 'Could not import a DTC transaction. Please check that MSDTC is configured correctly for remote operation. …',
    cause: 'MSDTC is not usable over the network between the SSO server and SQL Server; in a cluster there is no clustered MSDTC; cloned nodes share the same MSDTC CIDs.',
    fix: 'Follow "Troubleshooting Problems with MSDTC" (network DTC access, firewall, name resolution); create a clustered MSDTC; on clones reinstall MSDTC (msdtc -uninstall, msdtc -install).',
    sources: [eventPage(10788), 'biztalk/core/troubleshooting-problems-with-msdtc', 'biztalk/core/troubleshooting-configuration', fieldReport.moveToNewCluster],
  },
  {
    id: 10815, pairing: 'inferred', symbol: 'ENTSSO_E_WRONG_SECRET', message: 'Incorrect master secret.',
    cause: 'The backup file holds a different master secret from the one the SSO database was encrypted with: the wrong file was picked.',
    fix: 'Restore the backup made from this SSO system in the backup step of the move.',
    sources: [eventPage(10815)],
  },
  {
    id: 10834, pairing: 'inferred', symbol: 'ENTSSO_E_SSO_NOT_SSO_ADMIN',
    message: 'The current user is not a member of the specified SSO Administrators account.',
    cause: 'You are not in the SSO Administrators group (Windows admin rights alone are not enough).',
    fix: 'Add your account to the SSO Administrators group, log off and on again, and run elevated.',
    sources: [eventPage(10834), 'biztalk/core/sso-security-recommendations'],
  },
  {
    id: 10836, pairing: 'inferred', symbol: 'ENTSSO_E_FILE_PASSWORD_TOO_SHORT',
    message: 'The specified password is too short, it must be at least 7 characters.',
    cause: 'The backup password is shorter than 7 characters.',
    fix: 'Run the backup again with a password of 7 to 256 characters (and a reminder of at most 512).',
    sources: [eventPage(10836)],
  },
  {
    id: 10839, pairing: 'inferred', symbol: 'ENTSSO_E_MAX_PASSWORD', message: 'The maximum password length is 256 characters.',
    cause: 'The backup password is longer than 256 characters.',
    fix: 'Run the backup again with a password of 7 to 256 characters.',
    sources: [eventPage(10839)],
  },
  {
    id: 10840, pairing: 'inferred', symbol: 'ENTSSO_E_MAX_PASSWORD_REMINDER', message: 'The maximum password reminder length is 512 characters.',
    cause: 'The backup password reminder is longer than 512 characters.',
    fix: 'Run the backup again with a shorter reminder (it is stored in the file and readable without the password, so do not put the password in it).',
    sources: [eventPage(10840), 'biztalk/core/technical-reference/issoconfigss-getfilepasswordreminder-method'],
  },
  {
    id: 10843, pairing: 'inferred', symbol: 'ENTSSO_E_NO_SECRET2',
    message: "Cannot perform encryption or decryption because the secret is not available from the master secret server. See the event log (on computer '%1') for related errors.",
    cause: 'The master secret server is offline or has no secret (restore not done yet on the new one).',
    fix: `Look at the event log on the computer named; make sure ENTSSO runs on the master secret server and the secret is restored there (${RESTORE}).`,
    sources: [eventPage(10843)],
  },
  {
    hresult: '0x800706BA', symbol: 'RPC_S_SERVER_UNAVAILABLE', message: 'The RPC server is unavailable.',
    cause: 'ssomanage talks to the SSO server chosen with -server / -serverall: it is the wrong server, ENTSSO is not running there, or a firewall blocks RPC (TCP 135 and 49152-65535). During configuration or -updatedb it can also come from MSDTC.',
    fix: 'Run ssomanage -showserver; fix it with ssomanage -server / -serverall <SSO server>; make sure ENTSSO runs on that server and the RPC ports are open.',
    sources: ['biztalk/core/troubleshooting-enterprise-single-sign-on', 'biztalk/core/troubleshooting-configuration', 'biztalk/core/ports-for-the-enterprise-single-sign-on-servers', WIN32_ERRORS],
  },
  {
    hresult: '0x800706D9', symbol: 'EPT_S_NOT_REGISTERED', message: 'There are no more endpoints available from the endpoint mapper.',
    cause: 'The SSO RPC interface is not registered on the server asked: on a cluster, the ENTSSO Generic Service lacks "Use Network Name for computer name" or the Name: dependency, or the local ENTSSO service was started on a node before the clustered resource came online.',
    fix: 'Tick "Use Network Name for computer name" on the ENTSSO resource and add the Name: dependency; never start ENTSSO locally on a node – take the resource offline and bring it online from the cluster. Check with rpcdump -s <name> -i / portqry -n <name> -e 135.',
    sources: ['biztalk/core/how-to-cluster-the-master-secret-server1', 'biztalk/core/how-to-cluster-sso-and-a-biztalk-host-in-the-same-cluster-group1', fieldReport.clusterEndpoint, WIN32_ERRORS],
  },
  {
    hresult: '0x8004D025', messageQuotedIn: 'biztalk/core/troubleshooting-problems-with-msdtc', symbol: 'XACT_E_PARTNER_NETWORK_TX_DISABLED',
    message: 'The partner transaction manager has disabled its support for remote/network transactions.',
    cause: 'MSDTC network access is off on the SSO / BizTalk server or on SQL Server.',
    fix: 'Follow "Troubleshooting Problems with MSDTC": enable network DTC access (inbound and outbound) on both sides, open the firewall for RPC; in a cluster use a clustered MSDTC.',
    sources: ['biztalk/core/troubleshooting-problems-with-msdtc', 'biztalk/core/troubleshooting-configuration', fieldReport.moveToNewCluster],
  },
  {
    hresult: '0x8004D00A', messageQuotedIn: 'biztalk/core/troubleshooting-problems-with-msdtc', symbol: 'XACT_E_NOENLIST',
    message: 'New transaction cannot enlist in the specified transaction coordinator.',
    cause: 'MSDTC cannot reach the other machine\'s MSDTC: network DTC access, firewall, name resolution, or cloned machines with identical MSDTC CIDs.',
    fix: 'Follow "Troubleshooting Problems with MSDTC" (NetBIOS name resolution both ways, firewall, DTC security settings); on clones reinstall MSDTC (msdtc -uninstall, msdtc -install).',
    sources: ['biztalk/core/troubleshooting-problems-with-msdtc', 'biztalk/core/troubleshooting-configuration', fieldReport.moveToNewCluster],
  },
];
