// Section 1 of the move page: "To move the master secret from one server to another server"
// (Microsoft's "How to Move the Master Secret Server",
// https://learn.microsoft.com/en-us/biztalk/core/how-to-move-the-master-secret-server). Six steps; steps 2 and 4 keep the
// page's numbered sub-steps (8 and 4). Every note of the page is kept word for word.
//
// requires[] (what must be done before a step can succeed):
//   install        -> (none)
//   configure      -> install: the Configuration tool comes with the SSO install.
//   backup         -> (none): done on the original master secret server, independent of the new one.
//   updateDb       -> backup: once the SSO database names the new server, the original
//                     server is no longer the master secret server and cannot back up.
//                  -> configure: the SSO database must not name a server that has not
//                     joined the SSO system yet; nothing could reach a master secret server.
//   restartService -> updateDb: the restart is how the new server's service learns that
//                     it is now the master secret server.
//   restore        -> backup (the file to restore), updateDb and restartService: restore
//                     is a master-secret-server-only operation (10766 otherwise).

import { backUpTheMasterSecret, dashWarning, restoreTheMasterSecret, uacNote } from './folded';
import { eventPage, fieldReport, MOVE_PAGE } from '../sources';
import { numberSubSteps, type Procedure } from './model';

const installFolder = '`<drive>:\\Program Files\\Common Files\\Enterprise Single Sign-On`';

