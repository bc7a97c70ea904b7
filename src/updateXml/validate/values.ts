// The values layer of the validator: the text of each setting, checked by its kind
// (computer name, account, number). Pure: no `vscode` import.
import { checkServerName, describeInvisible, findInvisible, visible } from '../../ssoTools/serverName';
import { decodeEntities } from '../parse';
import { INT32_MAX, type ElementSpec } from '../schema';
import { isXmlSpace } from '../positions';
import type { Severity } from '../rules';
import type { QuickFix, XmlElement } from '../types';
import { elementEnd, type Report } from './fixes';

/** A recognised setting inside `globalInfo`. */
export interface Setting {
  el: XmlElement;
  spec: ElementSpec;
}

export interface Value {
  raw: string;
  value: string;
  trimmed: string;
  /** Range of the trimmed value (or of the element when empty). */
  start: number;
  end: number;
  /** Content range, when the content is plain text (no comments / CDATA) and can be rewritten. */
  contentStart?: number;
  contentEnd?: number;
}

function readValue(report: Report, el: XmlElement): Value {
  if (el.selfClosing || el.closeStart === undefined) {
    return { raw: '', value: '', trimmed: '', start: el.nameStart, end: el.nameEnd };
  }
  const t = report.text;
  const cs = el.startTagEnd;
  const ce = el.closeStart;
  const raw = t.slice(cs, ce);
  const plain = !raw.includes('<');
  const value = decodeEntities(plain ? raw : el.text);
  const trimmed = value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  let s = cs;
  let e = ce;
  while (s < e && isXmlSpace(t[s])) s++;
  while (e > s && isXmlSpace(t[e - 1])) e--;
  if (trimmed.length === 0) return { raw, value, trimmed, start: el.nameStart, end: el.nameEnd };
  return plain ? { raw, value, trimmed, start: s, end: e, contentStart: cs, contentEnd: ce } : { raw, value, trimmed, start: s, end: e };
}

/** Checks the value of one setting (the first of its name). */
export function checkValue(report: Report, s: Setting): void {
  const { el, spec } = s;
  for (const nested of el.children) {
    report.add(
      'unknown-element',
      'error',
      nested.nameStart,
      nested.nameEnd,
      `<${spec.name}> holds only a value; the element <${nested.name}> inside it is not part of the format. Write the value directly: <${spec.name}>…</${spec.name}>.`,
      [report.fix(`Remove <${nested.name}>`, [report.deletion(nested.start, elementEnd(nested))], true)],
    );
  }
  if (el.children.length > 0) return;
  const v = readValue(report, el);
  if (v.trimmed.length === 0) {
    const fixes = [report.fix(`Remove the empty <${spec.name}>`, [report.deletion(el.start, elementEnd(el))], spec.kind !== 'integer')];
    if (spec.kind === 'integer') fixes.unshift(setValueFix(report, el, v, spec.default, `Use the default (${spec.default})`, true));
    report.add(
      'empty-value',
      'error',
      v.start,
      v.end,
      `<${spec.name}> is empty. What ssomanage -updatedb does with an empty value is undocumented; give it a value (${spec.type}) or remove the element to leave the setting unchanged.`,
      fixes,
    );
    return;
  }
  if (spec.kind === 'computerName') checkServerValue(report, s, v);
  else if (spec.kind === 'account') checkAccountValue(report, s, v);
  else checkNumberValue(report, s, v);
}

function checkServerValue(report: Report, { el }: Setting, v: Value): void {
  const check = checkServerName(v.trimmed);
  if (!check.ok || check.severity) {
    const fixes: QuickFix[] = [];
    if (check.ok && v.trimmed.includes('.')) {
      const host = v.trimmed.split('.')[0];
      const hostCheck = checkServerName(host);
      if (hostCheck.ok && !hostCheck.severity && !/^[0-9]+$/.test(host)) {
        fixes.push(setValueFix(report, el, v, host, `Use the bare computer name "${host}"`));
      }
    }
    report.add('invalid-server-name', check.ok ? 'warning' : 'error', v.start, v.end, check.message, fixes);
  }
  if (v.value !== v.trimmed) {
    report.add(
      'invalid-server-name',
      'warning',
      v.start,
      v.end,
      `The server name has whitespace (spaces or line breaks) around it inside <secretServer>. Whether ssomanage -updatedb trims it is undocumented, and "${v.trimmed} " is not the same computer name. Write <secretServer>${v.trimmed}</secretServer>.`,
      trimFix(report, el, v),
    );
  }
}

