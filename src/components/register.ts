/**
 * The one place built-in tokenizers and components register. Imported for its side effect by
 * `src/index.ts` and the CLI. Registered names are stable (DESIGN rule 6); the list is pinned by
 * `tests/pipeline/registry.test.ts`.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { KeyedVectors } from '../embeddings/keyed-vectors.js';
import { createVectorsComponent, VECTORS_COMPONENT_DEFAULTS } from '../embeddings/vectors-component.js';
import { registerComponent } from '../pipeline/registry.js';
// Node build: installs nlp.pipe({ nProcess }) (worker threads); browser entries use register-pure.ts and never load it.
import '../pipeline/parallel-pipe.js';
// Node build: every language's data and Snowball stemmer up front (browser bundles load each on
// first use).
import '../lang/languages-eager.js';
import '../lang/stemmers.js';
import { registerPureBuiltins } from './register-pure.js';
import { Lemmatizer, LEMMATIZER_DEFAULTS, WinkLemmatizer } from './lemmatizer/lemmatizer.js';
import { entityRulerFactory } from './matcher/factory.js';
import { WinkNer } from './ner.js';
import { ENTITY_RECOGNIZER_DEFAULTS, EntityRecognizer } from './entity/recognizer.js';
import { Tagger, TAGGER_DEFAULTS } from './tagger/tagger.js';
import { Parser, PARSER_DEFAULTS } from './parser/parser.js';
import { WinkTagger } from './tagger/wink-backend.js';
import { TextCategorizer } from './textcat/textcat.js';
import { useTrainedSenterLoader } from './senter.js';
import { TrainedSenter } from './senter/trained-senter.js';

registerPureBuiltins(); // whitespace, tokenizer, senter, stemmer (no Node needed)
// senter's perceptron backend loads a model file, so only Node builds install it.
useTrainedSenterLoader((model, name, baseDir) => (model ? TrainedSenter.load(resolve(baseDir, model), name) : TrainedSenter.load(undefined, name)));

registerComponent<{ path: string; lowercaseFallback: boolean }>('vectors', {
  options: {
    path: { type: 'string', doc: 'word vectors file (.bin, .txt or .tlv), relative to the config' },
    lowercaseFallback: { type: 'boolean', default: VECTORS_COMPONENT_DEFAULTS.lowercaseFallback, doc: 'look up the lower-cased text when the exact text has no vector' },
  },
  assigns: ['_.vector_row'],
  // Loaded synchronously so that nlp.addPipe('vectors', ...) returns a ready component.
  create: (o, ctx) => createVectorsComponent(KeyedVectors.loadSync(resolve(ctx.baseDir, o.path)), { name: ctx.name, lowercaseFallback: o.lowercaseFallback }),
});

registerComponent('entity_ruler', entityRulerFactory);


registerComponent<{ backend: string; model: string }>('tagger', {
  options: {
    backend: { type: 'string', default: TAGGER_DEFAULTS.backend, enum: ['perceptron', 'wink'], doc: 'perceptron (textloom model) or wink (wink-nlp)' },
    model: { type: 'string', default: TAGGER_DEFAULTS.model, doc: 'perceptron model file (default: the shipped EWT model)' },
  },
  assigns: ['tag', 'pos'],
  create: (o, ctx) => (o.backend === 'wink' ? new WinkTagger(ctx.name) : o.model ? Tagger.load(resolve(ctx.baseDir, o.model), ctx.name) : Tagger.load(undefined, ctx.name)),
});

registerComponent<{ model: string }>('parser', {
  options: { model: { type: 'string', default: PARSER_DEFAULTS.model, doc: 'parser model file (default: the shipped EWT model)' } },
  assigns: ['head', 'dep', 'sentStart'],
  create: (o, ctx) => (o.model ? Parser.load(resolve(ctx.baseDir, o.model), ctx.name) : Parser.load(undefined, ctx.name)),
});

registerComponent<{ backend: string; tables: string }>('lemmatizer', {
  options: {
    backend: { type: 'string', default: LEMMATIZER_DEFAULTS.backend, enum: ['rules', 'wink'], doc: 'rules (tables keyed by UPOS) or wink (wink-nlp lemmas)' },
    tables: { type: 'string', default: LEMMATIZER_DEFAULTS.tables, doc: 'lemma tables file (default: the shipped EWT tables)' },
  },
  assigns: ['lemma'],
  create: (o, ctx) => (o.backend === 'wink' ? new WinkLemmatizer(ctx.name) : o.tables ? Lemmatizer.load(resolve(ctx.baseDir, o.tables), ctx.name) : Lemmatizer.load(undefined, ctx.name)),
});

registerComponent('ner', { options: {}, assigns: ['ents'], create: (_o, ctx) => new WinkNer(ctx.name) });

// entity_recognizer: the trained PER/ORG/LOC model merged with wink-nlp's rule-based types.
registerComponent<{ model: string; rules: boolean }>('entity_recognizer', {
  options: {
    model: { type: 'string', default: ENTITY_RECOGNIZER_DEFAULTS.model, doc: 'entity model file (default: the shipped UNER English EWT model)' },
    rules: { type: 'boolean', default: ENTITY_RECOGNIZER_DEFAULTS.rules, doc: "add wink-nlp's rule-based types (DATE, MONEY, CARDINAL, URL, EMAIL, ...)" },
  },
  assigns: ['ents'],
  create: (o, ctx) => EntityRecognizer.load(o.model ? resolve(ctx.baseDir, o.model) : undefined, { name: ctx.name, rules: o.rules }),
});

// textcat: loads a trained model file (train one with TextCategorizer.train or `textloom train textcat`).
registerComponent<{ model: string }>('textcat', {
  options: { model: { type: 'string', doc: 'path of a model saved by TextCategorizer.save / textloom train textcat' } },
  assigns: ['doc.user.cats'],
  create: (o, ctx) => {
    if (typeof o.model !== 'string' || o.model === '') throw new ConfigError('textcat needs a "model" path', { key: `${ctx.name}.model` });
    const tc = TextCategorizer.load(resolve(ctx.baseDir, o.model));
    tc.name = ctx.name;
    return tc;
  },
});
