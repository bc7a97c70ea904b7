// The linked Microsoft procedures that the page How to Move the Master Secret Server folds in with "follow the steps
// in ...": How to Back Up the Master Secret, How to Restore the Master Secret and
// How to Cluster the Master Secret Server (all but its last section). Restated from
// those pages (see docs/procedures.md); UI labels, commands, event numbers and
// message texts verbatim. ASCII '-' in every command.

import { fieldReport, markdownLink, resolveSource } from '../sources';
import type { FoldedProcedure } from './model';

const link = (id: string): string => markdownLink(resolveSource(id));

const installFolder = '`<drive>:\\Program Files\\Common Files\\Enterprise Single Sign-On`';

/** The warning about the en dash that several doc pages print in switches. */
export function dashWarning(command: string): string {
  return (
    `Type the switch with an ASCII hyphen-minus, as in \`${command}\`. Several doc pages print it with an en dash ` +
    '(U+2013), which looks the same; a command pasted from those pages does not work.'
  );
}

export const uacNote =
  'On a system that supports User Account Control (UAC), you may need to run the tool with Administrative privileges.';

/** How to Back Up the Master Secret (https://learn.microsoft.com/en-us/biztalk/core/how-to-back-up-the-master-secret). */
export const backUpTheMasterSecret: FoldedProcedure = {
  title: 'How to Back Up the Master Secret',
  source: 'biztalk/core/how-to-back-up-the-master-secret',
  preconditions: [
    'Back up **from the master secret server**, that is the server the SSO database names as master secret server right now.',
    'Use an account that is both an **SSO Administrator** and a Windows **administrator** (Windows administrator rights alone are not enough).',
    'Write the backup to an **NTFS** volume or to **removable media**. Other targets are refused with event 10561 / error 10759 "The file specified for backup of the master secrets must be on an NTFS file system or removable media."',
  ],
  warnings: [
    'You are asked for a password. The **same password** is needed to restore the master secret: without it the backup is useless.',
    'The password must be at least 7 characters (10836 "The specified password is too short, it must be at least 7 characters.") and at most 256 (10839); the password reminder at most 512 characters (10840).',
    'Keep the backup file in a secure location.',
    'If the master secret server fails and the master secret is lost or corrupt, the data in the SSO database cannot be retrieved. Backing up the master secret is not optional.',
    dashWarning('ssoconfig -backupSecret'),
  ],
  notes: [
    'Success is logged in the Application event log (source ENTSSO) as 10559 "The master secrets were successfully backed up."; failure as 10560 "Failed to back up the master secrets."',
    'The password reminder is stored in the backup file and can be read without the password, so do not put the password itself in the reminder.',
    'The docs write the switch both as `-backupSecret` and `-backupsecret`; both spellings appear in official pages.',
  ],
  routes: [
    {
      name: 'Command line',
      commandLine: 'ssoconfig -backupSecret <backup file>',
      steps: [
        'Click **Start**, point to **All Programs**, point to **Accessories**, right-click **Command Prompt**, and click **Run As...**.',
        `Select the appropriate administrator account and click **OK**. ${uacNote}`,
        `Change to the Enterprise SSO installation folder, by default ${installFolder}.`,
        'Type `ssoconfig -backupSecret <backup file>`, where `<backup file>` is the path and name of the file to write (the page\'s example is `A:\\ssobackup.bak`).',
        'Enter a password, confirm it, and enter a password reminder (the prompts are `Password :`, `Confirm Password :` and `Password reminder :`).',
      ],
    },
    {
      name: 'MMC snap-in',
      steps: [
        'Click **Start**, point to **All Programs**, point to **Microsoft Enterprise Single Sign-On**, and click **SSO Administration**.',
        'In the scope pane of the ENTSSO MMC snap-in, expand **Enterprise Single Sign-On**.',
        'Right-click **System** and click **Backup Secret** (the Host Integration Server copy of the page calls it **Back up Master Secret**).',
      ],
    },
  ],
};

