// The backend of `mss.explainError`: what an ENTSSO event number, HRESULT or
// message means for an admin moving the master secret server. Pure: no
// `vscode` import.
//
// The catalogue is pitfalls.md §2 (every event row), the codes carried by the
// pitfalls of pitfalls.md §1, and the Win32/RPC and MSDTC codes seen with SSO.
// Messages are verbatim ('%1' = a parameter, '…' = text trimmed in our sources).

import { normaliseHresult } from './output';

export interface ErrorExplanation {
  /** e.g. `10766 ENTSSO_E_NOT_SECRET_SERVER (0xC0002A0E)`. */
  title: string;
  /** The message, verbatim. */
  meaning: string;
  /** Why it happens, in the context of the move. */
  cause: string;
  /** What to do. */
  fix: string;
  /** Where this comes from (MicrosoftDocs/biztalk-docs pages, community reports). */
  source: string;
}

interface Entry {
  /** ENTSSO event / message number. */
  id?: number;
  /** `0x` + 8 upper-case hex digits. */
  hresult?: string;
  /** How the HRESULT↔event pairing is known (commands.md §9). */
  pairing?: 'seen' | 'inferred';
  /** Symbolic name; absent when our sources do not give it. */
  symbol?: string;
  message: string;
  /** False when the message is not quoted in our sources (then `message` describes the event). */
  verbatim?: false;
  /** Other distinctive text that identifies the entry. */
  alsoMatches?: string[];
  cause: string;
  fix: string;
  /** Citation keys as in the domain docs (`ev:`, `bt:`, `tg:`, `ig:`, `tr:`, `his:`, `seed`, `[Cn]`). */
  sources: string[];
}

const RESTORE = 'ssoconfig -restoreSecret <backup file>';

