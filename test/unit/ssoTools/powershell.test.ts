// The PowerShell scripts of the verification: what -EncodedCommand carries decodes back to the
// script, and no name can leave the single-quoted literal it stands in. The reading of a
// literal follows about_Quoting_Rules: a single-quoted string ends at any of the five single
// quote characters (' and U+2018 to U+201B) unless it is doubled.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { bizTalkGroupScript, clusterStateScript, decodeScript, encodeScript, powershellArgs, powershellLabel, psLiteral } from '../../../src/ssoTools/powershell';

const QUOTE_CHARS = ["'", '\u2018', '\u2019', '\u201A', '\u201B'];
const isQuote = (c: string | undefined): boolean => c !== undefined && QUOTE_CHARS.includes(c);

/**
 * A PowerShell single-quoted string read from `text` at `start` (an opening quote): its value
 * and the index of its closing quote. A quote followed by another quote stands for the second
 * one; any other quote ends the string. Undefined when the string never ends.
 */
function readSingleQuoted(text: string, start: number): { value: string; end: number } | undefined {
  if (!isQuote(text[start])) throw new Error(`no quote at ${start}`);
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (isQuote(c)) {
      if (isQuote(text[i + 1])) {
        value += text[i + 1];
        i++;
        continue;
      }
      return { value, end: i };
    }
    value += c;
  }
  return undefined;
}

const HOSTILE = [
  "BTS'MSS",
  "'; Remove-Item C:\\ -Recurse; '",
  "x'+(Stop-Service ENTSSO)+'",
  '\u2018; Stop-Computer; \u2019',
  '\u201A\u201B\u2018\u2019\'',
  "''",
  "'",
  '$env:COMPUTERNAME',
  '$(Stop-Service ENTSSO)',
  '`$x`',
  'a`',
  'SSO; Stop-Service ENTSSO',
  'SSO | Remove-Item',
  'SSO & calc',
  '"double" quotes',
  '@{ a = 1 }',
  '#comment',
  'БТС-КЛАСТЕР',
  '集群名称',
  'emoji-\u{1F600}',
  'trailing-quote\u2019',
];

