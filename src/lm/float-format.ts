/**
 * Shortest decimal that reads back as the same 32-bit float, as KenLM prints ARPA values
 * (e.g. -0.44554287, -4.936198). Tries 1..9 significant digits with integer rounding (exact
 * scaling by powers of ten), which is several times faster than toPrecision.
 */
const POW10: number[] = [];
for (let i = 0; i <= 22; i++) POW10.push(Number(`1e${i}`)); // exact as doubles up to 1e22

/** Formats `v` (rounded to float32) with the fewest significant digits that round-trip. */
export function formatFloat32(v: number): string {
  const x = Math.fround(v);
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return x !== x ? 'nan' : x > 0 ? 'inf' : '-inf';
  const ax = Math.abs(x);
  const e = Math.floor(Math.log10(ax));
  for (let p = 1; p <= 9; p++) {
    const k = p - 1 - e;
    let y: number;
    if (k >= 0 && k <= 22) y = Math.round(ax * POW10[k]!) / POW10[k]!;
    else if (k < 0 && -k <= 22) y = Math.round(ax / POW10[-k]!) * POW10[-k]!;
    else break;
    if (Math.fround(y) === ax) return String(x < 0 ? -y : y);
  }
  // Very large or tiny magnitudes: slower but exact.
  for (let p = 1; p < 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return String(Number(s));
  }
  return String(Number(x.toPrecision(9)));
}