/** How to Restore the Master Secret (https://learn.microsoft.com/en-us/biztalk/core/how-to-restore-the-master-secret). */
export const restoreTheMasterSecret: FoldedProcedure = {
  title: 'How to Restore the Master Secret',
  source: 'biztalk/core/how-to-restore-the-master-secret',
  preconditions: [
    'Log on **to the master secret server** with an account that is both a Windows **administrator** and an **SSO Administrator**.',
    'Have the backup file and the password it was made with.',
  ],
  warnings: [
    'Run on any other computer, the restore fails with 10766 "This function can only be performed on the master secret server."',
    'A wrong password gives 10779 "An incorrect password was specified for the backup file."; a wrong file gives 10815 "Incorrect master secret."',
    'Keep only the intended backup file in the folder you restore from: 10564 "The backup file does not have the correct format." is also reported when other `.bak` files lie next to it.',
    dashWarning('ssoconfig -restoreSecret'),
  ],
  notes: [
    'The tool first shows the password reminder stored in the file, then asks `Password :`; on success it prints `The operation completed successfully`.',
    'Success is logged as 10523 "The master secrets were successfully restored."; failure as 10524 "Failed to restore the master secrets."',
    'The master secret is written to the registry under `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS`.',
    'The docs write the switch both as `-restoreSecret` and `-restoresecret`; both spellings appear in official pages.',
  ],
  routes: [
    {
      name: 'Command line',
      commandLine: 'ssoconfig -restoreSecret <restore file>',
      steps: [
        'Click **Start**, point to **All Programs**, point to **Accessories**, right-click **Command Prompt**, and click **Run As...**.',
        `Select the appropriate administrator account and click **OK**. ${uacNote}`,
        `Change to the Enterprise SSO installation folder, by default ${installFolder}.`,
        'Type `ssoconfig -restoreSecret <restore file>`, where `<restore file>` is the path and name of the backup file.',
        'When asked, enter the password of the backup file.',
      ],
    },
    {
      name: 'MMC snap-in',
      steps: [
        'Click **Start**, point to **All Programs**, point to **Microsoft Enterprise Single Sign-On**, and click **SSO Administration**.',
        'In the scope pane of the ENTSSO MMC snap-in, expand **Enterprise Single Sign-On**.',
        'Right-click **System** and click **Restore Secret** (the Host Integration Server copy of the page calls it **Restore Master Secret**).',
      ],
    },
  ],
};

/**
 * How to Cluster the Master Secret Server
 * (https://learn.microsoft.com/en-us/biztalk/core/how-to-cluster-the-master-secret-server1),
 * all but its last section: the move page says to skip "Restore the master secret on the
 * second cluster node", because the move restores on every node (step 7).
 */
