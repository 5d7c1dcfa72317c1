import { describe, expect, it } from 'vitest';
import { MAX_QUERY_DEPTH, parseLenient, parseQuery, QuerySyntaxError, type QueryNode } from '../../src/search/query/parser.js';

const t = (text: string, extra: object = {}): QueryNode => ({ type: 'term', text, ...extra });

describe('parseQuery', () => {
  it('parses bare terms as an OR', () => {
    expect(parseQuery('wing flow')).toEqual({ type: 'bool', clauses: [{ occur: 'should', node: t('wing') }, { occur: 'should', node: t('flow') }] });
    expect(parseQuery('wing')).toEqual(t('wing'));
  });
  it('parses phrases, fields, prefix, fuzzy and boosts', () => {
    expect(parseQuery('"boundary layer"^3')).toEqual({ type: 'phrase', text: 'boundary layer', boost: 3 });
    expect(parseQuery('title:wing')).toEqual(t('wing', { field: 'title' }));
    expect(parseQuery('aero*')).toEqual(t('aero', { prefix: true }));
    expect(parseQuery('wnig~1')).toEqual(t('wnig', { fuzzy: 1 }));
    expect(parseQuery('wnig~')).toEqual(t('wnig', { fuzzy: 2 }));
    expect(parseQuery('wing^2.5')).toEqual(t('wing', { boost: 2.5 }));
    expect(parseQuery('title:(a "b c")')).toEqual({
      type: 'bool',
      clauses: [
        { occur: 'should', node: t('a', { field: 'title' }) },
        { occur: 'should', node: { type: 'phrase', text: 'b c', field: 'title' } },
      ],
    });
  });
  it('gives AND precedence over OR and handles + - NOT', () => {
    expect(parseQuery('a OR b AND c')).toEqual({
      type: 'bool',
      clauses: [
        { occur: 'should', node: t('a') },
        { occur: 'should', node: { type: 'bool', clauses: [{ occur: 'must', node: t('b') }, { occur: 'must', node: t('c') }] } },
      ],
    });
    expect(parseQuery('+a -b NOT c')).toEqual({
      type: 'bool',
      clauses: [
        { occur: 'must', node: t('a') },
        { occur: 'mustNot', node: t('b') },
        { occur: 'mustNot', node: t('c') },
      ],
    });
    expect(parseQuery('(a OR b) AND NOT c')).toEqual({
      type: 'bool',
      clauses: [
        { occur: 'must', node: { type: 'bool', clauses: [{ occur: 'should', node: t('a') }, { occur: 'should', node: t('b') }] } },
        { occur: 'mustNot', node: t('c') },
      ],
    });
  });
  it('keeps hyphens inside words and honours escapes', () => {
    expect(parseQuery('wing-body')).toEqual(t('wing-body'));
    expect(parseQuery('a\\:b')).toEqual(t('a:b'));
  });
  it('throws QuerySyntaxError with the column on bad syntax', () => {
    const bad: [string, number][] = [['(wing', 5], ['wing)', 4], ['"open', 0], ['a AND', 5], ['OR a', 0], ['title:', 6], ['a^x', 2], ['a~5', 2]];
    for (const [q, col] of bad) {
      let err: unknown;
      try {
        parseQuery(q);
      } catch (e) {
        err = e;
      }
      expect(err, q).toBeInstanceOf(QuerySyntaxError);
      expect((err as QuerySyntaxError).column, q).toBe(col);
      expect((err as Error).message).toMatch(/query syntax error/);
    }
  });
  it("reads fuzzy~N as Lucene's FUZZY_SLOP: the number touches ~, a value below 1 is a minimum similarity (0.5 became a separate term)", () => {
    expect(parseQuery('wnig~0.5')).toEqual(t('wnig', { fuzzy: 2 })); // floatToEdits: (1 - 0.5) * 4 = 2
    expect(parseQuery('wingspan~0.9')).toEqual(t('wingspan', { fuzzy: 0 })); // (1 - 0.9) * 8 = 0.8 -> 0
    expect(parseQuery('wingspan~0.8')).toEqual(t('wingspan', { fuzzy: 1 }));
    expect(parseQuery('wnig~1.0')).toEqual(t('wnig', { fuzzy: 1 }));
    expect(parseQuery('wnig~ 1')).toEqual({ type: 'bool', clauses: [{ occur: 'should', node: t('wnig', { fuzzy: 2 }) }, { occur: 'should', node: t('1') }] });
    expect(() => parseQuery('wnig~1.5')).toThrow(/fractional edit distances are not allowed/);
  });
  it('refuses nesting deeper than MAX_QUERY_DEPTH with a QuerySyntaxError (it overflowed the stack)', () => {
    const deep = MAX_QUERY_DEPTH + 1;
    for (const q of ['('.repeat(20000) + 'a' + ')'.repeat(20000), 'NOT '.repeat(20000) + 'a', '-'.repeat(20000) + 'a', '+('.repeat(5000) + 'a' + ')'.repeat(5000), '('.repeat(deep) + 'a' + ')'.repeat(deep)]) {
      expect(() => parseQuery(q)).toThrow(/nests deeper than 256 levels/);
      expect(parseLenient(q)).toEqual({ type: 'bool', clauses: [{ occur: 'should', node: t('a') }] });
    }
    const ok = MAX_QUERY_DEPTH;
    expect(parseQuery('('.repeat(ok) + 'a' + ')'.repeat(ok))).toEqual(t('a'));
  });
});

describe('parseLenient', () => {
  it('never throws and falls back to the plain words', () => {
    expect(parseLenient('(wing AND "flow')).toEqual({ type: 'bool', clauses: [{ occur: 'should', node: t('wing') }, { occur: 'should', node: t('flow') }] });
    for (const q of ['', '((((', '"', '^^^', ':::', '\\', 'AND OR NOT', '~~~', '-', '+']) expect(() => parseLenient(q)).not.toThrow();
  });
});

describe('parseLenient (property)', () => {
  it('never throws on arbitrary input', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '(', ')', '"', ':', '^', '~', '*', '\\', '+', '-', '!', '&', '|', 'AND', 'OR', 'NOT', '1', '.') , maxLength: 30 }), (q) => {
        parseLenient(q);
      }),
      { numRuns: 1000 },
    );
  });
});
