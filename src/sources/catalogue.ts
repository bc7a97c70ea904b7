// The documentation this extension is based on, as data: every page, event page, community
// report and inference that the procedures, the error explainer and the update-XML schema
// cite. src/sources/index.ts turns an id from here into a reference to show.
// Pure: no `vscode` import.
//
// Ids are the repository's own:
// - a Microsoft Learn page: its path after https://learn.microsoft.com/en-us/, e.g.
//   `biztalk/core/how-to-restore-the-master-secret`;
// - an ENTSSO event page: `eventPage(10501)` = `biztalk/core/single-sign-on-event-10501`;
// - a community report: its https address (see `fieldReport`);
// - an inference of ours: `inference/…` (see `inference`).

/** Microsoft Learn pages by path, with the title the page carries. */
export const MICROSOFT_PAGES: ReadonlyArray<readonly [path: string, title: string]> = [
  ['biztalk/core/how-to-audit-sso', 'How to Audit SSO'],
  ['biztalk/core/how-to-back-up-the-master-secret', 'How to Back Up the Master Secret'],
  ['biztalk/core/how-to-change-service-accounts-and-passwords', 'How to Change Service Accounts and Passwords'],
  ['biztalk/core/how-to-change-the-master-secret-server', 'How to Change the Master Secret Server'],
  ['biztalk/core/how-to-cluster-sso-and-a-biztalk-host-in-the-same-cluster-group1', 'Cluster SSO and a BizTalk Host in the Same Cluster Group'],
  ['biztalk/core/how-to-cluster-the-master-secret-server1', 'How to Cluster the Master Secret Server'],
  ['biztalk/core/how-to-create-a-cluster-group-with-a-disk-ip-address-and-name-resource1', 'How to Create a Cluster Group with a Disk, IP Address, and Name Resource'],
  ['biztalk/core/how-to-display-the-sso-database-information', 'How to Display the SSO Database Information'],
  ['biztalk/core/how-to-modify-group-properties', 'How to Modify Group Properties'],
  ['biztalk/core/how-to-move-the-master-secret-server', 'How to Move the Master Secret Server'],
  ['biztalk/core/how-to-recover-enterprise-single-sign-on', 'How to Recover Enterprise Single Sign-On'],
  ['biztalk/core/how-to-restore-the-master-secret', 'How to Restore the Master Secret'],
  ['biztalk/core/how-to-set-the-sso-server', 'How to Set the SSO Server'],
  ['biztalk/core/how-to-specify-sso-administrators-and-affiliate-administrators-accounts', 'How to Specify SSO Administrators and Affiliate Administrators Accounts'],
  ['biztalk/core/how-to-update-the-sso-database', 'How to Update the SSO Database'],
  ['biztalk/core/managing-the-master-secret', 'Managing the Master Secret'],
  ['biztalk/core/master-secret-server', 'Master Secret Server'],
  ['biztalk/core/ports-for-the-enterprise-single-sign-on-servers', 'Ports for the Enterprise Single Sign-On Servers'],
  ['biztalk/core/sso-security-recommendations', 'SSO Security Recommendations'],
  ['biztalk/core/sso-user-groups', 'SSO User Groups'],
  ['biztalk/core/standard-sso-installation-options', 'Standard SSO Installation Options'],
  ['biztalk/core/troubleshooting-configuration', 'Troubleshooting Configuration'],
  ['biztalk/core/troubleshooting-enterprise-single-sign-on', 'Troubleshooting Enterprise Single Sign-On'],
  ['biztalk/core/troubleshooting-problems-with-msdtc', 'Troubleshooting Problems with MSDTC'],
  ['biztalk/core/using-sso', 'Using SSO'],
  ['biztalk/core/technical-reference/issoadmin-getglobalinfo-method', 'ISSOAdmin.GetGlobalInfo Method'],
  ['biztalk/core/technical-reference/issoconfigss-getfilepasswordreminder-method', 'ISSOConfigSS.GetFilePasswordReminder Method'],
  ['biztalk/core/technical-reference/msbts-groupsetting-ssoservername-property-wmi', 'MSBTS_GroupSetting.SSOServerName Property (WMI)'],
  ['biztalk/core/technical-reference/sso-system-properties-audits', 'SSO System Properties: Audits'],
  ['biztalk/core/technical-reference/sso-system-properties-general', 'SSO System Properties: General'],
  ['biztalk/install-and-config-guides/configure-biztalk-server', 'Configure BizTalk Server'],
  ['biztalk/install-and-config-guides/troubleshoot-known-issues-biztalk-install-setup', 'Troubleshoot BizTalk Server Setup'],
  ['biztalk/install-and-config-guides/upgrade-to-biztalk-server-2016', 'Upgrade to BizTalk Server 2016'],
  ['biztalk/technical-guides/clustering-the-master-secret-server', 'Clustering the Master Secret Server'],
  ['biztalk/technical-guides/high-availability-for-the-master-secret-server', 'High Availability for the Master Secret Server'],
  // The Host Integration Server copies carry the same titles as the BizTalk pages; the
  // product is added so that both can be told apart in a list.
  ['host-integration-server/esso/how-to-back-up-the-master-secret', 'How to Back Up the Master Secret (Host Integration Server)'],
  ['host-integration-server/esso/how-to-cluster-the-master-secret-server', 'How to Cluster the Master Secret Server (Host Integration Server)'],
  ['host-integration-server/esso/how-to-restore-the-master-secret', 'How to Restore the Master Secret (Host Integration Server)'],
  // Win32 codes: RPC_S_SERVER_UNAVAILABLE (1722), EPT_S_NOT_REGISTERED (1753).
  ['windows/win32/debug/system-error-codes--1700-3999-', 'System Error Codes (1700-3999)'],
];

