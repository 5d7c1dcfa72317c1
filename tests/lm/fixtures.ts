/** Small deterministic corpora for the LM tests. */
import { Rng } from '../../src/util/rng.js';

/** `n` sentences of 1..9 words over a 14-word Zipf-like vocabulary with some local structure. */
export function syntheticCorpus(n = 300, seed = 7): string[][] {
  const words = ['the', 'cat', 'dog', 'sat', 'on', 'a', 'mat', 'ran', 'to', 'house', 'big', 'red', 'and', 'slept'];
  const rng = new Rng(seed);
  const out: string[][] = [];
  for (let s = 0; s < n; s++) {
    const len = 1 + rng.int(9);
    const sent: string[] = [];
    let prev = rng.int(3);
    for (let i = 0; i < len; i++) {
      // Mostly follow prev+1, sometimes jump (Zipf-ish by squaring a uniform draw).
      const r = rng.next();
      const w = r < 0.5 ? (prev + 1) % words.length : Math.floor(rng.next() * rng.next() * words.length);
      sent.push(words[w]!);
      prev = w;
    }
    out.push(sent);
  }
  return out;
}
