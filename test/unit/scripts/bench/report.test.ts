import * as assert from 'node:assert/strict';
import { budgets, growth, renderBenchmarks, type BenchResults } from '../../../../scripts/bench/report';
import { fmt, median, worst } from '../../../../scripts/bench/stats';
import type { ValidationRow } from '../../../../scripts/bench/validation';

const row = (size: string, chars: number, fullMs: number, parseMs: number, validatorMs: number, filler: ValidationRow['filler'] = 'comments', saxesMs = parseMs): ValidationRow => ({
  size, filler, chars, valid: true, diagnostics: 0, fullMs, parseMs, validatorMs, saxesMs,
  vsParse: fullMs / parseMs, vsValidator: fullMs / validatorMs, vsBoth: fullMs / (parseMs + validatorMs), vsSaxes: fullMs / saxesMs,
});

function results(over: Partial<BenchResults> = {}): BenchResults {
  return {
    date: '2026-01-02T03:04:05.000Z',
    machine: { cpu: 'Test CPU', cores: 2, memoryGiB: 8, os: 'Linux', node: '20.0.0', vscode: '1.100.3' },
    validation: [row('real file', 86, 0.012, 0.01, 0.002), row('100 KB', 102400, 1.2, 1, 0.2), row('just under 1 MiB', 1047552, 12.4, 10, 2)],
    profile: { totalMs: 3000, entries: [{ name: 'LineIndex', where: 'out/src/updateXml/text.js:10', selfShare: 0.2, totalShare: 0.2 }], packages: { 'fast-xml-parser': 0.7 } },
    keystroke: [{ size: 'real file', chars: 86, add: [10, 30, 20], remove: [5, 7, 60] }, { size: '100 KB', chars: 102400, add: [400], remove: [400] }],
    activation: [{ activateMs: 4, loadMs: 20, hostMs: 30, subscriptions: 45, filesDuring: [], filesAfter: [], profileMs: { 'extension bundle': 1 } }],
    sizes: { extension: 1000, cli: 500, vsix: 3000, extensionInputs: [{ what: 'src/updateXml', bytes: 400 }], cliInputs: [], vsixFiles: [{ what: 'dist/', bytes: 1500 }] },
    ...over,
  };
}
const verdict = (r: BenchResults, start: string) => budgets(r).find((b) => b.budget.startsWith(start))?.verdict;

describe('npm run bench: the budgets and BENCHMARKS.md', () => {
  it('medians, worst cases and figures', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 2, 3]), 2.5);
    assert.equal(worst([3, 9, 2]), 9);
    assert.equal(fmt(0.01234), '0.012');
    assert.equal(fmt(12.345), '12.3');
    assert.equal(fmt(315.2), '315');
  });

  it('the keystroke budget looks at the medians of the files up to 10 KB only', () => {
    assert.equal(verdict(results(), 'squiggle'), 'met');
    assert.equal(verdict(results({ keystroke: [{ size: 'real file', chars: 86, add: [310, 320], remove: [5] }] }), 'squiggle'), 'missed');
    assert.equal(verdict(results({ keystroke: undefined }), 'squiggle'), 'not measured');
  });

  it('the validation budget is 1.5× a bare parse at every size, and growth is per character', () => {
    assert.equal(verdict(results(), 'full validation'), 'met');
    const slow = results({ validation: [row('real file', 86, 0.012, 0.01, 0.002), row('100 KB', 102400, 1.6, 1, 0.2), row('just under 1 MiB', 1047552, 12.4, 10, 2)] });
    assert.equal(verdict(slow, 'full validation'), 'missed');
    assert.ok(Math.abs(growth(results().validation) - (12.4 / 1047552) / (1.2 / 102400)) < 1e-12);
    assert.equal(verdict(results(), 'validation grows'), 'met');
    const quadratic = results({ validation: [row('100 KB', 102400, 1.2, 1, 0.2), row('just under 1 MiB', 1047552, 120, 10, 2)] });
    assert.equal(verdict(quadratic, 'validation grows'), 'missed');
  });

  it('each filler counts: the ratio and the growth are the worst of them, and a missed budget names saxes alone as the bound', () => {
    const validation = [
      row('100 KB', 102400, 0.2, 1, 0.2, 'blank lines', 0.1),
      row('just under 1 MiB', 1047552, 2, 10, 2, 'blank lines', 1),
      row('100 KB', 102400, 2.4, 1, 1, 'comments', 2),
      row('just under 1 MiB', 1047552, 24, 10, 10, 'comments', 20),
    ];
    const b = budgets(results({ validation })).find((x) => x.budget.startsWith('full validation'))!;
    assert.equal(b.verdict, 'missed');
    assert.equal(b.measured, 'blank lines: up to 0.200×; comments: up to 2.40×');
    assert.match(b.note, /files filled with comments, saxes alone, with nothing listening, costs up to 2\.00× a bare parse, and full validation, from 10 KB up, within 1\.20× of saxes alone/);
    assert.doesNotMatch(b.note, /filled with blank lines/);
    // Linear for comments, quadratic for blank lines: growth is the worse.
    const g = [row('100 KB', 102400, 1, 1, 1, 'comments'), row('just under 1 MiB', 1047552, 10.23, 10, 10, 'comments'), row('100 KB', 102400, 1, 1, 1, 'blank lines'), row('just under 1 MiB', 1047552, 102.3, 10, 10, 'blank lines')];
    assert.ok(Math.abs(growth(g) - 102.3 / 1047552 / (1 / 102400)) < 1e-9);
  });

  it('activation is met only under 20 ms median and with no file touched', () => {
    assert.equal(verdict(results(), 'activation'), 'met');
    const a = results().activation![0];
    assert.equal(verdict(results({ activation: [{ ...a, activateMs: 25 }] }), 'activation'), 'missed');
    assert.equal(verdict(results({ activation: [{ ...a, filesDuring: ['fs.readFileSync /x/progress.json'] }] }), 'activation'), 'missed');
  });

  it('the page names the machine and the date, and has a row per budget', () => {
    const md = renderBenchmarks(results(), { validationAdvice: 'ADVICE' });
    assert.match(md, /on 2026-01-02 on Test CPU, 2 cores, 8 GiB/);
    assert.match(md, /ADVICE/);
    for (const b of budgets(results())) assert.ok(md.includes(`| ${b.budget} |`), b.budget);
    assert.match(md, /\| real file \| 86 \| 3 \+ 3 \| 20\.0 ms \| 30\.0 ms \| 7\.00 ms \| 60\.0 ms \|/);
  });
});
