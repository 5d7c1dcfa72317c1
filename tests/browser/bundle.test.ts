import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleForBrowser } from './vite-bundle.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENTRIES = ['tokenizer', 'matcher', 'search', 'render', 'tagger', 'parser', 'index'];

describe('browser entries bundled with Vite', () => {
  it('the check catches a Node built-in', async () => {
    const b = await bundleForBrowser(join(root, 'src/search/persist-files.ts'), root);
    expect(b.nodeImports.some((s) => s.endsWith('node:fs'))).toBe(true);
  }, 60_000);

  it('the search bundle works on its own (its analyzers find their registered factories)', async () => {
    const b = await bundleForBrowser(join(root, 'src/browser/search.ts'), root);
    const dir = mkdtempSync(join(tmpdir(), 'textloom-bundle-'));
    try {
      for (const c of b.chunks) writeFileSync(join(dir, c.fileName), c.code);
      const entry = b.chunks.find((c) => c.isEntry)!;
      const { SearchIndex } = (await import(pathToFileURL(join(dir, entry.fileName)).href)) as typeof import('../../src/browser/search.js');
      const index = await SearchIndex.create({ fields: ['text'] });
      index.addAll([{ id: 'a', text: 'Laminar boundary layers' }, { id: 'b', text: 'Heat transfer' }]);
      const again = await SearchIndex.fromBytes(index.toBytes());
      expect(again.search('layer').map((r) => r.id)).toEqual(['a']);
      // Each language but en and xx (zh and ja with their word-boundary models) is a chunk of its
      // own, fetched when first needed: the Chinese index segments as the Node build does.
      const zhChunk = b.chunks.find((c) => c.lazy && c.code.includes('Chinese'));
      expect(zhChunk && zhChunk.code.length).toBeGreaterThan(100_000);
      expect(b.code.includes('Chinese')).toBe(false);
      const zh = await SearchIndex.create({ fields: ['text'], language: 'zh', storeFields: ['text'] });
      zh.addAll([{ id: 'z', text: '他成为一个老师。' }, { id: 'y', text: '我喜欢北京。' }]);
      expect(zh.search('老师').map((r) => r.id)).toEqual(['z']);
      const zhAgain = await SearchIndex.fromBytes(zh.toBytes());
      expect(zhAgain.search('北京').map((r) => r.id)).toEqual(['y']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  for (const name of ENTRIES) {
    it(`src/browser/${name}.ts imports no Node built-in`, async () => {
      const b = await bundleForBrowser(join(root, 'src/browser', `${name}.ts`), root);
      console.log(`textloom/${name === 'index' ? '(browser)' : name}: ${(b.bytes / 1024).toFixed(1)} KB minified, ${(b.gzipBytes / 1024).toFixed(1)} KB gzipped`);
      expect(b.nodeImports).toEqual([]);
      expect(b.bytes).toBeGreaterThan(1000);
    }, 60_000);
  }
});
