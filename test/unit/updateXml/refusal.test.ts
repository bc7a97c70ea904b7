import * as assert from 'node:assert/strict';
import { describeDiagnostic, updateDbRefusal, updateDbRefusalForBytes, validateUpdateXml } from '../../../src/updateXml';

describe('updateDbRefusal', () => {
  it('refuses a file with errors, naming each error with its 1-based line and column and code', () => {
    const text = '<sso>\n  <globalInfo>\n    <secretServer>BTS MSS02</secretServer>\n  </globalInfo>\n</sso>\n';
    const refusal = updateDbRefusal('NewMSSServer.xml', validateUpdateXml(text));
    assert.ok(refusal);
    assert.match(refusal, /^NewMSSServer\.xml has 1 error\(s\), so ssomanage -updatedb was not run: line 3, column 19: .+ \[invalid-server-name\]\. Fix them \(see Problems\) and run it again\.$/);
  });

  it('lets a file with warnings only, or none, run', () => {
    assert.equal(updateDbRefusal('a.xml', validateUpdateXml('<sso><globalInfo><secretServer>BTS_MSS02</secretServer></globalInfo></sso>')), undefined);
    assert.equal(updateDbRefusalForBytes('a.xml', new TextEncoder().encode('<sso><globalInfo><secretServer>BTSMSS02</secretServer></globalInfo></sso>')), undefined);
  });

  it('reads bytes as the editor does (UTF-16 with BOM)', () => {
    const text = '<sso><globalnfo><secretServer>X</secretServer></globalnfo></sso>';
    const bytes = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0), 0])]);
    assert.match(updateDbRefusalForBytes('u16.xml', bytes) ?? '', /\[global-info-typo\]/);
  });

  it('describes a diagnostic as the status bar counts', () => {
    const [d] = validateUpdateXml('<sso>\n  <globalInfo>\n    <ticketTimeout>0</ticketTimeout>\n  </globalInfo>\n</sso>');
    assert.match(describeDiagnostic(d), /^line 3, column 20: /);
  });
});
