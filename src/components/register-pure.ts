/**
 * The built-ins that need no Node built-in (tokenizers `whitespace` and `tokenizer`, components
 * `senter` and `stemmer`), registered by {@link registerPureBuiltins} so that browser entries get
 * them without the rest: `register.ts` calls it, then registers everything else. A function, not
 * an import side effect, so that bundlers (the package is `sideEffects: false`) cannot drop it.
 */
import { ConfigError, joinKey, TextloomError } from '../core/errors.js';
import { registerComponent, registeredTokenizers, registerTokenizer } from '../pipeline/registry.js';
import type { TokenizerRules } from '../tokenizer/rules.js';
import { tokenizerFor } from '../lang/tokenizer-for.js';
import { Tokenizer, TOKENIZER_DEFAULTS } from '../tokenizer/tokenizer.js';
import { WhitespaceTokenizer } from '../tokenizer/whitespace.js';
import { senterFactory } from './senter.js';
import { stemmerFactory } from './stemmer.js';

/** Registers the Node-free built-ins once (later calls do nothing). */
export function registerPureBuiltins(): void {
  if (registeredTokenizers().includes('tokenizer')) return;
  registerTokenizer('whitespace', { options: {}, create: (_o, ctx) => new WhitespaceTokenizer(ctx.vocab) });
  registerComponent('senter', senterFactory);

  registerTokenizer('tokenizer', {
    options: {
      prefixes: { type: 'string[]', doc: 'extra literal prefixes to peel off chunk starts' },
      suffixes: { type: 'string[]', doc: 'extra literal suffixes to peel off chunk ends' },
      infixes: { type: 'string[]', doc: 'extra literal infixes to split out inside chunks' },
      specialCases: { type: 'object', doc: 'chunk -> pieces exceptions, e.g. {"gimme": ["gim", "me"]}' },
      abbreviations: { type: 'string[]', doc: 'extra abbreviations kept whole with their period' },
      hyphenPrefixes: { type: 'string[]', doc: 'extra first parts that keep x-y compounds whole' },
      units: { type: 'string[]', doc: 'extra units split off numbers (5pm -> 5 pm)' },
      emoticons: { type: 'string[]', doc: 'extra emoticons kept whole' },
      replace: { type: 'boolean', default: TOKENIZER_DEFAULTS.replace, doc: 'replace the default lists instead of extending them' },
      cacheSize: { type: 'integer', default: TOKENIZER_DEFAULTS.cacheSize, min: 0, doc: 'chunk cache entries (0 disables the cache)' },
    },
    create: (o, ctx) => {
      const { replace, cacheSize, ...lists } = o as Record<string, unknown>;
      try {
        const opts = { rules: lists as Partial<TokenizerRules>, replace: replace as boolean, cacheSize: cacheSize as number };
        // The config's "lang" picks the language's rule tables (or its word segmenter).
        return ctx.lang !== undefined ? tokenizerFor(ctx.vocab, ctx.lang, opts) : new Tokenizer(ctx.vocab, opts);
      } catch (e) {
        // A bad rule entry is a config problem: name it under the tokenizer's options.
        if (e instanceof TextloomError) throw new ConfigError(e.detail, { key: joinKey('tokenizer.options', e.key) });
        throw e;
      }
    },
  });

  registerComponent('stemmer', stemmerFactory);
}
