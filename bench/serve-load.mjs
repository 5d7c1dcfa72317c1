// The load generator of bench/serve.mjs, run as its own process so it does not share an event
// loop with the server: `clients` concurrent keep-alive clients each send GET /api/search?q=… one
// after the other for `seconds`, queries drawn round-robin from `queries` (a JSON file of strings).
// Prints one JSON line: requests, requests/s, latency percentiles (ms) and non-200 responses.
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [url, seconds, clients, queriesFile] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
const base = new URL('api/search', url);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(clients) });
const lat = [];
let errors = 0;
let next = 0;
const statuses = {};

function one(q) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.get(`${base}?q=${encodeURIComponent(q)}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => {
        lat.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (res.statusCode !== 200) {
          errors++;
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        }
        resolve();
      });
    });
    req.on('error', (e) => {
      errors++;
      statuses[e.code ?? 'error'] = (statuses[e.code ?? 'error'] ?? 0) + 1;
      resolve();
    });
  });
}

const end = performance.now() + Number(seconds) * 1000;
const t0 = performance.now();
await Promise.all(Array.from({ length: Number(clients) }, async () => {
  while (performance.now() < end) await one(queries[next++ % queries.length]);
}));
const elapsed = (performance.now() - t0) / 1000;
agent.destroy();
lat.sort((a, b) => a - b);
const pct = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
console.log(JSON.stringify({ requests: lat.length, rps: lat.length / elapsed, p50: pct(0.5), p90: pct(0.9), p99: pct(0.99), max: lat.at(-1), errors, statuses }));
