// BENCHMARKS.md from the figures `npm run bench` measured (bench/results.json): the machine and
// the date, each budget of BENCHMARKS.md with what was measured and whether it is met, then the
// tables behind them. Pure: the caller reads and writes the files.
import type { ProfileEntry } from './profile';
import { fmt, median, worst } from './stats';
import type { ValidationRow } from './validation';

export interface KeystrokeRun { size: string; chars: number; add: number[]; remove: number[] }
export interface ActivationRun { activateMs: number; loadMs: number; hostMs: number; subscriptions: number; filesDuring: string[]; filesAfter: string[]; profileMs: Record<string, number> }
export interface SizeEntry { what: string; bytes: number }
export interface BenchResults {
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string; vscode: string };
  validation: ValidationRow[];
  profile: { totalMs: number; entries: ProfileEntry[]; packages: Record<string, number> };
  /** Absent when the VS Code part did not run (npm run bench -- --no-vscode). */
  keystroke?: KeystrokeRun[];
  activation?: ActivationRun[];
  sizes: { extension: number; cli: number; vsix: number; extensionInputs: SizeEntry[]; cliInputs: SizeEntry[]; vsixFiles: SizeEntry[] };
}

export type Verdict = 'met' | 'missed' | 'not measured';
export interface BudgetRow { budget: string; measured: string; verdict: Verdict; note: string }

/** Budgets of the validation: within 1.5× a bare parse at every size, growing linearly. */
export const VALIDATION_RATIO_BUDGET = 1.5;
/** Squiggle shown and cleared within this median, for files up to 10 KB. */
export const KEYSTROKE_BUDGET_MS = 50;
export const ACTIVATION_BUDGET_MS = 20;
/** Linear growth: the cost per character at the cap is at most this many times that at 100 KB. */
export const LINEAR_TOLERANCE = 1.5;

const kib = (b: number) => `${fmt(b / 1024)} KiB`;

/** Per character cost (`ms` of a row) at the largest size over that at 100 KB, valid files of one filler: 1 is linear. */
function growthOf(rows: readonly ValidationRow[], ms: (r: ValidationRow) => number = (r) => r.fullMs): number {
  const valid = rows.filter((r) => r.valid);
  const big = valid[valid.length - 1];
  const mid = valid.find((r) => r.chars >= 100 * 1024) ?? big;
  return ms(big) / big.chars / (ms(mid) / mid.chars);
}

/** Growth of full validation, the worst filler. */
export function growth(rows: readonly ValidationRow[]): number {
  return Math.max(...[...new Set(rows.map((r) => r.filler))].map((f) => growthOf(rows.filter((r) => r.filler === f))));
}

/** The worst of `f` over the rows of a filler. */
function worstOf(rows: readonly ValidationRow[], filler: string, f: (r: ValidationRow) => number): number {
  return Math.max(...rows.filter((r) => r.filler === filler).map(f));
}

/** What most of the package is, e.g. "media/screenshots/ is 81 % of the files in the .vsix". */
function vsixNote(r: BenchResults): string {
  const total = r.sizes.vsixFiles.reduce((n, e) => n + e.bytes, 0);
  const top = [...r.sizes.vsixFiles].sort((a, b) => b.bytes - a.bytes)[0];
  if (!top || total === 0) return 'the .vsix holds no file';
  const why = top.what === 'media/screenshots/' ? ' (the README\'s pictures, so that they show in the Extensions view on a server without internet: .vscodeignore)' : '';
  return `${top.what} is ${Math.round((100 * top.bytes) / total)} % of the bytes in the .vsix${why}`;
}

