import { ConfigError, joinKey, TextloomError } from '../../core/errors.js';
import { isAbsolute, resolve } from 'node:path';
import type { ComponentFactory, FactoryContext, TokenizerLike } from '../../pipeline/component.js';
import { getTokenizerFactory, registeredTokenizers } from '../../pipeline/registry.js';
import { ANNOTATION_PHRASE_ATTRS, PHRASE_ATTRS } from './attrs.js';
import { checkEntityPattern, ENTITY_RULER_DEFAULTS, EntityRuler, locateError, readEntityPatternsSync, type EntityPattern } from './entity-ruler.js';

/** Options of the `entity_ruler` pipeline component. */
export interface EntityRulerConfig extends Record<string, unknown> {
  patterns: EntityPattern[];
  patternsFile: string;
  overwriteEnts: boolean;
  phraseMatcherAttr: string;
  validate: boolean;
  entIdSep: string;
  phraseTokenizer: string;
}

/**
 * The tokenizer phrase patterns go through: the pipeline's own when the factory context carries
 * one, else the named registered factory ('' picks the rule-based `tokenizer` when registered,
 * otherwise `whitespace`), built over the pipeline's vocab.
 */
function phraseTokenizer(name: string, ctx: FactoryContext): TokenizerLike {
  const own = ctx.tokenizer;
  if (own && !name) return own;
  const pick = name || (registeredTokenizers().includes('tokenizer') ? 'tokenizer' : 'whitespace');
  const f = getTokenizerFactory(pick, 'options.phraseTokenizer');
  return f.create({}, ctx);
}

/**
 * The `entity_ruler` factory: patterns come from `options.patterns` and/or a JSON-lines
 * `options.patternsFile` (relative to the config's directory); errors name the file, line and key.
 */
export const entityRulerFactory: ComponentFactory<EntityRulerConfig> = {
  options: {
    patterns: { type: 'array', default: [], doc: 'entity patterns {label, pattern, id?}: pattern is a phrase string or a token pattern' },
    patternsFile: { type: 'string', default: '', doc: 'JSON-lines file of entity patterns, relative to the config file' },
    overwriteEnts: { type: 'boolean', default: ENTITY_RULER_DEFAULTS.overwriteEnts, doc: 'replace overlapping existing entities' },
    phraseMatcherAttr: { type: 'string', default: ENTITY_RULER_DEFAULTS.phraseMatcherAttr, enum: PHRASE_ATTRS, doc: 'token attribute phrase patterns match on' },
    validate: { type: 'boolean', default: ENTITY_RULER_DEFAULTS.validate, doc: 'validate token patterns strictly' },
    entIdSep: { type: 'string', default: ENTITY_RULER_DEFAULTS.entIdSep, doc: 'separator between label and id in match keys' },
    phraseTokenizer: { type: 'string', default: '', doc: 'tokenizer factory for phrase patterns (default: the rule-based tokenizer if registered, else whitespace)' },
  },
  assigns: ['entType', 'entIob'],
  create(o, ctx) {
    const tok = phraseTokenizer(o.phraseTokenizer, ctx);
    // Phrases matched on an annotation go through the components before the ruler, as in spaCy.
    const annotate = ANNOTATION_PHRASE_ATTRS.has(o.phraseMatcherAttr) ? (ctx.preceding ?? []) : [];
    const ruler = new EntityRuler(ctx.vocab, (t) => {
      const doc = tok.tokenize(t);
      for (const c of annotate) c.process(doc);
      return doc;
    }, {
      name: ctx.name,
      overwriteEnts: o.overwriteEnts,
      phraseMatcherAttr: o.phraseMatcherAttr,
      validate: o.validate,
      entIdSep: o.entIdSep,
    });
    o.patterns.forEach((p, i) => {
      try {
        ruler.addPatterns([checkEntityPattern(p, { pattern: i })]);
      } catch (e) {
        // Re-locate the error under the config key, so it is named once.
        if (e instanceof TextloomError) throw new ConfigError(e.detail, { key: joinKey(`options.patterns[${i}]`, e.key) });
        throw e;
      }
    });
    if (o.patternsFile) {
      const file = isAbsolute(o.patternsFile) ? o.patternsFile : resolve(ctx.baseDir, o.patternsFile);
      for (const { pattern, line } of readEntityPatternsSync(file)) {
        try {
          ruler.addPatterns([pattern]);
        } catch (e) {
          locateError(e, file, line);
        }
      }
    }
    return ruler;
  },
};
