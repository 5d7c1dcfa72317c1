// textloom serve under load: an index built from the Cranfield documents
// (../shared/eval/cranfield when present, else the tests/fixtures sample), `textloom serve` in its
// own process, and bench/serve-load.mjs in another one: 50 concurrent keep-alive clients asking
// /api/search with the Cranfield queries for 30 s (--seconds N, --clients N).
// Run: npm run bench:serve [-- --seconds 10]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '30' }, clients: { type: 'string', default: '50' } } });
const cli = path.join(root, 'dist/cli/main.js');
const shared = path.join(root, '../shared/eval/cranfield');
const dataDir = existsSync(path.join(shared, 'docs.jsonl')) ? shared : path.join(root, 'tests/fixtures/cranfield');
const tmp = mkdtempSync(path.join(tmpdir(), 'textloom-serve-bench-'));

function run(args, opts = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], ...opts });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

let server;
try {
  const index = path.join(tmp, 'index');
  await run([cli, 'index', 'build', '--input', path.join(dataDir, 'docs.jsonl'), '--id', 'id', '--fields', 'title,text', '--store', 'title,text', '--out', index, '--json']);
  const queries = readFileSync(path.join(dataDir, 'queries.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
  const qfile = path.join(tmp, 'queries.json');
  writeFileSync(qfile, JSON.stringify(queries));
  server = spawn(process.execPath, [cli, 'serve', '--index', index, '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    server.stdout.on('data', (d) => {
      buf += d;
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).url);
    });
    server.on('exit', (code) => reject(new Error(`textloom serve exited with ${code}`)));
  });
  console.log(`textloom serve ${url} over ${path.relative(root, dataDir)} (${queries.length} queries), ${values.clients} clients, ${values.seconds} s, load generator in its own process`);
  const r = JSON.parse(await run([path.join(root, 'bench/serve-load.mjs'), url, values.seconds, values.clients, qfile]));
  const ok = (v, t) => (v <= t ? 'met' : 'MISSED');
  console.log(`/api/search: ${r.requests} requests, ${r.rps.toFixed(0)} req/s`);
  console.log(`latency ms: p50 ${r.p50.toFixed(2)} (target <= 5: ${ok(r.p50, 5)}), p90 ${r.p90.toFixed(2)}, p99 ${r.p99.toFixed(2)} (target <= 20: ${ok(r.p99, 20)}), max ${r.max.toFixed(2)}`);
  console.log(`non-200 responses: ${r.errors}${r.errors ? ' ' + JSON.stringify(r.statuses) : ''}`);
} finally {
  server?.kill();
  rmSync(tmp, { recursive: true, force: true });
}
