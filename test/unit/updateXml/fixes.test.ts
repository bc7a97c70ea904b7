// Exact results of the main quick fixes, and rules that need more than a fixture row.
import * as assert from 'node:assert/strict';
import { applyEdits, validateUpdateXml, type UpdateXmlDiagnostic } from '../../../src/updateXml';

function only(text: string, code: string): UpdateXmlDiagnostic {
  const found = validateUpdateXml(text).filter((d) => d.code === code);
  assert.equal(found.length, 1, `${code} in ${JSON.stringify(text)}`);
  return found[0];
}

function fixed(text: string, code: string, fixIndex = 0): string {
  return applyEdits(text, only(text, code).fixes[fixIndex].edits);
}

describe('quick fixes (exact results)', () => {
  it('renames both tags of the docs sample <globalnfo> … </globalInfo>', () => {
    const text = '<sso>\r\n  <globalnfo>\r\n    <ticketTimeout>5</ticketTimeout>\r\n  </globalInfo>\r\n</sso>\r\n';
    const d = only(text, 'global-info-typo');
    assert.equal(d.fixes[0].edits.length, 2);
    assert.equal(d.fixes[0].isPreferred, true);
    assert.equal(applyEdits(text, d.fixes[0].edits), text.replace('globalnfo', 'globalInfo'));
  });

  it('renames both tags of a consistently misspelt element', () => {
    assert.equal(
      fixed('<sso><globalInfo><secretserver>A1</secretserver></globalInfo></sso>', 'unknown-element'),
      '<sso><globalInfo><secretServer>A1</secretServer></globalInfo></sso>',
    );
  });

  it('deletes a duplicate with its line', () => {
    const text = '<sso>\n  <globalInfo>\n    <secretServer>A1</secretServer>\n    <secretServer>B2</secretServer>\n  </globalInfo>\n</sso>\n';
    assert.equal(fixed(text, 'duplicate-element'), '<sso>\n  <globalInfo>\n    <secretServer>A1</secretServer>\n  </globalInfo>\n</sso>\n');
  });

  it('trims whitespace around the server name', () => {
    const text = '<sso><globalInfo><secretServer>\r\n  BTSMSS02\r\n</secretServer></globalInfo></sso>';
    assert.equal(fixed(text, 'invalid-server-name'), '<sso><globalInfo><secretServer>BTSMSS02</secretServer></globalInfo></sso>');
  });

  it('reorders settings into the documented order, keeping layout', () => {
    const text = '<sso>\n  <globalInfo>\n    <ticketTimeout>5</ticketTimeout>\n    <secretServer>A1</secretServer>\n    <auditDeletedApps>9</auditDeletedApps>\n  </globalInfo>\n</sso>\n';
    const orders = validateUpdateXml(text).filter((d) => d.code === 'element-order');
    assert.equal(orders.length, 2);
    assert.deepEqual(orders[0].fixes, orders[1].fixes);
    assert.equal(
      applyEdits(text, orders[0].fixes[0].edits),
      '<sso>\n  <globalInfo>\n    <secretServer>A1</secretServer>\n    <auditDeletedApps>9</auditDeletedApps>\n    <ticketTimeout>5</ticketTimeout>\n  </globalInfo>\n</sso>\n',
    );
  });

  it('keeps only secretServer for a move', () => {
    const text = '<sso>\n  <globalInfo>\n    <ssoAdminAccount>F\\A</ssoAdminAccount>\n    <secretServer>A1</secretServer>\n    <ticketTimeout>5</ticketTimeout>\n  </globalInfo>\n</sso>\n';
    const d = only(text, 'move-extra-elements');
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /fails when it is run away from the current master secret server/);
    assert.equal(applyEdits(text, d.fixes[0].edits), '<sso>\n  <globalInfo>\n    <secretServer>A1</secretServer>\n  </globalInfo>\n</sso>\n');
  });

  it('clamps ticketTimeout and rewrites a number with separators', () => {
    assert.match(fixed('<sso><globalInfo><ticketTimeout>600000</ticketTimeout></globalInfo></sso>', 'out-of-range'), /<ticketTimeout>525600</);
    assert.match(fixed('<sso><globalInfo><ticketTimeout>1 440</ticketTimeout></globalInfo></sso>', 'invalid-number'), /<ticketTimeout>1440</);
  });

  it('gives an empty number its default', () => {
    assert.equal(
      fixed('<sso><globalInfo><credCacheTimeout/></globalInfo></sso>', 'empty-value'),
      '<sso><globalInfo><credCacheTimeout>60</credCacheTimeout></globalInfo></sso>',
    );
  });

  it('wraps settings placed directly in sso into globalInfo', () => {
    const text = '<sso>\n  <secretServer>A1</secretServer>\n</sso>\n';
    const after = fixed(text, 'missing-global-info');
    assert.equal(after, '<sso>\n  <globalInfo>\n  <secretServer>A1</secretServer>\n  </globalInfo>\n</sso>\n');
    assert.deepEqual(validateUpdateXml(after), []);
  });

  it('removes a DOCTYPE with its internal subset', () => {
    const text = '<!DOCTYPE sso [\n  <!ENTITY a "b">\n]>\n<sso><globalInfo><secretServer>A1</secretServer></globalInfo></sso>\n';
    assert.equal(fixed(text, 'doctype'), '<sso><globalInfo><secretServer>A1</secretServer></globalInfo></sso>\n');
  });
});

