// textloom serve under load: an index built from the Cranfield documents
// ($TEXTLOOM_EVAL_DIR/cranfield or ../shared/eval/cranfield when present, else the tests/fixtures sample), `textloom serve` in its
// own process(es), and bench/serve-load.mjs in another one. The load model is closed-loop: 50
// keep-alive connections (--clients N), each sending its next GET /api/search (Cranfield queries,
// round-robin, or drawn Zipf-distributed as search logs repeat queries: --stream, default both)
// as soon as the previous answer arrived, for 30 s (--seconds N). Latency is from
// sending a request to the end of its answer; with a closed loop, throughput x latency = clients,
// so p50 <= 5 ms for 50 clients needs about 10,000 answers per second. Each --workers value (default
// 1,2: node:cluster processes sharing the port) is measured in turn in the same run, with the
// server's result cache on (default size) and off (--no-cache): with the cache on, the queries
// repeat after the first pass over the query list, so most answers come from the cache. Also
// printed: the CPU time the server processes and the load generator spent per request (read from
// /proc), which the machine's load does not change much, unlike the wall-clock figures. Each
// measurement follows a 5 s warm-up with the same load that is not counted.
// Run: npm run bench:serve [-- --seconds 10 --workers 1,2 --cache on,off --stream round-robin,zipf]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import os from 'node:os';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '30' }, clients: { type: 'string', default: '50' }, workers: { type: 'string', default: '1,2' }, cache: { type: 'string', default: 'on,off' }, stream: { type: 'string', default: 'round-robin,zipf' } } });
const cli = path.join(root, 'dist/cli/main.js');
const shared = path.join(process.env.TEXTLOOM_EVAL_DIR ? path.resolve(process.env.TEXTLOOM_EVAL_DIR) : path.join(root, '../shared/eval'), 'cranfield');
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

// CPU seconds (user + system) used so far by a process and its live children (the cluster's workers).
function cpuSeconds(pid) {
  const ticks = (p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(f[11]) + Number(f[12]);
    } catch {
      return 0;
    }
  };
  let children = [];
  try {
    children = readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean));
  } catch {}
  return (ticks(pid) + children.reduce((a, c) => a + ticks(c), 0)) / 100; // USER_HZ is 100 on Linux
}

let server;
try {
  const index = path.join(tmp, 'index');
  await run([cli, 'index', 'build', '--input', path.join(dataDir, 'docs.jsonl'), '--id', 'id', '--fields', 'title,text', '--store', 'title,text', '--out', index, '--json']);
  const queries = readFileSync(path.join(dataDir, 'queries.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
  const qfile = path.join(tmp, 'queries.json');
  writeFileSync(qfile, JSON.stringify(queries));
  console.log(`textloom serve over ${path.relative(root, dataDir)} (${queries.length} distinct queries, sent ${values.stream.split(',').join(' / ')}); ${values.clients} closed-loop keep-alive clients for ${values.seconds} s; load generator in its own process; ${os.cpus().length} CPUs`);
  console.log('\n| query stream | result cache | workers | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-200 | server CPU µs/req | generator CPU µs/req | load average |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const ok = (v, t) => (v <= t ? 'met' : 'MISSED');
  for (const stream of values.stream.split(','))
  for (const cache of values.cache.split(','))
  for (const workers of values.workers.split(',').map(Number)) {
    server = spawn(process.execPath, [cli, 'serve', '--index', index, '--port', '0', '--workers', String(workers), '--json', ...(cache === 'off' ? ['--no-cache'] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise((resolve, reject) => {
      let buf = '';
      server.stdout.on('data', (d) => {
        buf += d;
        const line = buf.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line).url);
      });
      server.on('exit', (code) => reject(new Error(`textloom serve exited with ${code}`)));
    });
    // Warm-up, not measured: the JIT compiles the hot paths, and with the cache on each worker holds
    // the answers it saw (the measured run then shows the steady state of a server that has been up).
    await run([path.join(root, 'bench/serve-load.mjs'), url, String(Math.min(5, Number(values.seconds))), values.clients, qfile, 'api/search', stream]);
    const cpu0 = cpuSeconds(server.pid);
    const r = JSON.parse(await run([path.join(root, 'bench/serve-load.mjs'), url, values.seconds, values.clients, qfile, 'api/search', stream]));
    const serverUs = ((cpuSeconds(server.pid) - cpu0) * 1e6) / Math.max(1, r.requests);
    const load = os.loadavg()[0].toFixed(1);
    console.log(`| ${stream} | ${cache} | ${workers} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p90.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.max.toFixed(2)} | ${r.errors}${r.errors ? ' ' + JSON.stringify(r.statuses) : ''} | ${serverUs.toFixed(0)} | ${r.generatorCpuUsPerRequest.toFixed(0)} | ${load} |`);
    console.log(`  targets: p50 <= 5 ms ${ok(r.p50, 5)}, p99 <= 20 ms ${ok(r.p99, 20)}, no errors ${ok(r.errors, 0)}`);
    server.removeAllListeners('exit');
    await new Promise((resolve) => {
      server.once('exit', resolve);
      server.kill('SIGTERM');
    });
    server = undefined;
  }
} finally {
  server?.kill();
  rmSync(tmp, { recursive: true, force: true });
}
