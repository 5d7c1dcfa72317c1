import { describe, expect, it } from 'vitest';
import { collect } from './collect.js';
import { FormatError } from '../../src/index.js';
import { jsonlRecords, jsonlTexts, parseJsonLine } from '../../src/io/jsonl.js';

async function* numbered(lines: string[]): AsyncGenerator<[string, number]> {
  for (let i = 0; i < lines.length; i++) yield [lines[i]!, i + 1];
}

describe('parseJsonLine', () => {
  it('parses a record, or names the file and line of bad JSON', () => {
    expect(parseJsonLine('{"a":1}', { file: 'f', line: 1 })).toEqual({ a: 1 });
    let err: unknown;
    try {
      parseJsonLine('{oops', { file: 'f.jsonl', line: 7 }, '{"text": "..."}');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).where).toMatchObject({ file: 'f.jsonl', line: 7 });
    expect((err as Error).message).toMatch(/JSON lines like \{"text": "\.\.\."\}/);
  });
});

describe('jsonlRecords', () => {
  it('skips blank lines and keeps the source line numbers', async () => {
    const { items } = await collect(jsonlRecords(numbered(['{"a":1}', '  ', '[2]']), 'x'));
    expect(items).toEqual([[{ a: 1 }, 1], [[2], 3]]);
  });
});

describe('jsonlTexts', () => {
  it('passes lines through unchanged (blank ones too) without a field', async () => {
    const { items } = await collect(jsonlTexts(numbered(['a', '', '{"t":1}']), 'x', undefined));
    expect(items).toEqual([['a', 1], ['', 2], ['{"t":1}', 3]]);
  });
  it('takes the string field of each record, and names file, line and key of a record without it', async () => {
    const { items, error } = await collect(jsonlTexts(numbered(['{"t":"one"}', '', '{"t":2}']), 'in.jsonl', 't'));
    expect(items).toEqual([['one', 1]]);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).where).toMatchObject({ file: 'in.jsonl', line: 3, key: 't' });
  });
});