/** The page every procedure of this extension restates. */
export const MOVE_PAGE = 'biztalk/core/how-to-move-the-master-secret-server';

/** ENTSSO events that have a "Single Sign-On: Event N" page (biztalk/core/single-sign-on-event-N). */
export const EVENT_PAGES: readonly number[] = [
  10501, 10502, 10503, 10504, 10505, 10520, 10521, 10522, 10523, 10524, 10528, 10529, 10530, 10532, 10533, 10534, 10550, 10555, 10559, 10560, 10561, 10562, 10564,
  10565, 10570, 10571, 10572, 10573, 10574, 10575, 10589, 10597, 10598, 10611, 10614, 10706, 10707, 10708, 10728, 10759,
  10766, 10767, 10768, 10771, 10772, 10773, 10774, 10776, 10777, 10779, 10783, 10784, 10785, 10788, 10815, 10834, 10836, 10839,
  10840, 10843, 11068, 11069, 11070,
];

/** The id of the page of an ENTSSO event. */
export function eventPage(id: number): string {
  return `biztalk/core/single-sign-on-event-${id}`;
}

/**
 * Reports from the field (blogs, knowledge bases): not Microsoft documentation. Used for
 * pitfalls and warnings, never as the source of a step's instructions.
 */
export const fieldReport = {
  /** A real move of an existing master secret server to a new cluster; MSDTC pre-work. */
  moveToNewCluster: 'https://blogs.msdn.microsoft.com/biztalknotes/2013/07/30/moving-the-entsso-service-to-a-new-cluster-in-an-existing-biztalk-server-environment/',
  /** A cloned environment whose cluster alias was repointed: "the secret is not available". */
  clonedClusterAlias: 'https://adventuresinsidethemessagebox.wordpress.com/2013/06/29/encountering-biztalk-configuration-difficulties-when-moving-from-a-clustered-master-secret-server-back-to-a-single-server-cannot-perform-encryption-or-decryption-because-the-secret-is-not-available/',
  /** 10565 + 10521 after a failover when the secret was restored on one node only. */
  failoverOneNode: 'https://www.biztalkgurus.com/blogs/msft-biztalk-community/sso-master-secret-server-does-not-start-after-cluster-failover/',
  /** Console output of ERROR: 0xC0002A0F … (RPC: 0x800706D9 …); local ENTSSO started on a cluster node. */
  clusterEndpoint: 'https://blogs.msdn.microsoft.com/apacbiztalk/2013/01/23/0x800706d9-when-contact-a-sso-master-secret-cluster/',
  /** The promotion order: -updatedb, restart ENTSSO on the new server, then restore. */
  promotionOrder: 'https://msbiztalk.blogspot.com/2009/03/warning-master-secret-has-not-been.html',
  /** Warning 10589 "The master secret has not been backed up" and its fix. */
  event10589: 'https://kb.eventtracker.com/evtpass/evtPages/EventId_10589_BizTalkServer2004_48962.asp',
  /** A disaster-recovery checklist: KB3062831 (ENTSSO memory leak after hotfix 3000847) first. */
  recoveryChecklist: 'https://www.aims.ai/resources/recovery-of-master-secret-server',
  /** Restore console output; with no backup or no password, BizTalk is unconfigured and configured again. */
  resetSsoSecret: 'https://til.intrepidintegration.com/biztalk/reset-sso-secret',
  /** Master secret server on the SQL Server computer: stop ENTSSO on the BizTalk server, restore with the snap-in. */
  mssOnSqlServer: 'https://twocents.nl/?p=1565',
} as const;

/** Titles of the field reports, as the posts are headed (a description where marked). */
export const FIELD_REPORT_TITLES: Readonly<Record<string, string>> = {
  [fieldReport.moveToNewCluster]: 'Moving the ENTSSO service to a new cluster in an existing BizTalk Server environment',
  [fieldReport.clonedClusterAlias]:
    'Encountering BizTalk configuration difficulties when moving from a clustered master secret server back to a single server – Cannot perform encryption or decryption because the secret is not available',
  [fieldReport.failoverOneNode]: 'SSO Master Secret Server does not start after cluster failover',
  [fieldReport.clusterEndpoint]: '0x800706D9 when contact a SSO master secret cluster',
  // Described: the post's own heading was not read.
  [fieldReport.promotionOrder]: 'Warning: master secret has not been backed up (MSBizTalk blog, March 2009)',
  [fieldReport.event10589]: 'Event ID 10589, BizTalk Server 2004 (EventTracker knowledge base)',
  // Described: the posts' own headings were not read.
  [fieldReport.recoveryChecklist]: 'Recovery of master secret server (AIMS)',
  [fieldReport.resetSsoSecret]: 'Reset the SSO secret (Intrepid Integration, Today I Learned)',
  [fieldReport.mssOnSqlServer]: 'Restore master secret key (twocents.nl)',
};

/** Statements that are our own reasoning, not stated by Microsoft or by a report. */
export const inference = {
  /** The ENTSSO HRESULT of an event is 0xC0000000 + the event id. */
  hresultRule: 'inference/entsso-hresult-is-0xC0000000-plus-event-id',
} as const;

export const INFERENCE_TITLES: Readonly<Record<string, string>> = {
  [inference.hresultRule]:
    'The HRESULT of an ENTSSO error is 0xC0000000 + its event id: inferred from two codes seen with their event text, not stated by Microsoft',
};
