import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, noBrowserReason } from '../serve/browser.js';
import { bundleForBrowser } from './vite-bundle.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// The page imports the Vite bundle of textloom/matcher as an ES module, tokenizes and matches a
// sentence, and writes the results as JSON into #out.
const PAGE = `<!doctype html><meta charset="utf-8"><title>textloom in the page</title><link rel="icon" href="data:,"><pre id="out"></pre>
<script type="module">
import { Tokenizer, Vocab, Matcher, PhraseMatcher } from './textloom-matcher.js';
const vocab = new Vocab();
const tokenizer = new Tokenizer(vocab);
const doc = tokenizer.tokenize("Dr. Smith didn't fly to New York City, she took the 9:30 train.");
const matcher = new Matcher(vocab);
matcher.add('CITY', [[{ IS_TITLE: true, OP: '+' }, { LOWER: 'city' }]]);
matcher.add('NEG', [[{ LOWER: "n't" }]]);
const phrases = new PhraseMatcher(vocab, { attr: 'LOWER' });
phrases.add('TRAIN', [tokenizer.tokenize('the 9:30 train')]);
document.getElementById('out').textContent = JSON.stringify({
  tokens: [...doc].map((t) => t.text),
  matches: matcher.match(doc, { asSpans: true }).map((s) => [s.label, s.text]),
  phrases: phrases.match(doc, { asSpans: true }).map((s) => s.text),
});
</script>`;

describe.skipIf(!chromiumPath)(`the textloom/matcher bundle in Chromium${noBrowserReason}`, () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const { code, nodeImports } = await bundleForBrowser(join(root, 'src/browser/matcher.ts'), root);
    expect(nodeImports).toEqual([]);
    server = createServer((req, res) => {
      if (req.url === '/textloom-matcher.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
      else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      else res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath!, args: ['--no-sandbox'] });
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it('tokenizes and matches a sentence in the page', async () => {
    await page.waitForFunction('document.getElementById("out").textContent.length > 0', undefined, { timeout: 20_000 });
    const out = JSON.parse((await page.textContent('#out'))!) as { tokens: string[]; matches: [string, string][]; phrases: string[] };
    expect(errors).toEqual([]);
    expect(out.tokens).toEqual(['Dr.', 'Smith', 'did', "n't", 'fly', 'to', 'New', 'York', 'City', ',', 'she', 'took', 'the', '9:30', 'train', '.']);
    expect(out.matches).toContainEqual(['CITY', 'New York City']);
    expect(out.matches).toContainEqual(['NEG', "n't"]);
    expect(out.phrases).toEqual(['the 9:30 train']);
  });
});
