import { describe, expect, it } from 'vitest';
import { ArgumentError, ConfigError } from '../../src/core/errors.js';
import { DEFAULTS, getDefault, withDefaults } from '../../src/search/options.js';
import { SearchIndex } from '../../src/search/search-index.js';
import './helpers.js';

describe('getDefault', () => {
  it('gives the defaults an index is built with, frozen', async () => {
    expect(getDefault('idField')).toBe('id');
    expect(getDefault('similarity')).toEqual({ model: 'bm25', k1: 1.2, b: 0.75 });
    expect(getDefault('searchOptions').topK).toBe(10);
    expect(SearchIndex.getDefault('storeFields')).toEqual([]);
    expect(Object.isFrozen(DEFAULTS) && Object.isFrozen(DEFAULTS.similarity) && Object.isFrozen(DEFAULTS.searchOptions)).toBe(true);
    const index = await SearchIndex.create({ fields: ['text'] });
    expect(index.idField).toBe(getDefault('idField'));
    expect(index.similarity).toEqual(getDefault('similarity'));
  });

  it('names the options with defaults for an unknown name', () => {
    expect(() => getDefault('topk' as never)).toThrow(ArgumentError);
    expect(() => getDefault('topk' as never)).toThrow(/idField/);
  });
});

describe('withDefaults', () => {
  it('merges the defaults once, under the options given', () => {
    const o = withDefaults({ fields: ['title', 'text'], boosts: { title: 2 }, similarity: { k1: 0.9 } });
    expect(o).toEqual({ fields: ['title', 'text'], idField: 'id', storeFields: [], boosts: { title: 2 }, similarity: { model: 'bm25', k1: 0.9, b: 0.75 }, vectorIndex: { kind: 'exact', hnswMinDocs: 50_000, m: 16, efConstruction: 200, efSearch: 128, seed: 1 } });
  });

  it('rejects a bad index option with a ConfigError naming the key', () => {
    for (const [bad, key] of [
      [{ fields: ['t'], similarity: { b: 2 } }, 'similarity.b'],
      [{ fields: ['t'], boosts: { x: 1 } }, 'boosts.x'],
      [{ fields: ['t'], storeFields: 'title' }, 'storeFields'],
      [{ fields: ['t'], idfield: 'x' }, 'idfield'],
    ] as const) {
      let err: unknown;
      try {
        withDefaults(bad as never);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).where?.key).toBe(key);
    }
  });
});