const BUILTIN_DOMAINS = new Set(['BUILTIN', 'NT AUTHORITY', 'NT SERVICE', 'NT VIRTUAL MACHINE', 'IIS APPPOOL', 'WINDOW MANAGER', 'FONT DRIVER HOST']);
const BUILTIN_NAMES = new Set([
  'EVERYONE', 'ADMINISTRATORS', 'USERS', 'GUESTS', 'POWER USERS', 'BACKUP OPERATORS', 'AUTHENTICATED USERS',
  'SYSTEM', 'LOCAL SYSTEM', 'LOCALSYSTEM', 'LOCAL SERVICE', 'NETWORK SERVICE', 'ANONYMOUS LOGON', 'INTERACTIVE',
  'NETWORK', 'SERVICE', 'BATCH', 'CREATOR OWNER', 'REMOTE DESKTOP USERS', 'ADMINISTRATOR', 'GUEST',
]);
const ACCOUNT_FORBIDDEN = '"/[]:|<>+=;,?*';

function checkAccountValue(report: Report, { el, spec }: Setting, v: Value): void {
  const value = v.trimmed;
  const role = spec.name === 'ssoAdminAccount' ? 'SSO Administrators' : 'SSO Affiliate Administrators';
  const add = (severity: Severity, message: string, fixes: QuickFix[] = []) =>
    report.add('invalid-account', severity, v.start, v.end, message, fixes);

  const invisible = findInvisible(value);
  if (invisible) {
    add(
      'error',
      `The account "${visible(value)}" contains ${describeInvisible(invisible.char)}, a character that does not show (or changes how the name is shown), so it is not the account you see. Retype it as DOMAIN\\Name.`,
    );
    return;
  }

  if (v.value !== value) {
    add(
      'warning',
      `The account has whitespace (spaces or line breaks) around it; whether ssomanage -updatedb trims it is undocumented. Write <${spec.name}>${value}</${spec.name}>.`,
      trimFix(report, el, v),
    );
  }
  if (/[;,]/.test(value)) {
    add(
      'warning',
      `"${value}" looks like a list of accounts. More than one account per role is possible, but how to separate them in this file is undocumented. Give one group (a domain group that contains the others) instead.`,
    );
    return;
  }
  const parts = value.split('\\');
  const domain = parts.length === 2 ? parts[0] : '';
  const name = parts[parts.length - 1];
  if (BUILTIN_NAMES.has(name.toUpperCase()) || BUILTIN_DOMAINS.has(domain.toUpperCase())) {
    add(
      'error',
      `"${value}" is a built-in account${name.toUpperCase() === 'EVERYONE' ? ' (Everyone)' : ''}; for security reasons SSO refuses built-in accounts and Everyone as the ${role} account (event 10777, ENTSSO_E_NO_BUILTIN_ACCOUNTS). Use a domain group such as DOMAIN\\${role}.`,
    );
    return;
  }
  if (parts.length > 2) {
    add('error', `"${value}" has more than one backslash; the account format is DOMAIN\\Name (event 10776). Correct it.`);
    return;
  }
  if (parts.length === 1) {
    if (value.includes('@')) {
      add(
        'warning',
        `"${value}" is in user@domain form; the SSO docs always write DOMAIN\\Name and whether -updatedb accepts this form is undocumented. Write it as DOMAIN\\Name.`,
      );
      return;
    }
    if (!checkAccountChars(add, value, value)) return;
    add(
      'warning',
      `"${value}" has no domain, so SSO reads it as a local account or group of the SSO server (event 10776: domain accounts must include the domain). A master secret server move or a cluster needs domain groups; write DOMAIN\\${value} unless you really mean a local group.`,
    );
    return;
  }
  if (domain.length === 0 || name.length === 0) {
    add(
      'error',
      `"${value}" is incomplete: the account format is DOMAIN\\Name, with both parts (event 10776, "The format of the account name is not valid"). Correct it.`,
    );
    return;
  }
  if (domain === '.') {
    add(
      'error',
      `".\\" names the local computer, but local accounts must not include a domain or computer name (event 10776). Use a domain group (DOMAIN\\Name), or just "${name}" for a local group.`,
    );
    return;
  }
  checkAccountChars(add, name, value);
}

