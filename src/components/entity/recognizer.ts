/**
 * The `entity_recognizer` component: the trained recognizer's entities (PER, ORG, LOC with the
 * shipped model) merged with wink-nlp's rule-based types into one `doc.ents` (precedence in
 * `merge.ts`). Entities already on the Doc are kept, so an `entity_ruler` placed before it wins;
 * one placed after it overrides only with `overwriteEnts`, as in spaCy.
 */
import { resolve } from 'node:path';
import type { Doc } from '../../core/doc.js';
import type { LabeledSpan } from '../../core/iob.js';
import { Span } from '../../core/span.js';
import type { Component } from '../../pipeline/component.js';
import { PACKAGE_ROOT } from '../../pipeline/load.js';
import { loadOnce } from '../load-once.js';
import { winkEntities } from '../wink.js';
import { mergeRanked, splitRuleSpans } from './merge.js';
import { loadEntityModel } from './model-format.js';
import { EntityModel } from './model.js';

/** The model shipped with the package (trained on Universal NER English EWT, CC BY-SA 4.0). */
export const DEFAULT_ENTITY_MODEL = resolve(PACKAGE_ROOT, 'models', 'en_uner_ewt_ner.tlner');

/**
 * Defaults of the `entity_recognizer` options: `model` '' is the shipped model; `rules` true adds
 * wink-nlp's rule-based types (DATE, TIME, MONEY, PERCENT, CARDINAL, ORDINAL, EMAIL, URL, ...).
 */
export const ENTITY_RECOGNIZER_DEFAULTS = Object.freeze({ model: '', rules: true });

const loaded = new Map<string, EntityModel>();

/** The first token index for which the (monotone) test holds, or doc.length. */
function firstToken(doc: Doc, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = doc.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A trained named-entity recognizer plus rule-based types, writing `doc.ents`.
 * @example
 * const nlp = await load('en_core');
 * nlp('Tim Cook met Angela Merkel in Berlin on Monday.').ents.map((e) => `${e.text}/${e.label}`)
 * // ['Tim Cook/PER', 'Angela Merkel/PER', 'Berlin/LOC', 'Monday/DATE']
 */
export class EntityRecognizer implements Component {
  constructor(
    /** The trained model. */
    readonly model: EntityModel,
    readonly name = 'entity_recognizer',
    /** Whether wink-nlp's rule-based types are added. */
    readonly rules: boolean = ENTITY_RECOGNIZER_DEFAULTS.rules,
  ) {}

  /** Loads a model file (default: the shipped model), read once per process. */
  static load(path: string = DEFAULT_ENTITY_MODEL, options: { name?: string; rules?: boolean } = {}): EntityRecognizer {
    return new EntityRecognizer(loadOnce(loaded, path, loadEntityModel), options.name, options.rules ?? ENTITY_RECOGNIZER_DEFAULTS.rules);
  }

  /**
   * A recognizer from the bytes of an entity model file (see `EntityModel.fromBytes`).
   * @example const ner = await EntityRecognizer.fromBytes(readFileSync('models/en_uner_ewt_ner.tlner'));
   */
  static async fromBytes(bytes: Uint8Array, options: { name?: string; rules?: boolean } = {}): Promise<EntityRecognizer> {
    return new EntityRecognizer(await EntityModel.fromBytes(bytes), options.name, options.rules ?? ENTITY_RECOGNIZER_DEFAULTS.rules);
  }

  /** The entities this component would set, before merging with those already on the Doc. */
  predict(doc: Doc): { trained: LabeledSpan[]; format: LabeledSpan[]; other: LabeledSpan[] } {
    const trained = this.model.predictDoc(doc);
    if (!this.rules || doc.length === 0) return { trained, format: [], other: [] };
    const rule: LabeledSpan[] = [];
    for (const e of winkEntities(doc)) {
      // Every token overlapping the entity's characters (charSpan 'expand', by binary search).
      const start = firstToken(doc, (i) => doc.endChar(i) > e.start);
      const end = firstToken(doc, (i) => doc.idx[i]! >= e.end);
      if (start < end) rule.push({ start, end, label: e.label });
    }
    return { trained, ...splitRuleSpans(rule) };
  }

  /** Sets `doc.ents`: existing entities, then format rules, trained labels, other rules (see `merge.ts`). */
  process(doc: Doc): void {
    const existing = doc.ents.map((s) => ({ start: s.start, end: s.end, label: s.label }));
    const p = this.predict(doc);
    doc.ents = mergeRanked([existing, p.format, p.trained, p.other]).map((s) => new Span(doc, s.start, s.end, s.label));
  }

  /** Processes a batch of docs. */
  pipe(docs: Doc[]): void {
    for (const d of docs) this.process(d);
  }
}
