// Dependency parsing on UD English EWT test, one core, in one run:
// 1. accuracy: gold words and sentences, XPOS tags predicted by textloom's tagger; UAS, LAS with
//    full labels (nsubj:pass) and LAS on the universal part of the label (CoNLL 2018), punctuation
//    included;
// 2. the parser alone (Docs already tokenized, split and tagged), tokens/s;
// 3. the whole en_core pipeline (tokenizer, senter, tagger, parser, lemmatizer, entity recognizer)
//    on the raw test texts, against the same pipeline without the parser; and both again without
//    the entity recognizer, to see the parser's share apart from it. No JavaScript parser exists
//    to compare with, so the ratio printed is to the pipeline without the parser.
// Best of ROUNDS (default 5) timed passes after one warm-up pass, rounds interleaved; each figure
// is given per wall-clock second and per CPU second of this process (one core, no threads).
import { load, Parser, scoreParser } from '../dist/index.js';
import { ewtTestTagged, taggedDocs } from './ewt-tagged-docs.mjs';

const { test, tags } = ewtTestTagged();
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const parser = Parser.load();

// 1. Accuracy.
const full = scoreParser(parser.model, test, tags);
let words = 0;
let lasU = 0;
test.forEach((s, i) => {
  const p = parser.parseWords(s.words.map((w) => w.form), tags[i]);
  s.words.forEach((w, j) => {
    words++;
    if (p.heads[j] === w.head && p.labels[j].split(':')[0] === w.deprel.split(':')[0]) lasU++;
  });
});
console.log(`EWT test (${full.words} words, gold words and sentences, predicted tags): UAS ${full.uas.toFixed(4)}  LAS ${(lasU / words).toFixed(4)} (universal labels, CoNLL 2018)  LAS ${full.las.toFixed(4)} (full labels)`);

// 2. The parser alone: Docs built once with gold words, sentence starts and predicted tags.
const nlp = await load('en_core');
const docs = taggedDocs(nlp, test, tags);
// 3. Raw texts, ten sentences a paragraph.
const texts = test.map((s) => s.meta.text ?? s.words.map((w) => w.form).join(' '));
const paragraphs = [];
for (let i = 0; i < texts.length; i += 10) paragraphs.push(texts.slice(i, i + 10).join(' '));
const noParser = nlp.disable(['parser']);
const noNer = nlp.disable(['ner']);
const noNerNoParser = nlp.disable(['ner', 'parser']);

function race(systems) {
  const best = Object.fromEntries(Object.keys(systems).map((k) => [k, { tokens: 0, ms: Infinity }]));
  for (const fn of Object.values(systems)) fn();
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, fn] of Object.entries(systems)) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const tokens = fn();
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const cpuMs = (c.user + c.system) / 1000;
      if (ms < best[k].ms) best[k] = { tokens, ms, cpuMs: Math.min(cpuMs, best[k].cpuMs ?? Infinity) };
      else best[k].cpuMs = Math.min(best[k].cpuMs ?? Infinity, cpuMs);
    }
  }
  return Object.fromEntries(Object.entries(best).map(([k, v]) => [k, { tokens: v.tokens, tps: v.tokens / (v.ms / 1000), cpuTps: v.tokens / (v.cpuMs / 1000) }]));
}

const r = race({
  parser: () => {
    let n = 0;
    for (const d of docs) {
      parser.process(d);
      n += d.length;
    }
    return n;
  },
  enCore: () => {
    let n = 0;
    for (const p of paragraphs) n += nlp(p).length;
    return n;
  },
  enCoreNoParser: () => {
    let n = 0;
    for (const p of paragraphs) n += noParser(p).length;
    return n;
  },
  noNer: () => {
    let n = 0;
    for (const p of paragraphs) n += noNer(p).length;
    return n;
  },
  noNerNoParser: () => {
    let n = 0;
    for (const p of paragraphs) n += noNerNoParser(p).length;
    return n;
  },
});
// Wall-clock throughput, and per CPU second of this process (the fair figure on a shared machine).
const fmt = (x) => `${Math.round(x).toLocaleString('en-US')} tok/s`;
const both = (x) => `${fmt(x.tps)} wall, ${fmt(x.cpuTps)} per CPU second`;
console.log(`parser alone (tagged Docs):                  ${both(r.parser)} (${r.parser.tokens} tokens)`);
console.log(`en_core with the parser (raw text):          ${both(r.enCore)} (${r.enCore.tokens} tokens)`);
console.log(`en_core without the parser:                 ${both(r.enCoreNoParser)}`);
console.log(`ratio en_core with / without the parser:     ${(r.enCore.tps / r.enCoreNoParser.tps).toFixed(2)} wall, ${(r.enCore.cpuTps / r.enCoreNoParser.cpuTps).toFixed(2)} CPU`);
console.log(`en_core without ner, with the parser:        ${both(r.noNer)}`);
console.log(`en_core without ner, without the parser:     ${both(r.noNerNoParser)}`);
console.log(`peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
