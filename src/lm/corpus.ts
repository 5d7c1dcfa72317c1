/**
 * Stage 0 (read): token arrays -> one flat Uint32Array of word ids plus sentence offsets.
 *
 * Output contract: `ids[starts[s] .. starts[s+1])` are the words of sentence s, without `<s>` and
 * `</s>` (the counter adds them). Ids index `vocab`; words pruned by `minCount` or missing from a
 * fixed vocabulary are {@link UNK}.
 */
import { ArgumentError } from '../core/errors.js';
import { grow } from '../util/typed.js';
import { BOS, EOS, LmVocab, UNK } from './vocab.js';
import { LM_DEFAULTS } from './options.js';

/** A sentence: an array of tokens, or a string split on whitespace. */
export type SentenceInput = readonly string[] | string;

/** Any source of sentences. */
export type SentenceSource = Iterable<SentenceInput> | AsyncIterable<SentenceInput>;

/** Progress report of training: `stage` name and units done (tokens or n-grams). */
export interface TrainProgress {
  stage: 'read' | 'count' | 'adjust' | 'estimate';
  done: number;
  total?: number;
}

/** The corpus as ids. */
export interface Corpus {
  vocab: LmVocab;
  ids: Uint32Array;
  starts: Uint32Array;
  sentences: number;
  tokens: number;
}

/** Options of {@link readCorpus}. */
export interface ReadCorpusOptions {
  minCount?: number;
  vocab?: Iterable<string>;
  onProgress?: (p: TrainProgress) => void;
}

const WS = /\s+/;

function tokensOf(s: SentenceInput, index: number): readonly string[] {
  if (typeof s === 'string') {
    const t = s.trim();
    return t ? t.split(WS) : [];
  }
  if (!Array.isArray(s)) throw new ArgumentError(`sentence ${index} is not an array of tokens or a string`, { line: index + 1 });
  return s;
}

/** Reads sentences into ids (see the module contract). */
export async function readCorpus(source: SentenceSource, options: ReadCorpusOptions = {}): Promise<Corpus> {
  const minCount = options.minCount ?? LM_DEFAULTS.minCount;
  if (!Number.isInteger(minCount) || minCount < 1) throw new ArgumentError(`minCount must be an integer >= 1, got ${minCount}`, { key: 'minCount' });
  const fixed = options.vocab !== undefined;
  let vocab = new LmVocab();
  if (options.vocab) for (const w of options.vocab) if (w !== '<s>' && w !== '</s>' && w !== '<unk>') vocab.add(w);
  let ids = new Uint32Array(1 << 16);
  let starts = new Uint32Array(1 << 12);
  let n = 0;
  let s = 0;
  const onProgress = options.onProgress;
  const add = (sent: SentenceInput): void => {
    const toks = tokensOf(sent, s);
    if (n + toks.length > ids.length) ids = grow(ids, n + toks.length);
    for (let i = 0; i < toks.length; i++) {
      const w = toks[i]!;
      if (typeof w !== 'string') throw new ArgumentError(`sentence ${s} token ${i} is not a string`, { line: s + 1 });
      let id: number;
      if (fixed) id = vocab.id(w);
      else {
        if (w === '<s>' || w === '</s>') throw new ArgumentError(`sentence ${s} contains the reserved token ${w} (sentence boundaries are added automatically)`, { line: s + 1 });
        if (w.length === 0) throw new ArgumentError(`sentence ${s} token ${i} is empty`, { line: s + 1 });
        id = vocab.add(w);
      }
      if (id === BOS || id === EOS) id = UNK;
      ids[n++] = id;
    }
    if (s + 2 > starts.length) starts = grow(starts, s + 2);
    starts[++s] = n;
    if (onProgress && (s & 1023) === 0) onProgress({ stage: 'read', done: n });
  };
  if (typeof source === 'string') throw new ArgumentError('sentences must be a list of sentences, not a string (wrap it: [text])');
  if (Symbol.asyncIterator in (source as object)) {
    for await (const sent of source as AsyncIterable<SentenceInput>) add(sent);
  } else if (Symbol.iterator in (source as object)) {
    for (const sent of source as Iterable<SentenceInput>) add(sent);
  } else throw new ArgumentError('sentences must be an array, an iterable or an async iterable of token arrays');
  onProgress?.({ stage: 'read', done: n });
  ids = ids.slice(0, n);
  starts = starts.slice(0, s + 1);
  if (minCount > 1) vocab = pruneVocab(vocab, ids, minCount);
  return { vocab, ids, starts, sentences: s, tokens: n };
}

/** Maps words seen fewer than `minCount` times to UNK and renumbers the rest in first-seen order. */
function pruneVocab(vocab: LmVocab, ids: Uint32Array, minCount: number): LmVocab {
  const counts = new Uint32Array(vocab.size);
  for (let i = 0; i < ids.length; i++) counts[ids[i]!]!++;
  const remap = new Uint32Array(vocab.size);
  const out = new LmVocab();
  for (let id = 3; id < vocab.size; id++) remap[id] = counts[id]! >= minCount ? out.add(vocab.words[id]!) : UNK;
  remap[BOS] = BOS;
  remap[EOS] = EOS;
  for (let i = 0; i < ids.length; i++) ids[i] = remap[ids[i]!]!;
  return out;
}
