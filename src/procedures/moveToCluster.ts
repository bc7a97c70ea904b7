// Section 2 of the move page: "To move the master secret from one server to a Windows Server
// Cluster" (Microsoft's "How to Move the Master Secret Server",
// https://learn.microsoft.com/en-us/biztalk/core/how-to-move-the-master-secret-server).
// Seven steps; step 1 keeps the page's 4 numbered sub-steps and folds in "How to Cluster
// the Master Secret Server" sections 5.1-5.3 (not 5.4).
// Every note of the page is kept word for word.
//
// requires[] (what must be done before a step can succeed):
//   clusterSetup    -> (none): everything else needs Enterprise SSO installed on the
//                      nodes, the SSO database pointed at the cluster (section 5.2) and the
//                      clustered resource created (section 5.3).
//   copyBackup      -> clusterSetup: the Enterprise SSO folder exists on a node once SSO is installed there.
//   serverAll       -> clusterSetup: the network name it points to (SSOCLUSTER) and the
//                      clustered SSO resource are created in section 5.3. It only writes a setting
//                      on each BizTalk Server, so it does not need the group online.
//   bringOnline     -> clusterSetup: the cluster group with the clustered SSO resource comes from section 5.3.
//   groupSsoServer  -> bringOnline: the page's order; BizTalk uses the SSO server it names as soon as
//                      the setting is saved, so that server should be online (our inference).
//   cycleResource   -> bringOnline: a resource of an offline group cannot be taken offline and
//                      brought online again.
//   restoreEachNode -> copyBackup (the file must be on the node) and cycleResource (the page:
//                      "If this step is not completed, attempts to restore the master secret may not succeed.").

import { clusterTheMasterSecretServer, dashWarning, restoreTheMasterSecret, uacNote } from './folded';
import { eventPage, fieldReport, markdownLink, MOVE_PAGE, resolveSource } from '../sources';
import { numberSubSteps, type Procedure } from './model';

export const clusteredHostsCondition = 'Only if this Windows Server cluster will host one or more clustered BizTalk hosts';

/** The page's note on serverAll and groupSsoServer, word for word. */
export const nonClusteredHostNote =
  'In this scenario, all BizTalk hosts must be created as cluster resources in the same cluster group as the clustered Enterprise SSO service resource. ' +
  'Running a non-clustered BizTalk host instance on a Windows Server Cluster node where the Enterprise SSO service is clustered is not a supported configuration. ' +
  'This is because the non-clustered BizTalk host instance will fail when the clustered Enterprise SSO service is failed over to another node due to the dependency of a BizTalk host instance on the SSO service.';

const localStartWarning =
  'Let the cluster start and stop the Enterprise SSO service. Do not start it on a node with `net start entsso`, the Services console or a monitoring tool: then its RPC endpoint may not register and clients get 0x800706D9 / 0xC0002A0F "Could not contact the SSO server" ' +
  `(community report, not Microsoft documentation: ${markdownLink(resolveSource(fieldReport.clusterEndpoint))}).`;

const clusterToolDoubt =
  'How to Move the Master Secret Server uses the Windows Server 2003 **Cluster Administrator** wording (**Bring Online**, **Take Offline**). From Windows Server 2012 on, Failover Cluster Manager calls the group a **role** ("clustered roles, also known as resource groups"): the role\'s **Start Role** and **Stop Role**, and the resource\'s **Bring Online** and **Take Offline**; no Microsoft page confirms the exact role menu labels of current versions. Windows Server 2008 and 2008 R2 call it a "service or application" (**Bring this service or application online**, **Take this service or application offline**).';

const targetNameDoubt =
  'Cluster target name: the current BizTalk cluster page uses the network name resource of the clustered SSO role (`SSONETWORKNAME`, `SSOCLUSTER`); the older Host Integration Server page uses the cluster name (`MSS_CLUSTER`). Use the network name resource of the cluster group that holds the clustered Enterprise SSO resource, the same name in **Update the master secret server name in the SSO database** (step 1), in step 3 and in step 5.';

