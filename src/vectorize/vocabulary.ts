/**
 * Token vocabulary for sequence models: special tokens at fixed ids (<PAD> 0, <BOS> 1, <EOS> 2,
 * <UNK> 3), then tokens by descending count (ties in code point order), with encode/decode,
 * Keras-style padSequences, and versioned JSON save/load.
 */
import { ArgumentError, ConfigError, FormatError } from '../core/errors.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import { readTextFileSync } from '../io/read-text.js';
import { checkOptions as checkSchema } from '../core/options.js';
import { compareCodePoints } from './count-kernel.js';
import { checkOptions, DECODE_SCHEMA, ENCODE_SCHEMA, PAD_DEFAULTS, PAD_SCHEMA, VOCABULARY_BUILD_SCHEMA, VOCABULARY_DEFAULTS } from './options.js';

/** The special tokens and their fixed ids. */
export const SPECIAL_TOKENS = Object.freeze({ PAD: '<PAD>', BOS: '<BOS>', EOS: '<EOS>', UNK: '<UNK>' });
/** Fixed ids of the special tokens. */
export const SPECIAL_IDS = Object.freeze({ PAD: 0, BOS: 1, EOS: 2, UNK: 3 });
const SPECIALS = [SPECIAL_TOKENS.PAD, SPECIAL_TOKENS.BOS, SPECIAL_TOKENS.EOS, SPECIAL_TOKENS.UNK];
const FORMAT = 'textloom.vocabulary';
const FORMAT_VERSION = 1;

/** Options of {@link Vocabulary.build}. */
export interface VocabularyBuildOptions {
  /** Drop tokens seen fewer times than this, an integer >= 1 (default 1). */
  minCount?: number;
  /** Largest vocabulary size, special tokens included: an integer >= 4 or Infinity (default unlimited). */
  maxSize?: number;
}

/** Options of {@link Vocabulary.encode}. */
export interface EncodeOptions {
  /** Prepend <BOS> (default false). */
  addBos?: boolean;
  /** Append <EOS> (default false). */
  addEos?: boolean;
}

/** JSON form of a vocabulary. */
export interface VocabularyJSON {
  format: typeof FORMAT;
  formatVersion: number;
  specials: string[];
  tokens: string[];
  counts: number[];
}

/**
 * A token <-> id mapping with special tokens.
 * @example
 * const v = Vocabulary.build([['the', 'cat'], ['the', 'dog']], { minCount: 1 });
 * v.encode(['the', 'bird'], { addBos: true, addEos: true }); // Int32Array [1, 4, 3, 2]
 * v.decode([1, 4, 3, 2]); // ['the', '<UNK>']
 */
export class Vocabulary {
  private readonly itos: string[];
  private readonly stoi: Map<string, number>;
  private readonly freq: number[];

  private constructor(tokens: string[], counts: number[]) {
    this.itos = [...SPECIALS, ...tokens];
    this.freq = [0, 0, 0, 0, ...counts];
    this.stoi = new Map();
    this.itos.forEach((t, i) => {
      if (this.stoi.has(t)) throw new FormatError(`duplicate token ${JSON.stringify(t)} in vocabulary`, { key: `tokens[${i - SPECIALS.length}]` });
      this.stoi.set(t, i);
    });
  }

