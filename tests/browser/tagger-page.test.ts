import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, noBrowserReason } from '../serve/browser.js';
import { bundleForBrowser } from './vite-bundle.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// The page fetches the shipped tagger model as bytes, reads it with the textloom/tagger bundle
// (inflated by Chromium's DecompressionStream) and tags a sentence into #out.
const PAGE = `<!doctype html><meta charset="utf-8"><title>textloom tagger in the page</title><link rel="icon" href="data:,"><pre id="out"></pre>
<script type="module">
import { Tagger, Tokenizer, Vocab } from './textloom-tagger.js';
const bytes = new Uint8Array(await (await fetch('./en_ewt_tagger.tlt')).arrayBuffer());
const tagger = await Tagger.fromBytes(bytes);
const doc = new Tokenizer(new Vocab()).tokenize('I saw her in London yesterday.');
tagger.process(doc);
let refused = '';
try { await Tagger.fromBytes(bytes.subarray(0, 100)); } catch (e) { refused = e.code + ' at byte ' + e.offset; }
document.getElementById('out').textContent = JSON.stringify({ tags: [...doc].map((t) => t.tag), refused });
</script>`;

describe.skipIf(!chromiumPath)(`the textloom/tagger bundle in Chromium${noBrowserReason}`, () => {
  let server: Server;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    const { code, nodeImports } = await bundleForBrowser(join(root, 'src/browser/tagger.ts'), root);
    expect(nodeImports).toEqual([]);
    const model = readFileSync(join(root, 'models', 'en_ewt_tagger.tlt'));
    server = createServer((req, res) => {
      if (req.url === '/textloom-tagger.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
      else if (req.url === '/en_ewt_tagger.tlt') res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(model);
      else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      else res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath!, args: ['--no-sandbox'] });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it('reads the model from fetched bytes and tags a sentence in the page; truncated bytes are refused', async () => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.locator('#out').filter({ hasText: /tags/ }).waitFor({ timeout: 30_000 });
    const out = JSON.parse((await page.textContent('#out'))!) as { tags: string[]; refused: string };
    expect(errors).toEqual([]);
    expect(out.tags).toEqual(['PRP', 'VBD', 'PRP', 'IN', 'NNP', 'NN', '.']);
    expect(out.refused).toMatch(/^E_[A-Z_]+ at byte \d+$/); // a typed error with its offset (class names are minified)
  }, 60_000);
});
