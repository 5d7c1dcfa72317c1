// The load generator of bench/serve.mjs, run as its own process so it does not share an event
// loop with the server: `clients` keep-alive TCP connections, each sending GET /api/search?q=… and
// the next one as soon as the answer is complete (closed loop), for `seconds`, queries drawn
// round-robin (or Zipf-distributed: `stream` zipf[:S]) from `queries` (a JSON file of strings). Kept cheap so it does not limit what it
// measures: raw sockets (node:net), requests prepared once as bytes, answers framed by their
// content-length without parsing the headers further. Prints one JSON line: requests, requests/s,
// latency percentiles (ms), non-200 answers, and the generator's own CPU time per request.
import net from 'node:net';
import { readFileSync } from 'node:fs';

const [url, seconds, clients, queriesFile, path = 'api/search', stream = 'round-robin'] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
const base = new URL(path, url);
const prepared = queries.map((q) => Buffer.from(`GET ${base.pathname}?q=${encodeURIComponent(q)} HTTP/1.1\r\nHost: ${base.host}\r\nConnection: keep-alive\r\n\r\n`));
// The order queries are sent in: round-robin over the list, or `zipf` / `zipf:S` — each request
// draws a query with probability proportional to 1 / rank^S (S = 1 by default), as search logs
// repeat queries, the ranks given to the queries by a seeded shuffle. The draws are made up front
// with a fixed seed, so every run sends the same sequence.
const requests = stream === 'round-robin' ? prepared : zipfSequence(prepared, Number(stream.split(':')[1] ?? 1), 1 << 20);

function zipfSequence(items, s, n) {
  if (!/^zipf(:[0-9.]+)?$/.test(stream) || !(s > 0)) throw new Error(`bad query stream ${JSON.stringify(stream)}: round-robin, zipf or zipf:S with S > 0`);
  let seed = 0x9e3779b9;
  const rand = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const ranked = items.slice();
  for (let i = ranked.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [ranked[i], ranked[j]] = [ranked[j], ranked[i]];
  }
  const cdf = new Float64Array(ranked.length);
  let sum = 0;
  for (let r = 0; r < ranked.length; r++) cdf[r] = sum += 1 / Math.pow(r + 1, s);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const u = rand() * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    out[i] = ranked[lo];
  }
  return out;
}
const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length: *(\d+)/i;
const lat = new Float64Array(4_000_000);
let n = 0;
let errors = 0;
let next = 0;
const statuses = {};
const bad = (k) => {
  errors++;
  statuses[k] = (statuses[k] ?? 0) + 1;
};

function client(end) {
  return new Promise((resolve) => {
    const sock = net.connect(Number(base.port), base.hostname);
    sock.setNoDelay(true);
    let buf = Buffer.alloc(0);
    let t0 = 0;
    const send = () => {
      if (performance.now() >= end) return sock.end(), resolve();
      t0 = performance.now();
      sock.write(requests[next++ % requests.length]);
    };
    sock.on('connect', send);
    sock.on('data', (d) => {
      buf = buf.length ? Buffer.concat([buf, d]) : d;
      const h = buf.indexOf(HEADER_END);
      if (h < 0) return;
      const head = buf.toString('latin1', 0, h);
      const m = CONTENT_LENGTH.exec(head);
      const total = h + 4 + (m ? Number(m[1]) : 0);
      if (buf.length < total) return;
      lat[n++] = performance.now() - t0;
      const status = head.slice(9, 12);
      if (status !== '200') bad(status);
      buf = buf.subarray(total);
      send();
    });
    sock.on('error', (e) => {
      bad(e.code ?? 'error');
      resolve();
    });
  });
}

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const end = t0 + Number(seconds) * 1000;
await Promise.all(Array.from({ length: Number(clients) }, () => client(end)));
const elapsed = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const sorted = lat.subarray(0, n).sort();
const pct = (p) => sorted[Math.min(n - 1, Math.floor(p * n))];
console.log(JSON.stringify({ requests: n, rps: n / elapsed, p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), max: sorted[n - 1], errors, statuses, generatorCpuUsPerRequest: (cpu.user + cpu.system) / Math.max(1, n), generatorCpuShare: (cpu.user + cpu.system) / 1e6 / elapsed }));
