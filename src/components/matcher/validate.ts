import { ArgumentError } from '../../core/errors.js';
import type { AttrKind } from '../../core/attrs.js';
import { PATTERN_ATTRS } from './attrs.js';

/**
 * Quantifier of one compiled step, as in spaCy: `!` is ZERO, `?` ZERO_ONE, `*` ZERO_PLUS, `+` is
 * ONE then ZERO_PLUS, `{n,m}` is n ONE then m-n ZERO_ONE. FINAL marks the end of a pattern.
 */
export const Quant = { ONE: 0, ZERO: 1, ZERO_ONE: 2, ZERO_PLUS: 3, FINAL: 4 } as const;

/** Predicate kinds: REGEX, set membership, numeric comparison, fuzzy string match, extension equality. */
export type PredicateKind = 'REGEX' | 'IN' | 'NOT_IN' | 'CMP' | 'FUZZY' | 'EQ';

/** A parsed predicate on one token attribute (or on a custom extension when `ext` is set). */
export interface PredicateSpec {
  /** Attribute id (see `Attr`), or -1 for an extension. */
  attr: number;
  /** Extension name for `{"_": {name: ...}}` predicates. */
  ext?: string;
  kind: PredicateKind;
  /** Comparison operator for CMP (`==`, `!=`, `>=`, `<=`, `>`, `<`). */
  op?: string;
  value: unknown;
  /** Set for IN/NOT_IN nested inside REGEX: each member is a regex. */
  regex?: boolean;
  /** Max edits for FUZZY (or IN/NOT_IN nested in FUZZY); -1 means spaCy's default. */
  fuzzy?: number;
}

/** One token spec after parsing: its quantifiers, literal attribute checks and predicates. */
export interface TokenSpec {
  quants: number[];
  /** Literal checks: [attribute id, raw value (string | number | boolean)]. */
  checks: [number, string | number | boolean][];
  preds: PredicateSpec[];
}

const OPS: Record<string, number[]> = {
  '!': [Quant.ZERO],
  '?': [Quant.ZERO_ONE],
  '*': [Quant.ZERO_PLUS],
  '+': [Quant.ONE, Quant.ZERO_PLUS],
  '1': [Quant.ONE],
};

const CMP_OPS = new Set(['==', '!=', '>=', '<=', '>', '<']);
const FUZZY_RE = /^FUZZY[1-9]?$/;
const OP_HELP = '!, ?, *, +, 1, {n}, {n,m}, {n,}, {,m} (n <= m)';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Where a problem is: the pattern's label plus a key path like `[1].LENGTH.>=`. */
interface Where {
  pattern: string;
}

function fail(where: Where, key: string, message: string): never {
  throw new ArgumentError(`invalid match pattern: ${message}`, { pattern: where.pattern, key });
}

/** Expands an `OP` value into quantifiers (spaCy's `_get_operators`). */
export function parseOp(op: unknown, where: Where, key: string): number[] {
  if (typeof op !== 'string') fail(where, key, `OP must be a string, one of ${OP_HELP}; got ${JSON.stringify(op)}`);
  const simple = OPS[op];
  if (simple) return simple;
  const m = /^\{(\d*)(?:(,)(\d*))?\}$/.exec(op);
  if (!m) fail(where, key, `unknown operator ${JSON.stringify(op)}; valid: ${OP_HELP}`);
  const nStr = m[1]!;
  const hasComma = m[2] !== undefined;
  const mStr = hasComma ? m[3]! : nStr;
  if (nStr === '' && mStr === '') fail(where, key, `operator ${JSON.stringify(op)} needs a number; valid: ${OP_HELP}`);
  const n = nStr === '' ? 0 : Number(nStr);
  if (mStr !== '' && Number(mStr) < n) fail(where, key, `operator ${JSON.stringify(op)} has n > m; valid: ${OP_HELP}`);
  if (n > 10000 || (mStr !== '' && Number(mStr) > 10000)) fail(where, key, `operator ${JSON.stringify(op)} repeats more than 10000 times`);
  const out: number[] = new Array(n).fill(Quant.ONE);
  if (mStr === '') out.push(Quant.ZERO_PLUS);
  else for (let k = n; k < Number(mStr); k++) out.push(Quant.ZERO_ONE);
  return out;
}

function checkStringList(v: unknown, where: Where, key: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) fail(where, key, `expected a list of strings, got ${JSON.stringify(v)}`);
  return v as string[];
}

