// THE list of diagnostic codes of the update-XML validator: each code once, with its
// severities, the one-line rule shown in the README and in docs/update-xml-rules.md, and
// whether the code is public. `DiagnosticCode` (types.ts) is derived from this table, the
// validator (validate/) can only report codes that are in it, and the README table and
// docs/update-xml-rules.md are generated from it by scripts/gen-rules-table.ts
// (`npm run generate`); test/unit/updateXml/rules.test.ts fails when they drift apart.
//
// Microsoft publishes no schema for the file; the rules come from its documentation (see
// docs/update-xml.md). Where the docs are unsure, the finding is a warning, not an error.
/** How serious a finding is (VS Code's error, warning and information). */
export type Severity = 'error' | 'warning' | 'information';

export interface Rule {
  /** The `code` of the diagnostic (VS Code's Problems view, `mss-xml validate`). */
  readonly code: string;
  /** Every severity the code is reported with; the first is the usual one. */
  readonly severities: readonly [Severity, ...Severity[]];
  /** The severity column of the tables when the plain list would not say which is when. */
  readonly severityText?: string;
  /**
   * Public codes are part of the extension's interface (diagnostics, the result of
   * `mss.validateUpdateXml`, the output of `mss-xml validate`): they are never renamed or
   * dropped. The others may still change.
   */
  readonly public: boolean;
  /** One line for the README table (Markdown). */
  readonly rule: string;
  /** What exactly the validator checks, for docs/update-xml-rules.md (Markdown). */
  readonly detail: string;
}

