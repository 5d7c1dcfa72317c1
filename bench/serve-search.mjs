// What one uncached `/api/search` answer costs in CPU, in parts, without HTTP: the Cranfield
// index as bench/serve.mjs builds it (`textloom index build --fields title,text --store
// title,text`, loaded from its directory), its 225 queries answered in turn as `textloom serve`
// answers them with no result cache (top 10, highlighted snippets, total count, JSON), and the
// parts alone: `search` without snippets, `search` with snippets, `searchWithTotal` with snippets
// (the total from the search's own pass), `count`. Each part runs the
// query list for about --seconds s (after a warm-up pass), and reports CPU µs per query
// (process.cpuUsage, which the machine's load changes far less than wall-clock time).
// Run: npm run build && node bench/serve-search.mjs [--seconds 3] [--rounds 3]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SearchIndex } from '../dist/index.js';
import { searchAnswer } from '../dist/serve/api.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' }, rounds: { type: 'string', default: '3' } } });
const shared = path.join(process.env.TEXTLOOM_EVAL_DIR ? path.resolve(process.env.TEXTLOOM_EVAL_DIR) : path.join(root, '../shared/eval'), 'cranfield');
const dataDir = existsSync(path.join(shared, 'docs.jsonl')) ? shared : path.join(root, 'tests/fixtures/cranfield');
const tmp = mkdtempSync(path.join(tmpdir(), 'textloom-serve-search-'));
try {
  const dir = path.join(tmp, 'index');
  const built = spawnSync(process.execPath, [path.join(root, 'dist/cli/main.js'), 'index', 'build', '--input', path.join(dataDir, 'docs.jsonl'), '--id', 'id', '--fields', 'title,text', '--store', 'title,text', '--out', dir, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('index build failed');
  const index = await SearchIndex.load(dir);
  const queries = readFileSync(path.join(dataDir, 'queries.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text.trim().replace(/\s+/g, ' '));
  const hl = { highlight: { pre: '\uE000', post: '\uE001' } };
  const parts = {
    'answer (search + snippets + total + JSON)': (q) => searchAnswer(index, q, 1, 10),
    'searchWithTotal with snippets': (q) => index.searchWithTotal(q, { topK: 10, ...hl }),
    'search, no snippets': (q) => index.search(q, { topK: 10 }),
    'search with snippets': (q) => index.search(q, { topK: 10, ...hl }),
    count: (q) => index.count(q),
  };
  const cpu = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  console.log(`uncached /api/search parts over ${path.relative(root, dataDir)} (${index.documentCount} docs, ${queries.length} queries), CPU µs per query; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const best = {};
  for (let r = 0; r < Number(values.rounds); r++) {
    for (const [name, fn] of Object.entries(parts)) {
      for (const q of queries) fn(q); // warm-up
      const c0 = cpu();
      const end = performance.now() + Number(values.seconds) * 1000;
      let n = 0;
      while (performance.now() < end) for (const q of queries) fn(q), n++;
      const us = (cpu() - c0) / n;
      best[name] = Math.min(best[name] ?? Infinity, us);
      console.log(`round ${r + 1}: ${name}: ${us.toFixed(1)} µs/query`);
    }
  }
  console.log('\n| part | CPU µs/query (best round) |\n|---|---:|');
  for (const [name, us] of Object.entries(best)) console.log(`| ${name} | ${us.toFixed(1)} |`);
  console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
