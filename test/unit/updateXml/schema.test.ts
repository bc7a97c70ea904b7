import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  globalInfoElements,
  isUpdateXmlDocument,
  MAX_TEXT_LENGTH,
  renderXsd,
  validateUpdateXml,
  validateUpdateXmlBytes,
} from '../../../src/updateXml';

const ROOT = path.resolve(__dirname, '../../../..');

describe('schema', () => {
  it('lists the eight documented settings in the documented order', () => {
    assert.deepEqual(
      globalInfoElements.map((e) => e.name),
      ['ssoAdminAccount', 'ssoAffiliateAdminAccount', 'secretServer', 'auditDeletedApps', 'auditDeletedMappings', 'auditCredentialLookups', 'ticketTimeout', 'credCacheTimeout'],
    );
    assert.deepEqual(globalInfoElements.map((e) => e.order), [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('carries the documented defaults and the ticketTimeout range', () => {
    const byName = Object.fromEntries(globalInfoElements.map((e) => [e.name, e]));
    assert.equal(byName.ticketTimeout.default, '2');
    assert.equal(byName.ticketTimeout.min, 1);
    assert.equal(byName.ticketTimeout.max, 525600);
    assert.equal(byName.ticketTimeout.rangeDocumented, true);
    assert.equal(byName.credCacheTimeout.default, '60');
    for (const n of ['auditDeletedApps', 'auditDeletedMappings', 'auditCredentialLookups']) {
      assert.equal(byName[n].default, '1000');
      assert.equal(byName[n].rangeDocumented, false);
    }
    for (const e of globalInfoElements) assert.ok(e.sources.length > 0 && e.sources.every((s) => s.url.startsWith('https://learn.microsoft.com/')));
  });
});

describe('XSD', () => {
  it('schemas/globalInfo.xsd is in sync with renderXsd() (regenerate: node out/scripts/gen-xsd.js)', () => {
    assert.equal(fs.readFileSync(path.join(ROOT, 'schemas', 'globalInfo.xsd'), 'utf8'), renderXsd());
  });

  it('declares every setting once, optional, with its bounds', () => {
    const xsd = renderXsd();
    for (const e of globalInfoElements) {
      assert.equal(xsd.split(`<xs:element name="${e.name}" `).length - 1, 1, e.name);
    }
    assert.match(xsd, /<xs:all>/);
    assert.match(xsd, /<xs:simpleType name="ticketTimeoutType">\s*<xs:restriction base="xs:int">\s*<xs:minInclusive value="1"\/>\s*<xs:maxInclusive value="525600"\/>/);
    assert.match(xsd, /NOT Microsoft's/);
    assert.ok(validateUpdateXml(xsd).length > 0, 'the XSD is not itself an update file');
  });
});

describe('isUpdateXmlDocument', () => {
  it('recognises sso/globalInfo and the typo by content, whatever the name', () => {
    assert.ok(isUpdateXmlDocument('a.xml', '<sso><globalInfo/></sso>'));
    assert.ok(isUpdateXmlDocument('a.xml', '<?xml version="1.0"?>\n<!-- x -->\n<sso>\n <globalnfo></globalInfo>\n</sso>'));
    assert.ok(isUpdateXmlDocument('a.xml', '\ufeff<SSO><GlobalInfo/></SSO>'));
  });

  it('recognises NewMSSServer.xml by name in any case and path style', () => {
    assert.ok(isUpdateXmlDocument('C:\\temp\\newmssserver.XML', ''));
    assert.ok(isUpdateXmlDocument('/home/admin/NewMSSServer.xml', 'not xml at all'));
  });

  it('rejects other SSO files and other XML', () => {
    assert.ok(!isUpdateXmlDocument('apps.xml', '<SSO><application name="A"/></SSO>'));
    assert.ok(!isUpdateXmlDocument('x.xml', '<configuration><globalInfo/></configuration>'));
    assert.ok(!isUpdateXmlDocument('NewMSSServer.xml.bak', '<root/>'));
    assert.ok(!isUpdateXmlDocument('x.xml', ''));
  });
});

describe('very large input', () => {
  it('answers a 50 MB text with one file-too-large error instead of parsing it', () => {
    const filler = '<!-- padding -->\n'.repeat(Math.ceil((50 * 1024 * 1024) / 17));
    const text = `<sso>\n  <globalInfo>\n    <secretServer>BTSMSS02</secretServer>\n${filler}  </globalInfo>\n</sso>\n`;
    assert.ok(text.length >= 50 * 1024 * 1024);
    const diagnostics = validateUpdateXml(text);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'file-too-large');
    assert.equal(diagnostics[0].severity, 'error');
    assert.match(diagnostics[0].message, /few hundred bytes/);
    assert.ok(isUpdateXmlDocument('big.xml', text), 'still recognised from its start');
    const fromBytes = validateUpdateXmlBytes(Buffer.from(text, 'utf8'));
    assert.deepEqual(fromBytes.map((d) => d.code), ['file-too-large']);
  });

  it('still checks a file just under the limit', () => {
    const pad = ' '.repeat(MAX_TEXT_LENGTH - 200);
    const text = `<sso><globalInfo><ticketTimeout>0</ticketTimeout>${pad}</globalInfo></sso>`;
    assert.ok(text.length <= MAX_TEXT_LENGTH);
    assert.deepEqual(validateUpdateXml(text).map((d) => d.code), ['out-of-range']);
  });
});
