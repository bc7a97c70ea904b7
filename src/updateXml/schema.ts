// THE one description of the XML that `ssomanage -updatedb` reads. Validation, completion,
// hover, quick fixes, the generator and schemas/globalInfo.xsd are all derived from it.
//
// No XSD for this file is public: Microsoft's SDK sample "Manage" ships GlobalInfo.xsd, but it
// could not be found anywhere searchable. The list below is reconstructed from the doc samples
// and the documented meaning / defaults / ranges of the same settings (see docs/update-xml.md,
// and each element's `sources` below). Where the docs are silent we say so and only warn.

import { eventPage, microsoftPage, type MicrosoftReference } from '../sources';

export type ValueKind = 'computerName' | 'account' | 'integer';

/** A Microsoft page an element's facts come from, as resolved by src/sources (title and url). */
export type DocSource = MicrosoftReference;

export interface ElementSpec {
  /** Element name, exactly as the samples spell it (XML names are case-sensitive). */
  readonly name: string;
  /** Position in the documented order (every sample uses this order); 1-based. */
  readonly order: number;
  readonly kind: ValueKind;
  /** The value type in an admin's words. */
  readonly type: string;
  /** What the setting means. */
  readonly meaning: string;
  /** Documented default, as text (for hover / XSD documentation). */
  readonly default: string;
  /** Allowed values in words. */
  readonly range: string;
  /** Integer bounds; `rangeDocumented` says whether they come from the docs (→ error) or not (→ warning). */
  readonly min?: number;
  readonly max?: number;
  readonly rangeDocumented?: boolean;
  /** Inferred counterpart in the COM API `ISSOAdmin.GetGlobalInfo` / `UpdateGlobalInfo`. */
  readonly apiParameter: string;
  /** Where the facts come from. */
  readonly sources: readonly DocSource[];
  /** Extra caution shown in hover and completion. */
  readonly note?: string;
}

/** A Microsoft Learn page by its path (a source id of src/sources). */
const page = (path: string): DocSource => microsoftPage(path);
/** The "Single Sign-On: Event N" page. */
const event = (id: number): DocSource => microsoftPage(eventPage(id));

export const ROOT_ELEMENT = 'sso';
export const GLOBAL_INFO_ELEMENT = 'globalInfo';
/** The typo in three doc samples (`<globalnfo>` … `</globalInfo>`). */
export const GLOBAL_INFO_DOC_TYPO = 'globalnfo';

/** Largest value of a 32-bit signed integer, the type the SSO API uses for these numbers (inferred). */
export const INT32_MAX = 2147483647;

export const containerElements: ReadonlyArray<{ name: string; meaning: string; sources: readonly DocSource[] }> = [
  {
    name: ROOT_ELEMENT,
    meaning:
      'Document element of every SSO XML file read by `ssomanage`. The global-information samples all write it in lower case.',
    sources: [page('biztalk/core/how-to-update-the-sso-database')],
  },
  {
    name: GLOBAL_INFO_ELEMENT,
    meaning:
      'SSO system-level (global) settings; the only child of `<sso>` in an `-updatedb` file. Every setting is optional: put in only what you want to change. Do not copy the doc typo `<globalnfo>`.',
    sources: [page('biztalk/core/how-to-update-the-sso-database'), page('biztalk/core/how-to-audit-sso')],
  },
];

