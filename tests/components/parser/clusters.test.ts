import { describe, expect, it } from 'vitest';
import { ArgumentError, decodeParserModel, encodeParserModel, hierarchicalClusters, scoreParser, trainParser } from '../../../src/index.js';
import { Rng } from '../../../src/util/rng.js';
import { shapeCluster, UNK_CLUSTER } from '../../../src/components/parser/features.js';
import { ewtFixture } from '../tagger/data.js';

/** `groups` well-separated groups of `per` words in `dim` dimensions (noise around a random centre each). */
function groupedVectors(groups: number, per: number, dim: number): { words: string[]; vectors: Float32Array; group: number[] } {
  const rng = new Rng(7);
  const centres = Array.from({ length: groups }, () => Array.from({ length: dim }, () => rng.next() * 2 - 1));
  const words: string[] = [];
  const group: number[] = [];
  const vectors = new Float32Array(groups * per * dim);
  for (let g = 0; g < groups; g++) for (let i = 0; i < per; i++) {
    const row = words.length;
    words.push(`w${g}_${i}`);
    group.push(g);
    for (let d = 0; d < dim; d++) vectors[row * dim + d] = centres[g]![d]! + (rng.next() - 0.5) * 0.05;
  }
  return { words, vectors, group };
}

describe('hierarchicalClusters', () => {
  it('gives 10-bit codes forming a 16 x 4 x 16 tree, similar words sharing prefixes', () => {
    const { words, vectors, group } = groupedVectors(40, 12, 16);
    // Two exact copies of a vector always land in the same leaf.
    vectors.copyWithin(5 * 16, 4 * 16, 5 * 16);
    const codes = hierarchicalClusters(words, vectors, 16, { seed: 1 });
    expect(codes.size).toBe(words.length);
    const c = words.map((w) => codes.get(w)!);
    for (const x of c) expect(x >= 0 && x < 1024).toBe(true);
    expect(c[5]).toBe(c[4]);
    expect(new Set(c.map((x) => x >> 6)).size).toBe(16);
    // Each coarse cluster splits into at most 4 middle ones.
    const middles = new Map<number, Set<number>>();
    for (const x of c) (middles.get(x >> 6) ?? middles.set(x >> 6, new Set()).get(x >> 6)!).add(x >> 4);
    for (const m of middles.values()) expect(m.size).toBeLessThanOrEqual(4);
    // Words of one group share their coarse cluster far more often than words of two groups.
    let same = 0, sameShared = 0, diff = 0, diffShared = 0;
    for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) {
      const shared = c[i]! >> 6 === c[j]! >> 6 ? 1 : 0;
      if (group[i] === group[j]) (same++, (sameShared += shared));
      else (diff++, (diffShared += shared));
    }
    expect(sameShared / same).toBeGreaterThan(0.9);
    expect(diffShared / diff).toBeLessThan(0.15);
    // Deterministic for a seed.
    expect([...hierarchicalClusters(words, vectors, 16, { seed: 1 })]).toEqual([...codes]);
  });

  it('lower-cases words, the first casing winning', () => {
    const { words, vectors } = groupedVectors(20, 2, 8);
    words[1] = words[0]!.toUpperCase();
    const codes = hierarchicalClusters(words, vectors, 8);
    expect(codes.has(words[1]!)).toBe(false);
    expect(codes.size).toBe(words.length - 1);
  });

  it('refuses too few words or vectors', () => {
    expect(() => hierarchicalClusters(['a', 'b'], new Float32Array(4), 2)).toThrow(ArgumentError);
    expect(() => hierarchicalClusters(Array.from({ length: 20 }, (_, i) => `w${i}`), new Float32Array(10), 2)).toThrow(ArgumentError);
  });
});

describe('shapeCluster', () => {
  it('gives words without a cluster a code for their shape, each with its own prefixes', () => {
    const words = ['2005', '$', 'Debra', 'me@example.com', 'e-mail', "n't", "'ve", 'hamster'];
    const codes = words.map(shapeCluster);
    expect(codes[7]).toBe(UNK_CLUSTER);
    expect(new Set(codes).size).toBe(words.length - 1); // the two clitics share a code
    expect(codes[5]).toBe(codes[6]);
    expect(shapeCluster('3.5')).toBe(codes[0]);
    expect(shapeCluster('...')).toBe(codes[1]);
    expect(shapeCluster('http://x.org')).toBe(codes[3]);
    // No shape code shares a 4-bit or 6-bit prefix with a real code (0..1023) or with another.
    const uniq = [...new Set(codes)];
    for (const c of uniq) expect(c).toBeGreaterThanOrEqual(1024);
    expect(new Set(uniq.map((c) => c >> 6)).size).toBe(uniq.length);
    expect(new Set(uniq.map((c) => c >> 4)).size).toBe(uniq.length);
  });
});

describe('the parser with word clusters', () => {
  const sents = ewtFixture();
  // Clusters from word identity classes: a test of the plumbing, not of the gain.
  const clusters = new Map<string, number>();
  for (const s of sents) for (const w of s.words) clusters.set(w.form.toLowerCase(), (w.xpos.charCodeAt(0) * 31 + w.xpos.length * 7) % 1024);
  const opts = { epochs: 3, seed: 1, tags: 'gold' as const, actionBits: 16, labelBits: 18, clusters };
  const model = trainParser(sents.slice(0, 220), opts);

  it('keeps the clusters in the model file and parses the same after a round trip', () => {
    expect(model.clusterWords.length).toBe(clusters.size);
    const back = decodeParserModel(encodeParserModel(model, { prune: 0 }), 'c.tlp');
    expect(Array.from(back.clusterWords)).toEqual(Array.from(model.clusterWords));
    expect(Array.from(back.clusterCodes)).toEqual(Array.from(model.clusterCodes));
    const held = sents.slice(220);
    const tags = held.map((s) => s.words.map((w) => w.xpos));
    expect(scoreParser(back, held, tags)).toEqual(scoreParser(model, held, tags));
    expect(model.meta.clusters).toBe(clusters.size);
  });

  it('refuses cluster codes out of range', () => {
    expect(() => trainParser(sents.slice(0, 10), { ...opts, clusters: new Map([['the', 1024]]) })).toThrow(ArgumentError);
  });
});