describe('rules', () => {
  it('never expands DOCTYPE entities into values', () => {
    const text = '<!DOCTYPE sso [<!ENTITY srv "BTSMSS02">]>\n<sso><globalInfo><secretServer>&srv;</secretServer></globalInfo></sso>';
    const codes = validateUpdateXml(text).map((d) => d.code);
    assert.deepEqual(codes, ['doctype', 'invalid-server-name']);
    assert.match(validateUpdateXml(text)[1].message, /"&srv;"/);
  });

  it('decodes the predefined entities and character references in values', () => {
    const [d] = validateUpdateXml('<sso><globalInfo><ticketTimeout>&#55;&#x30;&lt;</ticketTimeout></globalInfo></sso>');
    assert.equal(d.code, 'invalid-number');
    assert.match(d.message, /"70<"/);
    assert.deepEqual(validateUpdateXml('<sso><globalInfo><secretServer>BTS&#x2D;01</secretServer></globalInfo></sso>'), []);
  });

  it('warns (not errors) where the docs are silent', () => {
    const warn = (text: string, code: string) => assert.equal(only(text, code).severity, 'warning', text);
    warn('<sso><globalInfo><ticketTimeout>5</ticketTimeout><secretServer>A1</secretServer></globalInfo></sso>', 'element-order');
    warn('<sso><globalInfo><auditDeletedApps>0</auditDeletedApps></globalInfo></sso>', 'out-of-range');
    warn('<sso><globalInfo><secretServer>a1.fabrikam.com</secretServer></globalInfo></sso>', 'invalid-server-name');
    warn('<SSO><globalInfo><secretServer>A1</secretServer></globalInfo></SSO>', 'root-element');
    warn('<sso><globalInfo x="1"><secretServer>A1</secretServer></globalInfo></sso>', 'unexpected-attribute');
  });

  it('errors where the docs are clear', () => {
    const error = (text: string, code: string) => assert.equal(only(text, code).severity, 'error', text);
    error('<sso><globalInfo><ticketTimeout>0</ticketTimeout></globalInfo></sso>', 'out-of-range');
    error('<sso><globalInfo><ssoAdminAccount>Everyone</ssoAdminAccount></globalInfo></sso>', 'invalid-account');
    error('<sso><globalInfo><ssoAdminAccount>NT AUTHORITY\\SYSTEM</ssoAdminAccount></globalInfo></sso>', 'invalid-account');
    error('<sso><globalInfo><secretServer>-A1</secretServer></globalInfo></sso>', 'invalid-server-name');
  });
});
