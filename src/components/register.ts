/**
 * The one place built-in tokenizers and components register. Imported for its side effect by
 * `src/index.ts` and the CLI.
 */
import { ConfigError, TextloomError } from '../core/errors.js';
import { registerTokenizer } from '../pipeline/registry.js';
import type { TokenizerRules } from '../tokenizer/rules/en.js';
import { Tokenizer } from '../tokenizer/tokenizer.js';
import { WhitespaceTokenizer } from '../tokenizer/whitespace.js';

registerTokenizer('whitespace', { options: {}, create: (_o, ctx) => new WhitespaceTokenizer(ctx.vocab) });

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
    replace: { type: 'boolean', default: false, doc: 'replace the default lists instead of extending them' },
    cacheSize: { type: 'integer', default: 100000, min: 0, doc: 'chunk cache entries (0 disables the cache)' },
  },
  create: (o, ctx) => {
    const { replace, cacheSize, ...lists } = o as Record<string, unknown>;
    try {
      return new Tokenizer(ctx.vocab, { rules: lists as Partial<TokenizerRules>, replace: replace as boolean, cacheSize: cacheSize as number });
    } catch (e) {
      // A bad rule entry is a config problem: name it under the tokenizer's options.
      if (e instanceof TextloomError) throw new ConfigError(e.message.replace(/ \(at [^)]*\)$/, ''), { key: `tokenizer.options.${e.where?.key ?? ''}` });
      throw e;
    }
  },
});
