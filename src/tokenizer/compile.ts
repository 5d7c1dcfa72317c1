import { ArgumentError } from '../core/errors.js';
import { EN_RULES } from '../lang/en/tokenizer.js';
import type { EncliticRules, TokenizerRules } from './rules.js';
import { isSpaceCode } from './scanner.js';

/** Rule tables turned into lookup structures once per tokenizer. */
export interface CompiledRules {
  /** chunk text -> pieces; abbreviations map to themselves. */
  specials: Map<string, readonly string[]>;
  maxSpecialLen: number;
  /** Abbreviations ending in a period: at the very end of a text the period is split off as sentence punctuation, as EWT does. */
  endSplit: Set<string>;
  hyphenPrefixes: Set<string>;
  hyphenSuffixes: Set<string>;
  units: Set<string>;
  maxUnitLen: number;
  emoticons: Set<string>;
  maxEmoticonLen: number;
  /** Emoticons by first / last code unit, longest first (affix checks without slicing). */
  emoticonsByFirst: Map<number, string[]>;
  emoticonsByLast: Map<number, string[]>;
  /** Extra literal affixes, longest first. */
  prefixes: string[];
  suffixes: string[];
  infixes: string[];
  /** Surface token -> its words (UD multiword tokens); empty for most languages. */
  multiwordTokens: Map<string, readonly string[]>;
  /** Surface token -> lower-case previous tokens after which it stays one word (`''` = text start). */
  multiwordKeepAfter: Map<string, Set<string>>;
  /** Verb + clitic rules, or null. */
  enclitics: EncliticRules | null;
  apostropheClitics: boolean;
  splitHyphens: boolean;
  ordinalPeriod: boolean;
  splitMarkRuns: boolean;
  spacedNumbers: boolean;
}

/** Checks one special case: a non-empty chunk without whitespace whose pieces rejoin to it. */
export function checkSpecialCase(text: string, pieces: readonly string[], key = text): void {
  if (typeof text !== 'string' || text.length === 0) throw new ArgumentError('a special case needs a non-empty string', { key });
  for (let i = 0; i < text.length; i++) {
    if (isSpaceCode(text.charCodeAt(i))) throw new ArgumentError(`special case ${JSON.stringify(text)} contains whitespace; the tokenizer splits on whitespace first`, { key });
  }
  if (!Array.isArray(pieces) || pieces.length === 0 || pieces.some((p) => typeof p !== 'string' || p.length === 0)) {
    throw new ArgumentError(`special case ${JSON.stringify(text)} needs a non-empty array of non-empty strings`, { key });
  }
  if (pieces.join('') !== text) throw new ArgumentError(`special case pieces ${JSON.stringify(pieces)} do not rejoin to ${JSON.stringify(text)}`, { key });
}

const byLengthDesc = (a: string, b: string) => b.length - a.length;

function groupBy(list: readonly string[], key: (s: string) => number): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const x of [...list].sort(byLengthDesc)) {
    if (x.length < 2) continue;
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** Compiles rule tables (missing fields fall back to the English defaults). */
export function compileRules(rules: Partial<TokenizerRules> = {}): CompiledRules {
  const r: TokenizerRules = { ...EN_RULES, ...rules };
  const specials = new Map<string, readonly string[]>();
  const endSplit = new Set<string>();
  for (const a of r.abbreviations) {
    checkSpecialCase(a, [a], `abbreviations.${a}`);
    specials.set(a, [a]);
    if (a.endsWith('.')) endSplit.add(a);
  }
  for (const [k, pieces] of Object.entries(r.specialCases)) {
    checkSpecialCase(k, pieces, `specialCases.${k}`);
    specials.set(k, pieces);
  }
  const maxLen = (xs: Iterable<string>) => {
    let m = 0;
    for (const x of xs) m = Math.max(m, x.length);
    return m;
  };
  for (const [name, list] of [['prefixes', r.prefixes], ['suffixes', r.suffixes], ['infixes', r.infixes]] as const) {
    list.forEach((x, i) => {
      if (typeof x !== 'string' || x.length === 0) throw new ArgumentError(`${name} entries must be non-empty strings`, { key: `${name}[${i}]` });
    });
  }
  const multiwordTokens = new Map<string, readonly string[]>();
  for (const [k, words] of Object.entries(r.multiwordTokens ?? {})) {
    const key = `multiwordTokens.${k}`;
    checkSpecialCase(k, [k], key);
    if (!Array.isArray(words) || words.length < 2 || words.some((w) => typeof w !== 'string' || w.length === 0 || /\s/.test(w))) {
      throw new ArgumentError(`a multiword token needs two or more non-empty words without whitespace, got ${JSON.stringify(words)}`, { key });
    }
    multiwordTokens.set(k, [...words]);
  }
  return {
    specials,
    multiwordTokens,
    multiwordKeepAfter: new Map(Object.entries(r.multiwordKeepAfter ?? {}).map(([k, v]) => [k, new Set(v)])),
    enclitics: r.enclitics ?? null,
    apostropheClitics: r.apostropheClitics ?? true,
    splitHyphens: r.splitHyphens ?? true,
    ordinalPeriod: r.ordinalPeriod ?? false,
    splitMarkRuns: r.splitMarkRuns ?? false,
    spacedNumbers: r.spacedNumbers ?? false,
    maxSpecialLen: maxLen(specials.keys()),
    endSplit,
    hyphenPrefixes: new Set(r.hyphenPrefixes.map((x) => x.toLowerCase())),
    hyphenSuffixes: new Set(r.hyphenSuffixes.map((x) => x.toLowerCase())),
    units: new Set(r.units),
    maxUnitLen: maxLen(r.units),
    emoticons: new Set(r.emoticons),
    emoticonsByFirst: groupBy(r.emoticons, (e) => e.charCodeAt(0)),
    emoticonsByLast: groupBy(r.emoticons, (e) => e.charCodeAt(e.length - 1)),
    maxEmoticonLen: maxLen(r.emoticons),
    prefixes: [...r.prefixes].sort(byLengthDesc),
    suffixes: [...r.suffixes].sort(byLengthDesc),
    infixes: [...r.infixes].sort(byLengthDesc),
  };
}