export const moveToServer: Procedure = {
  id: 'moveToServer',
  title: 'Move the master secret server to another server',
  description:
    'Move the Enterprise SSO master secret from the current master secret server to another server: install and configure Enterprise SSO there, back up the master secret, point the SSO database at the new server, restart its service and restore the master secret on it.',
  pageHeading: 'To move the master secret from one server to another server',
  viewId: 'mss.moveToServer',
  steps: [
    {
      id: 'install',
      number: 1,
      title: 'Install Enterprise SSO on the new master secret server',
      summary: 'On the new master secret server, install Microsoft Enterprise Single Sign-On (SSO) Server if it is not installed yet.',
      text:
        'Install Microsoft Enterprise Single Sign-On (SSO) Server on the new master secret server if it is not already installed. ' +
        'Launch Enterprise SSO Server setup from `\\Platform\\SSO\\setup.exe` on the BizTalk Server CD (product media).',
      runsOn: 'On the new master secret server',
      tool: 'Enterprise SSO setup (\\Platform\\SSO\\setup.exe)',
      warnings: [
        'Install the same Enterprise SSO version as the rest of the SSO system. Microsoft does not say this in those words; it is what the documentation implies: an SSO server newer than the SSO database logs 10728 "This version of the SSO server is not compatible with the SSO database. Please upgrade your master secret server.", and the upgrade guide upgrades the master secret server first, one computer at a time.',
        'Move the master secret server to another computer; do not rename the current one instead. Renaming a computer after BizTalk Server is configured on it is not supported (Troubleshoot BizTalk Server Setup).',
      ],
      notes: [
        'Skip this step if Enterprise SSO Server is already installed on the new server.',
        'Check that the new server\'s clock is synchronised with the domain (Windows Time service): SSO Security Recommendations asks for a time service on every SSO server, because unsynchronised clocks weaken security.',
        'A community disaster-recovery checklist (not Microsoft documentation) asks for update KB3062831, which fixes an ENTSSO memory leak that came with hotfix 3000847, to be installed before working with the master secret. Check it on older systems.',
      ],
      doubts: [],
      requires: [],
      actions: [],
      subSteps: [],
      sources: [
        MOVE_PAGE,
        'biztalk/install-and-config-guides/upgrade-to-biztalk-server-2016',
        eventPage(10728),
        'biztalk/install-and-config-guides/troubleshoot-known-issues-biztalk-install-setup',
        'biztalk/core/sso-security-recommendations',
        'biztalk/core/standard-sso-installation-options',
        fieldReport.recoveryChecklist,
      ],
    },
    {
      id: 'configure',
      verifiedBy: ['serviceAccount'],
      number: 2,
      title: 'Configure Enterprise SSO on the new master secret server',
      summary: 'On the new master secret server, enable Enterprise SSO and join the existing SSO system with the existing database and service account.',
      text:
        'Configure Enterprise SSO on the new master secret server if it is not already configured. ' +
        'The new server **joins the existing SSO system**: same SSO database, same Enterprise SSO service account.',
      runsOn: 'On the new master secret server',
      tool: 'Enterprise SSO Configuration tool (Configuration.exe)',
      warnings: [
        'Never choose to create a new SSO system here: only one master secret server is supported per SSO system, and a new system would come with a new master secret.',
      ],
      notes: [
        'When joining, the wizard warns that no master secrets were retrieved. That is expected: this server gets the master secret in step 6.',
      ],
      doubts: [],
      requires: ['install'],
      actions: [],
      subSteps: numberSubSteps('configure', [
        {
          text: 'Open the Configuration tool. By default, the configuration tool is located at `<drive>:\\Program Files\\Common Files\\Enterprise Single Sign-On\\Configuration.exe`.',
          warnings: [],
          notes: [],
        },
        { text: 'Click to select **Enterprise SSO** in the left pane.', warnings: [], notes: [] },
        {
          text: 'Select the check box next to **Enable Enterprise Single Sign-On on this computer** in the right pane.',
          warnings: [],
          notes: [],
        },
        { text: 'Click the option to **Join an existing SSO System**.', warnings: [], notes: [] },
        {
          text: 'Specify the existing **Server Name** and **Database Name** for the SSO database options.',
          warnings: [],
          notes: [],
        },
        {
          text: 'Specify the existing Enterprise SSO service account for the **Enterprise Single Sign-On Server for the Windows Service** option.',
          warnings: [
            'Use the existing service account: the master secret in the registry is encrypted with a key bound to the service account, and the service account must be a member of the SSO Administrators group (10550 otherwise).',
          ],
          notes: ['This must be a domain account.'],
        },
        {
          text: 'Click the option to **Apply Configuration** and click **Configure** in the Configuration Wizard dialog box to complete the configuration.',
          warnings: [],
          notes: [],
        },
        { text: 'Click **Finish** and close the Configuration tool.', warnings: [], notes: [] },
      ]),
      sources: [MOVE_PAGE, 'biztalk/core/how-to-recover-enterprise-single-sign-on', eventPage(10550), 'biztalk/core/troubleshooting-enterprise-single-sign-on'],
    },
    {
      id: 'backup',
      number: 3,
      title: 'Back up the master secret',
      summary:
        'On the original master secret server, back up the existing master secret to a file on NTFS or removable media. Remember the password: the restore needs it.',
      text:
        'Back up the existing master secret following the steps in **How to Back Up the Master Secret** (restated below). ' +
        'Do it on the original master secret server, which still holds the master secret.',
      runsOn: 'On the original master secret server',
      commandLine: 'ssoconfig -backupSecret <backup file>',
      warnings: [
        'Do not go on to step 4 without a backup file and its password. Once the SSO database names the new server, plan on the original server not being able to back up the master secret any more: the backup page asks to back up from the master secret server (our reading; no page says in so many words that the original server refuses). Without a backup and its password nothing can decrypt the SSO database.',
        'If there is no backup or the password is lost, the SSO data cannot be decrypted again. A community report (not Microsoft documentation) says the only way out then is to unconfigure and configure BizTalk Server again. Share the password with a second administrator, and keep the password reminder meaningful.',
        'The backup file must be on an NTFS volume or removable media (10561 / 10759).',
        'The password must be at least 7 characters (10836); the same password is needed to restore.',
        'Keep the backup file in a secure location.',
        dashWarning('ssoconfig -backupSecret'),
      ],
      notes: [
        'Copy the backup file to the new master secret server (or to removable media you can read there): step 6 restores it there.',
      ],
      doubts: [
        'Switch case: the docs write both `-backupSecret` and `-backupsecret`. Both appear in official pages, so the switch is most likely case-insensitive, but no page says so.',
        'The MMC menu item is **Backup Secret** in the BizTalk docs and **Back up Master Secret** in the Host Integration Server copy of the page.',
      ],
      requires: [],
      actions: [{ command: 'mss.backupSecret', title: 'Back up the master secret' }],
      subSteps: [],
      folded: backUpTheMasterSecret,
      sources: [
        MOVE_PAGE,
        'biztalk/core/how-to-back-up-the-master-secret',
        'host-integration-server/esso/how-to-back-up-the-master-secret',
        'biztalk/core/managing-the-master-secret',
        'biztalk/install-and-config-guides/configure-biztalk-server',
        eventPage(10561),
        eventPage(10759),
        eventPage(10836),
        fieldReport.resetSsoSecret,
      ],
    },
    {
      id: 'updateDb',
      verifiedBy: ['secretServerName'],
      number: 4,
      title: 'Point the SSO database at the new master secret server',
      summary:
        'On the original master secret server, write NewMSSServer.xml with the new server name and run ssomanage -updatedb so the SSO database names the new master secret server.',
      text:
        'Change the master secret server name in the SSO database to reference the new master secret server. ' +
        'For example, the name of the new master secret server may be **NewMSSServer**. To do this, follow these steps on the original master secret server.',
      runsOn: 'On the original master secret server',
      commandLine: 'ssomanage -updatedb NewMSSServer.xml',
      warnings: [
        'Put **only** `<secretServer>` in the file: that is all a move changes. Run from a computer that is not the master secret server, a file with more (for example the SSO Administrators account) makes `ssomanage -updatedb` fail, and changing administrator accounts needs SSO disabled first.',
        'The element is `<globalInfo>`. Some doc samples open it as `<globalnfo>`, a typo that makes the XML malformed; do not copy those.',
        dashWarning('ssomanage -updatedb'),
        'From now on until step 6 the SSO system has no usable master secret server: finish steps 5 and 6 without delay, and do not restart BizTalk services in between (an SSO service must reach the master secret server to start).',
      ],
      notes: [
        'Success is logged as 10575 "Updated secret server name." with the new and old secret server names. `ssomanage -displaydb` shows the new name as "Single Sign-On Secret Server name".',
        'Not from the docs: check that the file really ends in `.xml`; Notepad may add `.txt`.',
      ],
      doubts: [],
      requires: ['backup', 'configure'],
      actions: [
        { command: 'mss.generateUpdateXml', title: 'Create NewMSSServer.xml' },
        { command: 'mss.runUpdateDb', title: 'Run ssomanage -updatedb' },
        { command: 'mss.showSsoDatabase', title: 'Check with ssomanage -displaydb' },
      ],
      subSteps: numberSubSteps('updateDb', [
        {
          text:
            'Paste the following code in a text editor such as notepad.exe, with the name of your new master secret server in place of `NewMSSServer`:\n\n' +
            '```xml\n<sso>\n<globalInfo>\n<secretServer>NewMSSServer</secretServer>\n</globalInfo>\n</sso>\n```',
          warnings: ['The element is `<globalInfo>`, not `<globalnfo>` as some doc samples print it.'],
          notes: [],
        },
        {
          text: 'Save the file as an .xml file. For example, save the file as **NewMSSServer.xml**.',
          warnings: [],
          notes: [],
        },
        {
          text: `At a command prompt, change to the Enterprise SSO installation folder. By default, the installation folder is ${installFolder}.`,
          warnings: [
            'On 64-bit Windows the folder is under `Program Files`, not `Program Files (x86)`; a 32-bit command prompt resolves `%CommonProgramFiles%` to the `(x86)` folder.',
          ],
          notes: [],
        },
        {
          text: 'Type **ssomanage -updatedb** *XMLFile* to update the master secret server name in the database.',
          commandLine: 'ssomanage -updatedb NewMSSServer.xml',
          warnings: [dashWarning('ssomanage -updatedb')],
          notes: ['Replace *XMLFile* with the name of the .xml file that you saved.', uacNote],
        },
      ]),
      sources: [
        MOVE_PAGE,
        'biztalk/core/how-to-update-the-sso-database',
        'biztalk/core/how-to-change-the-master-secret-server',
        'biztalk/core/how-to-audit-sso',
        'biztalk/core/how-to-display-the-sso-database-information',
        eventPage(10575),
      ],
    },
    {
      id: 'restartService',
      verifiedBy: ['serviceRunning', 'restartLogged'],
      number: 5,
      title: 'Restart the Enterprise SSO service on the new master secret server',
      summary:
        'On the new master secret server, restart the Enterprise Single Sign-On service (service name ENTSSO) so that it takes over as master secret server.',
      text:
        'Restart the Enterprise Single Sign-On service on the new master secret server. ' +
        'Microsoft\'s page gives no command for this. The documented command forms elsewhere are `net stop entsso` and then `net start entsso` ' +
        '(service name `ENTSSO`, display name **Enterprise Single Sign-On Service**); the Services console works too.',
      runsOn: 'On the new master secret server',
      tool: 'Services console',
      commandLine: 'net stop entsso\nnet start entsso',
      warnings: [
        'BizTalk host instances depend on the ENTSSO service: `net stop entsso` asks to stop the dependent BizTalk host instance services too, and they stay stopped until you start them again (in BizTalk Server Administration or the Services console). PowerShell\'s `Restart-Service ENTSSO` refuses to stop them without `-Force`. Plan a maintenance window.',
        'Enterprise SSO can take a few minutes to start (the troubleshooting page mentions about 3 minutes). Host instance services set to **Automatic (Delayed Start)** give it that time after a reboot.',
        'After the restart the new server logs warning 10520 "No secrets were found in the registry of the master secret server. Use the configuration tools to generate or restore a master secret." This is expected until the restore in step 6.',
      ],
      notes: [
        'After the restart the Application log should show 10534 "This computer is the master secret server."',
        'Run from an elevated command prompt.',
      ],
      doubts: [
        'Restart wording: How to Move the Master Secret Server says to restart the Enterprise Single Sign-On **service** on the new master secret server; the "How to Change the Master Secret Server" page says "Restart the (new) Master Secret Server" without saying whether it means the service or the computer. Restarting the service is what the move page asks.',
      ],
      requires: ['updateDb'],
      actions: [{ command: 'mss.restartService', title: 'Restart the Enterprise SSO service' }],
      subSteps: [],
      sources: [
        MOVE_PAGE,
        'biztalk/core/how-to-cluster-the-master-secret-server1',
        'biztalk/core/how-to-change-the-master-secret-server',
        'biztalk/core/troubleshooting-enterprise-single-sign-on',
        eventPage(10520),
        eventPage(10534),
      ],
    },
    {
      id: 'restore',
      verifiedBy: ['restoreLogged', 'secretInRegistry', 'ssoFollows'],
      number: 6,
      title: 'Restore the master secret on the new master secret server',
      summary: 'On the new master secret server, restore the backed-up master secret with the password of the backup.',
      text:
        'Restore the backed-up master secret onto the new master secret server by following the steps in **How to Restore the Master Secret** (restated below) on the new master secret server.',
      runsOn: 'On the new master secret server',
      commandLine: 'ssoconfig -restoreSecret <restore file>',
      warnings: [
        'Restore only after steps 4 and 5. The restore works only on the master secret server: run elsewhere it fails with 10766 "This function can only be performed on the master secret server." That it also fails when run here before step 4 or before the restart of step 5 is our inference from that message and from the order of the move page, not something Microsoft states.',
        dashWarning('ssoconfig -restoreSecret'),
      ],
      notes: [
        'Success is logged as 10523 "The master secrets were successfully restored."; the 10520 warning of step 5 should not come back.',
        'The other SSO servers then get the master secret from the new server (events 10529 / 10533 "Got the current secret from the master secret server.") within about a minute.',
        'A community report (not Microsoft documentation), for a master secret server on the SQL Server computer with BizTalk on another: stop ENTSSO on the BizTalk server first, then restore on the master secret server with the SSO Administration snap-in.',
      ],
      doubts: [
        'Refresh interval: one page says SSO servers check the master secret server every 30 seconds, another says every 60 seconds. Allow about a minute before checking the other servers.',
        'Switch case: the docs write both `-restoreSecret` and `-restoresecret`; both appear in official pages.',
        'The MMC menu item is **Restore Secret** in the BizTalk docs and **Restore Master Secret** in the Host Integration Server copy.',
      ],
      requires: ['backup', 'updateDb', 'restartService'],
      actions: [{ command: 'mss.restoreSecret', title: 'Restore the master secret' }],
      subSteps: [],
      folded: restoreTheMasterSecret,
      sources: [
        MOVE_PAGE,
        'biztalk/core/how-to-restore-the-master-secret',
        'host-integration-server/esso/how-to-restore-the-master-secret',
        'biztalk/core/master-secret-server',
        'biztalk/technical-guides/high-availability-for-the-master-secret-server',
        eventPage(10766),
        eventPage(10523),
        eventPage(10529),
        eventPage(10533),
        fieldReport.mssOnSqlServer,
      ],
    },
  ],
};
