// Uncached search CPU of two builds side by side: this checkout's dist/ (B) against another
// checkout's dist/ (A, e.g. a worktree of the previous commit, built), both loaded in one process
// over the Cranfield index as bench/serve.mjs builds it, their 225 queries answered in alternating
// short rounds (A then B, B then A), so both see the same machine load. Per part: `answer` is
// `/api/search`'s uncached answer (searchAnswer: top 10, snippets, total, JSON), `search` a top-10
// search without snippets. Prints CPU µs per query (process.cpuUsage) per build, best and median
// round, and the median of the paired B/A ratios.
// Run: npm run build && node bench/search-ab.mjs ../other-checkout [--parts answer,search] [--rounds 15] [--ms 300]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { parts: { type: 'string', default: 'answer,search' }, rounds: { type: 'string', default: '15' }, ms: { type: 'string', default: '300' } } });
if (positionals.length !== 1) throw new Error('usage: node bench/search-ab.mjs OTHER_CHECKOUT [--parts answer,search] [--rounds 15] [--ms 300]');
const other = path.resolve(positionals[0]);
const shared = path.join(process.env.TEXTLOOM_EVAL_DIR ? path.resolve(process.env.TEXTLOOM_EVAL_DIR) : path.join(root, '../shared/eval'), 'cranfield');
const dataDir = existsSync(path.join(shared, 'docs.jsonl')) ? shared : path.join(root, 'tests/fixtures/cranfield');
const queries = readFileSync(path.join(dataDir, 'queries.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text.trim().replace(/\s+/g, ' '));
const tmp = mkdtempSync(path.join(tmpdir(), 'textloom-search-ab-'));
try {
  const dir = path.join(tmp, 'index');
  const built = spawnSync(process.execPath, [path.join(root, 'dist/cli/main.js'), 'index', 'build', '--input', path.join(dataDir, 'docs.jsonl'), '--id', 'id', '--fields', 'title,text', '--store', 'title,text', '--out', dir, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('index build failed');
  const load = async (checkout) => {
    const { SearchIndex } = await import(pathToFileURL(path.join(checkout, 'dist/index.js')).href);
    const { searchAnswer } = await import(pathToFileURL(path.join(checkout, 'dist/serve/api.js')).href);
    const index = await SearchIndex.load(dir);
    return { answer: (q) => searchAnswer(index, q, 1, 10), search: (q) => index.search(q, { topK: 10 }) };
  };
  const builds = { A: await load(other), B: await load(root) };
  const cpu = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  const round = (fn) => {
    const c0 = cpu();
    const end = performance.now() + Number(values.ms);
    let n = 0;
    while (performance.now() < end) for (const q of queries) fn(q), n++;
    return (cpu() - c0) / n;
  };
  const med = (x) => [...x].sort((a, b) => a - b)[x.length >> 1];
  console.log(`A ${path.relative(process.cwd(), other) || '.'} vs B ${path.relative(process.cwd(), root) || '.'} over ${path.relative(root, dataDir)} (${queries.length} queries); load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log('\n| part | A best | A median | B best | B median | B/A (median of paired rounds) |\n|---|---:|---:|---:|---:|---:|');
  for (const part of values.parts.split(',')) {
    for (const b of Object.values(builds)) for (let r = 0; r < 3; r++) for (const q of queries) b[part](q); // warm-up
    const a = [];
    const b = [];
    for (let r = 0; r < Number(values.rounds); r++) {
      if (r % 2) b.push(round(builds.B[part])), a.push(round(builds.A[part]));
      else a.push(round(builds.A[part])), b.push(round(builds.B[part]));
    }
    console.log(`| ${part} | ${Math.min(...a).toFixed(1)} | ${med(a).toFixed(1)} | ${Math.min(...b).toFixed(1)} | ${med(b).toFixed(1)} | ${med(b.map((x, i) => x / a[i])).toFixed(3)} |`);
  }
  console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
