// Snowball stemmers: agreement with Snowball's published stems on the FULL vocabulary of each
// language, and speed, textloom's ports vs natural's PorterStemmer<Lang> on the same words.
// Data: a checkout of github.com/snowballstem/snowball-data at commit
// 0703f1d6a21802c3ff00c2c8b31bd255b74b2aec (the Snowball 2.2 algorithms), given as the first
// argument or found at <eval dir>/snowball-data (see bench/eval-dir.mjs).
// Usage: npm run bench:snowball [-- <snowball-data directory>]
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { snowballStemmer } from '../dist/index.js';
import { evalDir } from './eval-dir.mjs';

const dir = process.argv[2] ?? join(evalDir, 'snowball-data');
if (!existsSync(join(dir, 'german', 'voc.txt'))) {
  console.error(`no Snowball vocabulary at ${dir}: pass a checkout of github.com/snowballstem/snowball-data (commit 0703f1d6, BSD) as the first argument`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const LANGS = { de: 'german', en: 'english', es: 'spanish', fr: 'french', it: 'italian', nl: 'dutch', pt: 'portuguese' };
// natural's stemmer per language (English: its Porter 1980 stemmer, a different algorithm).
const NATURAL = { de: 'porter_stemmer_de', en: 'porter_stemmer', es: 'porter_stemmer_es', fr: 'porter_stemmer_fr', it: 'porter_stemmer_it', nl: 'porter_stemmer_nl', pt: 'porter_stemmer_pt' };

function rate(fn, words) {
  for (const w of words.slice(0, 5000)) fn(w); // warm-up
  const rounds = 3;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const w of words) fn(w);
  return (rounds * words.length) / (Number(process.hrtime.bigint() - t0) / 1e9);
}

const fmt = (x) => Math.round(x).toLocaleString('en-US').padStart(11);
console.log('lang  words   textloom agree         natural agree        textloom words/s  natural words/s  ratio');
for (const [code, name] of Object.entries(LANGS)) {
  const voc = readFileSync(join(dir, name, 'voc.txt'), 'utf8').split('\n');
  const out = readFileSync(join(dir, name, 'output.txt'), 'utf8').split('\n');
  const words = [];
  const want = [];
  for (let i = 0; i < voc.length; i++) if (voc[i]) (words.push(voc[i]), want.push(out[i]));
  const tl = snowballStemmer(code);
  const natMod = require(`natural/lib/natural/stemmers/${NATURAL[code]}.js`);
  const nat = (w) => natMod.stem(w);
  let tlOk = 0;
  let natOk = 0;
  for (let i = 0; i < words.length; i++) {
    if (tl(words[i]) === want[i]) tlOk++;
    if (nat(words[i]) === want[i]) natOk++;
  }
  const pct = (k) => `${k}/${words.length} (${((100 * k) / words.length).toFixed(2)}%)`.padEnd(21);
  const tr = rate(tl, words);
  const nr = rate(nat, words);
  console.log(`${code}    ${String(words.length).padEnd(7)} ${pct(tlOk)} ${pct(natOk)} ${fmt(tr)}       ${fmt(nr)}      ${(tr / nr).toFixed(1)}x`);
}
console.log(`peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
