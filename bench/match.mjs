// Matcher benchmark: 100 token patterns and a 10k-phrase PhraseMatcher over ~1M tokens of
// Project Gutenberg text, against wink-nlp's custom entities on the patterns it can express.
// Run: npm run bench:match   (env BENCH_TOKENS to change the corpus size)
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createPipeline, Matcher, PhraseMatcher, Rng } from '../dist/index.js';
import { requireEval } from './eval-dir.mjs';

const require = createRequire(import.meta.url);
const TEXTS = requireEval('gutenberg_en/texts');
const TARGET = Number(process.env.BENCH_TOKENS ?? 1_000_000);
const REPS = 3;

// ---- corpus: paragraphs of <= 100 tokens, punctuation split off so both tokenizers agree ----
function loadCorpus() {
  const docs = [];
  let tokens = 0;
  let cur = [];
  const flush = () => {
    if (cur.length) docs.push(cur.join(' '));
    cur = [];
  };
  for (const f of readdirSync(TEXTS).sort()) {
    const text = gunzipSync(readFileSync(join(TEXTS, f))).toString('utf8');
    for (const line of text.split('\n')) {
      const words = line.replace(/([^\p{L}\p{N}\s'])/gu, ' $1 ').split(/\s+/).filter(Boolean);
      if (!words.length) {
        flush();
        continue;
      }
      for (const w of words) {
        cur.push(w);
        tokens++;
        if (cur.length >= 100) flush();
        if (tokens >= TARGET) break;
      }
      if (tokens >= TARGET) break;
    }
    flush();
    if (tokens >= TARGET) break;
  }
  return { docs, tokens };
}

function time(fn) {
  let best = Infinity;
  let out;
  for (let r = 0; r < REPS; r++) {
    // CPU time of this process, not wall time: the machine is shared, so wall time mostly
    // measures other processes. Best of REPS runs.
    const c0 = process.cpuUsage();
    out = fn();
    const c = process.cpuUsage(c0);
    const dt = (c.user + c.system) / 1e6;
    if (dt < best) best = dt;
  }
  return { secs: best, out };
}

// wink-nlp: ONE instance per process, created up front (its tokenizer also vets pattern words).
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const wink = winkNLP(model, ['cer']);

const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : `${(n / 1e3).toFixed(0)}k`);
const oneWinkToken = new Map();
// A word usable in both pattern languages: lower-case letters that wink-nlp keeps as one token.
const alpha = (w) => {
  if (!/^[a-z]+$/.test(w)) return false;
  let ok = oneWinkToken.get(w);
  if (ok === undefined) oneWinkToken.set(w, (ok = wink.readDoc(w).tokens().length() === 1));
  return ok;
};

const { docs: texts, tokens: nTokens } = loadCorpus();
console.log(`corpus: ${texts.length} docs, ${nTokens} whitespace tokens (Project Gutenberg, punctuation split)`);

// ---- textloom docs (tokenized once; tokenizer time reported separately) ----
const nlp = await createPipeline({ tokenizer: { factory: 'whitespace' } });
const tok = time(() => texts.map((t) => nlp.makeDoc(t)));
const docs = tok.out;

// ---- pattern material from the corpus: frequent words and bigrams ----
const uni = new Map();
const bi = new Map();
for (const d of docs) {
  let prev = '';
  for (const t of d) {
    const w = t.lower;
    uni.set(w, (uni.get(w) ?? 0) + 1);
    if (alpha(prev) && alpha(w)) bi.set(`${prev} ${w}`, (bi.get(`${prev} ${w}`) ?? 0) + 1);
    prev = w;
  }
}
const topWords = [...uni].filter(([w]) => alpha(w)).sort((a, b) => b[1] - a[1]).map(([w]) => w);
const topBigrams = [...bi].sort((a, b) => b[1] - a[1]).map(([w]) => w.split(' '));
const rng = new Rng(42);
const pick = (arr, span) => arr[rng.int(Math.min(span, arr.length))];

// 60 patterns wink-nlp can express (literals, alternatives, optional tokens) + 40 textloom-only ones.
const shared = [];
for (let k = 0; k < 20; k++) {
  const [a, b] = topBigrams[50 + k * 7];
  shared.push({ tl: [{ LOWER: a }, { LOWER: b }], wink: `${a} ${b}` });
}
for (let k = 0; k < 20; k++) {
  const set = [pick(topWords, 300), pick(topWords, 300), pick(topWords, 300)];
  const w = topWords[k * 3];
  shared.push({ tl: [{ LOWER: { IN: set } }, { LOWER: w }], wink: `[${set.join('|')}] ${w}` });
}
for (let k = 0; k < 20; k++) {
  const [a, c] = topBigrams[200 + k * 5];
  const b = pick(topWords, 50);
  shared.push({ tl: [{ LOWER: a }, { LOWER: b, OP: '?' }, { LOWER: c }], wink: `${a} [|${b}] ${c}` });
}
const own = [];
for (let k = 0; k < 8; k++) own.push([{ LOWER: topWords[k * 5] }, { IS_DIGIT: true }]);
for (let k = 0; k < 8; k++) own.push([{ LOWER: topWords[k * 4 + 1] }, { IS_TITLE: true, OP: '+' }]);
for (let k = 0; k < 8; k++) own.push([{ LOWER: topWords[k * 6 + 2] }, {}, { LOWER: topWords[k * 6 + 3] }]);
for (let k = 0; k < 8; k++) own.push([{ LOWER: topWords[k * 2 + 40] }, { IS_ALPHA: true, OP: '{1,3}' }, { IS_PUNCT: true }]);
own.push([{ LENGTH: { '>=': 14 } }]);
own.push([{ ORTH: { REGEX: '^[A-Z][a-z]+ton$' } }]);
own.push([{ LOWER: { FUZZY: 'beautiful' } }]);
own.push([{ LIKE_NUM: true, OP: '+' }, { LOWER: { IN: ['years', 'days', 'miles', 'pounds'] } }]);
own.push([{ IS_TITLE: true }, { IS_TITLE: true }, { IS_TITLE: true }]);
own.push([{ LOWER: 'mr' }, { ORTH: '.', OP: '?' }, { IS_TITLE: true }]);
own.push([{ LOWER: 'the' }, { LOWER: { NOT_IN: ['same', 'other'] }, LENGTH: { '>': 8 } }]);
own.push([{ LOWER: { REGEX: '^(?:un|in)[a-z]+ly$' } }]);

function tokenMatcher(patterns) {
  const m = new Matcher(nlp.vocab);
  patterns.forEach((p, i) => m.add(`P${i}`, [p]));
  return m;
}
function runMatcher(m) {
  let n = 0;
  for (const d of docs) n += m.match(d).length;
  return n;
}

const all = tokenMatcher([...shared.map((s) => s.tl), ...own]);
const tAll = time(() => runMatcher(all));
const sub = tokenMatcher(shared.map((s) => s.tl));
const tSub = time(() => runMatcher(sub));

// ---- 10k phrases: n-grams (1-4 tokens) sampled from the corpus ----
const phrases = new Set();
while (phrases.size < 10_000) {
  const d = docs[rng.int(docs.length)];
  if (d.length < 4) continue;
  const len = 1 + rng.int(4);
  const s = rng.int(d.length - len + 1);
  const words = [];
  for (let i = s; i < s + len; i++) words.push(d.token(i).lower);
  if (words.every(alpha) && (len > 1 || !uni.has(words[0]) || uni.get(words[0]) < 200)) phrases.add(words.join(' '));
}
const phraseList = [...phrases];
const pm = new PhraseMatcher(nlp.vocab, { attr: 'LOWER' });
const tBuild = time(() => {
  const m = new PhraseMatcher(nlp.vocab, { attr: 'LOWER' });
  phraseList.forEach((p, i) => m.add(`T${i % 100}`, [nlp.makeDoc(p)]));
  return m;
});
phraseList.forEach((p, i) => pm.add(`T${i % 100}`, [nlp.makeDoc(p)]));
const tPhrase = time(() => {
  let n = 0;
  for (const d of docs) n += pm.match(d).length;
  return n;
});
const pmOrth = new PhraseMatcher(nlp.vocab);
phraseList.forEach((p, i) => pmOrth.add(`T${i % 100}`, [nlp.makeDoc(p)]));
const tPhraseOrth = time(() => {
  let n = 0;
  for (const d of docs) n += pmOrth.match(d).length;
  return n;
});

// ---- wink-nlp: custom-entity time = readDoc with patterns - readDoc without. The two are
// interleaved (learning an empty list switches the patterns off again) and the median
// difference is kept, so drift in machine load does not land on one side only.
const winkRead = () => {
  let n = 0;
  let ents = 0;
  for (const t of texts) {
    const doc = wink.readDoc(t);
    n += doc.tokens().length();
    ents += doc.customEntities().length();
  }
  return { n, ents };
};
const cpu = (fn) => {
  const c0 = process.cpuUsage();
  const out = fn();
  const c = process.cpuUsage(c0);
  return { secs: (c.user + c.system) / 1e6, out };
};
const WINK_ROUNDS = 5;
const cfg = { usePOS: false, useEntity: false };
function winkMeasure(examples) {
  const diffs = [];
  let base = Infinity;
  let withP = Infinity;
  let out;
  let baseOut;
  for (let r = 0; r < WINK_ROUNDS; r++) {
    wink.learnCustomEntities([], cfg);
    const b = cpu(winkRead);
    wink.learnCustomEntities(examples, cfg);
    const w = cpu(winkRead);
    diffs.push(w.secs - b.secs);
    base = Math.min(base, b.secs);
    withP = Math.min(withP, w.secs);
    out = w.out;
    baseOut = b.out;
  }
  diffs.sort((a, b) => a - b);
  return { match: diffs[diffs.length >> 1], base, withP, out, baseOut };
}
const wTokM = winkMeasure([{ name: 'P', patterns: shared.map((s) => s.wink) }]);
const tLearn = time(() => wink.learnCustomEntities([{ name: 'T', patterns: phraseList }], cfg));
const wPhraseM = winkMeasure([{ name: 'T', patterns: phraseList }]);
const wBase = { secs: Math.min(wTokM.base, wPhraseM.base), out: wTokM.baseOut };
const wTok = { secs: wTokM.withP, out: wTokM.out };
const wPhrase = { secs: wPhraseM.withP, out: wPhraseM.out };
const winkTokens = wBase.out.n;

const rate = (n, s) => n / s;
const rows = [];
const tlTokRate = rate(nTokens, tSub.secs);
const wTokRate = rate(winkTokens, Math.max(1e-9, wTokM.match));
const tlPhraseRate = rate(nTokens, tPhrase.secs);
const wPhraseRate = rate(winkTokens, Math.max(1e-9, wPhraseM.match));
rows.push(['textloom Matcher, 100 patterns', fmt(rate(nTokens, tAll.secs)), `${tAll.out} matches`]);
rows.push(['textloom Matcher, 60 shared patterns', fmt(tlTokRate), `${tSub.out} matches`]);
rows.push(['wink-nlp custom entities, same 60 (match only, median)', fmt(wTokRate), `${wTok.out.ents} entities (non-overlapping)`]);
rows.push(['textloom PhraseMatcher LOWER, 10k phrases', fmt(tlPhraseRate), `${tPhrase.out} matches`]);
rows.push(['textloom PhraseMatcher ORTH, 10k phrases', fmt(rate(nTokens, tPhraseOrth.secs)), `${tPhraseOrth.out} matches`]);
rows.push(['wink-nlp custom entities, same 10k (match only, median)', fmt(wPhraseRate), `${wPhrase.out.ents} entities (non-overlapping)`]);
rows.push(['textloom whitespace tokenizer (not the rule tokenizer)', fmt(rate(nTokens, tok.secs)), '']);
rows.push(['wink-nlp readDoc (rule tokenizer), no patterns', fmt(rate(winkTokens, wBase.secs)), `${winkTokens} wink tokens`]);
rows.push(['textloom tokenize + 60 patterns (end to end)', fmt(rate(nTokens, tok.secs + tSub.secs)), '']);
rows.push(['wink-nlp readDoc + 60 patterns (end to end)', fmt(rate(winkTokens, wTok.secs)), '']);
rows.push(['textloom tokenize + 10k phrases (end to end)', fmt(rate(nTokens, tok.secs + tPhrase.secs)), '']);
rows.push(['wink-nlp readDoc + 10k phrases (end to end)', fmt(rate(winkTokens, wPhrase.secs)), '']);
const w = Math.max(...rows.map((r) => r[0].length)) + 2;
console.log(`\n${'run'.padEnd(w)}${'tokens/s'.padStart(10)}  note   (CPU time, best of ${REPS})`);
for (const [a, b, c] of rows) console.log(`${a.padEnd(w)}${b.padStart(10)}  ${c}`);
console.log(`\nratios (textloom / wink-nlp): token patterns ${(tlTokRate / wTokRate).toFixed(1)}x, phrases ${(tlPhraseRate / wPhraseRate).toFixed(1)}x; ` +
  `end to end: ${(rate(nTokens, tok.secs + tSub.secs) / rate(winkTokens, wTok.secs)).toFixed(1)}x, ${(rate(nTokens, tok.secs + tPhrase.secs) / rate(winkTokens, wPhrase.secs)).toFixed(1)}x`);
console.log(`targets: phrase >= 2M tokens/s: ${tlPhraseRate >= 2e6 ? 'met' : 'MISSED'}; token matcher (100 patterns) >= 1M tokens/s: ${rate(nTokens, tAll.secs) >= 1e6 ? 'met' : 'MISSED'}`);
console.log(`build: 10k phrases into the trie ${(tBuild.secs * 1000).toFixed(0)} ms (tokenizing included); wink learnCustomEntities(10k) ${(tLearn.secs * 1000).toFixed(0)} ms`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (both libraries, one process)`);
