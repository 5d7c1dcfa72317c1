// Sentence-boundary F1 on UD English EWT test for textloom's trained senter (en_core's), its rule
// splitter (the other languages'), wink-nlp and compromise, in one run; then the throughput of both
// textloom senters alone and of en_core with each.
// Sentences of a document are joined by one space ("space") or paragraphs by blank lines ("paragraphs");
// a boundary is every sentence end but each document's last (textloom's `eval senter` metric).
// Splitter times include each library's own tokenization.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import nlpCompromise from 'compromise';
import { countSentenceBoundaries, goldDocuments, load, prf, readConllu, Senter, TrainedSenter } from '../dist/index.js';
import { requireEval } from './eval-dir.mjs';

// A CoNLL-U file given on the command line, else EWT test from the evaluation data.
const file = process.argv[2] ?? requireEval('ud_english_ewt/en_ewt-ud-test.conllu');
const sentences = [];
for await (const s of readConllu(file)) sentences.push(s);

const wink = winkNLP(model, ['sbd']);
const its = wink.its;
const tl = await load('en_core');
const trained = TrainedSenter.load();
const rules = new Senter();
const sentsOf = (doc) => doc.sents.map((s) => [s.startChar, s.endChar]);

/** Sentence char spans found by each splitter. */
const splitters = {
  textloom: (text) => {
    const doc = tl.makeDoc(text);
    trained.process(doc);
    return sentsOf(doc);
  },
  'textloom rules': (text) => {
    const doc = tl.makeDoc(text);
    rules.process(doc);
    return sentsOf(doc);
  },
  'wink-nlp': (text) => {
    const doc = wink.readDoc(text);
    const toks = doc.tokens().out();
    const pre = doc.tokens().out(its.precedingSpaces);
    const offs = [];
    let pos = 0;
    for (let i = 0; i < toks.length; i++) {
      pos += pre[i].length;
      offs.push([pos, pos + toks[i].length]);
      pos += toks[i].length;
    }
    const out = [];
    doc.sentences().each((s) => {
      const [a, b] = s.out(its.span);
      out.push([offs[a][0], offs[b][1]]);
    });
    return out;
  },
  compromise: (text) => {
    const out = [];
    let from = 0;
    for (const s of nlpCompromise(text).sentences().out('array')) {
      const t = s.trim();
      const at = text.indexOf(t, from);
      if (at < 0) continue;
      out.push([at, at + t.length]);
      from = at + t.length;
    }
    return out;
  },
};

console.log(`sentence-boundary F1 on ${file.split('/').pop()} (${sentences.length} sentences)`);
for (const paragraphs of [false, true]) {
  const docs = goldDocuments(sentences, { paragraphs });
  const row = [];
  for (const [name, split] of Object.entries(splitters)) {
    let tp = 0, p = 0, g = 0;
    const t0 = performance.now();
    for (const d of docs) {
      const c = countSentenceBoundaries(d.text, d.sents, split(d.text));
      tp += c.tp;
      p += c.predicted;
      g += c.gold;
    }
    const ms = performance.now() - t0;
    const r = prf(tp, p, g);
    row.push(`${name} F1 ${r.f1.toFixed(3)} (P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)}, ${ms.toFixed(0)} ms)`);
  }
  console.log(`${paragraphs ? 'paragraphs' : 'space     '}: ${row.join(' | ')}`);
}

// Throughput on the space-joined documents: the senters alone on tokenized docs, and en_core with each.
const docs = goldDocuments(sentences).map((d) => d.text);
const tokenized = docs.map((t) => tl.makeDoc(t));
const nTokens = tokenized.reduce((a, d) => a + d.length, 0);
// CPU time of this process (the machine may be shared: wall time would count other processes' turns).
const rate = (fn, rounds) => {
  fn();
  const c0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) fn();
  const c = process.cpuUsage(c0);
  return (nTokens * rounds) / ((c.user + c.system) / 1e6);
};
const kps = (x) => `${(x / 1000).toFixed(0)}k tokens/s (CPU)`;
const trainedRate = rate(() => tokenized.forEach((d) => trained.process(d)), 20);
const rulesRate = rate(() => tokenized.forEach((d) => rules.process(d)), 20);
console.log(`senter alone: trained ${kps(trainedRate)} | rules ${kps(rulesRate)} | ratio trained/rules ${(trainedRate / rulesRate).toFixed(2)} (${nTokens} tokens)`);
const noSenter = tl.disable(['senter']);
const withTrained = rate(() => docs.forEach((t) => tl(t)), 3);
const withRules = rate(() => docs.forEach((t) => {
  const doc = tl.makeDoc(t);
  rules.process(doc);
  noSenter(doc);
}), 3);
console.log(`en_core: with the trained senter ${kps(withTrained)} | with the rule senter ${kps(withRules)} | ratio ${(withTrained / withRules).toFixed(2)}`);
