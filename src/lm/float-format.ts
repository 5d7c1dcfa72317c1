/**
 * Shortest decimal that reads back as the same 32-bit float, as KenLM prints ARPA values
 * (e.g. -0.44554287, -4.936198). Exact for every finite float32.
 */
export function formatFloat32(v: number): string {
  const x = Math.fround(v);
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  for (let p = 1; p < 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return String(Number(s));
  }
  return String(Number(x.toPrecision(9)));
}
