// DependencyMatcher benchmark: 24 dependency patterns (every relation operator, UD labels and POS)
// over the gold trees of UD English EWT test, one doc per sentence and one doc per EWT document
// (several trees a doc). No JavaScript library has a dependency matcher, so there is no peer to
// compare with; the figures are textloom's alone.
// Run: npm run bench:dep-match   (skips, exit 0, when the EWT data is absent)
import { DependencyMatcher, Doc, Vocab, readConllu } from '../dist/index.js';
import { optionalEval } from './eval-dir.mjs';

const REPS = 5;
const file = optionalEval('ud_english_ewt/en_ewt-ud-test.conllu');
if (!file) {
  console.log('dep-match: skipped, UD English EWT test not found (set TEXTLOOM_EVAL_DIR to the folder holding ud_english_ewt/)');
  process.exit(0);
}

const node = (id, attrs, left, op) => (left ? { LEFT_ID: left, REL_OP: op, RIGHT_ID: id, RIGHT_ATTRS: attrs } : { RIGHT_ID: id, RIGHT_ATTRS: attrs });
const PATTERNS = {
  SVO: [node('v', { POS: 'VERB' }), node('s', { DEP: 'nsubj' }, 'v', '>'), node('o', { DEP: 'obj' }, 'v', '>')],
  PASSIVE: [node('v', { POS: 'VERB' }), node('s', { DEP: 'nsubj:pass' }, 'v', '>'), node('a', { DEP: 'aux:pass' }, 'v', '>')],
  ADJ_NOUN: [node('n', { POS: 'NOUN' }), node('a', { DEP: 'amod', POS: 'ADJ' }, 'n', '>')],
  COMPOUND: [node('n', { POS: { IN: ['NOUN', 'PROPN'] } }), node('c', { DEP: 'compound' }, 'n', '>--')],
  OBL_CASE: [node('v', { POS: 'VERB' }), node('o', { DEP: 'obl' }, 'v', '>'), node('p', { DEP: 'case' }, 'o', '>')],
  RELCL: [node('n', { POS: 'NOUN' }), node('r', { DEP: 'acl:relcl' }, 'n', '>'), node('s', { DEP: 'nsubj', POS: 'PRON' }, 'r', '>')],
  NEGATED: [node('v', { POS: { IN: ['VERB', 'AUX'] } }), node('neg', { LOWER: { IN: ['not', "n't", 'never'] } }, 'v', '>')],
  CONJ: [node('a', {}), node('b', { DEP: 'conj' }, 'a', '>++'), node('cc', { DEP: 'cc' }, 'b', '>-')],
  PRON_TO_ROOT: [node('p', { POS: 'PRON' }), node('r', { DEP: 'root' }, 'p', '<<')],
  ROOT_HAS_NUM: [node('r', { DEP: 'root' }), node('n', { POS: 'NUM' }, 'r', '>>')],
  DET_ADJ_NOUN: [node('d', { POS: 'DET' }), node('a', { POS: 'ADJ' }, 'd', '.'), node('n', { POS: 'NOUN' }, 'a', '.')],
  AUX_BEFORE: [node('v', { POS: 'VERB' }), node('a', { POS: 'AUX' }, 'v', ';*')],
  PUNCT_AFTER: [node('v', { DEP: 'root' }), node('p', { POS: 'PUNCT' }, 'v', '.*')],
  PREV_TOKEN: [node('n', { POS: 'NOUN' }), node('p', { POS: 'ADP' }, 'n', ';')],
  DET_SIB_AMOD: [node('d', { DEP: 'det' }), node('a', { DEP: 'amod' }, 'd', '$++')],
  SIB_NEXT: [node('a', { DEP: 'amod' }), node('b', { DEP: 'amod' }, 'a', '$+')],
  SIB_PREV: [node('d', { DEP: 'det' }), node('c', { DEP: 'case' }, 'd', '$-')],
  SIB_BEFORE: [node('o', { DEP: 'obj' }), node('s', { DEP: 'nsubj' }, 'o', '$--')],
  CHILD_NEXT: [node('v', { POS: 'VERB' }), node('o', { DEP: 'obj' }, 'v', '>+')],
  HEAD_NEXT: [node('d', { DEP: 'det' }), node('n', { POS: 'NOUN' }, 'd', '<+')],
  HEAD_PREV: [node('o', { DEP: 'obj' }), node('v', {}, 'o', '<-')],
  HEAD_AFTER: [node('s', { DEP: 'nsubj' }), node('v', { POS: 'VERB' }, 's', '<++')],
  HEAD_BEFORE: [node('x', { DEP: 'xcomp' }), node('v', {}, 'x', '<--'), node('m', { DEP: 'mark' }, 'x', '>')],
  ANY_GRANDCHILD: [node('a', {}), node('b', {}, 'a', '>'), node('c', {}, 'b', '>')],
};

