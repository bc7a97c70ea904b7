// The checks an expert also reads on each computer: the ENTSSO service account (sc qc), the
// secret in the master secret server's registry (reg query), and -showserver.
import * as assert from 'node:assert/strict';
import { checkSecretInRegistry, checkServiceAccount, checkSsoServerShown, SECRET_KEY } from '../../../src/verification/hostChecks';
import { MSID_NEW, MSID_OLD, notRan, ran, SC_NOT_INSTALLED, scQc } from './samples';

const qc = (computer: string, stdout: string, exitCode = 0) => ({ computer, out: ran(`sc \\\\${computer} qc ENTSSO`, stdout, exitCode) });

/** `reg query` of the SSOSS key listing subkeys. */
function regQuery(subkeys: string[], remote?: string): string {
  const prefix = remote ? `\\\\${remote}\\` : '';
  return ['', `${prefix}HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS`, ...subkeys.map((k) => `${prefix}HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ENTSSO\\SSOSS\\${k}`), ''].join('\r\n');
}

describe('verification/hostChecks', () => {
  describe('checkServiceAccount', () => {
    it('passes when two or more computers run ENTSSO as the same account, in any case', () => {
      const r = checkServiceAccount([qc('BTSMSS01', scQc('CONTOSO\\svc-sso')), qc('BTSMSS02', scQc('contoso\\SVC-SSO')), qc('NODE1', scQc('CONTOSO\\svc-sso'))]);
      assert.equal(r.verdict, 'pass');
      assert.equal(r.summary, 'ENTSSO runs as CONTOSO\\svc-sso on BTSMSS01, BTSMSS02, NODE1.');
      assert.match(r.evidence, /sc \\\\BTSMSS01 qc ENTSSO\n\[SC\] QueryServiceConfig SUCCESS/);
    });

    it('fails naming each account when they differ', () => {
      const r = checkServiceAccount([qc('BTSMSS01', scQc('CONTOSO\\svc-sso')), qc('BTSMSS02', scQc('LocalSystem'))]);
      assert.equal(r.verdict, 'fail');
      assert.equal(r.summary, 'ENTSSO runs as different accounts: BTSMSS01: CONTOSO\\svc-sso; BTSMSS02: LocalSystem.');
      assert.match(r.next!, /same service account.*10565/);
    });

    it('fails on differing accounts even when another computer could not be read', () => {
      const r = checkServiceAccount([qc('A', scQc('CONTOSO\\one')), qc('B', scQc('CONTOSO\\two')), { computer: 'C', out: notRan('sc \\\\C qc ENTSSO', 'sc.exe was not found.') }]);
      assert.equal(r.verdict, 'fail');
    });

    it('is unverified with one computer alone: nothing to compare with', () => {
      const r = checkServiceAccount([qc('BTSMSS02', scQc('CONTOSO\\svc-sso'))]);
      assert.equal(r.verdict, 'unverified');
      assert.equal(r.summary, 'ENTSSO runs as CONTOSO\\svc-sso on BTSMSS02; no other computer of the move is known to compare with.');
    });

    it('is unverified naming each computer not read and why (not run, not installed, an sc error, no row)', () => {
      const r = checkServiceAccount([
        qc('BTSMSS02', scQc('CONTOSO\\svc-sso')),
        { computer: 'BTSMSS01', out: notRan('sc \\\\BTSMSS01 qc ENTSSO', 'sc.exe was not found on PATH.') },
        qc('NODE1', SC_NOT_INSTALLED, 1060),
        qc('NODE2', '[SC] OpenSCManager FAILED 1722:\r\n\r\nThe RPC server is unavailable.\r\n', 1722),
        qc('NODE3', 'garbage'),
        qc('NODE4', scQc('')),
      ]);
      assert.equal(r.verdict, 'unverified');
      assert.equal(r.summary, 'ENTSSO runs as CONTOSO\\svc-sso on BTSMSS02; not read on BTSMSS01 (sc.exe was not found on PATH.), NODE1 (ENTSSO is not installed), NODE2 (sc error 1722), NODE3 (no SERVICE_START_NAME row), NODE4 (no SERVICE_START_NAME row).');
      assert.match(r.evidence, /sc \\\\BTSMSS01 qc ENTSSO\nsc\.exe was not found on PATH\./);
    });

    it('is unverified when no computer could be read, and names two disagreeing rows', () => {
      const none = checkServiceAccount([qc('A', 'garbage')]);
      assert.equal(none.verdict, 'unverified');
      assert.equal(none.summary, 'Not checked: the service account could not be read on A (no SERVICE_START_NAME row).');
      const two = checkServiceAccount([qc('A', `${scQc('X\\one')}\r\n        SERVICE_START_NAME : X\\two\r\n`), qc('B', scQc('X\\one'))]);
      assert.equal(two.verdict, 'unverified');
      assert.match(two.summary, /A \(sc printed two SERVICE_START_NAME rows that disagree\)/);
      assert.equal(checkServiceAccount([]).verdict, 'unverified');
    });

    it('reads the row of a localized sc (the row name is not translated) and an sc printing on stderr', () => {
      const russian = scQc('CONTOSO\\svc-sso').replace('TYPE    ', 'Тип     ').replace('[SC] QueryServiceConfig SUCCESS', '[SC] QueryServiceConfig: успех');
      const r = checkServiceAccount([qc('A', russian), { computer: 'B', out: ran('sc \\\\B qc ENTSSO', '', 0, scQc('CONTOSO\\svc-sso')) }]);
      assert.equal(r.verdict, 'pass');
    });
  });

  describe('checkSecretInRegistry', () => {
    const REG = `reg query ${SECRET_KEY}`;

    it('passes when SSOSS has a subkey named by the restored MSID, braces and case ignored', () => {
      for (const key of [MSID_NEW, MSID_NEW.slice(1, -1).toLowerCase()]) {
        const r = checkSecretInRegistry(ran(REG, regQuery([MSID_OLD, key])), 'BTSMSS02', MSID_NEW);
        assert.equal(r.verdict, 'pass', key);
        assert.equal(r.summary, `The registry of BTSMSS02 holds the restored secret ${MSID_NEW} under ${SECRET_KEY}.`);
      }
      assert.equal(checkSecretInRegistry(ran(REG, regQuery([MSID_NEW], 'BTSMSS02')), 'BTSMSS02', MSID_NEW).verdict, 'pass');
    });

    it('is unverified (never fail) when the subkey is missing: the layout is not documented', () => {
      const r = checkSecretInRegistry(ran(REG, regQuery([MSID_OLD])), 'BTSMSS02', MSID_NEW);
      assert.equal(r.verdict, 'unverified');
      assert.equal(r.summary, `${SECRET_KEY} on BTSMSS02 has no subkey named ${MSID_NEW} (the MSID of this move's restore).`);
    });

    it('is unverified without a restore MSID, counting the subkeys', () => {
      assert.match(checkSecretInRegistry(ran(REG, regQuery([MSID_OLD])), 'BTSMSS02', undefined).summary, /has 1 subkey; no restore of this move \(10523\)/);
      assert.match(checkSecretInRegistry(ran(REG, regQuery([MSID_OLD, MSID_NEW])), 'BTSMSS02', undefined).summary, /has 2 subkeys;/);
    });

    it('is unverified for a non-zero exit code (key missing, access denied), output with no key, or no run', () => {
      const missing = checkSecretInRegistry(ran(REG, 'ERROR: The system was unable to find the specified registry key or value.\r\n', 1), 'BTSMSS02', MSID_NEW);
      assert.equal(missing.verdict, 'unverified');
      assert.match(missing.summary, /reg query ended with exit code 1 on BTSMSS02/);
      assert.match(missing.next!, /10520/);
      assert.equal(checkSecretInRegistry(ran(REG, 'FEHLER: irgendwas'), 'BTSMSS02', MSID_NEW).summary, 'Not checked: reg query printed no registry key.');
      assert.equal(checkSecretInRegistry(notRan(REG, 'reg.exe was not found.'), 'BTSMSS02', MSID_NEW).summary, 'Not checked: reg.exe was not found.');
    });
  });

  describe('checkSsoServerShown', () => {
    const SHOW = 'ssomanage -showserver';

    it('passes when a line names the expected server (first DNS label, any case)', () => {
      const r = checkSsoServerShown(ran(SHOW, 'Using SSO server on this computer\r\n\r\nThe SSO server is: ssocluster.contoso.com\r\n'), 'BTS01', 'SSOCLUSTER');
      assert.equal(r.verdict, 'pass');
      assert.equal(r.summary, 'ssomanage -showserver on BTS01 names SSOCLUSTER: "The SSO server is: ssocluster.contoso.com".');
    });

    it('is unverified when no line names it (another server, or a longer name that only starts with it)', () => {
      for (const out of ['The SSO server is: BTSMSS01', 'The SSO server is: SSOCLUSTER2']) {
        const r = checkSsoServerShown(ran(SHOW, out), 'BTS01', 'SSOCLUSTER');
        assert.equal(r.verdict, 'unverified', out);
        assert.match(r.summary, /printed no line naming SSOCLUSTER\.$/);
        assert.match(r.next!, /run ssomanage -serverall SSOCLUSTER on BTS01/);
      }
    });

    it('says it may say "this computer" when run on the expected server itself', () => {
      const r = checkSsoServerShown(ran(SHOW, 'Using SSO server on this computer\r\n'), 'SSOCLUSTER', 'SSOCLUSTER');
      assert.equal(r.verdict, 'unverified');
      assert.match(r.summary, /\(it may say "this computer"\)/);
    });

    it('is unverified without a -serverall name, for a failed run and when not run', () => {
      assert.match(checkSsoServerShown(ran(SHOW, 'x'), 'BTS01', undefined).summary, /no -serverall run of this move is recorded/);
      const failed = checkSsoServerShown(ran(SHOW, "ERROR: 0xC0002A0F : Could not contact the SSO server 'SSOCLUSTER'.", 1), 'BTS01', 'SSOCLUSTER');
      assert.equal(failed.verdict, 'unverified');
      assert.match(failed.summary, /ssomanage -showserver ended with exit code 1/);
      assert.equal(checkSsoServerShown(notRan(SHOW, 'gone'), 'BTS01', 'SSOCLUSTER').verdict, 'unverified');
    });
  });
});
