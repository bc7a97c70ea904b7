import * as assert from 'node:assert/strict';
import { checkServerName } from '../../../src/ssoTools/serverName';

describe('checkServerName', () => {
  it('accepts plain NetBIOS computer names without comment', () => {
    for (const name of ['BTSMSS02', 'SSOVNN01', 'a', 'sql-01', 'X123456789ABCDE', '1BTS']) {
      assert.deepEqual(checkServerName(name), { ok: true }, name);
    }
  });

  const errors: Array<[string, RegExp]> = [
    ['', /empty/],
    ['BTS MSS02', /space inside it/],
    ['BTSMSS02 ', /at its start or end/],
    ['BTS\tMSS', /tab/],
    ['-BTSMSS02', /switch/],
    ['BTSMSS02-', /ends with a hyphen/],
    ['BTSMASTERSECRET02', /17 characters.*at most 15/],
    ['12345', /all digits/],
    ['FABRIKAM\\BTS01', /account, not a server/],
    ['BTS/01', /NetBIOS/],
    ['BTS:01', /NetBIOS/],
    ['BTS*01', /NetBIOS/],
    ['BTS?01', /NetBIOS/],
    ['BTS"01', /NetBIOS/],
    ['BTS<01', /NetBIOS/],
    ['BTS>01', /NetBIOS/],
    ['BTS|01', /NetBIOS/],
    ['BTS&01', /letters, digits and hyphens/],
    ['BTS,01', /letters, digits and hyphens/],
    ['BTS~01', /letters, digits and hyphens/],
    ['BTS!01', /letters, digits and hyphens/],
    ['BTS@01', /letters, digits and hyphens/],
    ['BTS#01', /letters, digits and hyphens/],
    ['BTS$01', /letters, digits and hyphens/],
    ['BTS%01', /letters, digits and hyphens/],
    ['BTS^01', /letters, digits and hyphens/],
    ["BTS'01", /letters, digits and hyphens/],
    ['BTS(01)', /letters, digits and hyphens/],
    ['BTS{01}', /letters, digits and hyphens/],
    ['BTS;01', /letters, digits and hyphens/],
    ['SERVER', /reserves/],
    ['system', /reserves/],
    ['localhost', /on itself/],
    ['bts..fabrikam.com', /empty part/],
    ['.fabrikam', /empty part/],
    ['bts-.fabrikam.com', /hyphen/],
    ['bts_01.fabrikam.com', /underscore/],
    ['123.fabrikam.com', /all digits/],
    [`${'a'.repeat(64)}.fabrikam.com`, /at most 63/],
    [`${'a.'.repeat(128)}com`, /at most 255/],
  ];
  for (const [name, why] of errors) {
    it(`refuses ${JSON.stringify(name.length > 30 ? name.slice(0, 30) + '…' : name)} as an error that says why`, () => {
      const r = checkServerName(name);
      assert.equal(r.ok, false);
      assert.equal(r.severity, 'error');
      assert.match(r.message ?? '', why);
    });
  }

  const warnings: Array<[string, RegExp]> = [
    ['BTSMSS02.fabrikam.com', /fully qualified.*Prefer "BTSMSS02"/],
    ['10.0.0.12', /IP address/],
    ['BTS_MSS02', /underscore/],
    ['SRVÉ01', /non-ASCII/],
  ];
  for (const [name, why] of warnings) {
    it(`accepts ${JSON.stringify(name)} with a warning`, () => {
      const r = checkServerName(name);
      assert.equal(r.ok, true);
      assert.equal(r.severity, 'warning');
      assert.match(r.message ?? '', why);
    });
  }
});
