// Noun chunks on UD English EWT test: doc.nounChunks over the pipeline's own tags and parse
// (gold words and sentences, as `eval parser --gold-tokens`) against the chunks the same rules
// give on the gold trees and gold tags; exact token-span precision, recall and F1.
// Usage: node bench/noun-chunks.mjs [--pipeline NAME|FILE] [--conllu FILE]
// Exits 2 when the pipeline has no "parser" component.
import { readFileSync } from 'node:fs';
import { conlluToDoc, Doc, load, parseConllu } from '../dist/index.js';
import { requireEval } from './eval-dir.mjs';

const arg = (name, dflt) => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 ? process.argv[k + 1] : dflt;
};
const pipeline = arg('pipeline', 'en_core');
const file = arg('conllu', null) ?? requireEval('ud_english_ewt/en_ewt-ud-test.conllu');
const nlp = await load(pipeline);
if (!nlp.hasPipe('parser')) {
  console.error(`noun-chunks: pipeline ${pipeline} has no "parser" component (it has: ${nlp.pipeNames.join(', ')}); nothing to score`);
  process.exit(2);
}
// On gold sentences a sentence splitter would re-split them.
const onWords = nlp.hasPipe('senter') ? nlp.disable(['senter']) : nlp;
const sentences = parseConllu(readFileSync(file, 'utf8'), file);

const key = (c) => `${c.start}:${c.end}`;
let gold = 0;
let predicted = 0;
let correct = 0;
let tokens = 0;
let ms = 0;
for (const s of sentences) {
  const goldDoc = conlluToDoc([s], { vocab: nlp.vocab });
  const words = goldDoc.tokens().map((t) => t.text);
  const spaces = goldDoc.tokens().map((t) => t.spaceAfter);
  const t0 = performance.now();
  const doc = onWords(Doc.fromWords(words, { spaces, vocab: nlp.vocab, sentStarts: words.map((_, i) => i === 0) }));
  ms += performance.now() - t0;
  tokens += doc.length;
  const want = new Set(goldDoc.nounChunks.map(key));
  const got = doc.isParsed ? doc.nounChunks : [];
  gold += want.size;
  predicted += got.length;
  for (const c of got) if (want.has(key(c))) correct++;
}
const p = predicted ? correct / predicted : 0;
const r = gold ? correct / gold : 0;
const f = p + r ? (2 * p * r) / (p + r) : 0;
console.log(`noun chunks on ${sentences.length} sentences (${tokens} gold words) of ${file.split('/').pop()}, pipeline ${pipeline}:`);
console.log(`  gold ${gold}, predicted ${predicted}, correct ${correct}`);
console.log(`  precision ${p.toFixed(4)}  recall ${r.toFixed(4)}  F1 ${f.toFixed(4)}`);
console.log(`  pipeline ${Math.round(tokens / (ms / 1000)).toLocaleString('en-US')} tokens/s (tagging and parsing on gold words)`);
