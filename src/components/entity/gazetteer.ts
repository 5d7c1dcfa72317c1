/**
 * Name lists for the entity recognizer's gazetteer features: phrases with a type ("new york" City,
 * "toyota" Organization) reduced to one class per lower-case word, stored in the model's lexicon
 * (`buildLexicon`) so the features need no list at run time.
 */
import { ArgumentError, FormatError } from '../../core/errors.js';
import { MAX_GAZ } from './features.js';

/** Flag added to a type's class for a word that occurs only inside multi-word phrases of that type. */
export const GAZ_PART = 16;
/** Most distinct types a gazetteer can have (classes 1..15, plus {@link GAZ_PART}). */
export const MAX_GAZ_TYPES = 15;

/** The per-word classes of a gazetteer and the type names they number. */
export interface GazetteerClasses {
  /** Lower-case word -> class: type index + 1, plus {@link GAZ_PART} when only seen inside longer phrases. */
  words: Map<string, number>;
  /** The types in class order (class 1 first), as first seen. */
  types: string[];
}

/**
 * Numbers the types of `entries` (phrase, type) in first-seen order and gives each lower-case word
 * a class: a one-word phrase sets its type's class (the first type seen wins), a word inside longer
 * phrases gets the class of the first such phrase plus {@link GAZ_PART} unless it has a one-word class.
 * @example gazetteerClasses([['Paris', 'City'], ['new york', 'City'], ['acme', 'Org']]).words.get('york') // 17
 */
export function gazetteerClasses(entries: Iterable<readonly [string, string]>): GazetteerClasses {
  const types: string[] = [];
  const typeIdx = new Map<string, number>();
  const single = new Map<string, number>();
  const part = new Map<string, number>();
  for (const [phrase, type] of entries) {
    let t = typeIdx.get(type);
    if (t === undefined) {
      if (types.length >= MAX_GAZ_TYPES) throw new ArgumentError(`a gazetteer has at most ${MAX_GAZ_TYPES} types; ${JSON.stringify(type)} is one more`, { key: 'gazetteer' });
      typeIdx.set(type, (t = types.length));
      types.push(type);
    }
    const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 1) {
      if (!single.has(words[0]!)) single.set(words[0]!, t + 1);
    } else for (const w of words) if (!part.has(w)) part.set(w, t + 1 + GAZ_PART);
  }
  const out = new Map(single);
  for (const [w, c] of part) if (!out.has(w)) out.set(w, c);
  for (const c of out.values()) if (c > MAX_GAZ) throw new ArgumentError(`gazetteer class ${c} exceeds ${MAX_GAZ}`, { key: 'gazetteer' });
  return { words: out, types };
}

/**
 * Reads gazetteer lines `phrase<TAB>type` (blank lines and lines starting with `#` skipped); a
 * line without a tab or with an empty field is a {@link FormatError} naming `file` and the line.
 */
export function parseGazetteer(text: string, file = '<text>'): [string, string][] {
  const out: [string, string][] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const phrase = tab < 0 ? '' : line.slice(0, tab).trim();
    const type = tab < 0 ? '' : line.slice(tab + 1).trim();
    if (!phrase || !type) throw new FormatError(`expected "phrase<TAB>type", got ${JSON.stringify(line.slice(0, 60))}`, { file, line: i + 1 });
    out.push([phrase, type]);
  }
  return out;
}
