/**
 * Streaming corpora for word2vec: a file path (one sentence per line, whitespace-separated
 * tokens, `.gz` read transparently), an iterable or async iterable of token arrays, or a function
 * returning a fresh one. Nothing is held whole; every pass (the vocabulary scan, then each epoch)
 * re-reads the source.
 */
import { ArgumentError } from '../core/errors.js';
import { readLines } from '../io/lines.js';

/** A sentence: its tokens. */
export type Sentence = readonly string[];

/**
 * What {@link Word2Vec.train} accepts as a corpus. Lines as strings (an iterable of strings) are
 * accepted with the `pipeline` option, which tokenizes them.
 */
export type Corpus =
  | string
  | Iterable<Sentence>
  | AsyncIterable<Sentence>
  | Iterable<string>
  | AsyncIterable<string>
  | (() => Iterable<Sentence> | AsyncIterable<Sentence> | Iterable<string> | AsyncIterable<string>);

/** How {@link openCorpus} turns lines into sentences. */
export interface CorpusPrep {
  /** Tokenizes each line (of a file, or a string in an iterable) instead of splitting it on whitespace. */
  tokenize?: (line: string) => string[];
  /** Lowercases every token (default false). */
  lowercase?: boolean;
}

/** A re-readable corpus: each call of `pass()` streams it from the start. */
export interface CorpusSource {
  pass(): AsyncIterable<Sentence>;
}

const SPLIT = /[ \t\r\f\v]+/;

/** Splits a line on spaces/tabs like word2vec.c's ReadWord (empty pieces dropped). */
export function splitLine(line: string): string[] {
  const parts = line.split(SPLIT);
  if (parts.length && parts[0] === '') parts.shift();
  if (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

async function* fileSentences(path: string, prep: CorpusPrep): AsyncGenerator<Sentence> {
  const { tokenize, lowercase } = prep;
  for await (const line of readLines(path)) {
    if (tokenize) yield tokenize(line);
    else yield lowercase ? lower(splitLine(line)) : splitLine(line);
  }
}

function lower(tokens: readonly string[]): string[] {
  const out: string[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) out[i] = typeof tokens[i] === 'string' ? tokens[i]!.toLowerCase() : tokens[i]!;
  return out;
}

async function* toAsync(it: Iterable<Sentence> | AsyncIterable<Sentence>, prep: CorpusPrep): AsyncGenerator<Sentence> {
  const { tokenize, lowercase } = prep;
  if (!tokenize && !lowercase) {
    yield* it as AsyncIterable<Sentence>;
    return;
  }
  for await (const s of it as AsyncIterable<Sentence | string>) {
    if (typeof s === 'string' && tokenize) yield tokenize(s);
    else yield lowercase && Array.isArray(s) ? lower(s) : (s as Sentence);
  }
}

function isIterable(x: unknown): x is Iterable<Sentence> | AsyncIterable<Sentence> {
  return x != null && (typeof (x as Iterable<unknown>)[Symbol.iterator] === 'function' || typeof (x as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function');
}

/** Whether `it` is a one-shot iterator (its iterator is itself), e.g. a generator object. */
function isOneShot(it: Iterable<Sentence> | AsyncIterable<Sentence>): boolean {
  const sync = (it as Iterable<Sentence>)[Symbol.iterator];
  if (typeof sync === 'function') return sync.call(it) === (it as unknown);
  return (it as AsyncIterable<Sentence>)[Symbol.asyncIterator]() === (it as unknown);
}

/**
 * Wraps a {@link Corpus} as a re-readable source. A generator object can be read only once, so
 * a second pass over one throws ArgumentError; pass an array, a path or `() => generator()`.
 * `prep` tokenizes lines (file lines and string items) and lowercases tokens (default: neither).
 * @example for await (const s of openCorpus('corpus.txt').pass()) console.log(s.length)
 */
export function openCorpus(corpus: Corpus, prep: CorpusPrep = {}): CorpusSource {
  if (typeof corpus === 'string') return { pass: () => fileSentences(corpus, prep) };
  if (typeof corpus === 'function') {
    return {
      pass: () => {
        const it = corpus();
        if (!isIterable(it)) throw new ArgumentError('the corpus function must return an iterable or async iterable of token arrays', { key: 'corpus' });
        return toAsync(it as Iterable<Sentence>, prep);
      },
    };
  }
  if (!isIterable(corpus)) throw new ArgumentError('corpus must be a file path, an (async) iterable of token arrays, or a function returning one', { key: 'corpus' });
  const oneShot = isOneShot(corpus);
  let passes = 0;
  return {
    pass: () => {
      if (oneShot && passes > 0) {
        throw new ArgumentError('the corpus is a one-shot iterator but training reads it once per epoch plus once for the vocabulary; pass an array, a file path or a function returning a fresh iterable', { key: 'corpus' });
      }
      passes++;
      return toAsync(corpus as Iterable<Sentence>, prep);
    },
  };
}
