// Where the bench phases (scripts/vscode-test/phases.mjs) leave their figures: one JSON line
// per measurement in $MSS_BENCH_OUT/<name>.jsonl, which `npm run bench` (scripts/bench/run.mjs)
// reads to write BENCHMARKS.md. Without MSS_BENCH_OUT the figures are only printed.
import * as fs from 'fs';
import * as path from 'path';

export function record(name: string, value: unknown): void {
  const line = JSON.stringify(value);
  console.log(`[bench] ${name}: ${line}`);
  const dir = process.env.MSS_BENCH_OUT;
  if (dir) fs.appendFileSync(path.join(dir, `${name}.jsonl`), `${line}\n`);
}
