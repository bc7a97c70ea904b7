// Every PowerShell script the extension builds (those of the cluster steps and -serverall too), decoded from the -EncodedCommand argument it runs
// with: a name stands in it only as a single-quoted literal, and no name, however hostile, changes
// anything outside its literal.
import * as assert from 'assert';
import {
  bizTalkGroupScript, clusterStateScript, cycleResourceScript, decodeScript, moveRoleScript, powershellArgs, psLiteral, rpcReachableScript,
  serverAllRemoteScript, startRoleScript, STEP_EXIT, type PsScript,
} from '../../../src/ssoTools/powershell';

/** The characters that open and close a single-quoted PowerShell string (about_Quoting_Rules). */
const QUOTE = /['\u2018\u2019\u201A\u201B]/;

/**
 * Splits a script as PowerShell's tokenizer reads its single-quoted strings: the code outside them
 * (each string replaced by '') and each string's value (a doubled quote is one quote). Comments
 * (`#` to the end of the line, outside strings) are code. Throws on a string that never ends.
 */
function split(text: string): { code: string; literals: string[] } {
  let code = '';
  const literals: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      const end = text.indexOf('\n', i);
      code += end < 0 ? text.slice(i) : text.slice(i, end + 1);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (!QUOTE.test(c)) {
      code += c;
      continue;
    }
    let value = '';
    for (i++; ; i++) {
      if (i >= text.length) throw new Error(`a string that never ends: ${value}`);
      if (QUOTE.test(text[i])) {
        if (i + 1 < text.length && QUOTE.test(text[i + 1])) {
          value += text[i + 1];
          i++;
          continue;
        }
        break;
      }
      value += text[i];
    }
    literals.push(value);
    code += "''";
  }
  return { code, literals };
}

/** The script as PowerShell gets it: decoded from its -EncodedCommand argument. */
function decoded(script: PsScript): string {
  const args = powershellArgs(script);
  assert.deepEqual(args.slice(0, 3), ['-NoProfile', '-NonInteractive', '-EncodedCommand']);
  assert.equal(args.length, 4);
  return decodeScript(args[3]);
}

const HOSTILE = [
  "x'; Remove-Item C:\\ -Recurse -Force; '",
  'a\u2018b\u2019c\u201Ad\u201Be',
  "''''",
  '$(Stop-Computer)',
  '`$env:USERNAME`',
  '"; Stop-Computer; "',
  '${env:PATH} @(1) | Out-Null; # not a comment',
  "SSO Service (ENTSSO) 'clustered'",
];
const BENIGN = 'BENIGNNAME';

/** Builders of every script, each with the names it takes. */
const BUILDERS: Array<{ id: string; build: (name: string) => PsScript; names: number }> = [
  { id: 'clusterState', build: (n) => clusterStateScript(n), names: 1 },
  { id: 'bizTalkGroup', build: (n) => bizTalkGroupScript(n), names: 1 },
  { id: 'rpcReachable', build: (n) => rpcReachableScript(n), names: 1 },
  { id: 'startRole', build: (n) => startRoleScript(n), names: 1 },
  { id: 'cycleResource', build: (n) => cycleResourceScript(n, `${n}-res`), names: 2 },
  { id: 'moveRole', build: (n) => moveRoleScript(n, `${n}-node`), names: 2 },
  { id: 'serverAll', build: (n) => serverAllRemoteScript(n, [`${n}-1`, `${n}-2`, `${n}-3`], `C:\\${n}\\Enterprise Single Sign-On`), names: 5 },
];

