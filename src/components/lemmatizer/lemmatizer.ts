/**
 * The `lemmatizer` component: a lemma for every token from the rules and tables keyed by the
 * token's UPOS (backend `rules`), or wink-nlp's lemmas (backend `wink`). Results are cached per
 * (word type, UPOS), so each pair is lemmatized once per vocab.
 */
import { resolve } from 'node:path';
import type { Doc } from '../../core/doc.js';
import type { Vocab } from '../../core/vocab.js';
import type { Component } from '../../pipeline/component.js';
import { PACKAGE_ROOT } from '../../pipeline/load.js';
import { grow } from '../../util/typed.js';
import { winkAnalyze } from '../wink.js';
import { lemmatize, type LemmaTables } from './rules.js';
import { loadOnce } from '../load-once.js';
import { loadLemmaTables } from './tables.js';

/** The lemma tables shipped with the package (derived from UD English EWT train, CC BY-SA 4.0). */
export const DEFAULT_LEMMA_TABLES = resolve(PACKAGE_ROOT, 'models', 'en_ewt_lemmas.json.gz');

const loaded = new Map<string, LemmaTables>();

/**
 * Per-vocab lemma cache. Most word types occur with one UPOS, so each orth keeps its last
 * (UPOS, lemma) in typed arrays (no hashing per token); other pairs go to the Map.
 */
interface LemmaCache {
  /** UPOS id + 1 of the cached lemma per orth (0 = none). */
  pos: Int32Array;
  lemma: Uint32Array;
  more: Map<number, number>;
}

/** Largest number of (form, UPOS) pairs a per-vocab cache remembers before it starts over. */
const MORE_CAP = 1 << 16;

/**
 * Defaults of the `lemmatizer` component's options: `backend` is `'rules'` (tables keyed by UPOS)
 * or `'wink'` (wink-nlp lemmas); `tables` is a lemma tables file, `''` meaning the shipped EWT tables.
 */
export const LEMMATIZER_DEFAULTS = Object.freeze({ backend: 'rules' as 'rules' | 'wink', tables: '' });

/**
 * Rule + table lemmatizer.
 * @example
 * const lem = Lemmatizer.load(); const doc = Doc.fromWords(['geese']); doc.pos[0] = doc.vocab.add('NOUN');
 * lem.process(doc); doc.token(0).lemma // 'goose'
 */
export class Lemmatizer implements Component {
  private readonly caches = new WeakMap<Vocab, LemmaCache>();

  constructor(
    readonly tables: LemmaTables,
    readonly name = 'lemmatizer',
  ) {}

  /** Loads tables (default: the shipped ones); files are read once per process. */
  static load(path: string = DEFAULT_LEMMA_TABLES, name = 'lemmatizer'): Lemmatizer {
    return new Lemmatizer(loadOnce(loaded, path, loadLemmaTables), name);
  }

  /** The lemma of one form given its UPOS ('' if unknown). */
  lemmatize(form: string, upos: string): string {
    return lemmatize(form, upos, this.tables);
  }

  /** Sets `doc.lemma` for every token from its text and `doc.pos`. */
  process(doc: Doc): void {
    const vocab = doc.vocab;
    let cache = this.caches.get(vocab);
    if (!cache) this.caches.set(vocab, (cache = { pos: new Int32Array(1024), lemma: new Uint32Array(1024), more: new Map() }));
    for (let i = 0; i < doc.length; i++) {
      const orth = doc.orth[i]!;
      const pos = doc.pos[i]!;
      if (orth >= cache.pos.length) {
        cache.pos = grow(cache.pos, orth + 1);
        cache.lemma = grow(cache.lemma, cache.pos.length);
      }
      if (cache.pos[orth] === pos + 1) {
        doc.lemma[i] = cache.lemma[orth]!;
        continue;
      }
      // Both ids are < 2^26 in practice; the product stays an exact double key.
      const key = orth * 67108864 + pos;
      let lemma = cache.more.get(key);
      if (lemma === undefined) {
        lemma = vocab.strings.add(lemmatize(vocab.strings.get(orth), pos ? vocab.strings.get(pos) : '', this.tables));
        // Bounded whatever the input's vocabulary: start over when full (entries are recomputed).
        if (cache.more.size >= MORE_CAP) cache.more.clear();
        cache.more.set(key, lemma);
      }
      cache.pos[orth] = pos + 1;
      cache.lemma[orth] = lemma;
      doc.lemma[i] = lemma;
    }
  }
}

/** The `wink` lemmatizer backend: wink-nlp's lemmas aligned to textloom's tokens. */
export class WinkLemmatizer implements Component {
  constructor(readonly name = 'lemmatizer') {}

  /** Sets `doc.lemma` from wink's lemmas. */
  process(doc: Doc): void {
    const a = winkAnalyze(doc);
    for (let i = 0; i < doc.length; i++) doc.lemma[i] = doc.vocab.strings.add(a.lemma[i]!);
  }
}