  /** Builds a vocabulary from token streams (e.g. one array of tokens per sentence). */
  static build(streams: Iterable<Iterable<string>>, options: VocabularyBuildOptions = {}): Vocabulary {
    checkOptions(options, VOCABULARY_BUILD_SCHEMA);
    const minCount = options.minCount ?? VOCABULARY_DEFAULTS.minCount;
    const maxSize = options.maxSize ?? VOCABULARY_DEFAULTS.maxSize;
    if (!(maxSize === Infinity || (Number.isInteger(maxSize) && maxSize >= SPECIALS.length))) throw new ConfigError(`maxSize must be an integer >= ${SPECIALS.length} (the special tokens), got ${maxSize}`, { key: 'maxSize' });
    const counts = new Map<string, number>();
    for (const seq of streams) {
      if (typeof seq === 'string') throw new ArgumentError('each stream item must be a sequence of tokens, not a string');
      for (const t of seq) {
        if (typeof t !== 'string') throw new ArgumentError(`token ${String(t)} is not a string`);
        counts.set(t, (counts.get(t) ?? 0) + 1);
      }
    }
    const special = new Set<string>(SPECIALS);
    const entries = [...counts].filter(([t, c]) => c >= minCount && !special.has(t));
    entries.sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]));
    const kept = entries.slice(0, maxSize === Infinity ? entries.length : maxSize - SPECIALS.length);
    return new Vocabulary(
      kept.map((e) => e[0]),
      kept.map((e) => e[1]),
    );
  }

  /** Number of ids (special tokens included). */
  get size(): number {
    return this.itos.length;
  }

  /** All tokens by id. */
  get tokens(): readonly string[] {
    return this.itos;
  }

  /** Training count of a token (0 for specials and unknowns). */
  count(token: string): number {
    const id = this.stoi.get(token);
    return id === undefined ? 0 : this.freq[id]!;
  }

  /** Id of a token, <UNK>'s id if unknown. */
  idOf(token: string): number {
    return this.stoi.get(token) ?? SPECIAL_IDS.UNK;
  }

  /** Whether the token is in the vocabulary. */
  has(token: string): boolean {
    return this.stoi.has(token);
  }

  /** Token of an id. */
  tokenOf(id: number): string {
    const t = this.itos[id];
    if (t === undefined || !Number.isInteger(id)) throw new ArgumentError(`id ${id} out of range for a vocabulary of ${this.itos.length}`, { key: 'id' });
    return t;
  }

  /** Token ids of a sequence (unknown tokens -> <UNK>). */
  encode(tokens: Iterable<string>, options: EncodeOptions = {}): Int32Array {
    checkSchema(ENCODE_SCHEMA, options, { what: 'encode' });
    const out: number[] = [];
    if (options.addBos) out.push(SPECIAL_IDS.BOS);
    for (const t of tokens) out.push(this.idOf(t));
    if (options.addEos) out.push(SPECIAL_IDS.EOS);
    return Int32Array.from(out);
  }

  /** Tokens of ids; <PAD>, <BOS> and <EOS> are skipped unless `skipSpecial` is false (<UNK> is kept). */
  decode(ids: ArrayLike<number>, options: { skipSpecial?: boolean } = {}): string[] {
    checkSchema(DECODE_SCHEMA, options, { what: 'decode' });
    const skip = options.skipSpecial ?? VOCABULARY_DEFAULTS.skipSpecial;
    const out: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (skip && (id === SPECIAL_IDS.PAD || id === SPECIAL_IDS.BOS || id === SPECIAL_IDS.EOS)) continue;
      out.push(this.tokenOf(id));
    }
    return out;
  }

  /** The JSON form (`format`, `formatVersion`, specials, tokens without specials, counts). */
  toJSON(): VocabularyJSON {
    return { format: FORMAT, formatVersion: FORMAT_VERSION, specials: SPECIALS.slice(), tokens: this.itos.slice(SPECIALS.length), counts: this.freq.slice(SPECIALS.length) };
  }

  /** Rebuilds a vocabulary from its JSON form; rejects other formats and versions. */
  static fromJSON(json: unknown, file?: string): Vocabulary {
    const where = file === undefined ? {} : { file };
    const o = json as Partial<VocabularyJSON> | null;
    if (!o || typeof o !== 'object' || o.format !== FORMAT) throw new FormatError(`not a textloom vocabulary (format must be "${FORMAT}")`, { ...where, key: 'format' });
    if (o.formatVersion !== FORMAT_VERSION) throw new FormatError(`unsupported vocabulary formatVersion ${JSON.stringify(o.formatVersion)} (this version reads ${FORMAT_VERSION})`, { ...where, key: 'formatVersion' });
    if (!Array.isArray(o.specials) || o.specials.join('\u0000') !== SPECIALS.join('\u0000')) throw new FormatError(`specials must be ${JSON.stringify(SPECIALS)}`, { ...where, key: 'specials' });
    if (!Array.isArray(o.tokens) || !o.tokens.every((t) => typeof t === 'string')) throw new FormatError('tokens must be an array of strings', { ...where, key: 'tokens' });
    if (!Array.isArray(o.counts) || o.counts.length !== o.tokens.length || !o.counts.every((c) => Number.isInteger(c) && c >= 0)) throw new FormatError('counts must be non-negative integers, one per token', { ...where, key: 'counts' });
    try {
      return new Vocabulary(o.tokens, o.counts);
    } catch (e) {
      if (e instanceof FormatError && file !== undefined) throw e.at({ file });
      throw e;
    }
  }

  /** Saves as JSON (atomically). */
  save(path: string): void {
    writeFileAtomicSync(path, JSON.stringify(this.toJSON()) + '\n');
  }

  /** Loads a vocabulary saved by {@link save}. */
  static load(path: string): Vocabulary {
    const text = readTextFileSync(path, 'vocabulary file');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new FormatError(`invalid JSON: ${(e as Error).message}`, { file: path });
    }
    return Vocabulary.fromJSON(json, path);
  }
}

/** Options of {@link padSequences} (Keras `pad_sequences` semantics and defaults). */
export interface PadOptions {
  /** Output length, an integer >= 0 (default: the longest sequence). */
  maxLen?: number;
  /** Where to pad short sequences: 'pre' (default) or 'post'. */
  padding?: 'pre' | 'post';
  /** Where to cut long sequences: 'pre' (default, keep the end) or 'post' (keep the start). */
  truncating?: 'pre' | 'post';
  /** Padding id, a 32-bit integer (default 0, <PAD>). */
  value?: number;
}

/**
 * Pads or truncates id sequences to one length.
 * @example
 * padSequences([[5, 6], [7, 8, 9, 10]], { maxLen: 3, padding: 'post' }); // [[5, 6, 0], [8, 9, 10]]
 */
export function padSequences(seqs: readonly ArrayLike<number>[], options: PadOptions = {}): Int32Array[] {
  checkOptions(options, PAD_SCHEMA);
  const padding = options.padding ?? PAD_DEFAULTS.padding;
  const truncating = options.truncating ?? PAD_DEFAULTS.truncating;
  const maxLen = options.maxLen ?? seqs.reduce((m, s) => Math.max(m, s.length), 0);
  const value = options.value ?? SPECIAL_IDS.PAD;
  // The rows are Int32Array: NaN or 1.5 would silently become 0 or 1.
  if (!Number.isInteger(value) || value < -2147483648 || value > 2147483647) throw new ConfigError(`value must be a 32-bit integer id, got ${value}`, { key: 'value' });
  return seqs.map((s) => {
    const out = new Int32Array(maxLen).fill(value);
    const n = Math.min(s.length, maxLen);
    const from = truncating === 'pre' ? s.length - n : 0;
    const to = padding === 'pre' ? maxLen - n : 0;
    for (let k = 0; k < n; k++) out[to + k] = s[from + k]!;
    return out;
  });
}
