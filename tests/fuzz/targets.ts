/**
 * The fuzz targets: every loader of a file a user hands textloom, each with a small valid seed.
 * A new reader adds one entry (see `harness.ts`).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import {
  KeyedVectors,
  load,
  loadTaggerModel,
  NgramLM,
  parseQuery,
  readConllu,
  readEntityPatterns,
  readJsonl,
  saveTaggerModel,
  SearchIndex,
  TextCategorizer,
  trainTagger,
  parseConllu,
  loadVectors,
  readIob,
  parseIob,
  trainEntityModel,
  saveEntityModel,
  loadEntityModel,
  trainParser,
  Parser,
  VectorIndex,
  readDependencyPatterns,
} from '../../src/index.js';
import { crc32 } from '../../src/util/crc32.js';
import { FormatError } from '../../src/index.js';
import { runCli } from '../cli/run.js';
import type { FuzzTarget, SeedFiles } from './harness.js';

/** Runs a CLI command in-process: a non-zero exit is a refusal (its one-line message), a stack trace a failure. */
async function cli(...argv: string[]): Promise<string> {
  const r = await runCli(...argv);
  if (/^\s+at \S/m.test(r.stderr)) throw new Error(`stack trace from textloom ${argv.join(' ')}:\n${r.stderr}`);
  if (r.code !== 0) throw new FormatError(r.stderr.trim());
  return r.stdout;
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixture = (...p: string[]): Uint8Array => readFileSync(join(FIXTURES, ...p));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const SENTENCES = [
  'the cat sat on the mat',
  'the dog sat on the log',
  'a cat and a dog met on the mat',
  'the bird flew over the log',
  'a dog chased the cat',
  'the mat was red and the log was brown',
];

/** Writes with `save` into a temp dir and returns the bytes of the files written there. */
async function saved(save: (dir: string) => unknown, name?: string): Promise<SeedFiles> {
  const dir = mkdtempSync(join(tmpdir(), 'tl-fuzz-seed-'));
  try {
    await save(dir);
    const files: Record<string, Uint8Array> = {};
    for (const f of readdirSync(dir)) files[f] = readFileSync(join(dir, f));
    return name ? files[name]! : files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const useLm = (lm: NgramLM): unknown => [lm.perplexity(['the cat sat', 'a dog']), lm.generate({ seed: 1, maxTokens: 8 }), lm.score('the cat')];
const useVectors = (kv: KeyedVectors): unknown => (kv.words.length ? kv.mostSimilar({ positive: [kv.words[0]!], topn: 3 }) : null);
const useIndex = (ix: SearchIndex): unknown => [ix.search('cat mat', { topK: 3 }), ix.search('"the cat"'), ix.suggest('ca'), ix.getStored('d1')];

let lmKn: Promise<NgramLM> | undefined;
const lm = (): Promise<NgramLM> => (lmKn ??= NgramLM.train(SENTENCES, { order: 3, smoothing: 'kn', discountFallback: [0.5, 1, 1.5] }));

const kv = (): KeyedVectors =>
  new KeyedVectors(['the', 'cat', 'dog', 'mat', 'naïve'], Float32Array.from({ length: 20 }, (_, i) => Math.sin(i + 1)), 4, Float64Array.from([9, 5, 4, 3, 1]));

/** Fixes a search index manifest after one of its data files was re-framed: size, CRC and the manifest's own CRC. */
function resealIndex(files: Record<string, Uint8Array>, changed: string): void {
  const m = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { files: { name: string; bytes: number; crc32: number }[]; manifestCrc32?: number };
  const entry = m.files.find((f) => f.name === changed);
  const b = files[changed]!;
  if (entry) {
    entry.bytes = b.length;
    entry.crc32 = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(b.length - 4, true);
  }
  delete m.manifestCrc32;
  const body = JSON.stringify(m);
  files['manifest.json'] = utf8(JSON.stringify({ ...m, manifestCrc32: crc32(utf8(body)) }));
}

/** A file whose last 4 bytes are the CRC-32 of the rest (`.tlm`, textcat and `.tlv` version 1). */
const tailCrc = {
  open: (b: Uint8Array): Uint8Array => b.subarray(0, b.length - 4),
  close: (inner: Uint8Array): Uint8Array => {
    const out = new Uint8Array(inner.length + 4);
    out.set(inner);
    new DataView(out.buffer).setUint32(inner.length, crc32(inner), true);
    return out;
  },
};

/** A version-1 tagger file: 16-byte header (magic, version, CRC of the body), raw-deflated body. */
const taggerV1 = {
  open: (b: Uint8Array): Uint8Array => new Uint8Array(inflateRawSync(b.subarray(16))),
  close: (inner: Uint8Array): Uint8Array => {
    const body = deflateRawSync(inner);
    const out = new Uint8Array(16 + body.length);
    out.set(utf8('TLTAGGER'));
    const dv = new DataView(out.buffer);
    dv.setUint32(8, 1, true);
    dv.setUint32(12, crc32(body), true);
    out.set(body, 16);
    return out;
  },
};

const taggerGold = (): ReturnType<typeof parseConllu> => parseConllu(new TextDecoder().decode(fixture('tokenizer-small.conllu')), 'tokenizer-small.conllu');

/** Every loader under fuzz. */

// Seeds of the readers added with the parser, the entity recognizer and the vector index.
const IOB_SEED = (): Uint8Array => {
  const lines = new TextDecoder().decode(fixture('uner', 'en_ewt-ud-dev-first400.iob2')).split('\n');
  // The first sentences, cut at a sentence break (about 80 lines).
  let end = 80;
  while (end < lines.length && lines[end] !== '') end++;
  return utf8(lines.slice(0, end + 1).join('\n'));
};
const tinyParser = (): Parser =>
  new Parser(trainParser(parseConllu(new TextDecoder().decode(fixture('tokenizer-small.conllu'))).slice(0, 40), { epochs: 1, seed: 1, tags: 'gold', actionBits: 12, labelBits: 12 }));
const tinyEntityModel = () => trainEntityModel(parseIob(new TextDecoder().decode(IOB_SEED())), { epochs: 1, seed: 1, hashBits: 16 });
const tinyVectorIndex = (kind: 'hnsw' | 'flat'): VectorIndex => {
  const ix = VectorIndex.create({ dim: 4, kind, seed: 1 });
  ix.addAll(Array.from({ length: 40 }, (_, i) => i), Array.from({ length: 40 }, (_, i) => Float32Array.from([Math.sin(i), Math.cos(i), Math.sin(2 * i), 1])));
  return ix;
};
const useVectorIndex = (ix: VectorIndex): unknown => (ix.size ? ix.search(Float32Array.from([0.1, 0.2, 0.3, 1]), 3) : null);

export const TARGETS: FuzzTarget[] = [
  { name: 'conllu', ext: '.conllu', seed: () => fixture('tokenizer-small.conllu'), load: (p) => collect(readConllu(p)) },
  {
    name: 'conllu (ewt, lenient)',
    ext: '.conllu',
    seed: () => {
      const b = fixture('ewt', 'en_ewt-ud-train-first300.conllu');
      return b.subarray(0, Buffer.from(b).indexOf('\n\n', 6000) + 2);
    },
    repairs: true,
    load: (p) => collect(readConllu(p, { lenient: true })),
  },
  { name: 'arpa', ext: '.arpa', seed: async () => saved(async (d) => (await lm()).toARPA(join(d, 'm.arpa')), 'm.arpa'), load: (p) => NgramLM.fromARPA(p), use: useLm },
  { name: 'tlm (v2, backoff)', ext: '.tlm', seed: async () => saved(async (d) => (await lm()).save(join(d, 'm.tlm')), 'm.tlm'), load: (p) => NgramLM.load(p), use: useLm },
  {
    name: 'tlm (v2, counts)',
    ext: '.tlm',
    seed: async () => saved(async (d) => (await NgramLM.train(SENTENCES, { order: 2, smoothing: 'stupid-backoff' })).save(join(d, 'm.tlm')), 'm.tlm'),
    load: (p) => NgramLM.load(p),
    use: useLm,
  },
  { name: 'tlm (v1)', ext: '.tlm', seed: () => fixture('formats', 'lm-counts.tlm'), inner: tailCrc, load: (p) => NgramLM.load(p), use: useLm },
  { name: 'word2vec text', ext: '.txt', seed: () => saved((d) => kv().save(join(d, 'v.txt')), 'v.txt'), load: (p) => loadVectors(p), use: useVectors },
  { name: 'word2vec bin', ext: '.bin', seed: () => saved((d) => kv().save(join(d, 'v.bin')), 'v.bin'), load: (p) => loadVectors(p), use: useVectors },
  {
    name: 'w2v convert (CLI, no partial output)',
    ext: '.tlv',
    seed: () => saved((d) => kv().save(join(d, 'v.bin')), 'v.bin'),
    load: (p, out) => cli('w2v', 'convert', p, out, '--from', 'binary', '--to', 'tlv'),
  },
  { name: 'tlv (v2)', ext: '.tlv', seed: () => saved((d) => kv().save(join(d, 'v.tlv')), 'v.tlv'), load: (p) => loadVectors(p), use: useVectors },
  { name: 'tlv (v1)', ext: '.tlv', seed: () => fixture('formats', 'vectors.tlv'), inner: tailCrc, load: (p) => loadVectors(p), use: useVectors },
  {
    name: 'tagger (v2)',
    ext: '.tlt',
    seed: () => saved((d) => saveTaggerModel(trainTagger(taggerGold(), { epochs: 1, seed: 1 }), join(d, 't.tlt')), 't.tlt'),
    load: (p) => loadTaggerModel(p),
    use: (m: ReturnType<typeof loadTaggerModel>) => m.tagWords(['I', 'like', 'green', 'tea', '.']),
  },
  { name: 'tagger (v1)', ext: '.tlt', seed: () => fixture('formats', 'tagger.tlt'), inner: taggerV1, load: (p) => loadTaggerModel(p), use: (m: ReturnType<typeof loadTaggerModel>) => m.tagWords(['Anne', 'walked']) },
  {
    name: 'textcat (v2)',
    ext: '.tlc',
    seed: () =>
      saved((d) => TextCategorizer.train(['cat mat', 'dog log', 'cat sat', 'dog ran', 'the cat', 'a dog'], ['c', 'd', 'c', 'd', 'c', 'd'], { model: 'logreg', maxIter: 10 }).save(join(d, 'm.tlc')), 'm.tlc'),
    load: (p) => TextCategorizer.load(p),
    use: (m: TextCategorizer) => m.predictProba(['the cat', 'unknown words']),
  },
  { name: 'textcat (v1)', ext: '.tlc', seed: () => fixture('formats', 'textcat.tlc'), inner: tailCrc, load: (p) => TextCategorizer.load(p), use: (m: TextCategorizer) => m.predictProba(['the team scored']) },
  {
    name: 'search index (v2)',
    seed: () =>
      saved(async (d) => {
        const ix = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title'] });
        ix.addAll(SENTENCES.map((s, i) => ({ id: `d${i}`, title: s.split(' ').slice(0, 2).join(' '), text: s })));
        ix.remove('d3');
        await ix.save(d);
      }),
    load: (p) => SearchIndex.load(p),
    use: useIndex,
    reseal: resealIndex,
  },
  {
    name: 'search index (v1)',
    seed: () => Object.fromEntries(readdirSync(join(FIXTURES, 'formats', 'search-index')).map((f) => [f, fixture('formats', 'search-index', f)])),
    load: (p) => SearchIndex.load(p),
    use: useIndex,
  },
  {
    name: 'pipeline config',
    ext: '.json',
    seed: () =>
      utf8(JSON.stringify({ name: 'fuzz', lang: 'en', tokenizer: { factory: 'tokenizer', options: { prefixes: ['\\('] } }, components: [{ name: 'senter', factory: 'senter' }, { name: 'stemmer', options: { algorithm: 'porter2' } }] }, null, 1)),
    load: (p) => load(p),
    use: (nlp: Awaited<ReturnType<typeof load>>) => nlp('(Hello) there. Second sentence!').text,
  },
  {
    name: 'patterns jsonl',
    ext: '.jsonl',
    seed: () => utf8('{"label":"ORG","pattern":"Acme Corp"}\n{"label":"GPE","pattern":[{"LOWER":"new"},{"LOWER":"york","OP":"?"}],"id":"ny"}\n{"label":"X","pattern":[{"TEXT":{"REGEX":"^a+$"}}]}\n'),
    load: (p) => readEntityPatterns(p),
  },
  {
    name: 'query string',
    ext: '.txt',
    seed: () => utf8('title:(cat OR "the dog"~2) +mat -log^2 ca* dgo~1 text:[a TO z]'),
    load: (p) => parseQuery(new TextDecoder().decode(readFileSync(p))),
  },
  { name: 'jsonl input', ext: '.jsonl', seed: () => utf8('{"id":1,"text":"the cat"}\n{"id":"2","text":"naïve \\u00e9","tags":["a"]}\n\n[1,2]\n'), load: (p) => collect(readJsonl(p)) },
  { name: 'iob2', ext: '.iob2', seed: IOB_SEED, load: (p) => collect(readIob(p)) },
  { name: 'dependency patterns jsonl', ext: '.jsonl', seed: () => utf8('{"label":"sv","pattern":[{"RIGHT_ID":"v","RIGHT_ATTRS":{"POS":"VERB"}},{"LEFT_ID":"v","REL_OP":">","RIGHT_ID":"s","RIGHT_ATTRS":{"DEP":"nsubj"}}]}\n'), load: (p) => readDependencyPatterns(p) },
  { name: 'parser model', ext: '.tlp', seed: () => saved((d) => tinyParser().save(join(d, 'p.tlp')), 'p.tlp'), load: (p) => Parser.load(p), use: (m: Parser) => m.parseWords(['I', 'saw', 'her'], ['PRP', 'VBD', 'PRP']) },
  { name: 'entity model', ext: '.tlner', seed: () => saved((d) => saveEntityModel(tinyEntityModel(), join(d, 'e.tlner')), 'e.tlner'), load: (p) => loadEntityModel(p) },
  { name: 'vector index (hnsw)', ext: '.tlx', seed: () => saved((d) => tinyVectorIndex('hnsw').save(join(d, 'v.tlx')), 'v.tlx'), load: (p) => VectorIndex.load(p), use: useVectorIndex },
  { name: 'vector index (flat)', ext: '.tlx', seed: () => saved((d) => tinyVectorIndex('flat').save(join(d, 'v.tlx')), 'v.tlx'), load: (p) => VectorIndex.load(p), use: useVectorIndex },
];
