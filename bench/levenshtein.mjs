// Levenshtein: textloom's bit-parallel/row-DP kernel vs natural's LevenshteinDistance on the same pairs.
import natural from 'natural';
import { levenshtein } from '../dist/index.js';

// Deterministic word pairs of varied length (short words and ~40-80 char phrases).
let s = 12345;
const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
const word = (n) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(rnd() * 12))).join('');
const mutate = (w) => { const a = [...w]; for (let k = 0; k < 2; k++) a[Math.floor(rnd() * a.length)] = word(1); return a.join(''); };
const pairs = [];
for (let i = 0; i < 20000; i++) { const w = word(3 + Math.floor(rnd() * 10)); pairs.push([w, mutate(w)]); }
for (let i = 0; i < 2000; i++) { const w = word(40 + Math.floor(rnd() * 40)); pairs.push([w, mutate(w)]); }

function run(name, fn) {
  let check = 0;
  for (const [a, b] of pairs.slice(0, 2000)) check += fn(a, b); // warm-up
  const t0 = process.hrtime.bigint();
  check = 0;
  for (let r = 0; r < 3; r++) for (const [a, b] of pairs) check += fn(a, b);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rate = (3 * pairs.length) / (ms / 1000);
  console.log(`${name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${Math.round(rate).toLocaleString('en-US').padStart(12)} pairs/s  checksum ${check}`);
  return { rate, check };
}
const tl = run('textloom levenshtein', levenshtein);
const nat = run('natural LevenshteinDistance', natural.LevenshteinDistance);
if (tl.check !== nat.check) { console.error('MISMATCH: distances differ'); process.exit(1); }
console.log(`ratio textloom / natural: ${(tl.rate / nat.rate).toFixed(1)}x  (distances identical)`);
console.log(`peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