function checkRegex(v: unknown, where: Where, key: string): void {
  if (typeof v !== 'string') fail(where, key, `REGEX needs a string, got ${JSON.stringify(v)}`);
  try {
    compileRegex(v);
  } catch (e) {
    fail(where, key, `bad regular expression ${JSON.stringify(v)}: ${(e as Error).message}`);
  }
}

/** Compiles a pattern regex: Unicode mode when the syntax allows it, else plain. */
export function compileRegex(source: string): RegExp {
  try {
    return new RegExp(source, 'u');
  } catch {
    return new RegExp(source);
  }
}

/** Parses a predicate object `{PRED: value, ...}` for attribute `attr` of kind `kind`. */
function parsePredicates(attr: number, kind: AttrKind, obj: Record<string, unknown>, where: Where, key: string, out: PredicateSpec[]): void {
  for (const [rawType, value] of Object.entries(obj)) {
    const type = rawType.toUpperCase();
    const k = `${key}.${rawType}`;
    if (kind === 'bool') fail(where, k, `boolean attributes take true or false, not predicates`);
    if (type === 'REGEX' || FUZZY_RE.test(type)) {
      if (kind === 'number') fail(where, k, `${type} applies to string attributes, not LENGTH`);
      const fuzzy = type === 'REGEX' ? undefined : type.length > 5 ? Number(type.slice(5)) : -1;
      if (isPlainObject(value)) {
        // Nested IN / NOT_IN: each member is a regex (REGEX) or a fuzzy target (FUZZY).
        for (const [rawInner, list] of Object.entries(value)) {
          const inner = rawInner.toUpperCase();
          const k2 = `${k}.${rawInner}`;
          if (inner !== 'IN' && inner !== 'NOT_IN') fail(where, k2, `only IN and NOT_IN may be nested in ${type}`);
          const items = checkStringList(list, where, k2);
          if (type === 'REGEX') for (const r of items) checkRegex(r, where, k2);
          out.push(type === 'REGEX' ? { attr, kind: inner, value: items, regex: true } : { attr, kind: inner, value: items, fuzzy: fuzzy! });
        }
      } else if (type === 'REGEX') {
        checkRegex(value, where, k);
        out.push({ attr, kind: 'REGEX', value });
      } else {
        if (typeof value !== 'string') fail(where, k, `${type} needs a string, got ${JSON.stringify(value)}`);
        out.push({ attr, kind: 'FUZZY', value, fuzzy: fuzzy! });
      }
    } else if (type === 'IN' || type === 'NOT_IN') {
      if (kind === 'number') {
        if (!Array.isArray(value) || !value.every((x) => typeof x === 'number' && Number.isFinite(x))) fail(where, k, `expected a list of numbers, got ${JSON.stringify(value)}`);
      } else if (kind === 'iob') {
        if (!Array.isArray(value) || !value.every((x) => typeof x === 'string' || Number.isInteger(x))) fail(where, k, `expected a list of IOB values, got ${JSON.stringify(value)}`);
      } else checkStringList(value, where, k);
      out.push({ attr, kind: type, value });
    } else if (CMP_OPS.has(type)) {
      if (kind !== 'number') fail(where, k, `comparison ${type} applies to numeric attributes (LENGTH) only`);
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, k, `comparison ${type} needs a number, got ${JSON.stringify(value)}`);
      out.push({ attr, kind: 'CMP', op: type, value });
    } else if (type === 'IS_SUBSET' || type === 'IS_SUPERSET' || type === 'INTERSECTS') {
      fail(where, k, `${type} applies to list-valued attributes (MORPH), which textloom does not have`);
    } else {
      fail(where, k, `unknown predicate ${JSON.stringify(rawType)}; valid: REGEX, IN, NOT_IN, FUZZY, FUZZY1..FUZZY9, ==, !=, >=, <=, >, <`);
    }
  }
}

