// Takes the README's screenshots of the `textloom serve` page in the system Chromium (playwright-core,
// no browser download): docs/images/serve-analyze.png, serve-search.png, serve-neighbours.png.
// Usage: npm run screenshots   (needs /usr/bin/chromium or CHROMIUM_PATH)
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { load, SearchIndex, serve, Word2Vec } from '../dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const exe = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
if (!exe) {
  console.error('screenshots: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)');
  process.exit(2);
}
const out = `${root}docs/images`;
mkdirSync(out, { recursive: true });

const docs = readFileSync(`${root}tests/fixtures/cranfield/docs.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title', 'text'] });
index.addAll(docs.map((d) => ({ id: d.id, title: d.title, text: d.text })));
const book = readFileSync(`${root}corpora/persuasion-ch1-3.txt`, 'utf8');
const nlp = await load('en_core');
// Lower-cased words of the book (punctuation dropped), one sentence per line of text.
const sentences = book.split('\n').map((l) => [...nlp.makeDoc(l)].filter((t) => t.isAlpha).map((t) => t.lower)).filter((s) => s.length);
const { wv: vectors } = await Word2Vec.train(sentences, { vectorSize: 40, minCount: 3, epochs: 30, seed: 1 });
const s = await serve({ nlp, index, vectors, port: 0 });
const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(s.url);
  await page.waitForSelector('#analyze-tokens[aria-busy="false"] tbody tr'); // every row and the parse are in
  await page.waitForSelector('#analyze-dep svg'); // the page draws each tree as it comes into view
  await page.screenshot({ path: `${out}/serve-analyze.png` });
  await page.click('#tab-search');
  await page.fill('#search-q', '"boundary layer" laminar');
  await page.click('#search-form button');
  await page.waitForSelector('#search-hits li');
  await page.screenshot({ path: `${out}/serve-search.png` });
  await page.click('#tab-similar');
  await page.fill('#similar-word', 'anne');
  await page.click('#similar-form button');
  await page.waitForSelector('#similar-plot svg circle');
  await page.screenshot({ path: `${out}/serve-neighbours.png` });
  console.log(`screenshots: wrote serve-analyze.png, serve-search.png, serve-neighbours.png to docs/images/`);
} finally {
  await browser.close();
  await s.close();
}
