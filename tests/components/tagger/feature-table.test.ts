import { describe, expect, it } from 'vitest';
import { FeatureTable, key1 } from '../../../src/components/tagger/feature-table.js';

describe('FeatureTable.insert', () => {
  it('gives dense rows in insertion order and finds them again across rehashes', () => {
    const t = new FeatureTable(4);
    for (let i = 0; i < 5000; i++) expect(t.insert(key1(i % 31, i), i * 7)).toBe(i);
    expect(t.size).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(t.get(key1(i % 31, i), i * 7)).toBe(i);
    expect(t.get(key1(1, 2), 3)).toBe(-1);
    expect(t.insert(key1(3, 3), 21)).toBe(3);
  });
});

describe('FeatureTable.fromKeys', () => {
  it('rebuilds the same key -> row mapping', () => {
    const t = new FeatureTable();
    t.insert(key1(1, 5), 0);
    t.insert(key1(2, 5), 9);
    const u = FeatureTable.fromKeys(t.rowKey1.slice(0, 2), t.rowKey2.slice(0, 2));
    expect(u.get(key1(2, 5), 9)).toBe(1);
    expect(u.get(key1(1, 5), 0)).toBe(0);
    expect(u.get(key1(1, 5), 1)).toBe(-1);
  });
});
