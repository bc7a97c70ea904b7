import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ERROR_LINE_REGEXP, findToolErrors, normaliseHresult, PROBLEM_MATCHER } from '../../../src/ssoTools/output';

// Console output as docs/tools.md#error-output shows it (from the field report it links).
const CAPTURED = [
  'Password : ',
  'Confirm Password : ',
  'Password reminder : ',
  "ERROR: 0xC0002A0F : Could not contact the SSO server 'sso-cluster'. Check that SSO is configured and that the SSO service is running on that server.",
  '(RPC: 0x800706D9: There are no more endpoints available from the endpoint mapper.)',
].join('\r\n');

describe('ssoTools/output', () => {
  describe('findToolErrors', () => {
    it('parses the captured ssoconfig failure, with the RPC line attached', () => {
      assert.deepEqual(findToolErrors(CAPTURED), [
        {
          hresult: '0xC0002A0F',
          message: "Could not contact the SSO server 'sso-cluster'. Check that SSO is configured and that the SSO service is running on that server. (RPC: 0x800706D9: There are no more endpoints available from the endpoint mapper.)",
          line: 3,
          rpcHresult: '0x800706D9',
        },
      ]);
    });

    it('is tolerant of case, spacing, a missing 0x and a missing space before the colon', () => {
      const out = [
        'error:0x800706ba: The RPC server is unavailable.',
        '   Error :  c0002a0e  :   This function can only be performed on the master secret server.   ',
        'ERROR: 0X8004d025 : The partner transaction manager has disabled its support for remote/network transactions.',
      ].join('\n');
      assert.deepEqual(findToolErrors(out), [
        { hresult: '0x800706BA', message: 'The RPC server is unavailable.', line: 0 },
        { hresult: '0xC0002A0E', message: 'This function can only be performed on the master secret server.', line: 1 },
        { hresult: '0x8004D025', message: 'The partner transaction manager has disabled its support for remote/network transactions.', line: 2 },
      ]);
    });

    it('ignores lines that are not tool errors', () => {
      const out = [
        'The operation completed successfully.',
        'Error Code: 0xc0002a24, Could not import a DTC transaction.',
        'ERRORS: 0xC0002A0F : x',
        'ERROR: 0xC0002A0 : seven digits',
        'Some text ERROR: 0xC0002A0F : not at the start',
        '',
      ].join('\n');
      assert.deepEqual(findToolErrors(out), []);
      assert.deepEqual(findToolErrors(''), []);
    });

    it('counts lines 0-based across \\n, \\r\\n and \\r', () => {
      const errs = findToolErrors('a\r\nb\rc\nERROR: 0xC0002A13 : This function can only be performed by a local administrator.');
      assert.equal(errs.length, 1);
      assert.equal(errs[0].line, 3);
      assert.equal(errs[0].hresult, '0xC0002A13');
    });

    it('finds several errors in order', () => {
      const errs = findToolErrors('ERROR: 0xC0002A1B : An incorrect password was specified for the backup file.\nok\nERROR: 0xC0002A3F : Incorrect master secret.');
      assert.deepEqual(errs.map((e) => [e.hresult, e.line]), [['0xC0002A1B', 0], ['0xC0002A3F', 2]]);
    });
  });

  describe('ERROR_LINE_REGEXP (problem matcher pattern)', () => {
    it('survives a JSON round trip unchanged (it goes into package.json)', () => {
      assert.equal(JSON.parse(JSON.stringify({ regexp: ERROR_LINE_REGEXP })).regexp, ERROR_LINE_REGEXP);
    });

    it('compiles without flags and has exactly three capture groups: the word ERROR (the file group), code and message', () => {
      const re = new RegExp(ERROR_LINE_REGEXP);
      const m = re.exec("ERROR: 0xC0002A0F : Could not contact the SSO server 'sso-cluster'.");
      assert.ok(m);
      assert.equal(m.length, 4);
      assert.equal(m[1], 'ERROR');
      assert.equal(m[2], '0xC0002A0F');
      assert.equal(m[3], "Could not contact the SSO server 'sso-cluster'.");
      assert.equal(new RegExp(`${ERROR_LINE_REGEXP}|`).exec('')?.length, 4);
    });

    it('matches any case without the i flag and rejects other lines', () => {
      const re = new RegExp(ERROR_LINE_REGEXP);
      assert.equal(re.exec('error : 0x800706ba: The RPC server is unavailable.')?.[2], '0x800706ba');
      assert.equal(re.exec('Error: C0002A0E : x')?.[2], 'C0002A0E');
      assert.equal(re.exec('Warning: 0xC0002A0E : x'), null);
      assert.equal(re.exec('The operation completed successfully.'), null);
    });

    it('is the pattern package.json contributes, used by the problem matcher $mss-entsso', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as {
        contributes: { problemPatterns: Array<Record<string, unknown>>; problemMatchers: Array<Record<string, unknown>> };
      };
      const pattern = pkg.contributes.problemPatterns.find((p) => p.name === PROBLEM_MATCHER.patternName);
      assert.deepEqual(pattern, { name: PROBLEM_MATCHER.patternName, regexp: ERROR_LINE_REGEXP, kind: 'file', file: 1, code: 2, message: 3 });
      const matcher = pkg.contributes.problemMatchers.find((m) => m.name === PROBLEM_MATCHER.matcherName);
      assert.ok(matcher);
      assert.deepEqual([matcher.owner, matcher.source, matcher.severity, matcher.pattern], [PROBLEM_MATCHER.owner, PROBLEM_MATCHER.source, 'error', `$${PROBLEM_MATCHER.patternName}`]);
      assert.deepEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
      // The twin for tasks without a folder: ${workspaceFolder} cannot be resolved there.
      const twin = pkg.contributes.problemMatchers.find((m) => m.name === PROBLEM_MATCHER.noFolderMatcherName);
      assert.ok(twin);
      assert.deepEqual({ ...twin, name: undefined, label: undefined, fileLocation: undefined }, { ...matcher, name: undefined, label: undefined, fileLocation: undefined });
      assert.deepEqual(twin.fileLocation, ['relative', '${userHome}']);
    });
  });

  describe('linear time on long lines', () => {
    const OLD = '^\\s*([Ee][Rr][Rr][Oo][Rr])\\s*:\\s*((?:0[xX])?[0-9A-Fa-f]{8})\\s*:\\s*(.*?)\\s*$';
    const timed = (text: string) => { const started = process.hrtime.bigint(); const errors = findToolErrors(text); return { errors, ms: Number(process.hrtime.bigint() - started) / 1e6 }; };

    for (const [name, text] of [
      ['40,000 blanks after an ERROR header', `ERROR: 0xC0002A0F : x${' '.repeat(40_000)}y`],
      ['a 4 MiB line of blanks after an ERROR header', `ERROR: 0xC0002A0F :${' '.repeat(4 * 1024 * 1024)}\u0000`],
      ['a 4 MiB line of "a " after an ERROR header', `ERROR: 0xC0002A0F : ${'a '.repeat(2 * 1024 * 1024)}`],
      ['an (RPC:) line of 4 MiB blanks', `ERROR: 0xC0002A0F : x\n(RPC: 0x800706D9: ${' '.repeat(4 * 1024 * 1024)}x)`],
    ] as const) {
      it(`${name}: read in well under a second`, () => {
        const { errors, ms } = timed(text);
        assert.equal(errors.length, 1);
        assert.ok(ms < 500, `${ms} ms`);
      });
    }

    it('reads every line as the earlier, lazy expression did (property, 2,000 lines of blanks, colons, hex, ERROR and text)', () => {
      const old = new RegExp(OLD);
      const now = new RegExp(ERROR_LINE_REGEXP);
      const piece = fc.constantFrom('ERROR', 'error', ' ', '\t', ':', '0x', 'C0002A0F', 'c0002a0f', 'x', ')', '(', '\u00a0', '\u2028', 'ü');
      fc.assert(fc.property(fc.array(piece, { maxLength: 14 }).map((p) => p.join('')), (line) => {
        assert.deepEqual(now.exec(line)?.slice(1) ?? null, old.exec(line)?.slice(1) ?? null, JSON.stringify(line));
      }), { numRuns: 2000 });
    });

    it('the (RPC:) message: blanks and one closing parenthesis taken off, as before', () => {
      const rpc = (line: string) => findToolErrors(`ERROR: 0xC0002A0F : x\n${line}`)[0].message;
      assert.equal(rpc('(RPC: 0x800706D9: There are no more endpoints available from the endpoint mapper.)'), 'x (RPC: 0x800706D9: There are no more endpoints available from the endpoint mapper.)');
      assert.equal(rpc('  ( rpc : 800706d9 a (b))  '), 'x (RPC: 0x800706D9: a (b))');
      assert.equal(rpc('(RPC: 0x800706D9:   )'), 'x (RPC: 0x800706D9)');
    });
  });

  describe('normaliseHresult', () => {
    it('upper-cases the digits and always writes 0x', () => {
      assert.equal(normaliseHresult('c0002a0f'), '0xC0002A0F');
      assert.equal(normaliseHresult('0Xc0002a0f'), '0xC0002A0F');
    });
  });
});