export const globalInfoElements: ReadonlyArray<ElementSpec> = [
  {
    name: 'ssoAdminAccount',
    order: 1,
    kind: 'account',
    type: 'Windows account, `DOMAIN\\Name` (normally a domain group)',
    meaning:
      'The **SSO Administrators** account. SSO must be disabled first (`ssomanage -disablesso`); the ENTSSO service account and you must be members of the new account.',
    default: 'set by the BizTalk Configuration Wizard',
    range:
      'domain accounts include the domain (`DOMAIN\\Name`); built-in accounts and Everyone are refused (events 10776, 10777); an individual account can only be replaced by a group that contains it',
    apiParameter: 'SSOAdminGroup',
    sources: [
      page('biztalk/core/how-to-specify-sso-administrators-and-affiliate-administrators-accounts'),
      page('biztalk/core/sso-user-groups'),
      event(10773),
      event(10774),
      event(10776),
      event(10777),
    ],
    note: 'Changing it is a separate flow: `ssomanage -disablesso`, `-updatedb`, `-enablesso`. Do not combine it with `secretServer` when you are not on the current master secret server.',
  },
  {
    name: 'ssoAffiliateAdminAccount',
    order: 2,
    kind: 'account',
    type: 'Windows account, `DOMAIN\\Name` (normally a domain group)',
    meaning: 'The **SSO Affiliate Administrators** account. SSO must be disabled first (`ssomanage -disablesso`).',
    default: 'set by the BizTalk Configuration Wizard',
    range: 'same rules as ssoAdminAccount (events 10572, 10573, 10776, 10777)',
    apiParameter: 'affiliateAppMgrGroup',
    sources: [page('biztalk/core/how-to-specify-sso-administrators-and-affiliate-administrators-accounts'), event(10572), event(10573)],
    note: 'Changing it is a separate flow: `ssomanage -disablesso`, `-updatedb`, `-enablesso`.',
  },
  {
    name: 'secretServer',
    order: 3,
    kind: 'computerName',
    type: 'computer name (NetBIOS name, 1–15 characters)',
    meaning:
      'Name of the **master secret server**. For a cluster, the Network Name resource of the role that holds the clustered ENTSSO service, not a node name.',
    default: 'the server that created the SSO system',
    range:
      'a Windows computer name; the docs only ever use bare names, so a fully qualified name is accepted with a warning. When the file is applied away from the current master secret server it must be the only setting.',
    apiParameter: 'secretServer',
    sources: [
      page('biztalk/core/how-to-move-the-master-secret-server'),
      page('biztalk/core/how-to-change-the-master-secret-server'),
      page('biztalk/core/how-to-cluster-the-master-secret-server1'),
      page('biztalk/core/technical-reference/issoadmin-getglobalinfo-method'),
      event(10575),
    ],
    note: 'Event 10575 ("Updated secret server name") on the old master secret server proves that `-updatedb` worked.',
  },
  {
    name: 'auditDeletedApps',
    order: 4,
    kind: 'integer',
    type: 'positive integer (number of audit entries)',
    meaning: 'Size of the audit table for deleted affiliate applications.',
    default: '1000',
    range: 'positive integer; no minimum or maximum is documented',
    min: 1,
    max: INT32_MAX,
    rangeDocumented: false,
    apiParameter: 'auditAppDeleteMax',
    sources: [page('biztalk/core/how-to-display-the-sso-database-information'), page('biztalk/core/technical-reference/sso-system-properties-audits'), page('biztalk/core/how-to-audit-sso')],
  },
  {
    name: 'auditDeletedMappings',
    order: 5,
    kind: 'integer',
    type: 'positive integer (number of audit entries)',
    meaning: 'Size of the audit table for deleted user mappings.',
    default: '1000',
    range: 'positive integer; no minimum or maximum is documented',
    min: 1,
    max: INT32_MAX,
    rangeDocumented: false,
    apiParameter: 'auditMappingDeleteMax',
    sources: [page('biztalk/core/how-to-display-the-sso-database-information'), page('biztalk/core/technical-reference/sso-system-properties-audits'), page('biztalk/core/how-to-audit-sso')],
  },
  {
    name: 'auditCredentialLookups',
    order: 6,
    kind: 'integer',
    type: 'positive integer (number of audit entries)',
    meaning: 'Size of the audit table for external credential lookups.',
    default: '1000',
    range: 'positive integer; no minimum or maximum is documented',
    min: 1,
    max: INT32_MAX,
    rangeDocumented: false,
    apiParameter: 'auditXpLookupMax (inferred, medium confidence)',
    sources: [page('biztalk/core/how-to-display-the-sso-database-information'), page('biztalk/core/technical-reference/sso-system-properties-audits'), page('biztalk/core/how-to-audit-sso')],
  },
  {
    name: 'ticketTimeout',
    order: 7,
    kind: 'integer',
    type: 'integer, minutes',
    meaning: 'How long SSO tickets stay valid.',
    default: '2',
    range: '1 to 525600 minutes (one year)',
    min: 1,
    max: 525600,
    rangeDocumented: true,
    apiParameter: 'ticketTimeout',
    sources: [page('biztalk/core/how-to-display-the-sso-database-information'), page('biztalk/core/how-to-update-the-sso-database'), event(10614)],
  },
  {
    name: 'credCacheTimeout',
    order: 8,
    kind: 'integer',
    type: 'positive integer, minutes',
    meaning: 'Credential cache time-out for all SSO servers.',
    default: '60',
    range: 'positive integer; no minimum or maximum is documented',
    min: 1,
    max: INT32_MAX,
    rangeDocumented: false,
    apiParameter: 'credCacheTimeout',
    sources: [page('biztalk/core/how-to-update-the-sso-database'), page('biztalk/core/technical-reference/sso-system-properties-general')],
  },
];

const byName = new Map(globalInfoElements.map((e) => [e.name, e]));

export function elementSpec(name: string): ElementSpec | undefined {
  return byName.get(name);
}

export const ACCOUNT_ELEMENTS: readonly string[] = globalInfoElements.filter((e) => e.kind === 'account').map((e) => e.name);
