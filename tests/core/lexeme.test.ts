import { describe, expect, it } from 'vitest';
import { likeEmail, likeNum, likeUrl, wordShape } from '../../src/index.js';
import { isTitleText, isUpperText } from '../../src/core/lexeme.js';

describe('wordShape', () => {
  it('maps case and digits and caps runs at four', () => {
    expect(wordShape('Apple')).toBe('Xxxxx');
    expect(wordShape('Hello')).toBe('Xxxxx');
    expect(wordShape('1999')).toBe('dddd');
    expect(wordShape('12345678')).toBe('dddd');
    expect(wordShape('U.S.')).toBe('X.X.');
    expect(wordShape('C3PO')).toBe('XdXX');
    expect(wordShape('lowercaseword')).toBe('xxxx');
  });
});

describe('likeNum', () => {
  it.each(['10', '1,000', '1,000.50', '3/4', 'ten', 'Million', '3rd', '21st', '-5', '+7'])('accepts %s', (t) => expect(likeNum(t)).toBe(true));
  it.each(['ten-ish', 'abc', '1/2/3', 'th', '.', ''])('rejects %s', (t) => expect(likeNum(t)).toBe(false));
});

describe('likeUrl / likeEmail', () => {
  it('recognizes URLs', () => {
    for (const u of ['https://example.org/x', 'www.google.com', 'example.com', 'github.io/foo']) expect(likeUrl(u)).toBe(true);
    for (const u of ['hello', 'e.g.', 'U.S.', 'a@b.com', 'file.txt']) expect(likeUrl(u)).toBe(false);
  });
  it('recognizes e-mail addresses', () => {
    expect(likeEmail('ops@example.com')).toBe(true);
    expect(likeEmail('a.b+c@mail.co.uk')).toBe(true);
    for (const e of ['@jlee', 'a@b', 'a@@b.com', 'x@y.c', 'a b@c.com']) expect(likeEmail(e)).toBe(false);
  });
});

describe('case predicates', () => {
  it('follow Python str.isupper / istitle', () => {
    expect(isUpperText('NASA')).toBe(true);
    expect(isUpperText('U.S.')).toBe(true);
    expect(isUpperText('123')).toBe(false);
    expect(isTitleText('Hello')).toBe(true);
    expect(isTitleText("O'Neil")).toBe(true);
    expect(isTitleText('McDonald')).toBe(false);
    expect(isTitleText('hello')).toBe(false);
  });
});
