import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/index.js';
import { SearchIndex as BrowserSearchIndex, FormatError } from '../../src/browser/search.js';

const DOCS = [
  { id: 'a', title: 'Wing design', text: 'The boundary layer over a slender wing stays laminar.' },
  { id: 'b', title: 'Pipe flow', text: 'A turbulent boundary layer forms in long pipes.' },
  { id: 'c', title: 'Heat', text: 'Heat transfer at hypersonic speeds.' },
];

async function built(): Promise<SearchIndex> {
  const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title'], boosts: { title: 2 } });
  index.addAll(DOCS);
  index.remove('c');
  return index;
}

describe('SearchIndex.toBytes / fromBytes', () => {
  it('round-trips settings, postings, stored fields and deletions', async () => {
    const index = await built();
    const again = await BrowserSearchIndex.fromBytes(index.toBytes());
    expect(again.toString()).toBe(index.toString());
    expect(again.boosts).toEqual({ title: 2 });
    expect(again.search('"boundary layer"')).toEqual(index.search('"boundary layer"'));
    expect(again.search('heat')).toEqual([]);
    expect(again.search('wing', { topK: 1 })[0]?.fields).toEqual({ title: 'Wing design' });
  });
  it('the Node SearchIndex reads the same bytes and keeps save()', async () => {
    const again = await SearchIndex.fromBytes((await built()).toBytes());
    expect(again).toBeInstanceOf(SearchIndex);
    expect(typeof again.save).toBe('function');
  });
  it('refuses damaged or foreign bytes with a FormatError', async () => {
    const bytes = (await built()).toBytes();
    for (const at of [0, 40, bytes.length >> 1, bytes.length - 1]) {
      const bad = bytes.slice();
      bad[at]! ^= 0x5a;
      await expect(BrowserSearchIndex.fromBytes(bad)).rejects.toBeInstanceOf(FormatError);
    }
    await expect(BrowserSearchIndex.fromBytes(bytes.subarray(0, bytes.length - 9))).rejects.toBeInstanceOf(FormatError);
    await expect(BrowserSearchIndex.fromBytes('x' as never)).rejects.toThrow(/Uint8Array/);
  });
});
