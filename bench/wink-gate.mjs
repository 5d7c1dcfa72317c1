// wink-nlp's rule entities through textloom's gate against wink over the whole text: counts texts
// whose entity spans differ (expected 0) and times both, in CPU seconds of this process.
// Texts: Universal NER English-EWT train/dev/test documents, WikiText-2 valid paragraphs, and
// paragraphs of the first GUTENBERG_BOOKS (default 10) Project Gutenberg books of the eval data.
// Usage: node bench/wink-gate.mjs   (after npm run build)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readIob, winkTextEntities } from '../dist/index.js';
import { evalDir, requireEval } from './eval-dir.mjs';

const sets = {};
for (const split of ['train', 'dev', 'test']) {
  const file = requireEval(`uner_english_ewt/en_ewt-ud-${split}.iob2${split === 'train' ? '.gz' : ''}`);
  const texts = [];
  let last;
  for await (const s of readIob(file)) {
    if (texts.length && s.doc && s.doc === last) texts[texts.length - 1] += ' ' + s.text;
    else texts.push(s.text);
    last = s.doc;
  }
  sets[`UNER EWT ${split}`] = texts;
}
sets['WikiText-2 valid'] = readFileSync(requireEval('wikitext2/valid.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith(' = '));
const books = readdirSync(join(evalDir, 'gutenberg_en', 'texts')).filter((f) => f.endsWith('.gz')).sort().slice(0, Number(process.env.GUTENBERG_BOOKS ?? 10));
sets['Gutenberg paragraphs'] = books.flatMap((f) => gunzipSync(readFileSync(join(evalDir, 'gutenberg_en', 'texts', f))).toString('utf8').split(/\r?\n\r?\n/).filter((p) => p.trim()));

const key = (es) => es.map((e) => `${e.start}:${e.end}:${e.label}`).join(' ');
for (const [name, texts] of Object.entries(sets)) {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  let diff = 0;
  let ents = 0;
  const time = (gated) => {
    const c0 = process.cpuUsage();
    const out = texts.map((t) => winkTextEntities(t, { gated }));
    const c = process.cpuUsage(c0);
    return { out, s: (c.user + c.system) / 1e6 };
  };
  time(true);
  const whole = time(false);
  const gated = time(true);
  whole.out.forEach((w, i) => {
    ents += w.length;
    if (key(w) !== key(gated.out[i])) {
      diff++;
      if (diff <= 3) console.log(`  differs: ${JSON.stringify(texts[i].slice(0, 300))}\n    whole: ${key(w)}\n    gated: ${key(gated.out[i])}`);
    }
  });
  console.log(`${name}: ${texts.length} texts, ${(chars / 1e6).toFixed(2)}M characters, ${ents} entities; differing texts: ${diff}; CPU s whole ${whole.s.toFixed(2)}, gated ${gated.s.toFixed(2)} (${(whole.s / gated.s).toFixed(2)}x)`);
}
