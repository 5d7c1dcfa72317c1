/**
 * Feature definitions of the averaged-perceptron tagger: the per-type word attributes (computed
 * once per string, never per token) and the feature templates that combine them with context.
 *
 * A template is up to two atoms; an atom is an attribute read at a relative position (the word
 * two to the left, the tag just predicted...). A feature key is then (template, value1, value2),
 * all small integers, so the kernel never builds strings.
 */

/**
 * The tagger's feature attributes, each an interned string per word type; `TAG` is the predicted
 * tag, not a string. These are the tagger's own word features (affixes of the normalized form, the
 * ambiguity class), not the token attributes of `Attr` in core: their ids are stored in every
 * model file's templates, so they never change.
 */
export const FeatureAttr = {
  /** Normalized lower-case form (`!DIGITS`, `!YEAR`, `!HYPHEN` classes for open sets). */
  NORM: 0,
  /** First character. */
  PRE1: 1,
  /** Last three characters of the lower-case form. */
  SUF3: 2,
  /** Last two characters of the lower-case form. */
  SUF2: 3,
  /** Collapsed word shape: runs of X/x/d fold to one symbol (`Xx`, `d.d`, `x-x`). */
  SHAPE: 4,
  /** Last four characters of the lower-case form. */
  SUF4: 5,
  /** The exact form (case kept). */
  WORD: 6,
  /** Ambiguity class: the classes the normalized form had in training (`!UNK` for rare forms). */
  AMB: 7,
  /** First two characters. */
  PRE2: 8,
  /** First three characters. */
  PRE3: 9,
  /** Last character. */
  SUF1: 10,
  /** The predicted class at a previous position (only negative offsets). */
  TAG: 15,
} as const;

/** Number of string attributes (NORM..SUF1). */
export const N_FEATURE_ATTRS = 11;

/** Ambiguity class of forms that were rare or unseen in training. */
export const UNK_AMB = '!UNK';

/** Padding on each side of a sequence, so offsets -2..+2 need no bounds checks. */
export const PAD = 2;

/** Attribute value of the positions before the first token. */
export const START_STRING = '-START-';
/** Attribute value of the positions after the last token. */
export const END_STRING = '-END-';

/** One output class: a UPOS and a Penn Treebank XPOS predicted together. */
export interface TagClass {
  upos: string;
  xpos: string;
}

/** One feature template: one or two (attribute, offset) atoms; a template with none is the bias. */
export type Template = readonly (readonly [number, number])[];

/**
 * The default templates: Honnibal's "200 lines" set plus affixes, shapes, ambiguity classes of
 * the surrounding words (a cheap look-ahead) and word bigrams. Stored in each model file, so changing this list never breaks a shipped model.
 */
export const DEFAULT_TEMPLATES: readonly Template[] = Object.freeze([
  [],
  [[FeatureAttr.NORM, 0]],
  [[FeatureAttr.WORD, 0]],
  [[FeatureAttr.PRE1, 0]],
  [[FeatureAttr.PRE2, 0]],
  [[FeatureAttr.PRE3, 0]],
  [[FeatureAttr.SUF1, 0]],
  [[FeatureAttr.SUF2, 0]],
  [[FeatureAttr.SUF3, 0]],
  [[FeatureAttr.SUF4, 0]],
  [[FeatureAttr.SHAPE, 0]],
  [[FeatureAttr.AMB, 0]],
  [[FeatureAttr.NORM, -1]],
  [[FeatureAttr.SUF3, -1]],
  [[FeatureAttr.SHAPE, -1]],
  [[FeatureAttr.AMB, -1]],
  [[FeatureAttr.NORM, -2]],
  [[FeatureAttr.NORM, 1]],
  [[FeatureAttr.SUF2, 1]],
  [[FeatureAttr.SUF3, 1]],
  [[FeatureAttr.SHAPE, 1]],
  [[FeatureAttr.AMB, 1]],
  [[FeatureAttr.NORM, 2]],
  [[FeatureAttr.AMB, 2]],
  [[FeatureAttr.NORM, -1], [FeatureAttr.NORM, 0]],
  [[FeatureAttr.NORM, 0], [FeatureAttr.NORM, 1]],
  [[FeatureAttr.NORM, 1], [FeatureAttr.NORM, 2]],
  [[FeatureAttr.SHAPE, 0], [FeatureAttr.NORM, -1]],
  [[FeatureAttr.AMB, 0], [FeatureAttr.AMB, 1]],
  [[FeatureAttr.AMB, 1], [FeatureAttr.AMB, 2]],
  [[FeatureAttr.TAG, -1]],
  [[FeatureAttr.TAG, -2]],
  [[FeatureAttr.TAG, -1], [FeatureAttr.TAG, -2]],
  [[FeatureAttr.TAG, -1], [FeatureAttr.NORM, 0]],
  [[FeatureAttr.TAG, -1], [FeatureAttr.NORM, 1]],
  [[FeatureAttr.TAG, -1], [FeatureAttr.SUF3, 0]],
  [[FeatureAttr.TAG, -1], [FeatureAttr.SHAPE, 0]],
  [[FeatureAttr.TAG, -1], [FeatureAttr.AMB, 1]],
] as Template[]);

/** Flattens templates to `[attr1, off1, attr2, off2]` quadruples (-1 attr = no atom) for the kernel. */
export function compileTemplates(templates: readonly Template[]): Int32Array {
  const out = new Int32Array(templates.length * 4).fill(-1);
  templates.forEach((t, i) => {
    for (let k = 0; k < t.length && k < 2; k++) {
      out[i * 4 + k * 2] = t[k]![0];
      out[i * 4 + k * 2 + 1] = t[k]![1];
    }
    if (t.length === 0) out[i * 4] = -1;
  });
  return out;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Honnibal's normalization: hyphenated words, 4-digit years and numbers fold into classes. */
export function normalizeWord(word: string): string {
  const first = word.charCodeAt(0);
  if (word.length > 1 && first !== 45 && word.includes('-')) return '!HYPHEN';
  let allDigits = word.length > 0;
  for (let i = 0; i < word.length; i++) if (!isDigitCode(word.charCodeAt(i))) allDigits = false;
  if (allDigits && word.length === 4) return '!YEAR';
  if (isDigitCode(first)) return '!DIGITS';
  return word.toLowerCase();
}

/** Collapsed shape: upper X, lower x, digit d, other chars kept; repeated symbols fold to one. */
export function collapsedShape(word: string): string {
  let out = '';
  let last = '';
  let n = 0;
  for (const ch of word) {
    let s: string;
    if (ch >= '0' && ch <= '9') s = 'd';
    else if (ch !== ch.toLowerCase()) s = 'X';
    else if (ch !== ch.toUpperCase()) s = 'x';
    else s = ch;
    if (s !== last) {
      out += s;
      last = s;
      if (++n >= 8) break;
    }
  }
  return out;
}

/**
 * The string attributes of one word type, in {@link FeatureAttr} order. `lexicon` maps normalized forms
 * to their ambiguity class.
 */
export function wordAttributes(word: string, lexicon: ReadonlyMap<string, string>): string[] {
  const lower = word.toLowerCase();
  const norm = normalizeWord(word);
  return [norm, word.slice(0, 1), lower.slice(-3), lower.slice(-2), collapsedShape(word), lower.slice(-4), word, lexicon.get(norm) ?? UNK_AMB, lower.slice(0, 2), lower.slice(0, 3), lower.slice(-1)];
}
