/**
 * Pipeline integration: a `vectors` component that looks every token up in a {@link KeyedVectors}
 * table, plus spaCy-style accessors (`tokenVector`, `spanVector`, `docVector`, `similarity`).
 * The component stores each token's row in the number extension column `vector_row` (-1 when
 * unknown) and the table in `doc.user` under `vectors`, so the accessors need no core change.
 */
import type { Doc } from '../core/doc.js';
import { ArgumentError } from '../core/errors.js';
import { Span } from '../core/span.js';
import { Token } from '../core/token.js';
import type { Component } from '../pipeline/component.js';
import type { VectorHook } from '../core/doc.js';
import { cosine } from '../core/vectors.js';
import type { KeyedVectors } from './keyed-vectors.js';

/** The extension column holding each token's vector row. */
export const VECTOR_ROW_EXT = 'vector_row';
/** The `doc.user` key holding the vectors table. */
export const VECTORS_USER_KEY = 'vectors';

/** Options of {@link createVectorsComponent}. */
export interface VectorsComponentOptions {
  /** Component name (default 'vectors'). */
  name?: string;
  /** Try the lower-cased form when the exact text is unknown (default false, as spaCy). */
  lowercaseFallback?: boolean;
}

/** Defaults of {@link VectorsComponentOptions} (and of the `vectors` factory's options). */
export const VECTORS_COMPONENT_DEFAULTS = Object.freeze({ name: 'vectors', lowercaseFallback: false });

/**
 * A component assigning word vectors to tokens.
 * @example
 * const kv = await KeyedVectors.load('vectors.bin');
 * const comp = createVectorsComponent(kv); comp.process(doc); docVector(doc)
 */
export function createVectorsComponent(kv: KeyedVectors, opts: VectorsComponentOptions = {}): Component {
  const lower = opts.lowercaseFallback ?? VECTORS_COMPONENT_DEFAULTS.lowercaseFallback;
  // Row per orth id, cached per vocab (ids are only meaningful within one); -2 = not looked up yet.
  const caches = new WeakMap<object, Int32Array>();
  // Makes `token.vector`, `span.vector`, `doc.vector` and `.similarity()` read this table.
  const hook: VectorHook = {
    dim: kv.dim,
    mean: (doc, start, end, out) => addRange(doc, start, end, out),
    has: (doc, i) => (doc.getExtension<number>(VECTOR_ROW_EXT)?.get(i) ?? -1) >= 0,
  };
  return {
    name: opts.name ?? VECTORS_COMPONENT_DEFAULTS.name,
    process(doc: Doc): void {
      const col = doc.extension<number>(VECTOR_ROW_EXT, 'number');
      let cache = caches.get(doc.vocab) ?? new Int32Array(0);
      for (let i = 0; i < doc.length; i++) {
        const orth = doc.orth[i]!;
        if (orth >= cache.length) {
          const next = new Int32Array(Math.max(orth + 1, cache.length * 2, 1024)).fill(-2);
          next.set(cache);
          cache = next;
          caches.set(doc.vocab, cache);
        }
        let row = cache[orth]!;
        if (row === -2) {
          const text = doc.vocab.strings.get(orth);
          row = kv.indexOf(text);
          if (row < 0 && lower) row = kv.indexOf(text.toLowerCase());
          cache[orth] = row;
        }
        col.set(i, row);
      }
      doc.user.set(VECTORS_USER_KEY, kv);
      doc.vectorHook = hook;
    },
    rehydrate(doc: Doc): void {
      if (!doc.getExtension(VECTOR_ROW_EXT)) return;
      doc.user.set(VECTORS_USER_KEY, kv);
      doc.vectorHook = hook;
    },
  };
}

function tableOf(doc: Doc): KeyedVectors {
  const kv = doc.user.get(VECTORS_USER_KEY) as KeyedVectors | undefined;
  if (!kv || !doc.getExtension(VECTOR_ROW_EXT)) throw new ArgumentError('this doc has no vectors: add the "vectors" component to the pipeline');
  return kv;
}

function addRange(doc: Doc, start: number, end: number, out: Float32Array): Float32Array {
  const kv = tableOf(doc);
  const col = doc.getExtension<number>(VECTOR_ROW_EXT)!;
  const d = kv.dim;
  const acc = new Float64Array(d);
  for (let i = start; i < end; i++) {
    const row = col.get(i) ?? -1;
    if (row < 0) continue; // unknown tokens count as zero vectors, as in spaCy
    for (let c = 0; c < d; c++) acc[c] += kv.vectors[row * d + c]!;
  }
  const n = end - start;
  for (let c = 0; c < d; c++) out[c] = n > 0 ? acc[c]! / n : 0;
  return out;
}

/** Whether the token has a vector (spaCy's `token.has_vector`); same as `token.hasVector`. */
export function hasVector(token: Token): boolean {
  tableOf(token.doc);
  return token.hasVector;
}

/** The token's vector, zeros when unknown (spaCy's `token.vector`); same as `token.vector`. */
export function tokenVector(token: Token): Float32Array {
  return token.vector;
}

/** Mean of the span's token vectors, unknown tokens counting as zeros; same as `span.vector`. */
export function spanVector(span: Span): Float32Array {
  return span.vector;
}

/** Mean of the doc's token vectors (spaCy's `doc.vector`); same as `doc.vector`. */
export function docVector(doc: Doc): Float32Array {
  return doc.vector;
}

/** Anything with a vector. */
export type HasVector = Token | Span | Doc;

/**
 * Cosine similarity of the vectors of two tokens, spans or docs (spaCy's `.similarity`); 0 when
 * either vector is all zeros.
 * @example similarity(nlp('I like cats'), nlp('I love dogs'))
 */
export function similarity(a: HasVector, b: HasVector): number {
  return cosine(a.vector, b.vector);
}
