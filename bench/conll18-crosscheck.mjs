// Cross-check of textloom's CoNLL 2018 scoring (alignWords, countParse) against the shared task's
// own evaluation script: en_core tokenizes and splits the raw text of UD English EWT test, a
// baseline tree is put on its words (each word headed by the previous one, labels varied so LAS
// and full-label LAS differ), textloom scores it, and the same system output is written as
// CoNLL-U for conll18_ud_eval.py. Every count must agree.
// Usage: CONLL18_EVAL=path/to/conll18_ud_eval.py node bench/conll18-crosscheck.mjs
// (without CONLL18_EVAL it prints textloom's counts and where the system file is).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addParseCounts, countParse, docParseSide, emptyParseCounts, goldParseSide, load, parseConllu, parseScores } from '../dist/index.js';
import { requireEval } from './eval-dir.mjs';

const goldFile = requireEval('ud_english_ewt/en_ewt-ud-test.conllu');
const gold = parseConllu(readFileSync(goldFile, 'utf8'), goldFile);
const nlp = await load('en_core');
const strings = nlp.vocab.strings;
const groups = [];
for (const s of gold) {
  if (!groups.length || Object.keys(s.meta).some((k) => k.startsWith('newdoc'))) groups.push([]);
  groups.at(-1).push(s);
}
const blocks = [];
const total = emptyParseCounts(true);
for (const group of groups) {
  const doc = nlp(group.map((s) => s.meta.text).join(' '));
  for (const sent of doc.sents) {
    let prev = -1;
    let id = 0;
    const lines = [];
    for (let i = sent.start; i < sent.end; i++) {
      if (doc.tokenText(i).trim() === '') continue;
      id++;
      const pos = doc.pos[i] ? strings.get(doc.pos[i]) : '_';
      const dep = prev < 0 ? 'root' : pos === 'PUNCT' ? 'punct' : id % 3 === 0 ? 'nsubj:pass' : 'nsubj';
      doc.head[i] = prev < 0 ? 0 : prev - i;
      doc.dep[i] = strings.add(dep);
      lines.push([id, doc.tokenText(i), '_', pos, '_', '_', prev < 0 ? 0 : id - 1, dep, '_', '_'].join('\t'));
      prev = i;
    }
    if (lines.length) blocks.push(lines.join('\n') + '\n');
  }
  addParseCounts(total, countParse(goldParseSide(group), docParseSide(doc)));
}
const systemFile = join(mkdtempSync(join(tmpdir(), 'conll18-')), 'system.conllu');
writeFileSync(systemFile, blocks.join('\n') + '\n');
const r = parseScores(total);
const rows = { Tokens: r.tokens, Sentences: r.sentences, Words: r.words, UAS: r.uas, LAS: r.las };
console.log('textloom:   Metric | Correct | Gold | Predicted');
for (const [name, x] of Object.entries(rows)) console.log(`  ${name.padEnd(9)} ${x.correct} ${x.gold} ${x.system}`);
console.log(`system file: ${systemFile}`);
const script = process.env.CONLL18_EVAL;
if (!script) {
  console.log('set CONLL18_EVAL to conll18_ud_eval.py to run the official script on the same files');
  process.exit(0);
}
const py = spawnSync('python3', [script, '-c', goldFile, systemFile], { encoding: 'utf8' });
if (py.status !== 0) throw new Error(py.stderr);
let same = true;
for (const line of py.stdout.split('\n')) {
  const cells = line.split('|').map((c) => c.trim());
  const mine = rows[cells[0]];
  if (!mine) continue;
  const agree = Number(cells[1]) === mine.correct && Number(cells[2]) === mine.gold && Number(cells[3]) === mine.system;
  same &&= agree;
  console.log(`  conll18_ud_eval.py ${cells[0].padEnd(9)} ${cells[1]} ${cells[2]} ${cells[3]} ${agree ? 'same' : 'DIFFERENT'}`);
}
console.log(same ? 'all counts agree' : 'counts differ');
process.exit(same ? 0 : 1);
