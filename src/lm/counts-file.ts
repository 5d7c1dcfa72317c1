/**
 * The count-shard file (`.tlc`): the full n-grams of one shard of a corpus, before any smoothing,
 * so that shards counted on different machines merge into the counts of the whole corpus.
 *
 * textloom's binary framing (`io/binfmt.ts`, kind `NGCT`, version 1): a `header` section (JSON:
 * order, sentences, tokens, entries per order), a `vocab` section (JSON word list in first-seen
 * order, `<unk>` `<s>` `</s>` first), then per order n `keys<n>` (u32 x n x size, first-occurrence
 * order) and `counts<n>` (u32 x size).
 */
import { readFileSync } from 'node:fs';
import { ArgumentError, NotFoundError } from '../core/errors.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import { BinaryWriter, readBinary } from '../io/binfmt.js';
import { MAX_ORDER } from './options.js';
import { SPECIAL_WORDS } from './vocab.js';

/** Kind code of count-shard files in textloom's binary framing. */
export const COUNTS_KIND = 'NGCT';
/** Current count-shard format version. */
export const COUNTS_FORMAT_VERSION = 1;

/** The stored content of a count shard. */
export interface ShardCountData {
  order: number;
  sentences: number;
  tokens: number;
  /** Words by shard-local id. */
  words: readonly string[];
  /** Per order (index n-1): flat keys of the full n-grams, n ids each, in first-occurrence order. */
  keys: Uint32Array[];
  /** Per order: the count of each full n-gram. */
  counts: Uint32Array[];
}

/** Serializes a count shard (see the module layout). */
export function encodeCounts(d: ShardCountData): Uint8Array {
  const w = new BinaryWriter(COUNTS_KIND, COUNTS_FORMAT_VERSION);
  w.json('header', { order: d.order, sentences: d.sentences, tokens: d.tokens, sizes: d.counts.map((c) => c.length) });
  w.json('vocab', d.words);
  for (let n = 1; n <= d.order; n++) w.add(`keys${n}`, d.keys[n - 1]!).add(`counts${n}`, d.counts[n - 1]!);
  return w.finish();
}

/** Writes a count shard atomically. */
export function saveCounts(path: string, d: ShardCountData): void {
  writeFileAtomicSync(path, encodeCounts(d));
}

/**
 * Decodes count-shard bytes; `file` names the source in errors. Framing, CRC, header, vocabulary
 * and every key id are checked, so a damaged or foreign file is a typed error, never a wrong model.
 */
export function decodeCounts(buf: Uint8Array, file = '<buffer>'): ShardCountData {
  const r = readBinary(buf, { kind: COUNTS_KIND, what: 'n-gram counts file', versions: [COUNTS_FORMAT_VERSION], file });
  const h = r.json('header') as Record<string, unknown> | null;
  if (!h || typeof h !== 'object' || Array.isArray(h)) throw r.error('header is not a JSON object', 'header');
  const { order, sentences, tokens, sizes } = h;
  if (!Number.isInteger(order) || (order as number) < 1 || (order as number) > MAX_ORDER) throw r.error(`bad order ${JSON.stringify(order)}`, 'header');
  if (!Number.isInteger(sentences) || !Number.isInteger(tokens)) throw r.error('sentences and tokens must be integers', 'header');
  if (!Array.isArray(sizes) || sizes.length !== order || !sizes.every((x) => Number.isInteger(x) && x >= 0)) throw r.error('sizes must list one entry count per order', 'header');
  const words = r.json('vocab');
  if (!Array.isArray(words) || !words.every((x) => typeof x === 'string' && x.length > 0)) throw r.error('vocabulary is not a list of words', 'vocab');
  for (let i = 0; i < SPECIAL_WORDS.length; i++) if (words[i] !== SPECIAL_WORDS[i]) throw r.error(`vocabulary must start with ${SPECIAL_WORDS.join(' ')}`, 'vocab');
  const keys: Uint32Array[] = [];
  const counts: Uint32Array[] = [];
  for (let n = 1; n <= (order as number); n++) {
    const size = sizes[n - 1] as number;
    const k = r.typed(`keys${n}`, Uint32Array, size * n, true);
    for (let i = 0; i < k.length; i++) if (k[i]! >= words.length) throw r.error(`word id ${k[i]} is outside the ${words.length}-word vocabulary`, `keys${n}`);
    keys.push(k);
    counts.push(r.typed(`counts${n}`, Uint32Array, size, true));
  }
  return { order: order as number, sentences: sentences as number, tokens: tokens as number, words: words as string[], keys, counts };
}

/** Reads and decodes a count-shard file. */
export function loadCounts(path: string): ShardCountData {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`no such n-gram counts file: ${path}`, { file: path });
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') throw new ArgumentError(`${path} is a directory, not an n-gram counts file`, { file: path });
    throw e;
  }
  return decodeCounts(buf, path);
}
