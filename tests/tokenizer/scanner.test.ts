import { describe, expect, it } from 'vitest';
import { ChunkCache } from '../../src/tokenizer/chunk-cache.js';
import { emojiLength, isEmail, isFileName, isInitialism, isPhone, isUrl } from '../../src/tokenizer/scanner.js';

const whole = (f: (s: string, i: number, e: number) => boolean) => (s: string) => f(s, 0, s.length);

describe('scanner matchers', () => {
  it('isUrl', () => {
    const u = whole(isUrl);
    expect(['http://x.org', 'https://a.b/c?d=e', 'www.example.com', 'example.com/page', 'mailto:a@b.com'].every(u)).toBe(true);
    expect(['http', 'www.', 'example.com', 'foo.bar/baz', 'hello'].some(u)).toBe(false);
  });
  it('isEmail', () => {
    const e = whole(isEmail);
    expect(['a@b.com', 'john.doe+x@mail.example.org', "o'neil@x.ie"].every(e)).toBe(true);
    expect(['a@b', '@b.com', 'a@@b.com', 'a@b.c0m', 'a b@c.com'].some(e)).toBe(false);
  });
  it('isFileName', () => {
    const f = whole(isFileName);
    expect(['report_v2.doc', '02-05-02.doc', 'ENRON.XLS'].every(f)).toBe(true);
    expect(['report.', 'a.b', 'x.unknown', '(a).doc'].some(f)).toBe(false);
  });
  it('isInitialism', () => {
    const f = whole(isInitialism);
    expect(['U.S.', 'U.S.A', 'a.k.a.', 'p.m', 'W.'].every(f)).toBe(true);
    expect(['w.', 'US.', 'U..S', 'ab.cd', 'U'].some(f)).toBe(false);
  });
  it('isPhone tells phone numbers from ranges', () => {
    const f = whole(isPhone);
    expect(['713-853-3989', '345-9945', '77042-2016', '600-480', '1-800-991-9019'].every(f)).toBe(true);
    expect(['5-10', '400-500', '1969-1970', '10-12', '12-', '-5'].some(f)).toBe(false);
  });
  it('emojiLength spans modifiers, ZWJ sequences and flags', () => {
    expect(emojiLength('😀x', 0, 3)).toBe(2);
    expect(emojiLength('👍🏽', 0, 4)).toBe(4);
    expect(emojiLength('👨‍👩‍👧', 0, 8)).toBe(8);
    expect(emojiLength('🇫🇷🇩🇪', 0, 8)).toBe(4);
    expect(emojiLength('❤️', 0, 2)).toBe(2);
    expect(emojiLength('a', 0, 1)).toBe(0);
    expect(emojiLength('\ud83d', 0, 1)).toBe(0);
  });
});

describe('ChunkCache', () => {
  it('finds single-token and multi-token entries and grows past its initial table', () => {
    const c = new ChunkCache(100_000);
    for (let i = 0; i < 10_000; i++) c.insert(i * 7919, i, 3, [i + 1], [3], 1);
    c.insert(1, 2, 5, [10, 20], [2, 3], 2);
    expect(c.size).toBe(10_001);
    expect(c.find(7919 * 42, 42, 3)).toBe(43);
    expect(c.find(7919 * 42, 43, 3)).toBe(0);
    expect(c.find(7919 * 42, 42, 4)).toBe(0);
    const v = c.find(1, 2, 5);
    expect(v).toBeLessThan(0);
    const o = -v - 1;
    expect([...c.rec.subarray(o, o + 5)]).toEqual([2, 10, 2, 20, 3]);
  });
  it('empties itself when full', () => {
    const c = new ChunkCache(10);
    for (let i = 0; i < 11; i++) c.insert(i, i, 1, [i + 1], [1], 1);
    expect(c.size).toBe(1);
    expect(c.find(0, 0, 1)).toBe(0);
    expect(c.find(10, 10, 1)).toBe(11);
  });
});
