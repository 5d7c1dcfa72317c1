import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FormatError, KeyedVectors } from '../../src/index.js';
import { pearson, spearman } from '../../src/embeddings/stats.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const WS353 = path.resolve(repoRoot, '..', 'shared', 'eval', 'word_similarity', 'EN-WS-353-ALL.txt');
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

describe('evaluateWordPairs', () => {
  it('reads the CRLF WS-353 file and reports Pearson, Spearman and the OOV ratio', async () => {
    const words = ['tiger', 'cat', 'love', 'sex', 'book', 'paper', 'computer', 'keyboard'];
    const vecs = words.map((_, i) => [Math.cos(i), Math.sin(i), 0.3 * i]);
    const k = new KeyedVectors(words, Float32Array.from(vecs.flat()), 3);
    const r = await k.evaluateWordPairs(WS353);
    // Recompute independently from the raw file.
    const lines = readFileSync(WS353, 'utf8').split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
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
