import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { KeyedVectors, load, SearchIndex, serve, type RunningServer } from '../../src/index.js';
import { chromiumPath, noBrowserReason } from './browser.js';

describe.skipIf(!chromiumPath)(`the served page in Chromium${noBrowserReason}`, () => {
  let s: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title', 'text'] });
    index.addAll([
      { id: 1, title: 'Wing design', text: 'The boundary layer over a slender wing stays laminar. <img src=x onerror=alert(1)>' },
      { id: 2, title: 'Pipe flow', text: 'A turbulent boundary layer forms in long pipes.' },
    ]);
    const vectors = new KeyedVectors(['king', 'queen', 'man', 'woman', 'apple'], Float32Array.from([1, 1, 0, 1, 0.9, 0.1, 0.2, 1, 0, 0.2, 0.9, 0.1, -1, 0, 1]), 3);
    s = await serve({ nlp: await load('en_core'), index, vectors, port: 0 });
    browser = await chromium.launch({ executablePath: chromiumPath!, args: ['--no-sandbox'] });
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(s.url);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('analyses the sample sentence on load: tokens table and entities', async () => {
    await page.waitForSelector('#analyze-tokens tbody tr');
    expect(await page.locator('#analyze-tokens tbody tr').count()).toBeGreaterThan(10);
    expect(await page.textContent('#analyze-status')).toMatch(/tokens, \d+ sentences/);
  });
  it('analyses typed text', async () => {
    await page.fill('#analyze-text', 'Grace Hopper worked in Arlington.');
    await page.click('#analyze-form button');
    // Locator waits, not evaluated strings: the page's Content-Security-Policy forbids eval.
    await page.locator('#analyze-tokens tbody tr:first-child td:nth-child(2)').filter({ hasText: /^Grace$/ }).waitFor();
    expect(await page.locator('#analyze-tokens tbody tr').count()).toBe(6);
  });
  it('draws a long analysis lazily: the first screen at once, the other rows in chunks, each tree as it scrolls into view', async () => {
    const text = Array.from({ length: 60 }, (_, k) => `Ada Lovelace wrote program number ${k} in London.`).join(' ');
    await page.fill('#analyze-text', text);
    await page.click('#analyze-form button');
    await page.locator('#analyze-tokens[aria-busy="false"] tbody tr:nth-child(540)').waitFor();
    expect(await page.locator('#analyze-tokens tbody tr').count()).toBe(540);
    const slots = page.locator('#analyze-dep .dep-slot');
    expect(await slots.count()).toBe(60);
    // Trees far below the screen are still placeholders; scrolling to the last one draws it.
    expect(await page.locator('#analyze-dep .dep-slot:last-child svg').count()).toBe(0);
    await slots.last().scrollIntoViewIfNeeded();
    await page.locator('#analyze-dep .dep-slot:last-child svg').waitFor();
    expect(await page.textContent('#analyze-dep .dep-slot:last-child')).toContain('59');
  });
  it('draws the first screen before the parse arrives, then the dependency cells and trees', async () => {
    // A pipeline whose parser takes a while: the first part (tokens, tags, entities) is on screen
    // before the server has even finished parsing.
    const nlp = await load('en_core');
    const parser = nlp.getPipe('parser');
    const parse = parser.process.bind(parser);
    const slow = await serve({ nlp: nlp.disable([]), port: 0 });
    const p2 = await browser.newPage();
    try {
      await p2.goto(slow.url);
      await p2.locator('#analyze-tokens[aria-busy="false"] tbody tr').first().waitFor();
      // (no DOM types in the tests' TypeScript setup: the page's globals are reached as `any`)
      await p2.evaluate(() => {
        const w = globalThis as any;
        new w.MutationObserver(() => {
          if (w.depWhenDrawn === undefined && w.document.querySelector('#analyze-status span')) {
            w.depWhenDrawn = w.document.getElementById('analyze-dep').textContent;
            w.depCellWhenDrawn = w.document.querySelector('#analyze-tokens tbody tr td:nth-child(6)')?.textContent;
          }
        }).observe(w.document.getElementById('analyze-status'), { childList: true });
        new w.PerformanceObserver((l: any) => {
          for (const e of l.getEntries()) if (e.identifier === 'analysis') w.painted = e.startTime;
        }).observe({ type: 'element' });
      });
      parser.process = (doc) => {
        const until = Date.now() + 400;
        while (Date.now() < until);
        parse(doc);
      };
      await p2.fill('#analyze-text', 'Ada Lovelace wrote the first program in London. Grace Hopper worked at Harvard.');
      await p2.click('#analyze-form button');
      await p2.locator('#analyze-tokens[aria-busy="false"] tbody tr:first-child td:nth-child(2)').filter({ hasText: /^Ada$/ }).waitFor();
      const seen = await p2.evaluate(() => {
        const w = globalThis as any;
        return { dep: w.depWhenDrawn, cell: w.depCellWhenDrawn, painted: w.painted as number, parse: w.performance.getEntriesByName('analysis-parse-received').at(-1).startTime as number };
      });
      expect(seen.dep).toBe('Parsing…');
      expect(seen.cell).toBe('');
      expect(seen.painted).toBeLessThan(seen.parse);
      // Complete afterwards: every dep cell filled, one tree per sentence, the parser's time shown.
      expect(await p2.locator('#analyze-dep .dep-slot').count()).toBe(2);
      await p2.locator('#analyze-dep .dep-slot:first-child svg').waitFor();
      const deps = await p2.locator('#analyze-tokens tbody tr td:nth-child(6)').allTextContents();
      expect(deps).toHaveLength(15);
      expect(deps.every((d) => d !== '')).toBe(true);
      expect(deps[2]).toBe('root');
      expect(await p2.textContent('#analyze-status')).toMatch(/entities in [\d.]+ ms, parsed in [\d.]+ ms$/);
    } finally {
      parser.process = parse;
      await p2.close();
      await slow.close();
    }
  });
  it('searches with highlighted, escaped snippets', async () => {
    await page.click('#tab-search');
    await page.fill('#search-q', 'boundary layer');
    await page.click('#search-form button');
    await page.waitForSelector('#search-hits li');
    expect(await page.locator('#search-hits li').count()).toBe(2);
    expect(await page.locator('#search-hits mark').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-hits img').count()).toBe(0);
    expect(await page.textContent('#search-status')).toMatch(/2 documents/);
  });
  it('shows neighbours and their plot', async () => {
    await page.click('#tab-similar');
    await page.fill('#similar-word', 'king');
    await page.click('#similar-form button');
    await page.waitForSelector('#similar-plot svg circle');
    expect(await page.locator('#similar-list li').count()).toBe(4);
    expect(await page.textContent('#similar-list li:first-child')).toMatch(/^queen/);
  });
  it('shows an error message for an unknown word, and nothing ran that should not', async () => {
    await page.fill('#similar-word', 'zebra');
    await page.click('#similar-form button');
    await page.locator('#similar-status.error').waitFor();
    expect(await page.textContent('#similar-status')).toContain('zebra');
    expect(errors).toEqual([]);
  });
});
