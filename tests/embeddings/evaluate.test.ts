import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormatError, KeyedVectors } from '../../src/index.js';
import { pearson, spearman } from '../../src/embeddings/stats.js';
import { Rng } from '../../src/util/rng.js';
import { evalPath, fixturePath, hasEval, needsEval } from '../eval-data.js';

const WS353 = 'word_similarity/EN-WS-353-ALL.txt';
const ANALOGIES = 'word_analogy/questions-words.txt';
/** Pair files: the first 40 WS-353 lines shipped with the tests (CRLF kept), and the full set when present. */
const PAIR_FILES = [
  { title: 'the first 40 WS-353 pairs shipped with the tests', file: fixturePath('embeddings/EN-WS-353-ALL-first40.txt'), available: true },
  { title: needsEval(WS353, 'the full WS-353 set'), file: evalPath(WS353), available: hasEval(WS353) },
];
const dir = mkdtempSync(path.join(tmpdir(), 'tl-eval-'));

// Capital/country pairs along two axes so 3CosAdd answers them.
function geo(): KeyedVectors {
  const words = ['paris', 'france', 'rome', 'italy', 'Paris', 'berlin', 'germany', 'big', 'bigger'];
  const v = [
    [1, 0, 0, 0],
    [1, 1, 0, 0],
    [0, 0, 1, 0],
    [0, 1, 1, 0],
    [0.9, 0, 0, 0.1],
    [0, 0, 0, 1],
    [0, 1, 0, 1],
    [0.5, 0.5, 0.5, 0.5],
    [-0.5, 0.5, 0.5, 0.5],
  ];
  return new KeyedVectors(words, Float32Array.from(v.flat()), 4);
}

describe('evaluateWordAnalogies', () => {
  it('scores per section and in total, skipping unknown words', async () => {
    const file = path.join(dir, 'q.txt');
    writeFileSync(file, [': capitals', 'Paris France Rome Italy', 'rome italy berlin germany', 'paris france london england', ': adjectives', 'big bigger rome germany', 'bad line', ''].join('\n'));
    const r = await geo().evaluateWordAnalogies(file);
    expect(r.sections.map((s) => [s.section, s.correct, s.incorrect])).toEqual([
      ['capitals', 2, 0],
      ['adjectives', 0, 1],
      ['Total accuracy', 2, 1],
    ]);
    expect(r.accuracy).toBeCloseTo(2 / 3, 12);
    expect(r.questions).toBe(4);
    expect(r.oovRatio).toBeCloseTo(25, 12);
  });
  it('honours restrictVocab and case sensitivity', async () => {
    const file = path.join(dir, 'q2.txt');
    writeFileSync(file, ': s\nParis france rome italy\n');
    const strict = await geo().evaluateWordAnalogies(file, { caseInsensitive: false });
    expect(strict.sections[0]!.correct).toBe(1);
    const restricted = await geo().evaluateWordAnalogies(file, { restrictVocab: 3 });
    expect(restricted.oovRatio).toBe(100);
    expect(restricted.accuracy).toBe(0); // gensim: 0.0 when nothing could be answered, not NaN
    expect(JSON.parse(JSON.stringify(restricted)).accuracy).toBe(0);
    const dummy = await geo().evaluateWordAnalogies(file, { restrictVocab: 3, dummy4unknown: true });
    expect(dummy.sections[0]!.incorrect).toBe(1);
  });
  it('needs a section header', async () => {
    const file = path.join(dir, 'q3.txt');
    writeFileSync(file, 'a b c d\n');
    await expect(geo().evaluateWordAnalogies(file)).rejects.toThrow(FormatError);
  });
});