export const moveToCluster: Procedure = {
  id: 'moveToCluster',
  title: 'Move the master secret server to a Windows Server cluster',
  description:
    'Move the Enterprise SSO master secret from the current master secret server to a Windows Server failover cluster: cluster Enterprise SSO (joining the existing SSO system), copy the backup to every node, point BizTalk at the cluster, cycle the clustered resource and restore the master secret on every node.',
  pageHeading: 'To move the master secret from one server to a Windows Server Cluster',
  viewId: 'mss.moveToCluster',
  steps: [
    {
      id: 'clusterSetup',
      verifiedBy: ['secretServerName', 'genericService', 'serviceAccount'],
      number: 1,
      title: 'Install and configure Enterprise SSO on the cluster',
      summary:
        'Cluster Enterprise SSO by following "How to Cluster the Master Secret Server" without its last section, joining the existing SSO system on every node.',
      text:
        'Install and configure the Enterprise SSO service on a Windows Server cluster by following the steps in **How to Cluster the Master Secret Server** (restated below). ' +
        'Complete all of the steps in that topic except for the steps in the section **Restore the master secret on the second cluster node**. ' +
        'Since you are moving the existing master secret server to the cluster, do not choose the option to **Create a new SSO system** when configuring Enterprise SSO on the cluster nodes. ' +
        'When configuring each cluster node, set the following options for the Enterprise SSO feature in the BizTalk Server Configuration program.\n\n' +
        'The section **Update the master secret server name in the SSO database** of that topic is where this move points the SSO database at the cluster: ' +
        '`ssomanage -updatedb` with the network name of the clustered SSO role, run on the active node.',
      runsOn: 'On each cluster node, then in Failover Cluster Manager',
      tool: 'BizTalk Server Configuration, Failover Cluster Manager (Cluster Administrator)',
      warnings: [
        'Make sure you have a current backup of the master secret and its password before the section **Update the master secret server name in the SSO database**. The cluster part of How to Move the Master Secret Server has no backup step of its own; back up on the original master secret server (How to Back Up the Master Secret) while it still is the master secret server.',
        'Choose **Join an existing SSO system**, never **Create a new SSO system**: the cluster page says "create" because it builds a new master secret server; a move keeps the existing SSO system and its master secret.',
        'Tick **Use Network Name for computer name** on the Generic Service (step 6 of **Create the clustered Enterprise SSO resource**) and add the dependency on the **Name:** resource, or SSO clients fail with 0x800706D9.',
        'Create the clustered MSDTC resource before the clustered SSO resource (step 1 of **Create the clustered Enterprise SSO resource**); MSDTC problems show as 0x8004d025, 0x8004d00a or 0xc0002a24 "Could not import a DTC transaction".',
        localStartWarning,
      ],
      notes: [
        'The section **Update the master secret server name in the SSO database** is the `-updatedb` step of this move: the active node is not the current master secret server, so the XML file may hold only `<secretServer>`.',
        'Skip the section **Restore the master secret on the second cluster node**: step 7 restores on every node instead.',
      ],
      doubts: [
        'The cluster part of How to Move the Master Secret Server has neither a backup step nor an `-updatedb` step of its own: it relies on an existing backup (step 2 copies it) and on the section **Update the master secret server name in the SSO database** of the cluster page.',
        'Step 8 of **Install and configure Enterprise SSO on the cluster nodes** (the **Enterprise SSO Secret Backup** page) belongs to the "create" path; the docs do not say whether the wizard shows it when joining an existing SSO system.',
        targetNameDoubt,
        clusterToolDoubt,
      ],
      requires: [],
      actions: [],
      subSteps: numberSubSteps('clusterSetup', [
        {
          text: 'Check the box next to **Enable Enterprise Single Sign-On on this computer**.',
          warnings: [],
          notes: [],
        },
        {
          text: 'Click the option to **Join an existing SSO system**.',
          warnings: ['Not **Create a new SSO system**, even on the first node, although the cluster page says so.'],
          notes: [],
        },
        {
          text: 'Enter values for the existing SSO Database **Server Name** and **Database Name**.',
          warnings: [],
          notes: [],
        },
        {
          text: 'Enter the existing SSO Service account when specifying the account to use for the Enterprise Single Sign-On Service.',
          warnings: [],
          notes: [
            'A clustered Enterprise SSO service needs a domain account that is a member of the domain SSO Administrators group, with **Log on as a service** on every node (step 3 of **Install and configure Enterprise SSO on the cluster nodes**).',
          ],
        },
      ]),
      folded: clusterTheMasterSecretServer,
      sources: [
        MOVE_PAGE,
        'biztalk/core/how-to-cluster-the-master-secret-server1',
        'biztalk/technical-guides/clustering-the-master-secret-server',
        'host-integration-server/esso/how-to-cluster-the-master-secret-server',
        'biztalk/core/how-to-change-the-master-secret-server',
        'biztalk/core/troubleshooting-problems-with-msdtc',
        fieldReport.clusterEndpoint,
      ],
    },
    {
      id: 'copyBackup',
      number: 2,
      title: 'Copy the master secret backup to each cluster node',
      summary: 'Copy the existing master secret backup file into the Enterprise Single Sign-On folder on every cluster node.',
      text:
        'Copy the existing master secret backup file to the `\\Enterprise Single Sign-On` folder on each cluster node ' +
        '(the Enterprise SSO installation folder, by default `<drive>:\\Program Files\\Common Files\\Enterprise Single Sign-On`).',
      runsOn: 'On each cluster node',
      warnings: [
        'Copy the backup made from the original master secret server, not a secret backup the configuration wizard may have written on a node (`SSOxxxx.bak`).',
        'Keep only that backup file among the `.bak` files you restore from: 10564 "The backup file does not have the correct format." is also reported when other `.bak` files lie next to it.',
        'Keep the backup file in a secure location; the copies on the nodes too.',
      ],
      notes: [],
      doubts: [
        'How to Move the Master Secret Server names only "the `\\Enterprise Single Sign-On` folder"; the cluster page\'s restore section copies the file into the Enterprise SSO installation folder, so that folder is meant here.',
      ],
      requires: ['clusterSetup'],
      perMachine: { noun: 'cluster node', hint: 'Copy the same backup file to every node of the cluster, the first node included.' },
      actions: [],
      subSteps: [],
      sources: [MOVE_PAGE, 'biztalk/core/how-to-cluster-the-master-secret-server1', eventPage(10564)],
    },
    {
      id: 'serverAll',
      verifiedBy: ['ssoServerShown'],
      number: 3,
      title: 'Point every BizTalk Server at the clustered SSO server',
      summary:
        'Only with clustered BizTalk hosts: on each BizTalk Server in the group, run ssomanage -serverall with the network name of the clustered SSO role.',
      text:
        'If this Windows Server cluster will host one or more clustered BizTalk hosts, set the SSO Server name for all users to the clustered master secret server with the ssomanage command line utility. ' +
        'Run the command from the Enterprise SSO installation folder on each BizTalk Server in the group. ' +
        'For example, the following command line sets the SSO Server name for all users to the clustered master secret server.',
      runsOn: 'On each BizTalk Server in the group',
      commandLine: 'ssomanage -serverall SSOCLUSTER',
      warnings: [
        'This SSO Server setting is separate from the master secret server name in the SSO database (**Update the master secret server name in the SSO database**, step 1) and from the BizTalk group\'s **SSO Server name** (step 5). With clustered BizTalk hosts, all of them must name the cluster.',
        dashWarning('ssomanage -serverall'),
      ],
      notes: [
        '*SSOCLUSTER* is a placeholder for the actual network name resource that is created in the cluster group that contains the clustered master secret server resource.',
        nonClusteredHostNote,
        'With Enterprise SSO clustered on a BizTalk Server computer that runs isolated hosts (the HTTP and SOAP receive adapters in IIS), add a clustered IIS resource to the same cluster group, or the isolated hosts lose SSO after a failover (Cluster SSO and a BizTalk Host in the Same Cluster Group).',
        uacNote,
        '`ssomanage -showserver` shows which SSO server the current user and the other users of this computer are pointed at.',
      ],
      doubts: [targetNameDoubt],
      condition: clusteredHostsCondition,
      requires: ['clusterSetup'],
      perMachine: { noun: 'BizTalk Server', hint: 'Run it on every BizTalk Server in the BizTalk group.' },
      actions: [
        { command: 'mss.runServerAll', title: 'Run ssomanage -serverall' },
        { command: 'mss.showSsoServer', title: 'Check with ssomanage -showserver' },
      ],
      subSteps: [],
      sources: [MOVE_PAGE, 'biztalk/core/how-to-set-the-sso-server', 'biztalk/core/how-to-modify-group-properties', 'biztalk/core/how-to-cluster-sso-and-a-biztalk-host-in-the-same-cluster-group1'],
    },
    {
      id: 'bringOnline',
      verifiedBy: ['clusterResource'],
      number: 4,
      title: 'Bring the SSO cluster group online',
      summary: 'In Failover Cluster Manager (Cluster Administrator), bring online the cluster group that holds the clustered Enterprise SSO resource.',
      text:
        'In Cluster Administrator (Failover Cluster Manager on current Windows Server versions), right-click the cluster group that contains the clustered Enterprise SSO service resource, ' +
        'and click **Bring Online** to start all of the resources in the cluster group.',
      runsOn: 'In Failover Cluster Manager',
      tool: 'Failover Cluster Manager (Cluster Administrator)',
      warnings: [localStartWarning],
      notes: ['Not from the BizTalk docs: the PowerShell equivalent is `Start-ClusterGroup -Name <group>`.'],
      doubts: [clusterToolDoubt],
      requires: ['clusterSetup'],
      actions: [],
      subSteps: [],
      sources: [MOVE_PAGE, 'biztalk/core/how-to-cluster-the-master-secret-server1', fieldReport.clusterEndpoint],
    },
    {
      id: 'groupSsoServer',
      verifiedBy: ['groupSsoServer', 'hostInstances'],
      number: 5,
      title: 'Point the BizTalk group at the clustered SSO server',
      summary:
        'Only with clustered BizTalk hosts: in BizTalk Server Administration, set the SSO Server name of the BizTalk group to the clustered master secret server.',
      text:
        'If this Windows Server cluster will host one or more clustered BizTalk hosts, update the SSO Server name in the **BizTalk Group Properties** page to reference the clustered master secret server. ' +
        'Launch **BizTalk Server Administration**, right-click the BizTalk Group and select the **Properties** menu item, then update the entry for **SSO Server name** and click **OK**.',
      runsOn: 'In BizTalk Server Administration',
      tool: 'BizTalk Server Administration',
      warnings: [
        'The group\'s **SSO Server name** is separate from `ssomanage -serverall` (step 3) and from the master secret server name in the SSO database. The move page lists it as a step of its own, so a group left pointing at the old server is easy to miss (our reading; Microsoft does not say how often it happens).',
      ],
      notes: [
        nonClusteredHostNote,
        'Changing group properties needs membership of the BizTalk Server Administrators group. Scripting alternative: the WMI property `MSBTS_GroupSetting.SSOServerName` (at most 80 characters).',
      ],
      doubts: [
        'How to Move the Master Secret Server says "reference the clustered master secret server" without naming what to type; by analogy with step 3 it is the network name of the clustered SSO role (e.g. `SSOCLUSTER`).',
      ],
      condition: clusteredHostsCondition,
      requires: ['bringOnline'],
      actions: [],
      subSteps: [],
      sources: [MOVE_PAGE, 'biztalk/core/how-to-modify-group-properties', 'biztalk/core/technical-reference/msbts-groupsetting-ssoservername-property-wmi'],
    },
    {
      id: 'cycleResource',
      verifiedBy: ['serviceRunning'],
      number: 6,
      title: 'Take the clustered SSO service offline and bring it online',
      summary: 'In Failover Cluster Manager, take the clustered Enterprise SSO service offline, then bring it online again, before restoring.',
      text:
        'Right-click the clustered instance of the Enterprise SSO service and click **Take Offline**, ' +
        'then right-click the clustered instance of the Enterprise SSO service and click **Bring Online**.',
      runsOn: 'In Failover Cluster Manager',
      tool: 'Failover Cluster Manager (Cluster Administrator)',
      warnings: [localStartWarning],
      notes: [
        'If this step is not completed, attempts to restore the master secret may not succeed.',
        'Not from the BizTalk docs: the PowerShell equivalent is `Stop-ClusterResource -Name <resource>` then `Start-ClusterResource -Name <resource>`.',
        'The same offline and online cycle is what the upgrade guide prescribes when a BizTalk upgrade on a cluster stops with "SSO Master Secret Server service is not running on `<Cluster name>`.Please start the service to continue the upgrade.": bring the group online, take the ENTSSO resource offline and online, move the group to the other node, and take it offline and online again there.',
      ],
      doubts: [
        clusterToolDoubt,
        'How to Move the Master Secret Server cycles the resource once, before the restore. The cluster page\'s restore section also moves the role to the node being restored and cycles the resource there; that page does not say whether to repeat this for each node.',
      ],
      requires: ['bringOnline'],
      actions: [],
      subSteps: [],
      sources: [MOVE_PAGE, 'biztalk/core/how-to-cluster-the-master-secret-server1', 'biztalk/install-and-config-guides/upgrade-to-biztalk-server-2016', fieldReport.clusterEndpoint],
    },
    {
      id: 'restoreEachNode',
      verifiedBy: ['restoreLogged'],
      number: 7,
      title: 'Restore the master secret on each cluster node',
      summary: 'On every node of the cluster that houses the clustered master secret server, restore the backed-up master secret.',
      text:
        'Restore the backed-up master secret on each node of the Windows cluster that houses the clustered master secret server. ' +
        'Follow the steps in **How to Restore the Master Secret** (restated below) on each node of the Windows cluster that houses the clustered master secret server.',
      runsOn: 'On each cluster node',
      commandLine: 'ssoconfig -restoreSecret <restore file>',
      warnings: [
        'Restore on **every** node, the first one too: when an existing master secret server is moved to a cluster, the first node needs the restore as well, not only the second.',
        'Restore only after steps 2 and 6. A restore on a node that does not own the clustered SSO role is expected to fail: which error it gives is not documented (10766 "This function can only be performed on the master secret server." is one candidate, "Could not contact the SSO server" another).',
        dashWarning('ssoconfig -restoreSecret'),
      ],
      notes: [
        'Success is logged as 10523 "The master secrets were successfully restored." on each node.',
        'The cluster page\'s restore section (skipped here) ends by moving the clustered role to the other node and back; doing that once every node has the master secret proves that failover and fail-back work.',
      ],
      doubts: [
        'How to Move the Master Secret Server does not say how to restore on a node that does not own the clustered Enterprise SSO resource. The cluster page\'s restore section moves the role to that node (Windows Server 2008 wording: "Move this service or application to another node"; from Windows Server 2012: the role\'s Move, Select Node), takes the resource offline and brings it online, then restores there; doing the same for each node is the safe reading (our inference).',
        'Switch case: the docs write both `-restoreSecret` and `-restoresecret`; both appear in official pages.',
      ],
      requires: ['copyBackup', 'cycleResource'],
      perMachine: {
        noun: 'cluster node',
        hint: 'Restore on every node that can own the clustered Enterprise SSO resource, the first node included.',
      },
      actions: [{ command: 'mss.restoreSecret', title: 'Restore the master secret' }],
      subSteps: [],
      folded: restoreTheMasterSecret,
      sources: [
        MOVE_PAGE,
        'biztalk/core/how-to-restore-the-master-secret',
        'biztalk/core/how-to-cluster-the-master-secret-server1',
        'biztalk/technical-guides/clustering-the-master-secret-server',
        eventPage(10766),
        eventPage(10523),
      ],
    },
  ],
};
