// Writes tests/fixtures/snowball/<code>.tsv.gz: every k-th word/stem pair of Snowball's published
// vocabulary (voc.txt) and stems (output.txt), k chosen for about 3,000 pairs per language.
// Usage: node scripts/snowball-sample.mjs <snowball-data checkout at commit 0703f1d6a21802c3ff00c2c8b31bd255b74b2aec>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/snowball-sample.mjs <snowball-data directory>');
  process.exit(2);
}
const LANGS = { de: 'german', en: 'english', es: 'spanish', fr: 'french', it: 'italian', nl: 'dutch', pt: 'portuguese' };
const out = join('tests', 'fixtures', 'snowball');
mkdirSync(out, { recursive: true });
for (const [code, name] of Object.entries(LANGS)) {
  const voc = readFileSync(join(dir, name, 'voc.txt'), 'utf8').split('\n');
  const stems = readFileSync(join(dir, name, 'output.txt'), 'utf8').split('\n');
  const pairs = [];
  for (let i = 0; i < voc.length; i++) if (voc[i]) pairs.push(`${voc[i]}\t${stems[i]}`);
  const k = Math.ceil(pairs.length / 3000);
  const sample = pairs.filter((_, i) => i % k === 0);
  // mtime 0 in the gzip header: the same input gives the same bytes.
  writeFileSync(join(out, `${code}.tsv.gz`), gzipSync(`${sample.join('\n')}\n`, { level: 9 }));
  console.log(`${code}: ${sample.length} of ${pairs.length} pairs (every ${k}th)`);
}