const CATALOGUE: readonly Entry[] = [
  {
    id: 10501, symbol: 'SSO_INFO_SERVICE_STARTING(_NO_SSL)', message: 'The SSO service is starting.',
    cause: 'ENTSSO was (re)started on this computer. The event names the computer, SQL Server and SSO database, and whether SSL is used.',
    fix: 'Nothing to fix. After the restart step of the move it confirms the service restarted; check that the SQL Server and SSO database named are the ones you expect.',
    sources: ['ev:10501', 'ev:10611'],
  },
  {
    id: 10611, symbol: 'SSO_INFO_SERVICE_STARTING(_NO_SSL)', message: 'The SSO service is starting.',
    cause: 'ENTSSO was (re)started on this computer. The event names the computer, SQL Server and SSO database, and whether SSL is used.',
    fix: 'Nothing to fix. After the restart step of the move it confirms the service restarted; check that the SQL Server and SSO database named are the ones you expect.',
    sources: ['ev:10501', 'ev:10611'],
  },
  {
    id: 10520, symbol: 'SSO_WARN_NO_SECRETS',
    message: 'No secrets were found in the registry of the master secret server. Use the configuration tools to generate or restore a master secret.',
    cause: 'Expected on the new master secret server between restarting ENTSSO after -updatedb and restoring the secret. Anywhere else the secret is missing, e.g. after the ENTSSO service account was changed.',
    fix: `Restore the secret on the new master secret server (${RESTORE}, elevated, as an SSO administrator); the warning should stop once 10523 is logged. On a cluster restore on every node.`,
    sources: ['ev:10520', 'ev:10523', 'bt:troubleshooting-enterprise-single-sign-on.md'],
  },
  {
    id: 10521, symbol: 'SSO_ERROR_SECRETS_NOT_LOADED',
    message: 'Could not load secrets from the registry of the master secret server.',
    cause: 'The secret in the registry is encrypted with a key bound to the ENTSSO service account: the account was changed, or permissions are wrong. On a cluster it is also reported after a failover when the secret was restored on one node only.',
    fix: `Restore the secret from the backup file on this server (${RESTORE}), on a cluster on every node; or put the original ENTSSO service account back.`,
    sources: ['ev:10521', 'ev:10565', 'bt:troubleshooting-enterprise-single-sign-on.md', 'bt:how-to-change-service-accounts-and-passwords.md', '[C3]'],
  },
  {
    id: 10523, symbol: 'SSO_INFO_RESTORE_SECRET_OK', message: 'The master secrets were successfully restored.',
    cause: 'The restore step worked: the event names the file, the current and previous master secret IDs, and who restored it.',
    fix: 'Nothing to fix. On a cluster make sure it is logged on every node; other SSO servers pick up the secret within about a minute (10529 / 10533).',
    sources: ['ev:10523', 'seed'],
  },
  {
    id: 10524, symbol: 'SSO_ERROR_RESTORE_SECRET_FAILED', message: 'Failed to restore the master secrets. …',
    cause: 'The restore step failed; the event carries an Error Code that says why (wrong password 10779, wrong file 10815 / 10564, not the master secret server 10766, file location 10759).',
    fix: 'Look up the Error Code in the event; check that you run the restore elevated, as an SSO administrator, on the server the SSO database names as master secret server, with the right .bak file and password.',
    sources: ['ev:10524', 'bt:how-to-restore-the-master-secret.md'],
  },
  {
    id: 10529, symbol: 'SSO_INFO_GOT_CURRENT_SECRET', message: 'Got the current secret from the master secret server.',
    cause: 'This SSO server fetched the secret from the master secret server named in the event.',
    fix: 'Nothing to fix. After the move, check that the Secret Server Name in the event is the new master secret server.',
    sources: ['ev:10529', 'ev:10533'],
  },
  {
    id: 10533, symbol: 'SSO_INFO_GOT_CURRENT_SECRET', message: 'Got the current secret from the master secret server.',
    cause: 'This SSO server fetched the secret from the master secret server named in the event.',
    fix: 'Nothing to fix. After the move, check that the Secret Server Name in the event is the new master secret server.',
    sources: ['ev:10529', 'ev:10533'],
  },
  {
    id: 10532, symbol: 'SSO_WARN_LOST_SECRET_SERVER',
    message: 'Failed to retrieve master secrets. Verify that the master secret server name is correct and that it is available.',
    cause: 'This SSO server cannot get the secret from the master secret server named in the SSO database: the name is wrong, ENTSSO is not running there, or a firewall blocks RPC. With Error Code 0x800706D9 on a cluster: the ENTSSO Generic Service does not have "Use Network Name for computer name" ticked or does not depend on the Name: resource.',
    fix: 'Check the Secret Server Name in the event (ssomanage -displaydb shows what the SSO database says); make sure ENTSSO runs there; open TCP 135 and the dynamic RPC ports (49152-65535) to it. On a cluster tick "Use Network Name for computer name" and add the Name: dependency.',
    sources: ['ev:10532', 'bt:how-to-cluster-the-master-secret-server1.md', 'bt:ports-for-the-enterprise-single-sign-on-servers.md'],
  },
  {
    id: 10534, symbol: 'SSO_INFO_SECRET_SERVER_STARTING', message: 'This computer is the master secret server.',
    cause: 'ENTSSO started and found that the SSO database names this computer as the master secret server: after -updatedb and the restart, the new master secret server recognised itself.',
    fix: `Nothing to fix. Next step of the move: restore the secret here (${RESTORE}).`,
    sources: ['ev:10534', 'seed', '[C5]'],
  },
  {
    id: 10536, message: 'Audit warning logged by BizTalk with the error code of the failing SSO call (message text not quoted in our sources).', verbatim: false,
    cause: 'On a cluster, seen together with ERROR: 0xC0002A0F … (RPC: 0x800706D9 …): the local ENTSSO service was started on a node (Services console, net start ENTSSO, a monitoring tool) before the clustered resource came online, so the SSOSecretServer RPC interface did not register.',
    fix: 'Never start ENTSSO locally on cluster nodes; let the cluster bring the resource online. Check the endpoints with rpcdump -s <cluster name> -i and portqry -n <cluster name> -e 135.',
    sources: ['[C4]'],
  },
  {
    id: 10550, symbol: 'SSO_ERROR_SERVICE_NOT_SSO_ADMIN',
    message: 'The SSO service could not start because the service account it is running under is not a member of the SSO Administrators account.',
    cause: 'The ENTSSO service account is not in the SSO Administrators group (for a new master secret server or cluster it must be a domain account in the domain group).',
    fix: 'Add the ENTSSO service account to the SSO Administrators group, then start the service from the Services console (on a cluster: bring the resource online).',
    sources: ['ev:10550', 'bt:troubleshooting-enterprise-single-sign-on.md', 'bt:how-to-cluster-the-master-secret-server1.md'],
  },
  {
    id: 10559, symbol: 'SSO_INFO_BACKUP_SECRET_OK', message: 'The master secrets were successfully backed up.',
    cause: 'The backup step worked.',
    fix: 'Nothing to fix. Keep the .bak file, its password and reminder safe (share the password with a second admin) before going on with the move.',
    sources: ['ev:10559', 'bt:how-to-back-up-the-master-secret.md'],
  },
  {
    id: 10560, symbol: 'SSO_ERROR_BACKUP_SECRET_FAILED', message: 'Failed to back up the master secrets.',
    cause: 'The backup step failed: not run on the master secret server, not elevated or not an SSO administrator, or the file location or password was refused (10561, 10759, 10836, 10839, 10840).',
    fix: 'Run ssoconfig -backupSecret <backup file> elevated, as an SSO administrator, on the master secret server, to an NTFS folder or removable media, with a password of 7 to 256 characters. Do not go on with the move until a backup exists.',
    sources: ['ev:10560', 'bt:how-to-back-up-the-master-secret.md'],
  },
  {
    id: 10561, symbol: 'SSO_ERROR_BACKUP_FAILED_MEDIA',
    message: 'The file specified for backup of the master secrets must be on an NTFS file system or removable media.',
    cause: 'The backup file was put on a FAT volume or another unsupported medium (e.g. some network locations).',
    fix: 'Choose a file on an NTFS folder or on removable media and run the backup again.',
    sources: ['ev:10561', 'ev:10759'],
  },
  {
    id: 10564, symbol: 'SSO_ERROR_BACKUP_FILE_INCORRECT_FORMAT', message: 'The backup file does not have the correct format.',
    cause: 'The file given to the restore is not a master secret backup, or several .bak files in the same folder confuse ENTSSO.',
    fix: 'Check you picked the backup made in the backup step, and keep only that backup in its folder.',
    sources: ['ev:10564'],
  },
  {
    id: 10565, symbol: 'SSO_ERROR_SECRET_VALIDATE_FAILED',
    message: 'The secret could not be loaded from the registry. The service account for the SSO service may have been changed or the secret may be corrupted. Restore the secret from a backup file.',
    cause: 'The ENTSSO service account was changed (the registry secret is bound to it) or the secret is corrupt; on a cluster, reported after failover when the secret was restored on one node only.',
    fix: `Restore the secret from the backup (${RESTORE}) on this server, on a cluster on every node; or put the original service account back.`,
    sources: ['ev:10565', 'bt:troubleshooting-enterprise-single-sign-on.md', 'bt:how-to-change-service-accounts-and-passwords.md', '[C3]'],
  },
  {
    id: 10570, symbol: 'SSO_WARN_SSO_DISABLED_FOR_CHANGE_SSO_ADMIN',
    message: 'To update the SSO Administrators account name you must first disable SSO.',
    cause: 'The update XML changes the SSO Administrators account while SSO is enabled.',
    fix: 'For a move put only <secretServer> in the file. Change admin accounts separately: ssomanage -disablesso, ssomanage -updatedb <file>, ssomanage -enablesso.',
    sources: ['ev:10570', 'bt:how-to-specify-sso-administrators-and-affiliate-administrators-accounts.md', 'bt:how-to-change-the-master-secret-server.md'],
  },
  {
    id: 10571, message: 'Reported when the SSO Administrators account is changed and the ENTSSO service account or the caller is not a member of the new group (message text not quoted in our sources).', verbatim: false,
    cause: 'The update XML changes the SSO Administrators account, and the ENTSSO service account or you are not in the new group.',
    fix: 'For a move put only <secretServer> in the file. For an admin change, add the service account and yourself to the new group first, then ssomanage -disablesso, -updatedb, -enablesso.',
    sources: ['ev:10571', 'bt:how-to-specify-sso-administrators-and-affiliate-administrators-accounts.md'],
  },
  {
    id: 10572, symbol: 'SSO_WARN_SSO_DISABLED_FOR_CHANGE_SSO_AFF_ADMIN',
    message: 'To update the SSO Affiliate Administrators account name you must first disable SSO.',
    cause: 'The update XML changes the SSO Affiliate Administrators account while SSO is enabled.',
    fix: 'For a move put only <secretServer> in the file. Change admin accounts separately: ssomanage -disablesso, ssomanage -updatedb <file>, ssomanage -enablesso.',
    sources: ['ev:10572', 'bt:how-to-specify-sso-administrators-and-affiliate-administrators-accounts.md'],
  },
  {
    id: 10573, message: 'Reported when an SSO (Affiliate) Administrators account in the update is not valid (message text not quoted in our sources).', verbatim: false,
    cause: 'The update XML names an administrators account that is not valid.',
    fix: 'For a move put only <secretServer> in the file; for an admin change, check the account names (domain\\group for domain accounts).',
    sources: ['bt:how-to-specify-sso-administrators-and-affiliate-administrators-accounts.md'],
  },
  {
    id: 10574, message: 'Reported when an SSO (Affiliate) Administrators account in the update is not valid (message text not quoted in our sources).', verbatim: false,
    cause: 'The update XML names an administrators account that is not valid.',
    fix: 'For a move put only <secretServer> in the file; for an admin change, check the account names (domain\\group for domain accounts).',
    sources: ['bt:how-to-specify-sso-administrators-and-affiliate-administrators-accounts.md'],
  },
  {
    id: 10575, symbol: 'SSO_INFO_CHANGED_SECRET_SERVER', message: 'Updated secret server name.',
    cause: 'ssomanage -updatedb changed the master secret server name in the SSO database; the event shows the new and old secret server.',
    fix: 'Nothing to fix: proof that the updatedb step worked. Next: restart ENTSSO on the new master secret server, then restore the secret there.',
    sources: ['ev:10575', 'seed'],
  },
  {
    id: 10589, symbol: 'SSO_ERROR_BACKUP_SECRET_REQUIRED', message: 'The master secret has not been backed up. …',
    cause: 'The secret on this master secret server was never backed up; common on fresh or restored systems, and on a new master secret server after the restore.',
    fix: 'Back it up: ssoconfig -backupSecret <backup file>, elevated, on the master secret server; keep the file and password safe.',
    sources: ['ev:10589', '[C11]'],
  },
  {
    id: 10597, message: 'Reported when the SSO Administrators account is changed and the ENTSSO service account or the caller is not a member of the new group (message text not quoted in our sources).', verbatim: false,
    cause: 'The update XML changes the SSO Administrators account, and the ENTSSO service account or you are not in the new group.',
    fix: 'For a move put only <secretServer> in the file. For an admin change, add the service account and yourself to the new group first, then ssomanage -disablesso, -updatedb, -enablesso.',
    sources: ['ev:10597', 'bt:how-to-specify-sso-administrators-and-affiliate-administrators-accounts.md'],
  },
  {
    id: 10598, symbol: 'SSO_WARN_BACKUP_RESTORE_FILE_VERSION_1', message: 'The master secrets were restored from an older format backup file.',
    cause: 'The restore used a backup made by an older ENTSSO version.',
    fix: 'Nothing to fix; consider a fresh backup on the new master secret server (ssoconfig -backupSecret).',
    sources: ['ev:10598'],
  },
  {
    id: 10614, symbol: 'SSO_WARN_INVALID_TICKET_TIMEOUT', message: 'The ticket time-out value is not valid for global info update.',
    cause: 'The update XML has a ticketTimeout below the minimum of 1 minute.',
    fix: 'For a move put only <secretServer> in the update XML; otherwise give ticketTimeout a value of at least 1.',
    sources: ['ev:10614', 'bt:how-to-change-the-master-secret-server.md'],
  },
  {
    id: 10728, symbol: 'SSO_ERROR_VERSION',
    message: 'This version of the SSO server is not compatible with the SSO database. Please upgrade your master secret server.',
    cause: 'The SSO server is newer than the SSO database, e.g. after moving to a server with a newer ENTSSO.',
    fix: 'Upgrade the master secret server first (it upgrades the SSO database), then the other computers one at a time.',
    sources: ['ev:10728', 'ig:upgrade-to-biztalk-server-2016.md'],
  },
  {
    id: 10759, hresult: '0xC0002A07', pairing: 'inferred', symbol: 'ENTSSO_E_BACKUP_RESTORE_FAILED_MEDIA',
    message: 'The file specified for backup or restore of the master secrets must be on an NTFS file system or removable media.',
    cause: 'The backup or restore file is on a FAT volume or another unsupported medium.',
    fix: 'Use a file on an NTFS folder or on removable media (copy the .bak there first for a restore).',
    sources: ['ev:10759', 'ev:10561'],
  },
  {
    id: 10766, hresult: '0xC0002A0E', pairing: 'inferred', symbol: 'ENTSSO_E_NOT_SECRET_SERVER',
    message: 'This function can only be performed on the master secret server.',
    cause: 'Backup or restore was run on a computer the SSO database does not (yet) name as master secret server, or ENTSSO there was not restarted after -updatedb. (Linking this error to the order of the steps is our inference.)',
    fix: 'Follow the order: back up on the old master secret server, run ssomanage -updatedb with the new name, restart ENTSSO on the new server (look for 10534), then restore there. ssomanage -displaydb shows which server the SSO database names.',
    sources: ['ev:10766', 'seed', '[C5]'],
  },
  {
    id: 10767, hresult: '0xC0002A0F', pairing: 'seen', symbol: 'ENTSSO_E_NO_SSO_SERVER',
    message: "Could not contact the SSO server '%1'. Check that SSO is configured and that the SSO service is running on that server.",
    cause: 'The SSO server name is misspelt, the network blocks it, or ENTSSO is not running there. On a cluster, with (RPC: 0x800706D9): the local ENTSSO service was started on the node before the clustered resource came online, so its RPC interface did not register.',
    fix: 'Check the name (ssomanage -showserver; fix with -server / -serverall), connectivity and that ENTSSO runs on that server. On a cluster never start ENTSSO locally: take the ENTSSO resource offline and bring it online from the cluster; check with rpcdump -s <name> -i / portqry -n <name> -e 135.',
    sources: ['ev:10767', '[C4]'],
  },
  {
    id: 10768, hresult: '0xC0002A10', pairing: 'inferred', symbol: 'ENTSSO_E_OUT_OF_SERVICE', message: 'Enterprise Single Sign-On is offline.',
    cause: 'The ENTSSO service is stopped or still starting (it can take about 3 minutes), or the clustered resource is offline.',
    fix: 'Start ENTSSO (net start ENTSSO; on a cluster bring the resource online from the cluster) and wait for 10502 "The SSO service has started" before retrying.',
    sources: ['ev:10768', 'bt:troubleshooting-enterprise-single-sign-on.md'],
  },
  {
    id: 10771, hresult: '0xC0002A13', pairing: 'inferred', symbol: 'ENTSSO_E_NOT_ADMIN',
    message: 'This function can only be performed by a local administrator.',
    cause: 'The prompt (or VS Code) is not elevated under UAC, or you are not a local administrator.',
    fix: 'Run as administrator (elevated), and be both a Windows administrator and a member of SSO Administrators.',
    sources: ['ev:10771', 'bt:using-sso.md', 'bt:sso-security-recommendations.md'],
  },
  {
    id: 10772, hresult: '0xC0002A14', pairing: 'inferred', symbol: 'ENTSSO_E_NOT_SSO_ADMIN',
    message: 'The user is not a member of the specified SSO Administrators account.',
    cause: 'The account is not in the SSO Administrators group (Windows admin rights alone are not enough).',
    fix: 'Add the account to the SSO Administrators group, log off and on again, and run elevated.',
    sources: ['ev:10772', 'bt:sso-security-recommendations.md'],
  },
  {
    id: 10773, hresult: '0xC0002A15', pairing: 'inferred', symbol: 'ENTSSO_E_SSO_MUST_BE_DISABLED',
    message: 'Enterprise Single Sign-On must be disabled before performing this function.',
    cause: 'The update XML changes the SSO (Affiliate) Administrators accounts while SSO is enabled.',
    fix: 'For a move put only <secretServer> in the file. Change admin accounts separately: ssomanage -disablesso, -updatedb, -enablesso.',
    sources: ['ev:10773', 'bt:how-to-specify-sso-administrators-and-affiliate-administrators-accounts.md'],
  },
  {
    id: 10774, hresult: '0xC0002A16', pairing: 'inferred', symbol: 'ENTSSO_E_SSO_NOT_IN_NEW_SSO_ADMIN',
    message: 'The SSO service account is not a member of the specified SSO Administrators account.',
    cause: 'The update XML names a new SSO Administrators group that the ENTSSO service account is not in.',
    fix: 'For a move put only <secretServer> in the file; for an admin change add the ENTSSO service account to the new group first.',
    sources: ['ev:10774', 'bt:how-to-specify-sso-administrators-and-affiliate-administrators-accounts.md'],
  },
  {
    id: 10776, hresult: '0xC0002A18', pairing: 'inferred', symbol: 'ENTSSO_E_INVALID_ACCOUNT_FORMAT',
    message: 'The format of the account name is not valid. Domain accounts must include the domain name. Local accounts must not include a domain or computer name.',
    cause: 'An account element of the update XML is written the wrong way.',
    fix: 'Write domain accounts as DOMAIN\\name and local accounts without a domain or computer name; for a move leave the account elements out.',
    sources: ['ev:10776'],
  },
  {
    id: 10777, hresult: '0xC0002A19', pairing: 'inferred', symbol: 'ENTSSO_E_NO_BUILTIN_ACCOUNTS',
    message: 'For security reasons the following accounts are not allowed: Built-in accounts; Everyone; …',
    cause: 'An account element of the update XML names a built-in account or Everyone.',
    fix: 'Use a dedicated (domain) group; for a move leave the account elements out.',
    sources: ['ev:10777'],
  },
  {
    id: 10779, hresult: '0xC0002A1B', pairing: 'inferred', symbol: 'ENTSSO_E_BACKUP_FILE_WRONG_PASSWORD',
    message: 'An incorrect password was specified for the backup file.',
    cause: 'The password typed for the restore is not the one given when the backup was made.',
    fix: 'Use the backup password; the restore shows the password reminder stored in the file. Check you picked the right .bak file.',
    sources: ['ev:10779', 'tr:issoconfigss-getfilepasswordreminder-method.md'],
  },
  {
    id: 10783, hresult: '0xC0002A1F', pairing: 'inferred', symbol: 'ENTSSO_E_NO_SECRET',
    message: 'Cannot perform encryption or decryption because the secret is not available from the master secret server. See the event log for related errors.',
    cause: 'The master secret server has no secret yet (restore not done), is unreachable, or the SSO database still names an old master secret server (e.g. a cloned environment whose cluster alias was repointed).',
    fix: `Check which server the SSO database names (ssomanage -displaydb); if wrong, set secretServer with -updatedb, restart ENTSSO there and restore the secret (${RESTORE}). (Fix for the cloned case is inferred.)`,
    sources: ['ev:10783', '[C2]'],
  },
  {
    id: 10784, hresult: '0xC0002A20', pairing: 'inferred', symbol: 'ENTSSO_E_FILE_OPEN_FAILED',
    message: 'Could not create or open the specified file. Check the file name and access permissions.',
    cause: 'The backup/restore or update file path is wrong, the folder does not exist, or the account cannot read or write there.',
    fix: 'Check the path (full path, quoted if it has spaces at a prompt; the extension passes it as one argument) and the folder permissions, and run elevated.',
    sources: ['ev:10784'],
  },
  {
    id: 10788, hresult: '0xC0002A24', pairing: 'seen', symbol: 'ENTSSO_E_DTC_IMPORT_FAILED1',
    message: 'Could not import a DTC transaction. Please check that MSDTC is configured correctly for remote operation. …',
    cause: 'MSDTC is not usable over the network between the SSO server and SQL Server; in a cluster there is no clustered MSDTC; cloned nodes share the same MSDTC CIDs.',
    fix: 'Follow "Troubleshooting Problems with MSDTC" (network DTC access, firewall, name resolution); create a clustered MSDTC; on clones reinstall MSDTC (msdtc -uninstall, msdtc -install).',
    sources: ['ev:10788', 'bt:troubleshooting-problems-with-msdtc.md', 'bt:troubleshooting-configuration.md', '[C1]'],
  },
  {
    id: 10815, hresult: '0xC0002A3F', pairing: 'inferred', symbol: 'ENTSSO_E_WRONG_SECRET', message: 'Incorrect master secret.',
    cause: 'The backup file holds a different master secret from the one the SSO database was encrypted with: the wrong file was picked.',
    fix: 'Restore the backup made from this SSO system in the backup step of the move.',
    sources: ['ev:10815'],
  },
  {
    id: 10834, hresult: '0xC0002A52', pairing: 'inferred', symbol: 'ENTSSO_E_SSO_NOT_SSO_ADMIN',
    message: 'The current user is not a member of the specified SSO Administrators account.',
    cause: 'You are not in the SSO Administrators group (Windows admin rights alone are not enough).',
    fix: 'Add your account to the SSO Administrators group, log off and on again, and run elevated.',
    sources: ['ev:10834', 'bt:sso-security-recommendations.md'],
  },
  {
    id: 10836, hresult: '0xC0002A54', pairing: 'inferred', symbol: 'ENTSSO_E_FILE_PASSWORD_TOO_SHORT',
    message: 'The specified password is too short, it must be at least 7 characters.',
    cause: 'The backup password is shorter than 7 characters.',
    fix: 'Run the backup again with a password of 7 to 256 characters (and a reminder of at most 512).',
    sources: ['ev:10836'],
  },
  {
    id: 10839, hresult: '0xC0002A57', pairing: 'inferred', symbol: 'ENTSSO_E_MAX_PASSWORD', message: 'The maximum password length is 256 characters.',
    cause: 'The backup password is longer than 256 characters.',
    fix: 'Run the backup again with a password of 7 to 256 characters.',
    sources: ['ev:10839'],
  },
  {
    id: 10840, hresult: '0xC0002A58', pairing: 'inferred', symbol: 'ENTSSO_E_MAX_PASSWORD_REMINDER', message: 'The maximum password reminder length is 512 characters.',
    cause: 'The backup password reminder is longer than 512 characters.',
    fix: 'Run the backup again with a shorter reminder (it is stored in the file and readable without the password, so do not put the password in it).',
    sources: ['ev:10840', 'tr:issoconfigss-getfilepasswordreminder-method.md'],
  },
  {
    id: 10843, hresult: '0xC0002A5B', pairing: 'inferred', symbol: 'ENTSSO_E_NO_SECRET2',
    message: "Cannot perform encryption or decryption because the secret is not available from the master secret server. See the event log (on computer '%1') for related errors.",
    cause: 'The master secret server is offline or has no secret (restore not done yet on the new one).',
    fix: `Look at the event log on the computer named; make sure ENTSSO runs on the master secret server and the secret is restored there (${RESTORE}).`,
    sources: ['ev:10843'],
  },
  {
    hresult: '0x800706BA', symbol: 'RPC_S_SERVER_UNAVAILABLE', message: 'The RPC server is unavailable.',
    cause: 'ssomanage talks to the SSO server chosen with -server / -serverall: it is the wrong server, ENTSSO is not running there, or a firewall blocks RPC (TCP 135 and 49152-65535). During configuration or -updatedb it can also come from MSDTC.',
    fix: 'Run ssomanage -showserver; fix it with ssomanage -server / -serverall <SSO server>; make sure ENTSSO runs on that server and the RPC ports are open.',
    sources: ['bt:troubleshooting-enterprise-single-sign-on.md', 'bt:troubleshooting-configuration.md', 'bt:ports-for-the-enterprise-single-sign-on-servers.md', 'win32:1722'],
  },
  {
    hresult: '0x800706D9', symbol: 'EPT_S_NOT_REGISTERED', message: 'There are no more endpoints available from the endpoint mapper.',
    cause: 'The SSO RPC interface is not registered on the server asked: on a cluster, the ENTSSO Generic Service lacks "Use Network Name for computer name" or the Name: dependency, or the local ENTSSO service was started on a node before the clustered resource came online.',
    fix: 'Tick "Use Network Name for computer name" on the ENTSSO resource and add the Name: dependency; never start ENTSSO locally on a node – take the resource offline and bring it online from the cluster. Check with rpcdump -s <name> -i / portqry -n <name> -e 135.',
    sources: ['bt:how-to-cluster-the-master-secret-server1.md', 'bt:how-to-cluster-sso-and-a-biztalk-host-in-the-same-cluster-group1.md', '[C4]', 'win32:1753'],
  },
  {
    hresult: '0x8004D025', symbol: 'XACT_E_PARTNER_NETWORK_TX_DISABLED',
    message: 'The partner transaction manager has disabled its support for remote/network transactions.',
    cause: 'MSDTC network access is off on the SSO / BizTalk server or on SQL Server.',
    fix: 'Follow "Troubleshooting Problems with MSDTC": enable network DTC access (inbound and outbound) on both sides, open the firewall for RPC; in a cluster use a clustered MSDTC.',
    sources: ['bt:troubleshooting-problems-with-msdtc.md', 'bt:troubleshooting-configuration.md', '[C1]'],
  },
  {
    hresult: '0x8004D00A', symbol: 'XACT_E_NOENLIST',
    message: 'New transaction cannot enlist in the specified transaction coordinator.',
    cause: 'MSDTC cannot reach the other machine\'s MSDTC: network DTC access, firewall, name resolution, or cloned machines with identical MSDTC CIDs.',
    fix: 'Follow "Troubleshooting Problems with MSDTC" (NetBIOS name resolution both ways, firewall, DTC security settings); on clones reinstall MSDTC (msdtc -uninstall, msdtc -install).',
    sources: ['bt:troubleshooting-problems-with-msdtc.md', 'bt:troubleshooting-configuration.md', '[C1]'],
  },
];

