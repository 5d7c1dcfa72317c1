import { ArgumentError } from '../core/errors.js';
import type { Vocab } from '../core/vocab.js';
import type { TokenizerRules } from '../tokenizer/rules.js';
import { WordSegmenter } from '../tokenizer/segmenter.js';
import { base64ToBytes, decodeSegmenterModel, type SegmenterModel } from '../tokenizer/segmenter-model.js';
import { Tokenizer, type TokenizerOptions } from '../tokenizer/tokenizer.js';
import type { TokenizerLike } from '../tokenizer/types.js';
import { getLanguage } from './registry.js';

/** Options of {@link tokenizerFor}: the rule tokenizer's options (rule-based languages only). */
export type LanguageTokenizerOptions = Omit<TokenizerOptions, 'base'>;

// Decoded segmenter models, one per language, on first use (shared by every tokenizer of it).
const models = new Map<string, SegmenterModel>();

function segmenterModel(code: string, base64: string): SegmenterModel {
  let m = models.get(code);
  if (m === undefined) models.set(code, (m = decodeSegmenterModel(base64ToBytes(base64), `src/lang/${code}/segmenter-model.ts`)));
  return m;
}

/**
 * The tokenizer of a language: the rule-based {@link Tokenizer} over the language's rule tables
 * (`rules` extend them), or the ICU {@link WordSegmenter} for `zh`, `ja` and `xx` (for `zh` and
 * `ja` with the language's trained boundary model, see `scripts/train-segmenter.mjs`).
 * @example tokenizerFor(new Vocab(), 'de').tokenize('Das ist z.B. gut.').tokens().map((t) => t.text)
 * // ['Das', 'ist', 'z.B.', 'gut', '.']
 */
export function tokenizerFor(vocab: Vocab, lang: string, options: LanguageTokenizerOptions = {}): TokenizerLike {
  const l = getLanguage(lang);
  if (l.segmentation === 'words') {
    const extra = Object.entries(options.rules ?? {}).filter(([, v]) => v !== undefined);
    if (extra.length > 0) throw new ArgumentError(`the ${l.name} tokenizer segments with Intl.Segmenter and takes no rule tables`, { key: `rules.${extra[0]![0]}` });
    const model = l.segmenterModel !== undefined ? segmenterModel(l.code, l.segmenterModel) : undefined;
    return new WordSegmenter(vocab, { locale: l.locale, specialCases: l.tokenizer.specialCases, merges: l.merges ?? [], model });
  }
  return new Tokenizer(vocab, { ...options, base: l.tokenizer as TokenizerRules });
}