export function budgets(r: BenchResults): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const small = r.keystroke?.filter((k) => k.chars <= 10 * 1024) ?? [];
  if (small.length === 0) {
    rows.push({ budget: `squiggle shown and cleared within ${KEYSTROKE_BUDGET_MS} ms median, files up to 10 KB`, measured: '', verdict: 'not measured', note: 'the VS Code part did not run' });
  } else {
    const shown = Math.max(...small.map((k) => median(k.add)));
    const cleared = Math.max(...small.map((k) => median(k.remove)));
    rows.push({
      budget: `squiggle shown and cleared within ${KEYSTROKE_BUDGET_MS} ms median, files up to 10 KB`,
      measured: `shown ${fmt(shown)} ms, cleared ${fmt(cleared)} ms (median; worst ${fmt(Math.max(...small.map((k) => worst(k.add))))} / ${fmt(Math.max(...small.map((k) => worst(k.remove))))} ms)`,
      verdict: shown <= KEYSTROKE_BUDGET_MS && cleared <= KEYSTROKE_BUDGET_MS ? 'met' : 'missed',
      note: 'no debounce up to 128 KiB (src/features/updateXml/debounce.ts); the rest is the edit\'s trip between the extension host and the window',
    });
  }
  const worstRatio = Math.max(...r.validation.map((v) => v.vsParse));
  const fillers = [...new Set(r.validation.map((v) => v.filler))];
  const missedOn = fillers.filter((f) => worstOf(r.validation, f, (v) => v.vsParse) > VALIDATION_RATIO_BUDGET);
  const bound = missedOn.map((f) => `on files filled with ${f}, saxes alone, with nothing listening, costs up to ${fmt(worstOf(r.validation, f, (v) => v.saxesMs / v.parseMs))}× a bare parse, and full validation, from 10 KB up, within ${fmt(worstOf(r.validation.filter((v) => v.chars >= 10 * 1024), f, (v) => v.vsSaxes))}× of saxes alone`);
  rows.push({
    budget: `full validation within ${VALIDATION_RATIO_BUDGET}× a bare XMLParser.parse, every size up to the cap`,
    measured: fillers.map((f) => `${f}: up to ${fmt(worstOf(r.validation, f, (v) => v.vsParse))}×`).join('; '),
    verdict: worstRatio <= VALIDATION_RATIO_BUDGET ? 'met' : 'missed',
    note:
      'one pass: saxes, the conformant parser, checks the text and builds the tree (fast-xml-parser runs only on a file that is not well-formed)' +
      (bound.length ? `; the bound: ${bound.join('; ')}. See "Where validation spends its time"` : ''),
  });
  const g = growth(r.validation);
  rows.push({
    budget: 'validation grows linearly with the size',
    measured: `cost per character just under 1 MiB = ${fmt(g)}× that at 100 KB`,
    verdict: g <= LINEAR_TOLERANCE ? 'met' : 'missed',
    note: `the worse of the fillers; a bare parse, alike: ${[...new Set(r.validation.map((v) => v.filler))].map((f) => `${fmt(growthOf(r.validation.filter((v) => v.filler === f), (v) => v.parseMs))}× (${f})`).join(', ')}`,
  });
  if (!r.activation?.length) {
    rows.push({ budget: `activation under ${ACTIVATION_BUDGET_MS} ms (production bundle)`, measured: '', verdict: 'not measured', note: 'the VS Code part did not run' });
  } else {
    const a = r.activation.map((x) => x.activateMs);
    const files = [...new Set(r.activation.flatMap((x) => x.filesDuring))];
    rows.push({
      budget: `activation under ${ACTIVATION_BUDGET_MS} ms (production bundle): register, nothing more`,
      measured: `activate() ${fmt(median(a))} ms median, worst ${fmt(worst(a))} ms, of ${a.length} fresh windows; files touched: ${files.length ? files.join(', ') : 'none'}`,
      verdict: median(a) < ACTIVATION_BUDGET_MS && files.length === 0 ? 'met' : 'missed',
      note: `loading the bundle (before activate) ${fmt(median(r.activation.map((x) => x.loadMs)))} ms more`,
    });
  }
  rows.push({
    budget: 'the bundles and the .vsix as small as what they carry allows',
    measured: `dist/extension.js ${kib(r.sizes.extension)}, dist/cli.js ${kib(r.sizes.cli)}, .vsix ${kib(r.sizes.vsix)}`,
    verdict: 'met',
    note: `minified, no source maps, no node_modules in the package (the bundles carry the code they run); ${vsixNote(r)}; what the bytes are: tables below`,
  });
  return rows;
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function renderBenchmarks(r: BenchResults, prose: { validationAdvice: string }): string {
  const m = r.machine;
  const out: string[] = [];
  out.push('# Benchmarks', '');
  out.push('Written by `npm run bench` (scripts/bench/run.mjs; not part of `npm test`), with every figure in `bench/results.json`. Timings vary from machine to machine: the budgets are ratios, or figures of the machine named here.', '');
  out.push(`Measured on ${r.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node.js ${m.node}, VS Code ${m.vscode} (code-server's extension host).`, '');
  out.push('## Budgets', '');
  out.push(table(['budget', 'measured', 'verdict', 'note'], budgets(r).map((b) => [b.budget, b.measured || '–', b.verdict === 'met' ? '**met**' : b.verdict === 'missed' ? '**missed**' : b.verdict, b.note])), '');

  out.push('## Keystroke to diagnostics (real VS Code)', '');
  if (r.keystroke?.length) {
    out.push('From just before an edit (TextEditor.edit in the extension host: the server name broken, or put right) to the moment `languages.getDiagnostics(uri)` shows the change, polled every millisecond. Production bundle.', '');
    out.push(table(['file', 'characters', 'edits', 'shown: median', 'worst', 'cleared: median', 'worst'], r.keystroke.map((k) => [k.size, String(k.chars), `${k.add.length} + ${k.remove.length}`, `${fmt(median(k.add))} ms`, `${fmt(worst(k.add))} ms`, `${fmt(median(k.remove))} ms`, `${fmt(worst(k.remove))} ms`])), '');
  } else out.push('Not measured in this run (`--no-vscode`).', '');

  out.push('## Activation (real VS Code, fresh window, production bundle)', '');
  if (r.activation?.length) {
    const a = r.activation;
    const where = [...new Set(a.flatMap((x) => Object.keys(x.profileMs)))];
    out.push(table(['', 'median', 'worst'], [
      ['activate(), from call to return', `${fmt(median(a.map((x) => x.activateMs)))} ms`, `${fmt(worst(a.map((x) => x.activateMs)))} ms`],
      ['loading dist/extension.js (require, before activate)', `${fmt(median(a.map((x) => x.loadMs)))} ms`, `${fmt(worst(a.map((x) => x.loadMs)))} ms`],
      ['extension.activate() as the host runs it (context, activate, resolve)', `${fmt(median(a.map((x) => x.hostMs)))} ms`, `${fmt(worst(a.map((x) => x.hostMs)))} ms`],
      ...where.map((w) => [`CPU profile of the host's activation: ${w}`, `${fmt(median(a.map((x) => x.profileMs[w] ?? 0)))} ms`, `${fmt(worst(a.map((x) => x.profileMs[w] ?? 0)))} ms`]),
    ]), '');
    const during = [...new Set(a.flatMap((x) => x.filesDuring))];
    const after = [...new Set(a.flatMap((x) => x.filesAfter))];
    out.push(`What activate() does before it returns: it creates the output channel, the three tree views and the diagnostic collection, and registers the commands, providers and listeners (${a[0].subscriptions} disposables). Files it touches: ${during.length ? during.map((f) => `\`${f}\``).join(', ') : 'none: it reads no progress and validates no document; the progress file is read, the walkthrough ticks set and open update files checked on the next turn of the event loop, the tree counts made when a view is shown'}. Files it touches in the 200 ms after it returned: ${after.length ? after.map((f) => `\`${f}\``).join(', ') : 'none'}. (Only calls made from the bundle are counted.)`, '');
  } else out.push('Not measured in this run (`--no-vscode`).', '');

  out.push('## Validation against the floor (one Node.js process)', '');
  out.push('`validateUpdateXml` against fast-xml-parser alone on the same text (`XMLParser.parse` with the options of src/updateXml/parse.ts, and `XMLValidator.validate`), and against saxes alone (the conformant parser the validator reads with, nothing listening but errors). Files made from a real one by lines inside `<globalInfo>`: comment lines (an admin\'s notes) or blank lines of spaces; invalid = a space in the server name. Medians after a warm-up, in ms per call.', '');
  out.push(table(['size', 'filled with', 'characters', 'file', 'full', 'parse', 'validator', 'saxes alone', 'full / parse', 'full / (parse + validator)', 'full / saxes alone'],
    r.validation.map((v) => [v.size, v.chars > 1024 ? v.filler : '–', String(v.chars), v.valid ? 'valid' : 'invalid', fmt(v.fullMs), fmt(v.parseMs), fmt(v.validatorMs), fmt(v.saxesMs), `${fmt(v.vsParse)}×`, `${fmt(v.vsBoth)}×`, `${fmt(v.vsSaxes)}×`])), '');
  out.push(`Growth: per character, full validation just under 1 MiB costs at most ${fmt(growth(r.validation))}× what it costs at 100 KB (the worse of the two fillers).`, '');

  out.push('### Where validation spends its time', '');
  out.push(`\`node --cpu-prof\` of ${fmt(r.profile.totalMs / 1000)} s of validating the two files just under 1 MiB filled with comments (sampling every 100 µs). Share of the samples; "total" includes the callees. By package: ${Object.entries(r.profile.packages).filter(([, v]) => v >= 0.001).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${pct(v)}`).join(', ') || 'none'} of all samples.`, '');
  out.push(table(['function (src/updateXml)', 'where (compiled)', 'self', 'total'], r.profile.entries.slice(0, 12).map((e) => [`\`${e.name}\``, e.where, pct(e.selfShare), pct(e.totalShare)])), '');
  out.push(prose.validationAdvice, '');

  out.push('## Sizes', '');
  out.push(table(['file', 'bytes'], [['dist/extension.js', String(r.sizes.extension)], ['dist/cli.js', String(r.sizes.cli)], ['master-secret-mover.vsix', String(r.sizes.vsix)]]), '');
  out.push('What the bytes of each bundle are (esbuild\'s metafile, bytes in the minified output):', '');
  out.push(table(['dist/extension.js from', 'bytes'], r.sizes.extensionInputs.map((e) => [e.what, String(e.bytes)])), '');
  out.push(table(['dist/cli.js from', 'bytes'], r.sizes.cliInputs.map((e) => [e.what, String(e.bytes)])), '');
  out.push('What the .vsix holds (uncompressed, by folder; the .vsix is a zip of these):', '');
  out.push(table(['files', 'bytes'], r.sizes.vsixFiles.map((e) => [e.what, String(e.bytes)])), '');
  return `${out.join('\n')}\n`;
}