describe('evaluateWordAnalogies on questions-words sections shipped with the tests', () => {
  const file = fixturePath('embeddings/questions-words-small.txt');
  /** Vectors where each analogy's relation is one shared offset plus noise, so most questions are answerable. */
  function relational(): KeyedVectors {
    const rng = new Rng(5);
    const dim = 12;
    const rand = (scale: number) => Array.from({ length: dim }, () => (rng.next() * 2 - 1) * scale);
    const offsets = new Map<string, number[]>();
    const rows = new Map<string, number[]>();
    let section = '';
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.startsWith(': ')) {
        section = line;
        offsets.set(section, rand(1));
        continue;
      }
      const w = line.trim().toLowerCase().split(/\s+/);
      if (w.length !== 4) continue;
      for (const [x, y] of [[w[0]!, w[1]!], [w[2]!, w[3]!]] as const) {
        if (!rows.has(x)) rows.set(x, rand(1));
        if (!rows.has(y)) rows.set(y, rows.get(x)!.map((v, k) => v + offsets.get(section)![k]! + (rng.next() * 2 - 1) * 0.6));
      }
    }
    rows.delete('kabul'); // one unknown word: its question is skipped
    const words = [...rows.keys()];
    return new KeyedVectors(words, Float32Array.from(words.flatMap((x) => rows.get(x)!)), dim);
  }

  /** Independent 3CosAdd over every known word (argmax of cos(x,b) - cos(x,a) + cos(x,c), question words excluded). */
  function reference(kv: KeyedVectors): Map<string, [number, number]> {
    const unit = (w: string) => {
      const v = Array.from(kv.vectors.subarray(kv.words.indexOf(w) * kv.dim, (kv.words.indexOf(w) + 1) * kv.dim));
      const n = Math.hypot(...v);
      return v.map((x) => x / n);
    };
    const dot = (a: number[], b: number[]) => a.reduce((s, x, k) => s + x * b[k]!, 0);
    const out = new Map<string, [number, number]>();
    let section = '';
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.startsWith(': ')) {
        section = line.slice(2);
        out.set(section, [0, 0]);
        continue;
      }
      const q = line.trim().toLowerCase().split(/\s+/);
      if (q.length !== 4 || !q.every((w) => kv.words.includes(w))) continue;
      const [a, b, c] = [unit(q[0]!), unit(q[1]!), unit(q[2]!)];
      let best = '';
      let bestScore = -Infinity;
      for (const w of kv.words) {
        if (q.slice(0, 3).includes(w)) continue;
        const x = unit(w);
        const score = dot(x, b) - dot(x, a) + dot(x, c);
        if (score > bestScore) [best, bestScore] = [w, score];
      }
      out.get(section)![best === q[3] ? 0 : 1]++;
    }
    return out;
  }

  it('answers each section as an independent 3CosAdd does, skipping the question with an unknown word', async () => {
    const kv = relational();
    const r = await kv.evaluateWordAnalogies(file);
    const want = reference(kv);
    expect(r.sections.map((x) => x.section)).toEqual([...want.keys(), 'Total accuracy']);
    for (const x of r.sections.slice(0, -1)) expect([x.correct, x.incorrect], x.section).toEqual(want.get(x.section));
    expect(r.questions).toBe(36);
    expect(r.oovRatio).toBeCloseTo(100 / 36, 12);
    // Measured: 29 of the 35 answerable questions right (wrong ones in every section); random vectors get almost none.
    expect(r.accuracy).toBeGreaterThan(0.75);
    expect(r.accuracy).toBeLessThan(1);
    const rng = new Rng(9);
    const noise = new KeyedVectors(kv.words, Float32Array.from(kv.vectors, () => rng.next() - 0.5), kv.dim);
    expect((await noise.evaluateWordAnalogies(file)).accuracy).toBeLessThan(0.3);
  });
});

describe.skipIf(!hasEval(ANALOGIES))(needsEval(ANALOGIES, 'evaluateWordAnalogies on the full questions-words set'), () => {
  it('reads all 14 sections and 19,544 questions, and an unknown vocabulary answers none', async () => {
    const r = await geo().evaluateWordAnalogies(evalPath(ANALOGIES));
    expect(r.sections).toHaveLength(15);
    expect(r.questions).toBe(19544);
    expect(r.sections.at(-1)!.correct + r.sections.at(-1)!.incorrect).toBeLessThan(10);
  });
});

for (const src of PAIR_FILES) {
  describe.skipIf(!src.available)(`evaluateWordPairs on ${src.title}`, () => {
    it('reads the CRLF WS-353 file and reports Pearson, Spearman and the OOV ratio', async () => {
      const words = ['tiger', 'cat', 'love', 'sex', 'book', 'paper', 'computer', 'keyboard'];
      const vecs = words.map((_, i) => [Math.cos(i), Math.sin(i), 0.3 * i]);
      const k = new KeyedVectors(words, Float32Array.from(vecs.flat()), 3);
      const r = await k.evaluateWordPairs(src.file);
      // Recompute independently from the raw file.
      const raw = readFileSync(src.file, 'utf8');
      expect(raw).toContain('\r\n');
      const lines = raw.split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
      const gold: number[] = [];
      const model: number[] = [];
      let oov = 0;
      for (const l of lines) {
        const [a, b, s] = l.split('\t');
        const ia = words.indexOf(a!.toLowerCase());
        const ib = words.indexOf(b!.toLowerCase());
        if (ia < 0 || ib < 0) {
          oov++;
          continue;
        }
        gold.push(Number(s));
        model.push(k.similarity(words[ia]!, words[ib]!));
      }
      expect(r.pairs).toBe(gold.length);
      expect(r.pairs).toBeGreaterThan(2);
      expect(r.oovRatio).toBeCloseTo((oov / lines.length) * 100, 10);
      expect(r.spearman).toBeCloseTo(spearman(gold, model), 10);
      expect(r.pearson).toBeCloseTo(pearson(gold, model), 10);
    });
  });
}
