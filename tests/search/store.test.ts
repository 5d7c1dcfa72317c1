import { describe, expect, it } from 'vitest';
import { DocStore } from '../../src/search/store.js';

// A store as an index loads it: the encoded JSON of each doc back to back, decoded on access.
function loaded(docs: Record<string, unknown>[]): DocStore {
  const s = new DocStore();
  docs.forEach((d, i) => s.set(i, d));
  const enc = new TextEncoder();
  const parts = docs.map((d) => enc.encode(JSON.stringify(d)));
  const offsets = new Uint32Array(parts.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.length));
  const data = new Uint8Array(offsets[parts.length]!);
  parts.forEach((p, i) => data.set(p, offsets[i]!));
  return DocStore.fromParts(offsets, data);
}

describe('DocStore.get', () => {
  it('gives each caller its own object: changing one changes neither the store nor later reads', () => {
    const store = loaded([{ title: 'wing', text: 'flow over a wing', n: 3, ok: true, none: null }, { tags: ['a', 'b'], title: 'nested' }]);
    const a = store.get(0)!;
    expect(a).toEqual({ title: 'wing', text: 'flow over a wing', n: 3, ok: true, none: null });
    a.title = 'changed';
    delete a.text;
    const b = store.get(0)!;
    expect(b).toEqual({ title: 'wing', text: 'flow over a wing', n: 3, ok: true, none: null });
    expect(b).not.toBe(a);
    expect(Object.keys(b)).toEqual(['title', 'text', 'n', 'ok', 'none']);
    // Nested values are parsed afresh each time.
    const c = store.get(1)!;
    (c.tags as string[]).push('c');
    expect(store.get(1)).toEqual({ tags: ['a', 'b'], title: 'nested' });
  });

  it('reads every doc right when more is read than it keeps decoded', () => {
    const big = 'x'.repeat(DocStore.MAX_DECODED_BYTES / 3);
    const docs = [0, 1, 2, 3, 4].map((i) => ({ i, text: big }));
    const store = loaded(docs);
    for (let r = 0; r < 2; r++) for (let i = 0; i < docs.length; i++) expect(store.get(i)).toEqual(docs[i]);
  });
});
