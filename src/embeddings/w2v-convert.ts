/**
 * Streaming conversion between vector file formats. Between the word2vec text and binary formats
 * each row is parsed and re-encoded at once, so a file of any size converts in about 1 MB of
 * output buffer plus one row (gensim loads the whole model first). The .tlv format is one
 * CRC-checked block, so a conversion from or to it goes through memory.
 */
import { ArgumentError } from '../core/errors.js';
import { writeFileAtomicFrom } from '../io/atomic.js';
import { readNumberedLines } from '../io/lines.js';
import { checkOptions, CONVERT_SCHEMA } from './options.js';
import type { VectorData } from './vector-data.js';
import { formatFromPath, loadNative, loadPlan, readBinaryRows, readTextRows, readVectors, W2vEncoder, writeVectors, type RowSink, type VectorFormat } from './w2v-format.js';

/** Options of {@link convertVectors}. */
export interface ConvertOptions {
  /** Input format; default: native when the file starts with the .tlv magic, else by extension (`.bin` binary, else text). */
  from?: VectorFormat;
  /** Output format; default by the output's extension (`.bin` binary, `.tlv` native, else text). */
  to?: VectorFormat;
  /** Keep only the first N vectors (an integer >= 0); default all. */
  limit?: number;
  /** Text input without a `<count> <dims>` line (GloVe); the file is then read twice (once to count). Default false. */
  noHeader?: boolean;
}

/** What {@link convertVectors} wrote. */
export interface ConvertResult {
  /** Vectors written. */
  words: number;
  dim: number;
  from: VectorFormat;
  to: VectorFormat;
}

/** A sink that encodes each row as it comes and writes the output in ~1 MB pieces. */
function encodingSink(enc: W2vEncoder, write: (chunk: string | Uint8Array) => Promise<void>, count: number | undefined): RowSink<ConvertResult> {
  let started = false;
  return {
    held: 0,
    start(rows, dim) {
      started = true;
      enc.header(count ?? rows, dim);
      this.held = enc.held;
    },
    row(word, vector) {
      enc.row(word, vector, 0, vector.length);
      this.held = enc.held;
    },
    end(n, dim) {
      // A headerless input cut to 0 rows never learns its dimension: "0 1", as writeVectors writes it.
      if (!started) enc.header(0, dim);
      return { words: n, dim, from: 'text', to: enc.format };
    },
    async flush() {
      await write(enc.take());
      this.held = 0;
    },
  };
}

/** Rows in a headerless text file (non-blank lines, as the reader counts them), up to `limit`. */
async function countRows(file: string, limit: number): Promise<number> {
  let n = 0;
  for await (const [line] of readNumberedLines(file)) {
    if (n >= limit) break;
    if (line.trim() !== '') n++;
  }
  return n;
}

/**
 * Rewrites a vectors file in another format, atomically (a malformed input leaves no output).
 * Between word2vec text and binary it streams: rows are read, checked and re-encoded one at a
 * time, and the bytes equal those of `readVectors` then `writeVectors`. From or to .tlv the
 * vectors are read whole. Malformed input is a FormatError with the line or byte offset; a word
 * the word2vec formats cannot hold is an ArgumentError.
 * @example await convertVectors('GoogleNews-vectors-negative300.bin', 'vectors.txt', { limit: 200000 }) // { words: 200000, dim: 300, from: 'binary', to: 'text' }
 */
export async function convertVectors(input: string, output: string, opts: ConvertOptions = {}): Promise<ConvertResult> {
  checkOptions(CONVERT_SCHEMA, opts, 'convert');
  if (/\.gz$/i.test(output)) throw new ArgumentError('writing gzipped vector files is not supported; convert without .gz and compress the file', { file: output });
  const { limit, format: from, noHeader } = loadPlan(input, { ...(opts.from ? { format: opts.from } : {}), ...(opts.limit !== undefined ? { limit: opts.limit } : {}), ...(opts.noHeader ? { noHeader: true } : {}) });
  const to = opts.to ?? formatFromPath(output);
  if (from === 'native' || to === 'native') {
    // The native reader has no limit: the rows are cut here.
    const kv = from === 'native' ? cut(loadNative(input), limit) : await readVectors(input, { format: from, limit, noHeader });
    await writeVectors(kv, output, { format: to });
    return { words: kv.words.length, dim: kv.dim, from, to };
  }
  // The header comes first: without one in the input, the rows are counted in a first pass.
  const count = noHeader ? await countRows(input, limit) : undefined;
  return writeFileAtomicFrom(output, async (write) => {
    const sink = encodingSink(new W2vEncoder(to), write, count);
    const r = from === 'binary' ? await readBinaryRows(input, limit, sink) : await readTextRows(input, limit, noHeader, sink);
    await sink.flush!();
    return { ...r, from };
  });
}

function cut(kv: VectorData, limit: number): VectorData {
  if (kv.words.length <= limit) return kv;
  return { words: kv.words.slice(0, limit), vectors: kv.vectors.slice(0, limit * kv.dim), dim: kv.dim, counts: kv.counts?.slice(0, limit) };
}
