// Named entities: speed and accuracy of textloom's entity recognizer on Universal NER English-EWT
// test, with wink-nlp's entity pipe side by side (one shared wink instance, textloom's).
// 1. the recognizer alone (EntityModel.predictDoc on gold-token Docs already tagged), tokens/s;
// 2. en_core (tokenizer, senter, tagger, lemmatizer, entity recognizer) on the raw document texts,
//    tokens/s, against en_core without its `ner` and wink-nlp's default pipe (sbd, pos, ner);
// 3. exact-span P/R/F1 over PER/ORG/LOC with gold tokens and through raw text (textloom's
//    tokenizer and sentence splitter, spans matched by character offsets). wink-nlp has no
//    PER/ORG/LOC, so it gets no F1. Best of ROUNDS (default 5) interleaved passes after a warm-up,
//    as wall-clock tokens/s and tokens per CPU second of this process (steadier on a shared machine).
import { Doc, DEFAULT_ENTITY_MODEL, evaluateEntities, loadEntityModel, load, readIob, winkNlp, winkTextEntities } from '../dist/index.js';
import { requireEval } from './eval-dir.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const gold = [];
for await (const s of readIob(requireEval('uner_english_ewt/en_ewt-ud-test.iob2'))) gold.push(s);
const docs = [];
for (const s of gold) {
  if (docs.length && s.doc && docs.at(-1)[0].doc === s.doc) docs.at(-1).push(s);
  else docs.push([s]);
}
const texts = docs.map((d) => d.map((s) => s.text).join(' '));

const nlp = await load('en_core');
const noNer = nlp.select(nlp.pipeNames.filter((n) => n !== 'ner'));
const model = loadEntityModel(DEFAULT_ENTITY_MODEL);
// Gold-token Docs with gold sentences, tagged once (not timed): the recognizer's own input.
const tagged = docs.map((d) => {
  const doc = Doc.fromWords(d.flatMap((s) => s.words), { vocab: nlp.vocab });
  let off = 0;
  for (const s of d) {
    for (let i = 0; i < s.words.length; i++) doc.sentStart[off + i] = i === 0 ? 1 : -1;
    off += s.words.length;
  }
  nlp.getPipe('tagger').process(doc);
  return doc;
});
const wink = winkNlp();

function race(systems) {
  const best = Object.fromEntries(Object.keys(systems).map((k) => [k, { tokens: 0, ms: Infinity, cpuMs: Infinity }]));
  for (const fn of Object.values(systems)) fn();
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, fn] of Object.entries(systems)) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const tokens = fn();
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const cpuMs = (c.user + c.system) / 1000;
      if (ms < best[k].ms) best[k] = { ...best[k], tokens, ms };
      if (cpuMs < best[k].cpuMs) best[k].cpuMs = cpuMs;
    }
  }
  return Object.fromEntries(Object.entries(best).map(([k, v]) => [k, { tokens: v.tokens, tps: v.tokens / (v.ms / 1000), cpu: v.tokens / (v.cpuMs / 1000) }]));
}

const alone = race({
  recognizer: () => {
    let n = 0;
    for (let k = 0; k < 5; k++) for (const d of tagged) {
      model.predictDoc(d);
      n += d.length;
    }
    return n;
  },
});
const pipes = race({
  enCore: () => texts.reduce((n, t) => n + nlp(t).length, 0),
  enCoreWithoutNer: () => texts.reduce((n, t) => n + noNer(t).length, 0),
  winkDefault: () => texts.reduce((n, t) => n + wink.readDoc(t).tokens().length(), 0),
});
// The rule pass alone (wink-nlp's DATE, MONEY, ... over each raw text): gated (wink reads only the
// stretches where a rule can fire; the default) against wink over the whole text; same output.
const textTokens = texts.map((t) => noNer.makeDoc(t).length);
const rules = race({
  gated: () => texts.reduce((n, t, i) => (winkTextEntities(t), n + textTokens[i]), 0),
  wholeText: () => texts.reduce((n, t, i) => (winkTextEntities(t, { gated: false }), n + textTokens[i]), 0),
});
const g = evaluateEntities(nlp, gold);
const raw = evaluateEntities(nlp, gold, { goldTokens: false });

const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : `${(x / 1e3).toFixed(1)}k`);
const f = (x) => x.toFixed(4);
console.log(`UNER English-EWT test: ${gold.length} sentences in ${docs.length} documents, ${g.tokens} gold tokens`);
const row = (label, r) => console.log(`${label.padEnd(42)}${fmt(r.tps)} tokens/s wall, ${fmt(r.cpu)} per CPU second`);
row('recognizer alone (gold tokens, tagged):', alone.recognizer);
row('en_core with the recognizer (raw text):', pipes.enCore);
row('en_core without it:', pipes.enCoreWithoutNer);
row('wink-nlp default pipe (sbd, pos, ner):', pipes.winkDefault);
row('rule pass, gated (raw text):', rules.gated);
row('rule pass, wink over the whole text:', rules.wholeText);
console.log(`en_core with / without the recognizer: ${(pipes.enCore.cpu / pipes.enCoreWithoutNer.cpu).toFixed(2)}x per CPU second; en_core ${(pipes.enCore.cpu / pipes.winkDefault.cpu).toFixed(2)}x wink's speed`);
for (const [name, r] of [['gold tokens', g], ['raw text', raw]]) {
  console.log(`F1 ${name.padEnd(11)}: micro P ${f(r.precision)} R ${f(r.recall)} F1 ${f(r.f1)}  ` + Object.entries(r.perLabel).map(([l, s]) => `${l} ${f(s.f1)}`).join('  ') + (r.unaligned ? `  (${r.unaligned} documents unaligned)` : ''));
}
console.log('wink-nlp F1: not comparable (wink-nlp finds no PER, ORG or LOC)');
console.log(`peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
