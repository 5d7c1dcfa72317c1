// Builds the word2vec bench corpus from the evaluation data's gutenberg_en books: lowercased, punctuation
// stripped, one paragraph per line, capped at a word budget. Shared by bench/word2vec.mjs.
import { createReadStream, createWriteStream, existsSync, readdirSync, renameSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { join } from 'node:path';

function clean(par) {
  return par.toLowerCase().replace(/['\u2019]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Writes (once) `out` with up to `maxWords` words; returns { path, words, lines }. */
export async function prepareCorpus(textsDir, out, maxWords) {
  if (existsSync(out)) return { path: out, cached: true };
  const files = readdirSync(textsDir).filter((f) => f.endsWith('.txt.gz')).sort();
  const tmp = out + '.tmp';
  const ws = createWriteStream(tmp);
  let words = 0;
  let lines = 0;
  outer: for (const f of files) {
    const rl = createInterface({ input: createReadStream(join(textsDir, f)).pipe(createGunzip()), crlfDelay: Infinity });
    let par = [];
    const flush = () => {
      const s = clean(par.join(' '));
      par = [];
      if (!s) return true;
      const n = s.split(' ').length;
      ws.write(s + '\n');
      words += n;
      lines++;
      return words < maxWords;
    };
    for await (const line of rl) {
      if (line.trim() === '') {
        if (!flush()) {
          rl.close();
          break outer;
        }
      } else par.push(line);
    }
    if (!flush()) break;
  }
  await new Promise((r) => ws.end(r));
  renameSync(tmp, out);
  return { path: out, words, lines };
}
