// Rebuilds the shipped entity model models/en_uner_ewt_ner.tlner (reproducible: fixed seeds, one
// thread). Stages: the Gutenberg books -> one text file with punctuation split off -> word2vec
// (CBOW, 64 dimensions) -> 512 k-means word clusters -> averaged perceptron on Universal NER
// English-EWT train (PER, ORG, LOC; the train file's OTH and B-O tags are read as O), scored on
// dev each epoch. Run with `npm run train:ner` (builds first); `-- --vectors FILE` keeps the
// vectors in FILE, and reuses them when FILE exists. Data from TEXTLOOM_EVAL_DIR (default ../shared/eval), see bench/eval-dir.mjs.
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { main } from '../dist/cli/main.js';
import { requireEval } from '../bench/eval-dir.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const tmp = mkdtempSync(join(tmpdir(), 'textloom-ner-'));
const vectors = arg('--vectors') ?? join(tmp, 'gutenberg.tlv');
try {
  if (!existsSync(vectors)) {
    // Punctuation split off words, as the recognizer sees tokens; case kept (clusters are case-sensitive).
    const books = requireEval('gutenberg_en/texts');
    const corpus = join(tmp, 'gutenberg.txt');
    const out = createWriteStream(corpus);
    for (const f of readdirSync(books).filter((n) => n.endsWith('.gz')).sort()) {
      const rl = createInterface({ input: createReadStream(join(books, f)).pipe(createGunzip()), crlfDelay: Infinity });
      for await (const line of rl) if (!out.write(line.replace(/([\][(){}.,;:!?"“”‘’_*]|--)/g, ' $1 ') + '\n')) await new Promise((r) => out.once('drain', r));
    }
    await new Promise((r) => out.end(r));
    const code = await main(['w2v', 'train', '--input', corpus, '--out', vectors, '--size', '64', '--window', '5', '--min-count', '20', '--epochs', '2', '--threads', '1', '--seed', '1']);
    if (code !== 0) process.exit(code);
  }
  const code = await main([
    'train', 'ner',
    '--train', requireEval('uner_english_ewt/en_ewt-ud-train.iob2.gz'),
    '--dev', requireEval('uner_english_ewt/en_ewt-ud-dev.iob2'),
    '--out', resolve(root, 'models', 'en_uner_ewt_ner.tlner'),
    '--labels', 'PER,ORG,LOC',
    '--vectors', vectors,
    '--clusters', '512',
    '--epochs', arg('--epochs') ?? '12',
    '--seed', '1',
  ]);
  process.exitCode = code;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
