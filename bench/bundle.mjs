// Browser bundle sizes (minified + gzipped, level 9) of textloom's browser entries beside
// compromise and wink-nlp (+ its English model), each bundled the same way by Vite (library mode,
// ES module, browser conditions, whitespace minified too); then the served page's first render in Chromium for a
// 1,000-word text. Run: npm run bench:bundle (BUNDLES_ONLY=1: sizes only; RENDER_ONLY=1: first render only)
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const TARGETS = { 'textloom/matcher': 30, 'textloom/tokenizer + matcher + search': 100 };

async function bundle(entry) {
  const nodeImports = [];
  const out = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [{ name: 'node-builtins', enforce: 'pre', resolveId: (id) => void ((BUILTINS.has(id) || id.startsWith('node:')) && nodeImports.push(id)) }],
    resolve: { conditions: ['browser', 'import', 'default'] },
    // Vite's library mode leaves whitespace in ES output (for the consumer's bundler to remove);
    // minify it fully, as an application build would, so sizes are what a page ships.
    build: { write: false, minify: true, target: 'es2022', rolldownOptions: { output: { minify: true } }, lib: { entry, formats: ['es'], fileName: 'bundle' } },
  });
  // What a page downloads up front: the entry chunk and the chunks it imports statically. Chunks
  // reached only by a dynamic import() (the zh/ja word-boundary models) load on first use and are
  // listed apart.
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const eager = new Set();
  const visit = (c) => {
    if (eager.has(c)) return;
    eager.add(c);
    for (const f of c.imports) visit(byName.get(f));
  };
  for (const c of chunks) if (c.isEntry) visit(c);
  const code = [...eager].map((c) => c.code).join('\n');
  const lazy = chunks.filter((c) => !eager.has(c)).map((c) => ({ name: c.name, gz: gzipSync(c.code, { level: 9 }).length }));
  return { min: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length, nodeImports, lazy };
}

