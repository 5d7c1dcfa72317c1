/**
 * Detokenization: tokens back to readable English text, the inverse of the tokenizer's splits as
 * far as tokens allow (a Doc keeps its exact text; this is for token lists without one, such as
 * language-model samples). Tokens are joined with single spaces, except: no space before closing
 * punctuation and clitics (`n't`, `'s`, ...), none after opening brackets and currency signs,
 * straight double quotes alternate between opening and closing, and the tokenizer's fused forms
 * (`gon na`) are joined again.
 */
import { CLITICS } from '../lang/en/tokenizer.js';

/** Options of {@link detokenize}. */
export interface DetokenizeOptions {
  /** Tokens written without a space before them (default {@link DETOKENIZE_DEFAULTS}.noSpaceBefore). */
  noSpaceBefore?: readonly string[];
  /** Tokens written without a space after them (default {@link DETOKENIZE_DEFAULTS}.noSpaceAfter). */
  noSpaceAfter?: readonly string[];
}

/** Default token lists of {@link detokenize}. Clitics (CLITICS of the English rules, any case or apostrophe) always attach. */
export const DETOKENIZE_DEFAULTS = Object.freeze({
  noSpaceBefore: Object.freeze(['.', ',', ';', ':', '!', '?', '%', ')', ']', '}', '...', '…', "''", '”', '’', '?!', '!!', '!?', '??']),
  noSpaceAfter: Object.freeze(['(', '[', '{', '``', '“', '‘', '$', '£', '€', '¥', '#']),
});

// Second halves of fused forms the English tokenizer splits (gonna -> gon na), keyed by the first
// half, lower case. Only pairs whose halves are no words of their own.
const FUSED_PAIRS: ReadonlyMap<string, string> = new Map([
  ['gon', 'na'],
  ['wan', 'na'],
  ['got', 'ta'],
  ['gim', 'me'],
  ['lem', 'me'],
]);

const CLITIC_SET: ReadonlySet<string> = new Set(CLITICS.flatMap((c) => [c, c.replace("'", '’')]));

function isClitic(t: string): boolean {
  return t.length <= 3 && CLITIC_SET.has(t.toLowerCase());
}

/**
 * Joins tokens into text: `['I', 'did', "n't", 'see', '(', 'it', ')', '.']` -> `I didn't see (it).`
 * @param tokens the tokens, in order.
 * @param options token lists overriding the defaults.
 * @example detokenize(['He', 'said', '"', 'hi', '"', '.']) // 'He said "hi".'
 */
export function detokenize(tokens: readonly string[], options: DetokenizeOptions = {}): string {
  const before = new Set(options.noSpaceBefore ?? DETOKENIZE_DEFAULTS.noSpaceBefore);
  const after = new Set(options.noSpaceAfter ?? DETOKENIZE_DEFAULTS.noSpaceAfter);
  let out = '';
  let glueNext = true; // no space before the first token
  let quoteOpen = false;
  let prev = '';
  for (const t of tokens) {
    if (t === '') continue;
    let glue = glueNext || before.has(t) || isClitic(t) || FUSED_PAIRS.get(prev.toLowerCase()) === t.toLowerCase();
    glueNext = after.has(t);
    if (t === '"') {
      if (quoteOpen) glue = true;
      else glueNext = true;
      quoteOpen = !quoteOpen;
    }
    out += glue ? t : ' ' + t;
    prev = t;
  }
  return out;
}