describe('PowerShell scripts, each builder', () => {
  describe('psLiteral', () => {
    it('doubles each quote PowerShell ends a single-quoted string at, and nothing else', () => {
      assert.equal(psLiteral("O'Brien"), "'O''Brien'");
      assert.equal(psLiteral('a\u2019b'), "'a\u2019\u2019b'");
      assert.equal(psLiteral('$x `y` "z"'), "'$x `y` \"z\"'");
      for (const name of HOSTILE) assert.deepEqual(split(psLiteral(name)).literals, [name]);
    });

    it('refuses control characters and line breaks, which no name has', () => {
      for (const bad of ['a\nb', 'a\rb', 'a\u0000b', 'a\u2028b', 'a\u2029b', 'a\u001bb', 'a\u0085b']) {
        assert.throws(() => psLiteral(bad), /control character or a line break.*refused/);
      }
    });
  });

  for (const b of BUILDERS) {
    describe(`${b.id}`, () => {
      it('names itself on its first line, which the record and the tests read', () => {
        assert.equal(decoded(b.build(BENIGN)).split('\r\n')[0], `# Master Secret Mover: ${b.id}`);
        assert.equal(b.build(BENIGN).id, b.id);
      });

      it('keeps every name, however hostile, inside its literal: the code around it does not change', () => {
        const base = split(decoded(b.build(BENIGN)));
        const names = base.literals.filter((l) => l.includes(BENIGN));
        assert.equal(names.length, b.names, `the literals holding a name: ${JSON.stringify(names)}`);
        for (const hostile of HOSTILE) {
          const got = split(decoded(b.build(hostile)));
          assert.equal(got.code, base.code, `code changed for ${JSON.stringify(hostile)}`);
          assert.deepEqual(got.literals, base.literals.map((l) => l.split(BENIGN).join(hostile)), `literals for ${JSON.stringify(hostile)}`);
        }
      });

      it('refuses a name with a line break before a script exists', () => {
        assert.throws(() => b.build('NAME\r\nStop-Computer'), /refused/);
      });
    });
  }

  describe('the cluster steps', () => {
    it('start the role, cycle the resource and bring the role back, or move the role, with the FailoverClusters cmdlets', () => {
      const start = decoded(startRoleScript('SSO Role'));
      assert.match(start, /^ {2}Import-Module FailoverClusters$/m);
      assert.match(start, /^ {2}\$role = 'SSO Role'$/m);
      assert.match(start, /^ {2}\$g = Start-ClusterGroup -Name \$role$/m);
      const cycle = decoded(cycleResourceScript('SSO Role', 'ENTSSO Service'));
      const order = ['Get-ClusterResource -Name $res', 'Stop-ClusterResource -Name $res', 'Start-ClusterResource -Name $res', 'Start-ClusterGroup -Name $role'].map((c) => cycle.indexOf(c));
      assert.ok(order.every((i) => i > 0), String(order));
      assert.deepEqual([...order].sort((x, y) => x - y), order, 'in this order');
      // A resource of another role is refused before anything is taken offline.
      assert.ok(cycle.indexOf('if ([string]$r.OwnerGroup -ne $role) { throw') < cycle.indexOf('Stop-ClusterResource'));
      const move = decoded(moveRoleScript('SSO Role', 'NODE2'));
      assert.match(move, /^ {2}\$g = Move-ClusterGroup -Name \$role -Node \$node$/m);
    });

    it('end with exit code 0, or 2 (module or cmdlet missing), 5 (access denied), 1 (anything else) after the failure document', () => {
      assert.deepEqual(STEP_EXIT, { done: 0, failed: 1, missing: 2, denied: 5 });
      for (const s of [startRoleScript('R'), cycleResourceScript('R', 'S'), moveRoleScript('R', 'N'), serverAllRemoteScript('S', ['C'], 'F')]) {
        const text = decoded(s);
        assert.ok(text.trimEnd().endsWith('exit 0'), s.id);
        assert.ok(text.includes("if ($kind -eq 'module' -or $kind -eq 'cmdlet') { exit 2 } elseif ($kind -eq 'denied') { exit 5 } else { exit 1 }"), s.id);
        assert.ok(text.indexOf('ok = $false') < text.indexOf('exit 2'), s.id);
      }
      // The read-only scripts keep their exit code (their readers read the document).
      assert.ok(!/\bexit\b/.test(decoded(clusterStateScript())));
    });
  });

  describe('serverAll', () => {
    it('runs the install folder\'s ssomanage -serverall on each computer through Invoke-Command, the values as arguments of the script block', () => {
      const text = decoded(serverAllRemoteScript('SSOCLUSTER', ['BTS1', 'BTS2'], 'C:\\Program Files\\Common Files\\Enterprise Single Sign-On'));
      assert.match(text, /^ {2}\$computers = @\('BTS1', 'BTS2'\)$/m);
      assert.match(text, /Invoke-Command -ComputerName \$c -SessionOption \$options -ErrorAction Stop -ArgumentList \$folder, \$server -ScriptBlock \{/);
      assert.match(text, /^ {8}param\(\$folder, \$server\)$/m);
      assert.match(text, /& \$exe -serverall \$server 2>&1 \| Out-String/);
      // One computer at a time, each in its own try: a failure on one leaves the others run.
      assert.ok(text.indexOf('foreach ($c in $computers) {') < text.indexOf('    try {'));
    });

    it('refuses an empty list', () => {
      assert.throws(() => serverAllRemoteScript('S', [], 'F'), /No computer/);
    });
  });
});
