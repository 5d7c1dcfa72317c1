/**
 * Merges count shards into the {@link Counts} of the concatenated corpus, exactly as
 * `countNgrams` would have counted it, entry order included (so the estimated model, and its ARPA
 * or `.tlm` file, is byte for byte the one-machine model).
 *
 * Why it is exact: a shard stores, per order, its full n-grams in first-occurrence order; the
 * vocabulary is in first-seen order. Concatenating shards in order and inserting each shard's
 * words and full n-grams into global tables reproduces the first-occurrence order of the whole
 * corpus, and counts add. Vocabulary pruning (`minCount`) or a fixed vocabulary maps words to
 * `<unk>` before inserting: the merged n-gram lands at its earliest preimage, which is where the
 * one-machine counter first saw it. The lower orders are then derived top-down as `countNgrams` does.
 */
import { ArgumentError } from '../core/errors.js';
import { grow } from '../util/typed.js';
import type { ShardCountData } from './counts-file.js';
import { deriveLowerOrders, type Counts } from './count.js';
import { computeLinks } from './links.js';
import { NgramTable } from './ngram-table.js';
import { BOS, EOS, LmVocab, UNK } from './vocab.js';

/** Options of {@link mergeShardCounts}: the vocabulary choices `readCorpus` makes on one machine. */
export interface MergeCountsOptions {
  minCount?: number;
  vocab?: Iterable<string>;
}

/** Merges shards (in corpus order) into whole-corpus counts and their vocabulary. */
export function mergeShardCounts(shards: readonly ShardCountData[], options: MergeCountsOptions = {}): { counts: Counts; vocab: LmVocab; sentences: number; tokens: number } {
  if (shards.length === 0) throw new ArgumentError('no n-gram counts to merge');
  const order = shards[0]!.order;
  shards.forEach((s, i) => {
    if (s.order !== order) throw new ArgumentError(`counts ${i + 1} are of order ${s.order}, counts 1 of order ${order}: count every shard with the same --order`, { key: 'order' });
  });
  // Global first-seen vocabulary, then the fixed-vocabulary and minCount mappings of readCorpus.
  const seen = new LmVocab();
  const local = shards.map((s) => Uint32Array.from(s.words, (w) => seen.add(w)));
  let vocab = seen;
  let map = new Uint32Array(seen.size);
  for (let id = 0; id < map.length; id++) map[id] = id;
  if (options.vocab !== undefined) {
    vocab = new LmVocab();
    for (const w of options.vocab) if (w !== '<s>' && w !== '</s>' && w !== '<unk>') vocab.add(w);
    for (let id = 3; id < map.length; id++) map[id] = vocab.id(seen.words[id]!);
  }
  const minCount = options.minCount ?? 1;
  if (minCount > 1) {
    const pruned = pruneByCount(shards, local, map, vocab, minCount);
    vocab = pruned.vocab;
    for (let id = 0; id < map.length; id++) map[id] = pruned.remap[map[id]!]!;
  }
  const tables: NgramTable[] = [];
  const counts: Uint32Array[] = [];
  for (let n = 1; n <= order; n++) {
    let expected = 16;
    for (const s of shards) expected = Math.max(expected, s.counts[n - 1]!.length);
    tables.push(new NgramTable(n, n === 1 ? vocab.size : expected));
    counts.push(new Uint32Array(n === 1 ? vocab.size : expected));
  }
  const one = new Uint32Array(1);
  for (let id = 0; id < vocab.size; id++) {
    one[0] = id;
    tables[0]!.insert(one, 0);
  }
  const buf = new Uint32Array(order);
  for (let n = 1; n <= order; n++) {
    const t = tables[n - 1]!;
    for (let s = 0; s < shards.length; s++) {
      const keys = shards[s]!.keys[n - 1]!;
      const cnt = shards[s]!.counts[n - 1]!;
      const loc = local[s]!;
      for (let e = 0; e < cnt.length; e++) {
        for (let i = 0; i < n; i++) buf[i] = map[loc[keys[e * n + i]!]!]!;
        const g = t.insert(buf, 0);
        let c = counts[n - 1]!;
        if (g >= c.length) c = counts[n - 1] = grow(c, g + 1);
        c[g]! += cnt[e]!;
      }
    }
  }
  const suffix = deriveLowerOrders(tables, counts);
  for (let n = 0; n < order; n++) {
    tables[n]!.compact();
    counts[n] = counts[n]!.slice(0, tables[n]!.size);
  }
  const { context } = computeLinks(tables, suffix);
  let sentences = 0;
  let tokens = 0;
  for (const s of shards) {
    sentences += s.sentences;
    tokens += s.tokens;
  }
  return { counts: { order, tables, counts, suffix, context }, vocab, sentences, tokens };
}

/**
 * `readCorpus`'s minCount pruning on counts: a word's corpus frequency is the count of the full
 * n-grams ending in it (one full n-gram ends at every position). Kept words are renumbered in
 * vocabulary order, the others map to `<unk>`.
 */
function pruneByCount(shards: readonly ShardCountData[], local: readonly Uint32Array[], map: Uint32Array, vocab: LmVocab, minCount: number): { vocab: LmVocab; remap: Uint32Array } {
  const freq = new Float64Array(vocab.size);
  shards.forEach((s, si) => {
    for (let n = 1; n <= s.order; n++) {
      const keys = s.keys[n - 1]!;
      const cnt = s.counts[n - 1]!;
      for (let e = 0; e < cnt.length; e++) freq[map[local[si]![keys[e * n + n - 1]!]!]!]! += cnt[e]!;
    }
  });
  const remap = new Uint32Array(vocab.size);
  const out = new LmVocab();
  for (let id = 3; id < vocab.size; id++) remap[id] = freq[id]! >= minCount ? out.add(vocab.words[id]!) : UNK;
  remap[BOS] = BOS;
  remap[EOS] = EOS;
  return { vocab: out, remap };
}
