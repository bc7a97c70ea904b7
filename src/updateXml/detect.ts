// Which files are update XML files (the rule README.md#newmssserverxml states to users): root
// `sso` with a `globalInfo` (or the doc typo `globalnfo`) child, or the base name NewMSSServer.xml.
import { decodeEntities, parseLenient } from './parse';
import { DEFAULT_UPDATE_XML_FILE_NAME } from './generate';
import { GLOBAL_INFO_DOC_TYPO, GLOBAL_INFO_ELEMENT, ROOT_ELEMENT } from './schema';
import { MAX_TEXT_LENGTH } from './validate';

const CHILD_NAMES = new Set([GLOBAL_INFO_ELEMENT.toLowerCase(), GLOBAL_INFO_DOC_TYPO]);

export function isUpdateXmlDocument(fileName: string, text: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  if (base.toLowerCase() === DEFAULT_UPDATE_XML_FILE_NAME.toLowerCase()) return true;
  // Root and child names are compared without case: a file with <SSO> is still meant for
  // ssomanage, and validation then explains the spelling.
  const parsed = text.length > MAX_TEXT_LENGTH ? undefined : parseLenient(text);
  if (!parsed) {
    // Too large to parse, or so broken the lenient parse fails: look at the start only.
    const head = text.slice(0, 64 * 1024).replace(/^\ufeff/, '').replace(/<!--[\s\S]*?-->/g, '');
    return /^\s*(?:<\?[\s\S]*?\?>\s*)*(?:<!DOCTYPE[^>]*>\s*)?<\s*sso[\s>][\s\S]*?<\s*(?:globalInfo|globalnfo)[\s>/]/i.test(head);
  }
  const root = parsed.roots[0];
  if (!root || root.name.toLowerCase() !== ROOT_ELEMENT) return false;
  return root.children.some((c) => CHILD_NAMES.has(c.name.toLowerCase()));
}

/** The `secretServer` value of an update file (trimmed, entities decoded), or undefined. */
export function readSecretServer(text: string): string | undefined {
  const root = text.length > MAX_TEXT_LENGTH ? undefined : parseLenient(text)?.roots[0];
  const globalInfo = root?.children.find((c) => CHILD_NAMES.has(c.name.toLowerCase()));
  const server = globalInfo?.children.find((c) => c.name === 'secretServer');
  const value = server ? decodeEntities(server.text).trim() : '';
  return value === '' ? undefined : value;
}