// ---- gold trees: one doc per sentence, and one doc per EWT document ----
const vocab = new Vocab();
const sentences = [];
for await (const s of readConllu(file)) sentences.push(s);

function fill(doc, words, offset) {
  const strings = vocab.strings;
  words.forEach((w, k) => {
    const i = offset + k;
    if (w.upos) doc.pos[i] = strings.add(w.upos);
    if (w.xpos) doc.tag[i] = strings.add(w.xpos);
    if (w.lemma) doc.lemma[i] = strings.add(w.lemma);
    if (w.deprel) doc.dep[i] = strings.add(w.deprel);
    if (w.head > 0) doc.head[i] = w.head - 1 - k;
  });
}
const sentDocs = sentences.map((s) => {
  const doc = Doc.fromWords(s.words.map((w) => w.form), { vocab });
  fill(doc, s.words, 0);
  return doc;
});
const groups = [];
for (const s of sentences) {
  if (!groups.length || Object.keys(s.meta).some((k) => k.startsWith('newdoc'))) groups.push([]);
  groups.at(-1).push(s);
}
const docDocs = groups.map((g) => {
  const doc = Doc.fromWords(g.flatMap((s) => s.words.map((w) => w.form)), { vocab });
  let offset = 0;
  for (const s of g) {
    fill(doc, s.words, offset);
    offset += s.words.length;
  }
  return doc;
});
const tokens = sentDocs.reduce((n, d) => n + d.length, 0);

// ---- timing: CPU time of this process (the machine is shared), best of REPS ----
function time(fn) {
  let best = Infinity;
  let out;
  for (let r = 0; r < REPS; r++) {
    const c0 = process.cpuUsage();
    out = fn();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1e6);
  }
  return { secs: best, out };
}

const matcher = new DependencyMatcher(vocab);
const c0 = process.cpuUsage();
for (const [key, p] of Object.entries(PATTERNS)) matcher.add(key, [p]);
matcher.match(sentDocs[0]); // compiles
const compileMs = (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1e3;
const nPatterns = Object.keys(PATTERNS).length;

const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(0)}k` : x.toFixed(0));
const run = (docs) => () => {
  let found = 0;
  for (const d of docs) found += matcher.match(d).length;
  return found;
};
console.log(`UD English EWT test gold trees: ${sentDocs.length} sentences, ${docDocs.length} documents, ${tokens} tokens; ${nPatterns} patterns (add + compile ${compileMs.toFixed(1)} ms)`);
console.log('| docs | matches | tokens/s | sentences/s | pattern x sentence/s |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, docs] of [['one per sentence', sentDocs], ['one per document', docDocs]]) {
  run(docs)(); // warm-up
  const { secs, out } = time(run(docs));
  console.log(`| ${name} | ${out} | ${fmt(tokens / secs)} | ${fmt(sentDocs.length / secs)} | ${fmt((nPatterns * sentDocs.length) / secs)} |`);
}
// Per pattern, on the sentence docs: which operators cost what.
console.log('\n| pattern | matches | pattern x sentence/s |');
console.log('| --- | --- | --- |');
for (const [key, p] of Object.entries(PATTERNS)) {
  const one = new DependencyMatcher(vocab);
  one.add(key, [p]);
  const fn = () => {
    let found = 0;
    for (const d of sentDocs) found += one.match(d).length;
    return found;
  };
  fn();
  const { secs, out } = time(fn);
  console.log(`| ${key} | ${out} | ${fmt(sentDocs.length / secs)} |`);
}
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