const COMMUNITY: Record<string, string> = {
  '[C1]': 'blogs.msdn.microsoft.com/biztalknotes/2013/07/30/moving-the-entsso-service-to-a-new-cluster-in-an-existing-biztalk-server-environment',
  '[C2]': 'adventuresinsidethemessagebox.wordpress.com/2013/06/29/encountering-biztalk-configuration-difficulties-when-moving-from-a-clustered-master-secret-server-back-to-a-single-server-cannot-perform-encryption-or-decryption-because-the-secret-is-not-available',
  '[C3]': 'www.biztalkgurus.com/blogs/msft-biztalk-community/sso-master-secret-server-does-not-start-after-cluster-failover',
  '[C4]': 'blogs.msdn.microsoft.com/apacbiztalk/2013/01/23/0x800706d9-when-contact-a-sso-master-secret-cluster',
  '[C5]': 'msbiztalk.blogspot.com/2009/03/warning-master-secret-has-not-been.html',
  '[C11]': 'kb.eventtracker.com/evtpass/evtPages/EventId_10589_BizTalkServer2004_48962.asp',
};

/** A citation key of the domain docs as a readable reference. */
function cite(key: string): string {
  const [prefix, rest] = key.includes(':') ? [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)] : ['', key];
  switch (prefix) {
    case 'ev': return `biztalk/core/single-sign-on-event-${rest}.md`;
    case 'bt': return `biztalk/core/${rest}`;
    case 'tg': return `biztalk/technical-guides/${rest}`;
    case 'ig': return `biztalk/install-and-config-guides/${rest}`;
    case 'tr': return `biztalk/core/technical-reference/${rest}`;
    case 'his': return `his/esso/${rest}`;
    case 'win32': return `Win32 error ${rest} (Windows SDK winerror.h)`;
    default:
      if (key === 'seed') {
        return 'biztalk/core/how-to-move-the-master-secret-server.md';
      }
      return COMMUNITY[key] ? `community report ${key} ${COMMUNITY[key]}` : key;
  }
}