describe('ssoTools/powershell', () => {
  describe('psLiteral', () => {
    it('wraps a plain name in single quotes unchanged', () => {
      assert.equal(psLiteral('SSOCLUSTER'), "'SSOCLUSTER'");
      assert.equal(psLiteral('sso-cluster.contoso.com'), "'sso-cluster.contoso.com'");
      assert.equal(psLiteral(''), "''");
    });

    it("doubles the apostrophe and each typographic single quote (U+2018 to U+201B), each with itself", () => {
      assert.equal(psLiteral("O'Brien"), "'O''Brien'");
      assert.equal(psLiteral('a\u2018b'), "'a\u2018\u2018b'");
      assert.equal(psLiteral('a\u2019b'), "'a\u2019\u2019b'");
      assert.equal(psLiteral('a\u201Ab'), "'a\u201A\u201Ab'");
      assert.equal(psLiteral('a\u201Bb'), "'a\u201B\u201Bb'");
      assert.equal(psLiteral("''"), "''''''");
    });

    it('leaves $, backticks, ;, |, & and double quotes as they are: inside single quotes PowerShell reads them literally', () => {
      assert.equal(psLiteral('$(x)`;|&"'), "'$(x)`;|&\"'");
    });

    it('refuses newlines, CR, U+2028, U+2029, U+0085, NUL, tab, ESC and DEL, naming the value escaped', () => {
      for (const bad of ['a\nb', 'a\rb', 'a\r\nb', 'a\u2028b', 'a\u2029b', 'a\u0085b', 'a\u0000b', 'a\tb', 'a\u001Bb', 'a\u007Fb', 'a\u009Fb', '\n']) {
        assert.throws(() => psLiteral(bad), /has a control character or a line break, which no name has: refused\./, JSON.stringify(bad));
      }
      assert.throws(() => psLiteral('a\nb'), (e: Error) => e.message.startsWith('"a\\nb"'));
    });

    it('keeps Unicode letters, other symbols and astral characters', () => {
      assert.equal(psLiteral('БТС-КЛАСТЕР'), "'БТС-КЛАСТЕР'");
      assert.equal(psLiteral('\u{1F600}\u00A0\u00FF'), "'\u{1F600}\u00A0\u00FF'");
    });

    it('yields a literal a PowerShell tokenizer reads back to exactly the hostile name, ending at its last character', () => {
      for (const name of HOSTILE) {
        const lit = psLiteral(name);
        const read = readSingleQuoted(lit, 0);
        assert.ok(read, name);
        assert.equal(read.value, name);
        assert.equal(read.end, lit.length - 1, name);
      }
    });

    it('property: for any string it throws or yields a literal read back to exactly the input, ending at its last character', () => {
      const quoteHeavy = fc.string({ unit: fc.constantFrom("'", '\u2018', '\u2019', '\u201A', '\u201B', 'a', '$', '`', ';', '|', '\n', '\u2028', '\u0085', ' '), maxLength: 30 });
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), quoteHeavy), (value) => {
          let lit: string;
          try {
            lit = psLiteral(value);
          } catch (e) {
            // Only a value with a control character or a line break is refused.
            // eslint-disable-next-line no-control-regex -- the characters refused
            assert.match(value, /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/);
            assert.match((e as Error).message, /refused/);
            return;
          }
          // eslint-disable-next-line no-control-regex -- the characters refused
          assert.doesNotMatch(value, /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/);
          const read = readSingleQuoted(lit, 0);
          assert.ok(read, `never ends: ${JSON.stringify(lit)}`);
          assert.equal(read.value, value);
          assert.equal(read.end, lit.length - 1);
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe('encodeScript / decodeScript', () => {
    it('encodes base64 of the UTF-16 LE text, as -EncodedCommand takes', () => {
      assert.equal(encodeScript('dir'), Buffer.from([0x64, 0, 0x69, 0, 0x72, 0]).toString('base64'));
      assert.equal(encodeScript('dir'), 'ZABpAHIA');
      assert.equal(encodeScript(''), '');
    });

    it('decodes what it encodes, Unicode and line ends included', () => {
      for (const s of ["Get-Date\r\n'é'", 'БТС ‘x’ \u{1F600}', "a''b\r\nc"]) {
        const enc = encodeScript(s);
        assert.match(enc, /^[A-Za-z0-9+/]*={0,2}$/);
        assert.equal(decodeScript(enc), s);
        assert.equal(Buffer.from(enc, 'base64').length, s.length * 2);
      }
    });
  });

  describe('powershellArgs / powershellLabel', () => {
    it('runs with no profile, no prompt and the script encoded, the last argument decoding to the script', () => {
      const script = clusterStateScript('SSOCLUSTER');
      const args = powershellArgs(script);
      assert.deepEqual(args.slice(0, 3), ['-NoProfile', '-NonInteractive', '-EncodedCommand']);
      assert.equal(args.length, 4);
      assert.equal(decodeScript(args[3]), script.text);
    });

    it('labels the run by the script id and purpose, not its base64', () => {
      const script = bizTalkGroupScript();
      const label = powershellLabel('powershell.exe', script);
      assert.equal(label, `powershell.exe -NoProfile -NonInteractive -EncodedCommand <bizTalkGroup: ${script.purpose}>`);
      assert.ok(!label.includes(encodeScript(script.text)));
    });
  });

  describe('the scripts', () => {
    const verbNoun = (text: string): string[] => [...new Set(text.match(/\b[A-Z][A-Za-z]+-[A-Z][A-Za-z]+\b/g) ?? [])].sort();

    it('name their id on the first line, stop on the first error and print one JSON document', () => {
      for (const [script, id] of [[clusterStateScript(), 'clusterState'], [clusterStateScript('SSOCLUSTER'), 'clusterState'], [bizTalkGroupScript(), 'bizTalkGroup'], [bizTalkGroupScript('BTS01'), 'bizTalkGroup']] as const) {
        assert.equal(script.id, id);
        const lines = script.text.split('\r\n');
        assert.equal(lines[0], `# Master Secret Mover: ${id}`);
        assert.ok(lines.includes("$ErrorActionPreference = 'Stop'"));
        assert.ok(lines.includes('try {') && lines.includes('} catch {'));
        assert.ok(/ConvertTo-Json -InputObject \$value -Depth 6 -Compress/.test(script.text));
        assert.ok(!/\n(?!\r)|[^\r]\n/.test(script.text.replace(/\r\n/g, '')), 'CRLF line ends only');
      }
    });

    it('clusterState uses only the read-only FailoverClusters cmdlets it documents', () => {
      const text = clusterStateScript('SSOCLUSTER').text;
      assert.deepEqual(verbNoun(text), ['ConvertTo-Json', 'ForEach-Object', 'Get-ClusterGroup', 'Get-ClusterNode', 'Get-ClusterParameter', 'Get-ClusterResource', 'Get-ClusterResourceDependency', 'Import-Module', 'New-Object', 'Out-Result', 'Where-Object']);
      assert.match(text, /Import-Module FailoverClusters/);
      assert.match(text, /Get-ClusterParameter -InputObject \$r -Name ServiceName/);
      assert.match(text, /Get-ClusterParameter -InputObject \$r -Name UseNetworkName/);
      assert.match(text, /Get-ClusterParameter -InputObject \$_ -Name DnsName/);
      assert.match(text, /'ENTSSO'/);
    });

    it('bizTalkGroup reads MSBTS_GroupSetting and MSBTS_HostInstance with Get-CimInstance only', () => {
      const text = bizTalkGroupScript('BTS01').text;
      assert.deepEqual(verbNoun(text), ['ConvertTo-Json', 'ForEach-Object', 'Get-CimInstance', 'New-Object', 'Out-Result']);
      assert.match(text, /-Namespace \$ns -ClassName MSBTS_GroupSetting/);
      assert.match(text, /-Namespace \$ns -ClassName MSBTS_HostInstance/);
      assert.match(text, /\$ns = 'root\/MicrosoftBizTalkServer'/);
      for (const p of ['SSOServerName', 'HostName', 'RunningServer', 'ClusterInstanceType', 'ServiceState']) assert.ok(text.includes(`$_.${p}`), p);
    });

    it('without a name, targets this computer (empty splat); with one, only through its literal', () => {
      assert.ok(clusterStateScript().text.includes('  $cl = @{}'));
      assert.ok(bizTalkGroupScript().text.includes('  $cn = @{}'));
      assert.ok(clusterStateScript('SSOCLUSTER').text.includes("  $cl = @{ Cluster = 'SSOCLUSTER' }"));
      assert.ok(bizTalkGroupScript('BTS01').text.includes("  $cn = @{ ComputerName = 'BTS01' }"));
    });

    it('keeps every hostile name inside its literal: the script read from the literal gives the name back, followed by " }"', () => {
      for (const name of HOSTILE) {
        for (const [script, prefix] of [[clusterStateScript(name), '  $cl = @{ Cluster = '], [bizTalkGroupScript(name), '  $cn = @{ ComputerName = ']] as const) {
          const text = decodeScript(powershellArgs(script)[3]);
          const at = text.indexOf(prefix);
          assert.ok(at >= 0, name);
          const start = at + prefix.length;
          const read = readSingleQuoted(text, start);
          assert.ok(read, name);
          assert.equal(read.value, name);
          assert.equal(text.slice(read.end + 1, read.end + 3), ' }', name);
          assert.equal(text.slice(read.end + 3, read.end + 5), '\r\n', name);
          // The rest of the script is the fixed text: the same as for a plain name.
          const plain = script.id === 'clusterState' ? clusterStateScript('X').text : bizTalkGroupScript('X').text;
          assert.equal(text.slice(read.end + 1), plain.slice(plain.indexOf("'X'") + 3));
          assert.equal(text.slice(0, start), plain.slice(0, plain.indexOf("'X'")));
        }
      }
    });

    it('refuses a name with a line break before building any script', () => {
      assert.throws(() => clusterStateScript('SSO\r\nStop-Service ENTSSO'), /refused/);
      assert.throws(() => bizTalkGroupScript('BTS\u2028x'), /refused/);
    });
  });
});