export const clusterTheMasterSecretServer: FoldedProcedure = {
  title: 'How to Cluster the Master Secret Server',
  source: 'biztalk/core/how-to-cluster-the-master-secret-server1',
  preconditions: [
    'You must be an **SSO Administrator**.',
    'Create the clustered **MSDTC** resource before you start. The older Host Integration Server copy of this page says to ignore run-time errors from `ssomanage -updatedb` at this point because MSDTC is not clustered yet; with MSDTC clustered first, as the BizTalk page asks, there should be none to ignore.',
    'The cluster is a Windows Server failover cluster. The master secret server **cannot** be installed on a Network Load Balancing (NLB) cluster.',
  ],
  warnings: [
    'Moving an existing master secret server: choose **Join an existing SSO system** on every node. Never choose **Create a new SSO system**: that makes a second SSO system with its own master secret, and only one master secret server is supported per SSO system.',
    'Enterprise SSO configuration fails if the domain service account and the configuring account are not in the domain SSO Administrators group (steps 3 and 4 of **Install and configure Enterprise SSO on the cluster nodes**).',
    'Without **Use Network Name for computer name** (step 6 of **Create the clustered Enterprise SSO resource**) or the dependency on the **Name:** resource (steps 11-12 there), SSO clients log "Failed to retrieve master secrets. Verify that the master secret server name is correct and that it is available. Secret Server Name: ENTSSO Error Code: 0x800706D9, there are no more endpoints available from the endpoint mapper."',
  ],
  notes: [
    'Different from the cluster page: in step 7 of **Install and configure Enterprise SSO on the cluster nodes** the page says **Create a new SSO system**; when moving the master secret server, choose **Join an existing SSO system** instead (also in steps 13-19 for the other node).',
    'The section **Update the master secret server name in the SSO database** is where the move to a cluster changes the master secret server name in the SSO database: `ssomanage -updatedb` with the network name of the clustered SSO role. The cluster part of How to Move the Master Secret Server has no separate -updatedb step.',
    'Skip the section **Restore the master secret on the second cluster node**. Step 7 of the move restores the master secret on every node instead, the first node included.',
  ],
  routes: [],
  sections: [
    {
      ref: '5.1',
      title: 'Install and configure Enterprise SSO on the cluster nodes',
      steps: [
        {
          text: 'Install BizTalk Server on each cluster node. Under **Component Installation** select **Enterprise Single Sign-On Administration Module** and **Enterprise Single Sign-On Master Secret Server**. Do **not** run BizTalk Server Configuration when setup ends.',
          warnings: [],
          notes: [],
        },
        {
          text: 'Create the domain groups **SSO Administrators** and **SSO Affiliate Administrators**.',
          warnings: [],
          notes: ['A clustered Enterprise SSO service requires domain groups.'],
        },
        {
          text: 'Create or choose a **domain account** that is a member of the SSO Administrators group. The Enterprise SSO service on every node logs on with it; grant it **Log on as a service** on every node.',
          warnings: [],
          notes: [`The technical guide (${link('biztalk/technical-guides/clustering-the-master-secret-server')}) adds: grant this account **Full Control** on the cluster.`],
        },
        {
          text: 'Add the account you are logged on with (the one that configures Enterprise SSO) to the domain SSO Administrators group.',
          warnings: ['Enterprise SSO configuration fails if steps 3 and 4 are skipped.'],
          notes: [],
        },
        {
          text: 'Start **BizTalk Server Configuration** on the first node.',
          warnings: [],
          notes: [],
        },
        {
          text: 'Choose **Custom Configuration**, enter the **Database server name**, **User name** and **Password**, and click **Configure**.',
          warnings: [],
          notes: ['Only Enterprise SSO is configured here, so the domain account from step 3 can be entered.'],
        },
        {
          text: 'In the left pane click **Enterprise SSO** and set: **Enable Enterprise Single Sign-On on this computer** ticked; **Join an existing SSO system** (the cluster page says **Create a new SSO system** here, but you are moving an existing master secret server); under **Data stores** the existing SSO database **Server Name** and **Database Name**; the step 3 domain account as the Enterprise SSO service account; the domain SSO Administrators group for **SSO Administrator(s)**; the domain SSO Affiliate Administrators group for **SSO Affiliate Administrator(s)**.',
          warnings: ['Do not choose **Create a new SSO system** when moving an existing master secret server.'],
          notes: [],
        },
        {
          text: 'Click **Enterprise SSO Secret Backup** and fill in the backup parameters (default file `<drive>:\\Program Files\\Common Files\\Enterprise Single Sign-On\\SSOxxxx.bak`).',
          warnings: [],
          notes: ['This page belongs to the "create" path. For a move, the backup you copy to the nodes is the one made from the original master secret server.'],
        },
        { text: 'Click **Apply Configuration** and review the **Summary**.', warnings: [], notes: [] },
        { text: 'Click **Next** to apply the configuration.', warnings: [], notes: [] },
        { text: 'Click **Finish** to close the wizard.', warnings: [], notes: [] },
        { text: 'Close BizTalk Server Configuration.', warnings: [], notes: [] },
        {
          text: 'Log on to the **passive** node and start **BizTalk Server Configuration**.',
          warnings: [],
          notes: [],
        },
        {
          text: 'Choose **Custom Configuration** with the same **Database server name**, **User name** and **Password** as on the first node, and click **Configure**.',
          warnings: [],
          notes: [],
        },
        {
          text: 'In the left pane click **Enterprise SSO** and set: **Enable Enterprise Single Sign-On on this computer**; **Join an existing SSO system**; the same SSO database **Server Name** and **Database Name** as on the first node; the same domain service account as on the first node.',
          warnings: [],
          notes: [],
        },
        { text: 'Click **Apply Configuration** (the Summary is shown).', warnings: [], notes: [] },
        { text: 'Click **Next** to apply the configuration.', warnings: [], notes: [] },
        { text: 'Click **Finish**.', warnings: [], notes: [] },
        { text: 'Close BizTalk Server Configuration.', warnings: [], notes: [] },
      ],
    },
    {
      ref: '5.2',
      title: 'Update the master secret server name in the SSO database',
      steps: [
        {
          text: 'On the **active** cluster node, stop and start the Enterprise SSO service.',
          commandLine: 'net stop entsso\nnet start entsso',
          warnings: [
            'Back up the master secret on the original master secret server (How to Back Up the Master Secret) before this section, unless you already have a current backup and know its password. After `-updatedb` the SSO database no longer names the original server as master secret server, so plan on not being able to back up there any more (the backup page asks for the master secret server; our reading, not stated in those words); that backup is what you copy to the nodes in step 2 of the move.',
          ],
          notes: [
            'The Enterprise SSO service is not clustered yet at this point. Once the clustered resource exists (**Create the clustered Enterprise SSO resource**), restart it only through Failover Cluster Manager, never with `net start` on a node ' +
              `(community report, not Microsoft documentation: ${link(fieldReport.clusterEndpoint)}).`,
          ],
        },
        {
          text: 'Paste the following into a text editor, replacing `SSONETWORKNAME` with the network name of the cluster role that will hold the clustered SSO resource:\n\n```xml\n<sso>\n  <globalInfo>\n    <secretServer>SSONETWORKNAME</secretServer>\n  </globalInfo>\n</sso>\n```',
          warnings: [
            'The active node is not the current master secret server, so the file must contain **only** `<secretServer>`; with an SSO Administrators element `ssomanage -updatedb` fails there.',
            'The element is `<globalInfo>`. Some doc samples open it as `<globalnfo>` (a typo that makes the XML malformed); do not copy that.',
          ],
          notes: ['Use the network name resource created in the same cluster role that will hold the clustered SSO resource.'],
        },
        { text: 'Save the file with an `.xml` extension, for example `SSOCLUSTER.xml`.', warnings: [], notes: [] },
        { text: `Change to the Enterprise SSO installation folder, by default ${installFolder}.`, warnings: [], notes: [] },
        {
          text: 'Type `ssomanage -updatedb SSOCLUSTER.xml` (the name of the file you saved) to update the master secret server name in the SSO database.',
          commandLine: 'ssomanage -updatedb SSOCLUSTER.xml',
          warnings: [dashWarning('ssomanage -updatedb')],
          notes: [uacNote],
        },
      ],
    },
    {
      ref: '5.3',
      title: 'Create the clustered Enterprise SSO resource',
      steps: [
        {
          text: 'If the cluster has no clustered **MSDTC** resource, create one first (see the white paper "Improving Fault Tolerance in BizTalk Server by Using a Windows Server Cluster", https://go.microsoft.com/fwlink/?LinkId=69207).',
          warnings: [],
          notes: [],
        },
        {
          text: 'Click **Start**, **Programs**, **Administrative Tools**, **Failover Cluster Management**.',
          warnings: [],
          notes: [],
        },
        { text: 'In the left pane right-click **Failover Cluster Management** and click **Manage a Cluster**.', warnings: [], notes: [] },
        { text: 'In **Select a cluster to manage** enter the cluster and click **OK**.', warnings: [], notes: [] },
        {
          text: 'Select a clustered service or application that has an **IP Address** and a **Network Name** resource (create one first if needed: ' +
            `${link('biztalk/core/how-to-create-a-cluster-group-with-a-disk-ip-address-and-name-resource1')}).`,
          warnings: [],
          notes: ['A clustered Enterprise SSO service does not need a Physical Disk resource in the group.'],
        },
        {
          text: 'Right-click it, click **Add a resource**, then **Generic Service** (the **New Resource Wizard** opens). On **Generic Service Parameters** tick **Use Network Name for computer name**.',
          warnings: [
            'Without **Use Network Name for computer name**, SSO clients log "Failed to retrieve master secrets. Verify that the master secret server name is correct and that it is available. Secret Server Name: ENTSSO Error Code: 0x800706D9, there are no more endpoints available from the endpoint mapper."',
          ],
          notes: [],
        },
        { text: 'On the **Select Service** page choose **Enterprise Single Sign-On Service** and click **Next**.', warnings: [], notes: [] },
        { text: 'On the **Confirmation** page click **Next**.', warnings: [], notes: [] },
        {
          text: 'On the **Summary** page click **Finish**. The resource appears under **Other Resources**.',
          warnings: [],
          notes: [],
        },
        {
          text: 'Right-click the clustered Enterprise SSO resource and click **Properties** (dialog **Enterprise Single Sign-On Service Properties**).',
          warnings: [],
          notes: [],
        },
        { text: 'On the **Dependencies** tab click **Insert**.', warnings: [], notes: [] },
        {
          text: 'Under **Resource** pick the **Name:** resource and click **OK**.',
          warnings: [],
          notes: [`A missing dependency on the Name resource gives the same 0x800706D9 error (${link('biztalk/core/how-to-cluster-sso-and-a-biztalk-host-in-the-same-cluster-group1')}).`],
        },
      ],
    },
  ],
};