function sourceOf(e: Entry): string {
  const docs = e.sources.filter((k) => /^(ev|bt|tg|ig|tr|his):|^seed$/.test(k)).map(cite);
  const other = e.sources.filter((k) => !/^(ev|bt|tg|ig|tr|his):|^seed$/.test(k)).map(cite);
  const parts: string[] = [];
  if (docs.length) {
    parts.push(`MicrosoftDocs/biztalk-docs: ${docs.join('; ')}`);
  }
  parts.push(...other);
  if (e.pairing === 'seen') {
    parts.push(`HRESULT ${e.hresult} = event ${e.id}: matched in captured output (commands.md §9); the general rule HRESULT = 0xC0000000 + event id is our inference, not stated by Microsoft`);
  } else if (e.pairing === 'inferred') {
    parts.push(`HRESULT ${e.hresult} ↔ event ${e.id}: inferred (HRESULT = 0xC0000000 + event id, commands.md §9), not stated by Microsoft`);
  }
  if (e.hresult && e.id === undefined && !e.sources.some((k) => k.startsWith('win32:'))) {
    parts.push(`message text for ${e.hresult} as quoted in biztalk/core/troubleshooting-problems-with-msdtc.md`);
  }
  return parts.join('. ');
}

function explain(e: Entry): ErrorExplanation {
  const head = e.id !== undefined ? String(e.id) : (e.hresult ?? '');
  const title = [head, e.symbol, e.id !== undefined && e.hresult ? `(${e.hresult})` : undefined].filter(Boolean).join(' ');
  return { title, meaning: e.message, cause: e.cause, fix: e.fix, source: sourceOf(e) };
}

