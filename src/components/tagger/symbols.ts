/**
 * Lexeme-level tagging rules for token kinds the treebank barely has, following how UD English
 * EWT tags the few it does have:
 * - a token made only of emoji (👍, ❤️, 👩‍💻, flags) is SYM with XPOS NFP, as EWT tags emoji and
 *   emoticons (`:)` is SYM/NFP there);
 * - a social-media handle or hashtag (`@jlee`, `#nlp`) is PROPN with XPOS ADD, as EWT tags
 *   `@Ryan` and `#audiobooks`.
 * The rules work per word type, like the tag dictionary (which wins over them), so the class also
 * feeds the previous-tag features of the words after it.
 */
import { emojiLength, isAlnumCode } from '../../tokenizer/scanner.js';
import type { TagClass } from './features.js';

/** UPOS and XPOS given to emoji tokens. */
export const EMOJI_CLASS: Readonly<TagClass> = Object.freeze({ upos: 'SYM', xpos: 'NFP' });

/** UPOS and XPOS given to handles and hashtags. */
export const HANDLE_CLASS: Readonly<TagClass> = Object.freeze({ upos: 'PROPN', xpos: 'ADD' });

/**
 * Whether `text` is one or more whole emoji clusters and nothing else (a base emoji with its
 * variation selectors, skin tones and zero-width-joined followers, or a regional-indicator flag).
 * @example isEmojiToken('👍🏽') // true; isEmojiToken('ok👍') // false; isEmojiToken(':)') // false
 */
export function isEmojiToken(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  let i = 0;
  while (i < n) {
    const e = emojiLength(text, i, n);
    if (e === 0) return false;
    i += e;
  }
  return true;
}

/**
 * Whether `text` is a handle or hashtag: `@` or `#`, then letters, digits, `_` and inner `.`,
 * with at least one letter (`#1` is a number sign and a number, not a hashtag).
 * @example isHandleToken('@jlee') // true; isHandleToken('#nlp') // true; isHandleToken('#1') // false
 */
export function isHandleToken(text: string): boolean {
  const n = text.length;
  const first = text.charCodeAt(0);
  if (n < 2 || (first !== 64 && first !== 35)) return false;
  let letter = false;
  for (let i = 1; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && i > 1 && i < n - 1) continue;
    if (c === 95) continue;
    if (!isAlnumCode(c)) return false;
    if (!(c >= 48 && c <= 57)) letter = true;
  }
  return letter;
}

/** Class indices of the rules in one model (-1: the model has no such class; the rule is off). */
export interface RuleClasses {
  emoji: number;
  handle: number;
}

/** Finds the rule classes among a model's classes. */
export function ruleClasses(classes: readonly TagClass[]): RuleClasses {
  const find = (k: Readonly<TagClass>): number => classes.findIndex((c) => c.upos === k.upos && c.xpos === k.xpos);
  return { emoji: find(EMOJI_CLASS), handle: find(HANDLE_CLASS) };
}

/** The class a rule fixes for the word type `text`, or -1 when no rule applies. */
export function ruleClassOf(text: string, rc: RuleClasses): number {
  if (rc.emoji >= 0 && isEmojiToken(text)) return rc.emoji;
  if (rc.handle >= 0 && isHandleToken(text)) return rc.handle;
  return -1;
}
