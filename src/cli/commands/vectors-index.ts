import { KeyedVectors, VECTOR_INDEX_DEFAULTS, VectorIndex, type VectorIndexKind, type VectorMetric, type VectorQuantization } from '../../index.js';
import { assertWritable } from '../../io/atomic.js';
import type { Command } from '../command.js';
import { VECTOR_LOAD_FLAGS, vectorLoadOptions } from '../vector-load-flags.js';
import { ProgressBar } from '../progress.js';

/** `textloom vectors index`: builds a nearest-neighbour index file over a word vectors file. */
export const vectorsIndex: Command = {
  name: 'vectors index',
  summary: 'build a nearest-neighbour index (HNSW or exact) over a vectors file',
  usage: `--vectors FILE --out FILE [--kind ${VECTOR_INDEX_DEFAULTS.kind}|flat] [--metric ${VECTOR_INDEX_DEFAULTS.metric}] [--m ${VECTOR_INDEX_DEFAULTS.m}] [--ef-construction ${VECTOR_INDEX_DEFAULTS.efConstruction}] [--seed N] [--json]`,
  help: 'The index is one file that holds the vectors, their words and the graph.\nExample:\n  textloom vectors index --vectors vectors.bin --out vectors.tlx --kind hnsw --m 16',
  flags: {
    vectors: { type: 'string', value: 'FILE', doc: 'word vectors (.bin, .txt, .vec or .tlv)', required: true },
    out: { type: 'string', value: 'FILE', doc: 'index file to write (.tlx)', required: true },
    kind: { type: 'string', value: 'KIND', default: VECTOR_INDEX_DEFAULTS.kind, doc: 'hnsw (approximate) or flat (exact)' },
    metric: { type: 'string', value: 'METRIC', default: VECTOR_INDEX_DEFAULTS.metric, doc: 'cosine, ip or l2' },
    m: { type: 'number', default: VECTOR_INDEX_DEFAULTS.m, doc: 'hnsw: links per node' },
    'ef-construction': { type: 'number', default: VECTOR_INDEX_DEFAULTS.efConstruction, doc: 'hnsw: candidate list size while building' },
    'ef-search': { type: 'number', default: VECTOR_INDEX_DEFAULTS.efSearch, doc: 'hnsw: default candidate list size while searching' },
    quantization: { type: 'string', value: 'Q', default: VECTOR_INDEX_DEFAULTS.quantization, doc: 'hnsw: none or int8 (int8 walk, float re-ranking)' },
    seed: { type: 'number', default: VECTOR_INDEX_DEFAULTS.seed, doc: 'hnsw: seed of the level assignment' },
    ...VECTOR_LOAD_FLAGS,
    json: { type: 'boolean', doc: 'print a JSON summary {"vectors","dim","kind","metric","seconds","bytes","out"}' },
  },
  async run(args, io) {
    const f = args.flags;
    const out = String(f.out);
    assertWritable(out);
    const kv = await KeyedVectors.load(String(f.vectors), vectorLoadOptions(args.flags));
    const start = performance.now();
    const index = VectorIndex.create({
      dim: kv.dim,
      kind: f.kind as VectorIndexKind,
      metric: f.metric as VectorMetric,
      m: f.m as number,
      efConstruction: f['ef-construction'] as number,
      efSearch: f['ef-search'] as number,
      quantization: f.quantization as VectorQuantization,
      seed: f.seed as number,
      capacity: Math.max(1, kv.words.length),
    });
    const bar = new ProgressBar('vectors index', kv.words.length, io.stderr);
    index.addAll(kv.words, kv.vectors.subarray(0, kv.words.length * kv.dim), (done) => bar.update(done));
    bar.done();
    const bytes = index.toBytes();
    index.save(out);
    const seconds = Math.round(performance.now() - start) / 1000;
    if (f.json) io.stdout.write(JSON.stringify({ vectors: index.size, dim: index.dim, kind: index.kind, metric: index.metric, seconds, bytes: bytes.length, out }) + '\n');
    else io.stdout.write(`indexed ${index.size} vectors of dimension ${index.dim} (${index.kind}, ${index.metric}) in ${seconds.toFixed(1)}s; saved ${out}\n`);
  },
};