export const RULES = [
  {
    code: 'xml-syntax',
    severities: ['error'],
    public: true,
    rule: 'not well-formed XML 1.0 (every constraint for a file without a DOCTYPE), at the exact position',
    detail:
      "The file is not well-formed XML 1.0: fast-xml-parser's `XMLValidator` error (the range is at its line and column), then a conformant check with saxes for everything it lets through (characters XML forbids, such as NUL, other control characters, U+FFFE, or `&#1;`; `--` in a comment; `<` in an attribute value; a malformed XML declaration or processing instruction; an undeclared entity; a second root; a second byte order mark; whitespace after `<` or `</`, with a fix that removes it). The range is where the problem is. After this error, structure and values are not checked.",
  },
  {
    code: 'doctype',
    severities: ['error'],
    public: true,
    rule: 'a DOCTYPE or entity declaration; never expanded or fetched',
    detail: 'A DOCTYPE (the message says when it declares entities). It is never expanded and its DTD is never fetched; the fix removes it.',
  },
  {
    code: 'file-too-large',
    severities: ['error'],
    public: false,
    rule: 'over 1 MiB: a real update file is a few hundred bytes',
    detail: 'The text has more than `MAX_TEXT_LENGTH` (1 MiB) characters and is not parsed at all: one diagnostic at the start of the file.',
  },
  {
    code: 'root-element',
    severities: ['error', 'warning'],
    severityText: 'error (warning for `SSO`)',
    public: true,
    rule: 'the root must be `sso`',
    detail:
      'The root element is not `sso`. Only a warning when it differs in case alone (`SSO`, which other ssomanage samples use); a root `globalInfo` gets a fix that wraps it in `sso`.',
  },
  {
    code: 'missing-global-info',
    severities: ['error'],
    public: false,
    rule: '`sso` has no `globalInfo`',
    detail: '`sso` without a `globalInfo` child: nothing would be updated. The fix adds `globalInfo`, or wraps settings placed directly in `sso`.',
  },
  {
    code: 'global-info-typo',
    severities: ['error'],
    public: true,
    rule: '`globalnfo` (three Microsoft pages print it) or another spelling; the fix renames both tags',
    detail:
      '`globalnfo` (the typo in three doc samples, also the malformed `<globalnfo>…</globalInfo>`) or another spelling of `globalInfo` (case, namespace prefix, near miss).',
  },
  {
    code: 'unknown-element',
    severities: ['error'],
    public: true,
    rule: 'not one of the eight elements; near misses (case, typo) get a rename fix',
    detail:
      'An element that is not one of the eight settings; a near-miss name (case, typo, namespace prefix, start and end tags spelled differently); an element nested where only text belongs; or a setting placed directly in `sso`.',
  },
  {
    code: 'duplicate-element',
    severities: ['error'],
    public: true,
    rule: 'an element given twice; the fix deletes the extra one',
    detail: 'A setting, or `globalInfo`, given twice: which one ssomanage uses is undocumented.',
  },
  {
    code: 'unexpected-text',
    severities: ['error'],
    public: false,
    rule: 'text directly inside `sso` or `globalInfo`',
    detail: 'Text (not comments or processing instructions) directly inside `sso` or `globalInfo`: it sets nothing.',
  },
  {
    code: 'unexpected-attribute',
    severities: ['warning'],
    public: false,
    rule: 'attributes or namespaces (no sample has any)',
    detail: 'Attributes and namespace declarations, on any element: no sample has any, and their effect is unknown.',
  },
  {
    code: 'no-settings',
    severities: ['warning'],
    public: false,
    rule: '`globalInfo` sets nothing',
    detail: '`globalInfo` has no recognised setting: `-updatedb` would change nothing.',
  },
  {
    code: 'empty-value',
    severities: ['error'],
    public: true,
    rule: 'an element without a value',
    detail: 'A setting with an empty value (or only whitespace, or self-closing); for numbers the fix offers the default.',
  },
  {
    code: 'invalid-server-name',
    severities: ['error', 'warning'],
    public: true,
    rule:
      '`secretServer` must be a Windows computer name: 1 to 15 characters, no spaces, `& " < > \\| \\ / : * ? ,` and the like, no leading `-`, not all digits; a fully qualified name, an IP address or an underscore is a warning (the docs only use bare names)',
    detail:
      '`secretServer` against the Windows computer-name rules above (error); a fully qualified name, an IP address, an underscore, or whitespace around the name is a warning.',
  },
  {
    code: 'invalid-account',
    severities: ['error', 'warning'],
    public: false,
    rule: '`ssoAdminAccount`, `ssoAffiliateAdminAccount`: `DOMAIN\\Name`; built-in accounts and Everyone are refused (10776, 10777)',
    detail:
      'The account elements must be `DOMAIN\\Name`. Built-in accounts and Everyone (events 10776, 10777), more than one backslash, a missing part, `.\\` or characters Windows forbids are errors; a bare local name, the `user@domain` form, a list separator or whitespace around the account are warnings.',
  },
  {
    code: 'invalid-number',
    severities: ['error'],
    public: true,
    rule: 'audit sizes and timeouts must be whole numbers',
    detail: 'A number setting that is not a whole number; the fix drops digit separators or uses the default.',
  },
  {
    code: 'out-of-range',
    severities: ['error', 'warning'],
    public: true,
    rule: '`ticketTimeout` 1 to 525600 minutes (error); other numbers ≤ 0 (warning: no documented bounds)',
    detail:
      '`ticketTimeout` outside its documented range 1–525600 is an error; the other numbers, which have no documented bounds, get a warning at 0 or less or above 2147483647.',
  },
  {
    code: 'element-order',
    severities: ['warning'],
    public: true,
    rule: 'not in the documented order (whether ssomanage cares is not documented)',
    detail: 'Settings not in the order every sample uses (whether ssomanage enforces it is unknown); one fix reorders them all.',
  },
  {
    code: 'move-extra-elements',
    severities: ['warning'],
    public: true,
    rule: '`secretServer` with other elements: run away from the current master secret server, `-updatedb` fails when admin accounts are in the file',
    detail:
      '`secretServer` together with other settings. Run away from the current master secret server, `-updatedb` fails when the file also sets the administrator accounts ([How to Change the Master Secret Server](https://learn.microsoft.com/en-us/biztalk/core/how-to-change-the-master-secret-server)), and those need SSO disabled first (see `admin-account-change`).',
  },
  {
    code: 'admin-account-change',
    severities: ['information'],
    public: false,
    rule: 'admin accounts change: `-disablesso`, `-updatedb`, `-enablesso`',
    detail:
      'An administrator account is changed: SSO must be disabled first ([How to Specify SSO Administrators and Affiliate Administrators Accounts](https://learn.microsoft.com/en-us/biztalk/core/how-to-specify-sso-administrators-and-affiliate-administrators-accounts)).',
  },
  {
    code: 'xml-declaration',
    severities: ['information'],
    public: false,
    rule: 'accepted by XML; whether `-updatedb` accepts it is unconfirmed',
    detail: '`<?xml …?>` is fine XML, but no globalInfo sample has one, so its acceptance by `-updatedb` is unconfirmed.',
  },
  {
    code: 'encoding',
    severities: ['error', 'warning', 'information'],
    severityText: 'error (warning when another encoding is declared; information for UTF-16)',
    public: false,
    rule: 'bytes not valid in the file\'s encoding (error), a declaration that names another encoding than the BOM (error); UTF-16 (information)',
    detail:
      'Checked on the bytes only. Bytes that are not valid UTF-8 (also overlong forms and surrogates) or a broken UTF-16 character are an error at the first one; so are an `encoding` in the XML declaration that contradicts the byte order mark (UTF-8 BOM with `UTF-16`, UTF-16 BOM with `UTF-8`), `UTF-16` declared in a file without a UTF-16 BOM, and a second byte order mark. A declared encoding the extension cannot read is an error at the declaration even when the bytes are ASCII (XML 1.0, 4.3.3): a name it does not know (`UTFF-8`), or one whose bytes are not ASCII for ASCII text (`UTF-32`, `EBCDIC-CP-US`). When the declaration names an ASCII-compatible encoding the extension does not decode (such as `windows-1252`), bytes that are not UTF-8 are only a warning. UTF-16 (its acceptance is unconfirmed) is information.',
  },
  {
    code: 'invisible-character',
    severities: ['error'],
    public: false,
    rule: 'an invisible, bidirectional or control character in an element or attribute name',
    detail:
      'An element or attribute name that contains an invisible character (zero-width joiner, word joiner, U+FEFF...), a bidirectional control or another format character, which XML allows in names but which makes the name look like another. The fix removes it from both tags. (In the server name and the accounts the same characters are `invalid-server-name` and `invalid-account` errors.)',
  },
  {
    code: 'too-many-problems',
    severities: ['error', 'warning'],
    severityText: 'error when an error is among the findings it counts, otherwise warning',
    public: false,
    rule: 'more than 100 findings: the rest are counted, not listed',
    detail:
      'After `MAX_DIAGNOSTICS` (100) findings, the others are only counted, so that time and memory stay bounded on a crafted file; one last finding says how many more there are: an error when one of them is an error (so it still stops `-updatedb`), otherwise a warning.',
  },
] as const satisfies readonly Rule[];

/** Every code the validator reports. */
export type RuleCode = (typeof RULES)[number]['code'];

/** The rule of `code`, or undefined for a code that is not in the table. */
export function ruleFor(code: string): Rule | undefined {
  return (RULES as readonly Rule[]).find((r) => r.code === code);
}
