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

/** What {@link Word2Vec.train} accepts as a corpus. */
export type Corpus =
  | string
  | Iterable<Sentence>
  | AsyncIterable<Sentence>
  | (() => Iterable<Sentence> | AsyncIterable<Sentence>);

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

async function* fileSentences(path: string): AsyncGenerator<Sentence> {
  for await (const line of readLines(path)) yield splitLine(line);
}

async function* toAsync(it: Iterable<Sentence> | AsyncIterable<Sentence>): AsyncGenerator<Sentence> {
  yield* it as AsyncIterable<Sentence>;
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
 * @example for await (const s of openCorpus('corpus.txt').pass()) console.log(s.length)
 */
export function openCorpus(corpus: Corpus): CorpusSource {
  if (typeof corpus === 'string') return { pass: () => fileSentences(corpus) };
  if (typeof corpus === 'function') {
    return {
      pass: () => {
        const it = corpus();
        if (!isIterable(it)) throw new ArgumentError('the corpus function must return an iterable or async iterable of token arrays', { key: 'corpus' });
        return toAsync(it);
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
      return toAsync(corpus);
    },
  };
}