function checkAccountChars(add: (severity: Severity, message: string) => void, name: string, value: string): boolean {
  const bad = [...name].find((c) => ACCOUNT_FORBIDDEN.includes(c));
  if (bad) {
    add('error', `"${value}" contains "${bad}", which Windows account names cannot contain (" / \\ [ ] : ; | = , + * ? < >). Correct the account name.`);
    return false;
  }
  return true;
}

function checkNumberValue(report: Report, { el, spec }: Setting, v: Value): void {
  const value = v.trimmed;
  const unit = spec.name.endsWith('Timeout') ? ' minutes' : ' entries';
  if (!/^[+-]?[0-9]+$/.test(value)) {
    const fixes: QuickFix[] = [];
    const compact = value.replace(/[,_ \u00a0']/g, '');
    if (compact !== value && /^[0-9]+$/.test(compact)) {
      fixes.push(setValueFix(report, el, v, String(Number(compact)), `Write it as ${Number(compact)}`, true));
    }
    fixes.push(setValueFix(report, el, v, spec.default, `Use the default (${spec.default})`, fixes.length === 0));
    report.add(
      'invalid-number',
      'error',
      v.start,
      v.end,
      `<${spec.name}> must be a whole number (${spec.type}), but it is "${value}". Write digits only, without separators, decimals or units (default ${spec.default}).`,
      fixes,
    );
    return;
  }
  const n = Number(value);
  const min = spec.min ?? 1;
  const max = spec.max ?? INT32_MAX;
  if (spec.rangeDocumented) {
    if (n < min || n > max) {
      const clamp = String(n < min ? min : max);
      report.add(
        'out-of-range',
        'error',
        v.start,
        v.end,
        `<${spec.name}> is ${value}, outside the documented range ${spec.range}${spec.name === 'ticketTimeout' ? ' (event 10614: the ticket time-out value is not valid)' : ''}. Use a value from ${min} to ${max}.`,
        [setValueFix(report, el, v, clamp, `Use ${clamp}`, true), setValueFix(report, el, v, spec.default, `Use the default (${spec.default})`)],
      );
    }
    return;
  }
  if (n <= 0) {
    report.add(
      'out-of-range',
      'warning',
      v.start,
      v.end,
      `<${spec.name}> is ${value}. No limits are documented, but it is a count of${unit} and should be positive; 0 or less is probably rejected. The default is ${spec.default}.`,
      [setValueFix(report, el, v, spec.default, `Use the default (${spec.default})`, true)],
    );
  } else if (n > max) {
    report.add(
      'out-of-range',
      'warning',
      v.start,
      v.end,
      `<${spec.name}> is ${value}, larger than ${max}, the largest number the SSO API's 32-bit values can hold (inferred; no limit is documented). Use a smaller value (default ${spec.default}).`,
      [setValueFix(report, el, v, spec.default, `Use the default (${spec.default})`, true)],
    );
  }
}

/** Replaces the value of a setting (or a self-closing / unclosed element) with `value`. */
export function setValueFix(report: Report, el: XmlElement, v: Value, value: string, title: string, preferred = false): QuickFix {
  if (el.selfClosing || el.closeStart === undefined) {
    return report.fix(title, [{ start: el.start, end: elementEnd(el), newText: `<${el.name}>${value}</${el.name}>` }], preferred);
  }
  if (v.contentStart !== undefined && v.contentEnd !== undefined) {
    return report.fix(title, [{ start: v.contentStart, end: v.contentEnd, newText: value }], preferred);
  }
  return report.fix(title, [{ start: el.startTagEnd, end: el.closeStart, newText: value }], preferred);
}

export function trimFix(report: Report, el: XmlElement, v: Value): QuickFix[] {
  return v.contentStart !== undefined ? [setValueFix(report, el, v, escapeText(v.trimmed), 'Remove the surrounding whitespace', true)] : [];
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