/** Parses `{"_": {name: value | {PRED: value}}}`. */
function parseExtensions(obj: unknown, where: Where, key: string, out: PredicateSpec[]): void {
  if (!isPlainObject(obj)) fail(where, key, `"_" must be an object of extension names to values`);
  for (const [name, value] of Object.entries(obj)) {
    const k = `${key}.${name}`;
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      out.push({ attr: -1, ext: name, kind: 'EQ', value });
      continue;
    }
    if (!isPlainObject(value)) fail(where, k, `extension values must be a string, number, boolean or predicate object; got ${JSON.stringify(value)}`);
    for (const [rawType, v] of Object.entries(value)) {
      const type = rawType.toUpperCase();
      const k2 = `${k}.${rawType}`;
      if (type === 'REGEX') {
        checkRegex(v, where, k2);
        out.push({ attr: -1, ext: name, kind: 'REGEX', value: v });
      } else if (FUZZY_RE.test(type)) {
        if (typeof v !== 'string') fail(where, k2, `${type} needs a string`);
        out.push({ attr: -1, ext: name, kind: 'FUZZY', value: v, fuzzy: type.length > 5 ? Number(type.slice(5)) : -1 });
      } else if (type === 'IN' || type === 'NOT_IN') {
        if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean')) fail(where, k2, `expected a list of strings or numbers`);
        out.push({ attr: -1, ext: name, kind: type, value: v });
      } else if (CMP_OPS.has(type)) {
        if (typeof v !== 'number' || !Number.isFinite(v)) fail(where, k2, `comparison ${type} needs a number`);
        out.push({ attr: -1, ext: name, kind: 'CMP', op: type, value: v });
      } else fail(where, k2, `unknown predicate ${JSON.stringify(rawType)}`);
    }
  }
}

/**
 * Parses and checks one token pattern (a list of token specs), as spaCy's pattern schema does.
 * Unknown keys, bad operators and wrong value types throw an ArgumentError naming the pattern and
 * the key path (e.g. `[1].LENGTH.>=`).
 * @param strict spaCy's `validate`: booleans must be true/false (otherwise 0/1 are accepted too).
 * @example parsePattern([{ LOWER: 'hello' }, { IS_PUNCT: true, OP: '?' }], true, { pattern: 'HELLO#0' })
 */
export function parsePattern(pattern: unknown, strict: boolean, where: Where): TokenSpec[] {
  if (!Array.isArray(pattern)) fail(where, '', `a token pattern must be a list of token specs, got ${JSON.stringify(pattern)?.slice(0, 80)}`);
  if (pattern.length === 0) fail(where, '', 'a token pattern needs at least one token spec');
  const out: TokenSpec[] = [];
  pattern.forEach((spec, t) => {
    const base = `[${t}]`;
    if (!isPlainObject(spec)) fail(where, base, `a token spec must be an object, got ${JSON.stringify(spec)}`);
    const parsed: TokenSpec = { quants: [Quant.ONE], checks: [], preds: [] };
    for (const [rawKey, value] of Object.entries(spec)) {
      const upper = rawKey.toUpperCase();
      const key = `${base}.${rawKey}`;
      if (upper === 'OP') {
        parsed.quants = parseOp(value, where, key);
        continue;
      }
      if (rawKey === '_') {
        parseExtensions(value, where, key, parsed.preds);
        continue;
      }
      const def = PATTERN_ATTRS.get(upper);
      if (!def) fail(where, key, `unknown token attribute ${JSON.stringify(rawKey)}; valid: ${[...PATTERN_ATTRS.keys()].join(', ')}, OP, _`);
      if (isPlainObject(value)) {
        parsePredicates(def.id, def.kind, value, where, key, parsed.preds);
        continue;
      }
      switch (def.kind) {
        case 'string':
          if (typeof value !== 'string') fail(where, key, `${upper} needs a string or a predicate object, got ${JSON.stringify(value)}`);
          break;
        case 'number':
          if (typeof value !== 'number' || !Number.isInteger(value)) fail(where, key, `${upper} needs an integer or a predicate object, got ${JSON.stringify(value)}`);
          break;
        case 'bool':
          if (typeof value !== 'boolean' && (strict || !Number.isInteger(value))) fail(where, key, `${upper} needs true or false, got ${JSON.stringify(value)}`);
          break;
        case 'iob':
          if (typeof value !== 'string' && !Number.isInteger(value)) fail(where, key, `${upper} needs "B", "I", "O" or "", got ${JSON.stringify(value)}`);
          break;
      }
      parsed.checks.push([def.id, value as string | number | boolean]);
    }
    out.push(parsed);
  });
  if (out.every((s) => s.quants.length === 0)) fail(where, '', 'the pattern has no token left after expanding its {0} operators');
  return out;
}
