// Per-language tokenizers on the UD test sets in one run: speed (tokens/s on one core), word-level
// tokenization F1 (as the CoNLL 2018 UD scorer aligns words), sentence-boundary F1 of each
// language's <code>_core pipeline beside wink-nlp's (English) splitter on the same text, and for
// zh/ja a whitespace and a one-character-per-token baseline and ICU alone (Intl.Segmenter), with and
// without the dev-set correction tables (the shipped tokenizers use the trained boundary models).
// Speed is given per wall-clock second and per CPU second of this process (process.cpuUsage), since
// wall-clock figures on a shared machine depend on its load (printed, as uptime's load average).
// Usage: node bench/tokenize-lang.mjs [test|dev] [de,fr,...]
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadavg } from 'node:os';
import { Doc, Vocab, WhitespaceTokenizer, WordSegmenter, getLanguage, blank, countSentenceBoundaries, evaluateWordTokenization, goldDocuments, load, prf, readConllu } from '../dist/index.js';
import { requireEval } from './eval-dir.mjs';

const split = process.argv[2] ?? 'test';
const langs = (process.argv[3] ?? 'de,fr,es,pt,nl,zh,ja').split(',');
const TREEBANKS = { de: 'de_gsd', fr: 'fr_gsd', es: 'es_gsd', pt: 'pt_bosque', nl: 'nl_alpino', zh: 'zh_gsdsimp', ja: 'ja_gsd' };

const wink = winkNLP(model, ['sbd']);
const its = wink.its;
function winkSents(text) {
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
}

function sentenceF1(docs, splitter) {
  let tp = 0, p = 0, g = 0;
  for (const d of docs) {
    const c = countSentenceBoundaries(d.text, d.sents, splitter(d.text));
    tp += c.tp; p += c.predicted; g += c.gold;
  }
  return prf(tp, p, g).f1;
}

/** Tokens per wall-clock second and per CPU second of `tokenize` over `texts` (whole passes until at least 1.5 s). */
function speed(texts, tokenize) {
  let tokens = 0;
  for (const t of texts) tokens += tokenize(t);
  let passes = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < 1500) {
    for (const t of texts) tokenize(t);
    passes++;
  }
  const cpu = process.cpuUsage(c0);
  return { wall: (tokens * passes) / ((performance.now() - t0) / 1000), cpu: (tokens * passes) / ((cpu.user + cpu.system) / 1e6) };
}
const loadAvg = () => loadavg().map((x) => x.toFixed(2)).join(', ');
console.log(`load average at start: ${loadAvg()}`);

const charDoc = (vocab) => (text) => {
  const doc = new Doc(vocab, text);
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i);
    const n = cp > 0xffff ? 2 : 1;
    if (!/\s/u.test(text[i])) doc.pushToken(vocab.strings.add(text.slice(i, i + n)), i, text.charCodeAt(i + n) === 32);
    i += n;
  }
  return doc;
};
const wsDoc = (vocab) => { const w = new WhitespaceTokenizer(vocab); return (t) => w.tokenize(t); };

const rows = [];
for (const lang of langs) {
  const tb = TREEBANKS[lang];
  const file = requireEval(`ud_multilingual/${tb}/${tb}-ud-${split}.conllu`);
  const sentences = [];
  for await (const s of readConllu(file)) sentences.push(s);
  const texts = sentences.map((s) => s.meta.text).filter((t) => t !== undefined);
  const nlp = blank(lang);
  const tok = nlp.tokenizer;
  // Speed on documents of about 2,000 words (sentences joined), as bench/tokenize.mjs measures English.
  const chunks = [];
  for (let i = 0; i < texts.length; i += 100) chunks.push(texts.slice(i, i + 100).join(' '));
  const tps = speed(chunks, (t) => tok.tokenize(t).length);
  const f1 = (await evaluateWordTokenization(sentences, (t) => nlp.makeDoc(t))).words.f1;
  // Treebanks with one sentence per document (ja GSD) have no boundary inside a document: score
  // their sentences in groups of ten instead.
  let docs = goldDocuments(sentences);
  if (docs.length === sentences.length) {
    docs = [];
    for (let i = 0; i < sentences.length; i += 10) docs.push(...goldDocuments(sentences.slice(i, i + 10).map((s, k) => ({ ...s, meta: Object.fromEntries(Object.entries(s.meta).filter(([key]) => !key.startsWith('newdoc') || k === 0)) }))));
  }
  const core = await load(`${lang}_core`);
  const sentTl = sentenceF1(docs, (t) => core(t).sents.map((s) => [s.startChar, s.endChar]));
  const sentWink = sentenceF1(docs, winkSents);
  const row = { lang, treebank: `${tb} ${split}`, words: texts.length && sentences.reduce((n, s) => n + s.words.length, 0), 'tokens/s': Math.round(tps.wall), 'tokens/CPU s': Math.round(tps.cpu), 'word F1': +f1.toFixed(4), 'sent F1': +sentTl.toFixed(4), 'sent F1 wink-nlp': +sentWink.toFixed(4), 'sent ratio': sentWink > 0 ? +(sentTl / sentWink).toFixed(2) : '-' };
  if (lang === 'zh' || lang === 'ja') {
    row['whitespace F1'] = +(await evaluateWordTokenization(sentences, wsDoc(new Vocab()))).words.f1.toFixed(4);
    row['char F1'] = +(await evaluateWordTokenization(sentences, charDoc(new Vocab()))).words.f1.toFixed(4);
    const icu = new WordSegmenter(new Vocab(), { locale: lang });
    row['ICU F1'] = +(await evaluateWordTokenization(sentences, (t) => icu.tokenize(t))).words.f1.toFixed(4);
    const l = getLanguage(lang);
    const tables = new WordSegmenter(new Vocab(), { locale: lang, specialCases: l.tokenizer.specialCases, merges: l.merges });
    row['ICU+tables F1'] = +(await evaluateWordTokenization(sentences, (t) => tables.tokenize(t))).words.f1.toFixed(4);
    row['ICU tokens/CPU s'] = Math.round(speed(chunks, (t) => icu.tokenize(t).length).cpu);
  }
  rows.push(row);
  console.log(JSON.stringify(row));
}
console.log(`\nper-language tokenizers on UD ${split} sets (one core; wink-nlp's splitter is English-only)`);
console.table(rows);
const mem = process.memoryUsage();
console.log(`load average at end: ${loadAvg()}`);
console.log(`peak RSS ${(mem.rss / 1e6).toFixed(0)} MB`);
