import { Rng } from '../../src/util/rng.js';

/** A small two-topic corpus: animal words co-occur with each other, vehicle words with each other. */
export function topicCorpus(sentences = 600, seed = 3): string[][] {
  const rng = new Rng(seed);
  const topics = [
    ['cat', 'dog', 'mouse', 'horse', 'cow', 'sheep'],
    ['car', 'bus', 'train', 'plane', 'truck', 'boat'],
  ];
  const out: string[][] = [];
  for (let s = 0; s < sentences; s++) {
    const t = topics[s % 2]!;
    const len = 6 + rng.int(6);
    const sent: string[] = [];
    for (let i = 0; i < len; i++) sent.push(rng.next() < 0.2 ? 'the' : t[rng.int(t.length)]!);
    out.push(sent);
  }
  return out;
}
