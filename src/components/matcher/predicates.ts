import type { Doc } from '../../core/doc.js';
import type { Vocab } from '../../core/vocab.js';
import { Attr, ATTR_DEFS, codePointLength } from '../../core/attrs.js';
import { IOB_NAMES, iobCode } from '../../core/iob.js';
import { compileRegex, type PredicateSpec } from './validate.js';

/**
 * Levenshtein distance between `a` and `b` over code points, giving up (returning `max + 1`) once
 * it must exceed `max`, like the polyleven routine spaCy's FUZZY uses. Insertions, deletions and
 * substitutions cost 1; a transposition costs 2.
 *
 * Not the same function as the public `levenshtein` of `src/eval/distance.ts`, on purpose: that
 * one counts UTF-16 code units (as natural's `LevenshteinDistance`, its reference) and is
 * unbounded, so `'😀'` vs `'a'` is 2 there and 1 here (Python strings, hence spaCy, count code
 * points). The matcher also needs the early exit at `max`, and may not import eval (a leaf).
 * @param max edit bound (default `Infinity`: the exact distance).
 * @example levenshtein('kitten', 'sitting') // 3; levenshtein('abcdef', 'uvwxyz', 2) // 3 (= max + 1)
 */
export function levenshtein(a: string, b: string, max = Infinity): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > max) return max + 1;
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = new Int32Array(y.length + 1);
  let cur = new Int32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const sub = prev[j - 1]! + (xi === y[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[y.length]!;
}

/** Python's `round()` for non-negative numbers: halves go to the even neighbour. */
function pyRound(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * spaCy's `levenshtein_compare`: true when `input` is within the allowed edits of `pattern`. The
 * allowance is `fuzzy` when it is >= 0 (FUZZY1..FUZZY9), otherwise `max(2, round(0.3 * len(pattern)))`.
 * @example levenshteinCompare('Goggle', 'Google') // true (1 edit, 2 allowed)
 */
export function levenshteinCompare(input: string, pattern: string, fuzzy = -1): boolean {
  const maxEdits = fuzzy >= 0 ? fuzzy : Math.max(2, pyRound(0.3 * codePointLength(pattern)));
  return levenshtein(input, pattern, maxEdits) <= maxEdits;
}

/**
 * A compiled predicate. Predicates on token attributes depend only on the attribute's value, so
 * they expose `testValue(value)` and the matcher memoizes results per value id (each distinct
 * word is tested once per matcher); extension predicates expose `testToken(doc, i)`.
 */
export interface Predicate {
  /** Dedupe key: equal predicates are evaluated once. */
  readonly key: string;
  /** Attribute id the predicate reads, or -1 for an extension predicate. */
  readonly attr: number;
  /** For a plain IN predicate: the value ids it accepts (lets the matcher index on them). */
  readonly members?: readonly number[];
  testValue?(value: number): boolean;
  testToken?(doc: Doc, i: number): boolean;
}

function normScalar(v: unknown): unknown {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

function compare(op: string, a: number, b: number): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a < b;
  }
}

/** Builds the string test for REGEX / FUZZY / nested IN-NOT_IN of those (string in, boolean out). */
function stringTest(spec: PredicateSpec): (s: string) => boolean {
  if (spec.kind === 'REGEX') {
    const re = compileRegex(spec.value as string);
    return (s) => re.test(s);
  }
  if (spec.kind === 'FUZZY') {
    const target = spec.value as string;
    const fuzzy = spec.fuzzy ?? -1;
    return (s) => s === target || levenshteinCompare(s, target, fuzzy);
  }
  const items = spec.value as string[];
  let any: (s: string) => boolean;
  if (spec.regex) {
    const res = items.map(compileRegex);
    any = (s) => res.some((r) => r.test(s));
  } else {
    const fuzzy = spec.fuzzy ?? -1;
    any = (s) => items.some((t) => levenshteinCompare(s, t, fuzzy));
  }
  return spec.kind === 'IN' ? any : (s) => !any(s);
}

/** Compiles a parsed predicate against the matcher's vocab. */
export function compilePredicate(spec: PredicateSpec, vocab: Vocab): Predicate {
  const key = JSON.stringify([spec.attr, spec.ext ?? null, spec.kind, spec.op ?? null, spec.value, spec.regex ?? false, spec.fuzzy ?? null]);
  if (spec.ext !== undefined) return extensionPredicate(spec, key);
  const attr = spec.attr;
  const kind = ATTR_DEFS[attr]!.kind;
  if (spec.kind === 'CMP') {
    const op = spec.op!;
    const v = spec.value as number;
    return { key, attr, testValue: (x) => compare(op, x, v) };
  }
  if ((spec.kind === 'IN' || spec.kind === 'NOT_IN') && !spec.regex && spec.fuzzy === undefined) {
    const ids = new Set<number>();
    for (const item of spec.value as (string | number)[]) {
      if (kind === 'number') ids.add(item as number);
      else if (kind === 'iob') ids.add(typeof item === 'number' ? item : iobCode(item));
      else ids.add(vocab.strings.add(item as string));
    }
    const want = spec.kind === 'IN';
    const test = (x: number) => ids.has(x) === want;
    return want ? { key, attr, members: [...ids], testValue: test } : { key, attr, testValue: test };
  }
  const fn = stringTest(spec);
  const strings = vocab.strings;
  return { key, attr, testValue: (x) => fn(attr === Attr.ENT_IOB ? IOB_NAMES[x] ?? '' : strings.get(x)) };
}

function extensionPredicate(spec: PredicateSpec, key: string): Predicate {
  const name = spec.ext!;
  const get = (doc: Doc, i: number): unknown => doc.getExtension(name)?.get(i);
  switch (spec.kind) {
    case 'EQ': {
      const want = normScalar(spec.value);
      return { key, attr: -1, testToken: (doc, i) => normScalar(get(doc, i)) === want };
    }
    case 'CMP': {
      const op = spec.op!;
      const v = spec.value as number;
      return {
        key,
        attr: -1,
        testToken(doc, i) {
          const x = normScalar(get(doc, i));
          return typeof x === 'number' && compare(op, x, v);
        },
      };
    }
    case 'IN':
    case 'NOT_IN': {
      const set = new Set((spec.value as unknown[]).map(normScalar));
      const want = spec.kind === 'IN';
      return {
        key,
        attr: -1,
        testToken(doc, i) {
          const x = normScalar(get(doc, i));
          if (typeof x !== 'string' && typeof x !== 'number') return false;
          return set.has(x) === want;
        },
      };
    }
    default: {
      const fn = stringTest(spec);
      return {
        key,
        attr: -1,
        testToken(doc, i) {
          const x = get(doc, i);
          return typeof x === 'string' && fn(x);
        },
      };
    }
  }
}
