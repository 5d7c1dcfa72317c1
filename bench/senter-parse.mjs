// Raw UD English EWT test text through en_core, scored with the CoNLL 2018 alignment (as
// `textloom eval parser` does), with three sources of sentence starts in one run: en_core's trained
// senter, the rule senter (the same pipeline with backend "rules"), and the gold sentences forced
// onto en_core's own tokens (what the parse would score if sentence splitting were perfect).
import { evaluateParser } from '../dist/eval/parsing.js';
import { goldDocuments, load, readConllu, Senter } from '../dist/index.js';
import { requireEval } from './eval-dir.mjs';

const file = process.argv[2] ?? requireEval('ud_english_ewt/en_ewt-ud-test.conllu');
const sentences = [];
for await (const s of readConllu(file)) sentences.push(s);
const nlp = await load('en_core');
const rest = nlp.disable(['senter']);
const rules = new Senter();
const goldStarts = new Map(goldDocuments(sentences).map((d) => [d.text, new Set(d.sents.map((s) => s[0]))]));
const notWords = () => {
  throw new Error('raw text only');
};

const runs = {
  'trained senter': (text) => nlp(text),
  'rule senter': (text) => {
    const doc = nlp.makeDoc(text);
    rules.process(doc);
    return rest(doc);
  },
  'gold sentences': (text) => {
    const doc = nlp.makeDoc(text);
    const starts = goldStarts.get(text);
    for (let i = 0; i < doc.length; i++) doc.sentStart[i] = i === 0 || starts.has(doc.idx[i]) ? 1 : -1;
    return rest(doc);
  },
};
console.log(`raw text of ${file.split('/').pop()} through en_core (CoNLL 2018 alignment)`);
for (const [name, parseText] of Object.entries(runs)) {
  const r = evaluateParser({ parseWords: notWords, parseText }, sentences);
  console.log(`${name.padEnd(15)} Sentences F1 ${r.sentences.f1.toFixed(4)}  UAS ${r.uas.f1.toFixed(4)}  LAS ${r.las.f1.toFixed(4)}`);
}