/** Lower-case words only: punctuation, quotes and dashes ignored, so pasted text matches. */
function words(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Parts of a message between parameters ('%1') and trimmed text ('…'), as words. */
function fragments(e: Entry): string[] {
  const texts = e.verbatim === false ? [] : [e.message];
  texts.push(...(e.alsoMatches ?? []));
  return texts.flatMap((t) => t.split(/%\d+|…|\.\.\./)).map(words).filter((f) => f.length >= 20);
}

const MIN_TEXT = 20;

function byText(text: string): Entry | undefined {
  const input = words(text);
  if (input.length < MIN_TEXT) {
    return undefined;
  }
  let best: { entry: Entry; score: number } | undefined;
  for (const entry of CATALOGUE) {
    for (const fragment of fragments(entry)) {
      // The message (part) inside the pasted text, or a pasted part of the message.
      const score = input.includes(fragment) ? fragment.length : fragment.includes(input) ? input.length : 0;
      if (score > (best?.score ?? 0)) {
        best = { entry, score };
      }
    }
  }
  return best?.entry;
}

function byHresult(code: string): Entry | undefined {
  const h = normaliseHresult(code);
  return CATALOGUE.find((e) => e.hresult === h);
}

function byId(id: number): Entry | undefined {
  return CATALOGUE.find((e) => e.id === id);
}

/**
 * Explains an HRESULT (`0xC0002A0F`, any case, `0x` optional), an ENTSSO event
 * number (`10766`, `Event ID: 10766`) or message text (a pasted event-log entry
 * or `ERROR: 0x... : ...` line). In text, codes are looked for first – ENTSSO
 * codes (0xC0002Axx, a labelled event id) before Win32/RPC/MSDTC codes – then the
 * distinctive message text, then a bare event number. Unknown → undefined.
 */
export function explainError(text: string): ErrorExplanation | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const t = text.trim();
  if (t === '') {
    return undefined;
  }
  // The whole input is one code.
  if (/^(?:0x)?[0-9a-f]{8}$/i.test(t)) {
    const e = byHresult(t);
    return e && explain(e);
  }
  const bareId = /^(?:event\s*(?:id)?\s*[:#]?\s*)?(\d{4,5})$/i.exec(t);
  if (bareId) {
    const e = byId(Number(bareId[1]));
    return e && explain(e);
  }
  // Codes inside text: ENTSSO first, then the others, each in order of appearance.
  const hexes = [...t.matchAll(/\b0x([0-9a-f]{8})\b/gi)].map((m) => byHresult(m[1])).filter((e): e is Entry => e !== undefined);
  const labelled = [...t.matchAll(/\b(?:event\s*id|event|id)\s*[:#]?\s*(\d{5})\b/gi)].map((m) => byId(Number(m[1]))).filter((e): e is Entry => e !== undefined);
  const entsso = [...hexes.filter((e) => e.id !== undefined), ...labelled];
  const found = entsso[0] ?? hexes[0] ?? byText(t)
    ?? [...t.matchAll(/\b(1[01]\d{3})\b/g)].map((m) => byId(Number(m[1]))).find((e) => e !== undefined);
  if (!found) {
    return undefined;
  }
  const result = explain(found);
  const others = [...new Set([...entsso, ...hexes])].filter((e) => e !== found);
  if (others.length) {
    result.cause += ` Also in the text: ${others.map((e) => explain(e).title).join(', ')} – explain it on its own for details.`;
  }
  return result;
}

/** Every catalogued explanation (for hovers, docs and tests). */
export function allExplanations(): ErrorExplanation[] {
  return CATALOGUE.map(explain);
}

/** Codes known to the explainer: event ids and HRESULTs. */
export function knownCodes(): { ids: number[]; hresults: string[] } {
  return {
    ids: CATALOGUE.flatMap((e) => (e.id === undefined ? [] : [e.id])),
    hresults: CATALOGUE.flatMap((e) => (e.hresult === undefined ? [] : [e.hresult])),
  };
}
