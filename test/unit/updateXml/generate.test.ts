import * as assert from 'node:assert/strict';
import { generateUpdateXml, isUpdateXmlDocument, readSecretServer, validateUpdateXml } from '../../../src/updateXml';

describe('generateUpdateXml', () => {
  it("writes the shape of Microsoft's sample in How to Move the Master Secret Server, with CRLF by default and a trailing line break", () => {
    assert.equal(
      generateUpdateXml('BTSMSS02'),
      '<sso>\r\n  <globalInfo>\r\n    <secretServer>BTSMSS02</secretServer>\r\n  </globalInfo>\r\n</sso>\r\n',
    );
  });

  it('writes LF when asked', () => {
    assert.equal(generateUpdateXml('SSOVNN01', '\n'), '<sso>\n  <globalInfo>\n    <secretServer>SSOVNN01</secretServer>\n  </globalInfo>\n</sso>\n');
  });

  it('produces files that validate clean and are recognised as update files', () => {
    for (const name of ['BTSMSS02', 'SSOVNN01', 'a', 'SQL-01', 'X123456789ABCDE']) {
      for (const eol of ['\r\n', '\n'] as const) {
        const xml = generateUpdateXml(name, eol);
        assert.deepEqual(validateUpdateXml(xml), [], `${name} ${JSON.stringify(eol)}`);
        assert.ok(isUpdateXmlDocument('/tmp/other.xml', xml));
      }
    }
  });

  it('refuses names that break an error rule, explaining why', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['BTS MSS02', /whitespace/],
      ['-BTSMSS02', /hyphen/],
      ['12345', /all digits/],
      ['BTSMASTERSECRET02', /at most 15/],
      ['BTS<01>', /cannot contain/],
      ['FABRIKAM\\BTS01', /account, not a server/],
      [' BTS01', /whitespace/],
    ];
    for (const [name, why] of cases) {
      assert.throws(() => generateUpdateXml(name), (e: unknown) => e instanceof Error && why.test(e.message), JSON.stringify(name));
    }
  });

  it('still writes a name that only warns (fully qualified), and validation shows the warning', () => {
    const xml = generateUpdateXml('BTSMSS02.fabrikam.com', '\n');
    assert.match(xml, /<secretServer>BTSMSS02\.fabrikam\.com<\/secretServer>/);
    const diagnostics = validateUpdateXml(xml);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['invalid-server-name', 'warning']]);
  });
});

describe('readSecretServer', () => {
  it('reads the trimmed, decoded secretServer of an update file', () => {
    assert.strictEqual(readSecretServer(generateUpdateXml('BTSMSS02')), 'BTSMSS02');
    assert.strictEqual(readSecretServer('<sso>\n<globalnfo>\n<secretServer> SSO&amp;X </secretServer>\n</globalnfo>\n</sso>\n'), 'SSO&X');
    assert.strictEqual(readSecretServer('<sso><globalInfo><ticketTimeout>5</ticketTimeout></globalInfo></sso>'), undefined);
    assert.strictEqual(readSecretServer('<project><secretServer>X</secretServer></project>'), undefined);
  });
});