// Entries are small files importing each library the way a user's app would.
const tmp = path.join(root, 'bench', '.bundle-entries');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const entries = [
  ['textloom/tokenizer', `export { Tokenizer, Vocab } from 'textloom/tokenizer';`],
  ['textloom/matcher', `export { Tokenizer, Vocab, Matcher, PhraseMatcher } from 'textloom/matcher';`],
  ['textloom/search', `export { SearchIndex } from 'textloom/search';`],
  ['textloom/tokenizer + matcher + search', `export { Tokenizer, Vocab, Matcher, PhraseMatcher } from 'textloom/matcher';\nexport { SearchIndex } from 'textloom/search';`],
  ['textloom/render', `export { render } from 'textloom/render';`],
  ['textloom/tagger (model not included)', `export { Tagger, Tokenizer, Vocab } from 'textloom/tagger';`],
  ['textloom/parser (models not included)', `export { Parser, Tagger, Tokenizer, Vocab } from 'textloom/parser';`],
  ['textloom (browser condition)', `export * from 'textloom';`],
  ['compromise', `import nlp from 'compromise';\nexport default nlp;`],
  ['wink-nlp + wink-eng-lite-web-model', `import winkNLP from 'wink-nlp';\nimport model from 'wink-eng-lite-web-model';\nexport default winkNLP(model);`],
];
// textloom resolves through its own package.json exports (self-reference), i.e. dist/.
if (!existsSync(path.join(root, 'dist/browser/matcher.js'))) throw new Error('run npm run build first (dist/browser is missing)');
console.log('Browser bundles (Vite library build, minified, gzip -9):\n');
console.log('| bundle | minified KB | gzipped KB | target |');
console.log('|---|---:|---:|---|');
const sizes = {};
try {
  for (const [name, src] of process.env.RENDER_ONLY ? [] : entries) {
    const file = path.join(tmp, `${name.replace(/[^a-z0-9]+/gi, '-')}.js`);
    writeFileSync(file, src + '\n');
    const b = await bundle(file);
    sizes[name] = b.gz;
    const target = TARGETS[name] ? `<= ${TARGETS[name]} KB ${b.gz / 1024 <= TARGETS[name] ? 'met' : 'MISSED'}` : '';
    const warn = b.nodeImports.length ? ` (Node built-ins: ${[...new Set(b.nodeImports)].join(', ')})` : '';
    const big = b.lazy.reduce((m, l) => (l.gz > (m?.gz ?? 0) ? l : m), undefined);
    const onDemand = b.lazy.length ? ` (+ ${b.lazy.length} chunks loaded on first use, ${(b.lazy.reduce((t, l) => t + l.gz, 0) / 1024).toFixed(0)} KB in all, the largest ${big.name} ${(big.gz / 1024).toFixed(1)} KB)` : '';
    console.log(`| ${name}${warn}${onDemand} | ${(b.min / 1024).toFixed(1)} | ${(b.gz / 1024).toFixed(1)} | ${target} |`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const tm = sizes['textloom/matcher'];
console.log(`\ncompromise / textloom/matcher: ${(sizes.compromise / tm).toFixed(1)}x; wink-nlp+model / textloom/matcher: ${(sizes['wink-nlp + wink-eng-lite-web-model'] / tm).toFixed(1)}x`);

if (!process.env.BUNDLES_ONLY) await firstRender();

// The served page (textloom serve, en_core) in the system Chromium, analysing a 1,000-word text.
// "First render" is the time from submitting the text (the form's submit event) to the first paint
// of the analysis: the Element Timing entry of the status line the page writes in the same task as
// the first screen (the entities and the table rows that are in the window; the rest of the text
// and the rows follow after that paint, and the trees' placeholders with the parse, which the
// server sends as a second part). It includes the server's analysis and the
// transfer of its first part. Also printed: the size of the one-part answer, the split of the
// time, when the parse arrives, when the last table row is drawn, and the longest task the page
// ran. Loads alternate between the page as served and a copy that draws every row and tree at once.
async function firstRender() {
  const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
  if (!chromiumPath) return console.log('\nfirst render: skipped (no Chromium at /usr/bin/chromium; set CHROMIUM_PATH)');
  const { load, serve } = await import(path.join(root, 'dist/index.js'));
  const { chromium } = await import('playwright-core');
  const docsFile = [...(process.env.TEXTLOOM_EVAL_DIR ? [path.join(path.resolve(process.env.TEXTLOOM_EVAL_DIR), 'cranfield/docs.jsonl')] : []), path.join(root, '../shared/eval/cranfield/docs.jsonl'), path.join(root, 'tests/fixtures/cranfield/docs.jsonl')].find(existsSync);
  const words = readFileSync(docsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text).join(' ').split(/\s+/).slice(0, 1000);
  const text = words.join(' ').replace(/ \./g, '.').replace(/(^|\. )([a-z])/g, (_, a, b) => a + b.toUpperCase());
  const server = await serve({ nlp: await load('en_core'), port: 0 });
  const answer = await fetch(`${server.url}api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  const answerBytes = (await answer.arrayBuffer()).byteLength;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  const loads = Number(process.env.LOADS ?? 14); // alternating lazy and eager; the first two warm up
  try {
    const runs = [];
    const eagerRuns = [];
    for (let i = 0; i < loads; i++) {
      const page = await browser.newPage();
      const eager = i % 2 === 0;
      await page.route(`${server.url}app.js`, async (route) => {
        const res = await route.fetch();
        let js = await res.text();
        if (eager) {
          const lazy = ['const FIRST_ROWS = 40;', 'const LAZY_TREES = true;', 'const FIRST_SCREEN_ONLY = true;'];
          if (!lazy.every((l) => js.includes(l))) throw new Error('bench/bundle.mjs: web/app.js changed; update the eager variant');
          js = js.replace(lazy[0], 'const FIRST_ROWS = Infinity;').replace(lazy[1], 'const LAZY_TREES = false;').replace(lazy[2], 'const FIRST_SCREEN_ONLY = false;');
        }
        await route.fulfill({ response: res, body: js });
      });
      await page.addInitScript(() => {
        window.__paints = [];
        window.__longest = 0;
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) if (e.identifier === 'analysis') window.__paints.push(e.renderTime || e.loadTime);
        }).observe({ type: 'element', buffered: true });
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(server.url);
      await page.locator('#analyze-tokens[aria-busy="false"] tbody tr').first().waitFor({ timeout: 30_000 }); // the sample analysed on load
      await page.waitForFunction(() => window.__paints.length > 0, undefined, { timeout: 30_000 });
      await page.evaluate(() => {
        window.__longest = 0;
        performance.clearResourceTimings();
      });
      await page.fill('#analyze-text', text);
      await page.click('#analyze-form button');
      await page.waitForFunction(() => window.__paints.length > 1, undefined, { timeout: 30_000 });
      await page.locator('#analyze-tokens[aria-busy="false"] tbody tr:nth-child(100)').waitFor({ timeout: 30_000 });
      const allRows = await page.evaluate(() => performance.now());
      const t = await page.evaluate(() => {
        const api = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/analyze'));
        const mark = (n) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN;
        const submitted = mark('analysis-submitted');
        // the first part's last byte read (the page marks each line as it has read it)
        const firstRead = performance.getEntriesByName('analysis-part-read').find((e) => e.startTime > submitted)?.startTime ?? NaN;
        return { paint: window.__paints.at(-1), submitted, apiStart: api.startTime, apiEnd: api.responseEnd, firstRead, received: mark('analysis-received'), drawn: mark('analysis-drawn'), parse: mark('analysis-parse-received'), longest: window.__longest, status: document.getElementById('analyze-status').textContent };
      });
      const rows = await page.locator('#analyze-tokens tbody tr').count();
      const trees = await page.locator('#analyze-dep svg').count();
      const slots = await page.locator('#analyze-dep .dep-slot').count();
      const r = { ...t, allRows: allRows - t.submitted, first: t.paint - t.submitted };
      if (i < 2) {
        if (i === 0) console.log(`\nServed page, first render of a ${words.length}-word text (${t.status}); /api/analyze answers ${(answerBytes / 1024).toFixed(0)} KB of JSON:`);
      } else (eager ? eagerRuns : runs).push(r);
      if (i === 3) console.log(`  one submit: /api/analyze ${(t.apiStart - t.submitted).toFixed(0)}-${(t.apiEnd - t.submitted).toFixed(0)} ms (first part read at ${(t.firstRead - t.submitted).toFixed(0)} ms, the parse at ${(t.parse - t.submitted).toFixed(0)} ms), analysis painted at ${r.first.toFixed(0)} ms, all ${rows} rows at ${r.allRows.toFixed(0)} ms, ${trees} of ${slots} trees drawn (the rest wait below the screen), longest task ${t.longest.toFixed(0)} ms`);
      await page.close();
    }
    const median = (rs, f) => rs.map(f).sort((a, b) => a - b)[rs.length >> 1];
    for (const [name, rs] of [['the page as served (lazy drawing)', runs], ['the same page drawing every row and tree at once', eagerRuns]]) {
      const med = (f) => median(rs, f);
      console.log(`${name}, median over ${rs.length} submits (two warm-up loads not counted):`);
      console.log(`  first render, submit -> analysis painted: ${med((r) => r.first).toFixed(0)} ms (server's first part read ${med((r) => r.firstRead - r.submitted).toFixed(0)} ms after the submit, JSON parsed ${med((r) => r.received - r.firstRead).toFixed(0)} ms later, first screen in the DOM ${med((r) => r.drawn - r.received).toFixed(0)} ms later, painted ${med((r) => r.paint - r.drawn).toFixed(0)} ms later)`);
      console.log(`  submit -> parse received: ${med((r) => r.parse - r.submitted).toFixed(0)} ms; submit -> last table row drawn: ${med((r) => r.allRows).toFixed(0)} ms; longest task ${med((r) => r.longest).toFixed(0)} ms`);
    }
    const lazy = median(runs, (r) => r.first);
    const full = median(eagerRuns, (r) => r.first);
    console.log(`first render: ${lazy.toFixed(0)} ms (target <= 100 ms: ${lazy <= 100 ? 'met' : 'MISSED'}); drawing everything at once / lazily: ${(full / lazy).toFixed(2)}x; load average ${os.loadavg()[0].toFixed(1)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
