// Small statistics for the benchmarks: medians and worst cases of timings in milliseconds.

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function worst(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : Math.max(...xs);
}

/** A figure for the table: 3 significant digits, at most 3 decimals. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0) return '0';
  const digits = Math.min(3, Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x)))));
  return x.toFixed(digits);
}
