import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/index.js';

describe('SearchIndex toString / util.inspect', () => {
  it('summarises documents, deletions, fields and distinct terms', async () => {
    const index = await SearchIndex.create({ fields: ['title', 'text'], analyzer: { pipeline: { tokenizer: { factory: 'whitespace' } }, stopWords: false } });
    index.addAll([
      { id: 1, title: 'red fox', text: 'the red fox jumps' },
      { id: 2, title: 'blue sky', text: 'the sky' },
    ]);
    // title: red, fox, blue, sky (4); text: the, red, fox, jumps, sky (5)
    expect(String(index)).toBe('SearchIndex(docs=2, fields=[title, text], terms=9)');
    index.remove(2);
    expect(inspect(index)).toBe('SearchIndex(docs=1, deleted=1, fields=[title, text], terms=9)');
  });
});
