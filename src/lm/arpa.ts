/**
 * ARPA text format, the contract KenLM's `query` and every n-gram toolkit reads:
 * `\data\`, `ngram N=count` lines, then per order `\N-grams:` with lines
 * `log10prob <TAB> w1 .. wN [<TAB> log10backoff]`, then `\end\`.
 * The writer prints values like lmplz (shortest float32 decimals, a backoff on every line below
 * the highest order, `<s>` first in the unigrams after `<unk>`). The reader accepts any valid
 * ARPA (tabs or spaces, missing backoffs = 0, gzip) and names the line of any error.
 */
import { StringDecoder } from 'node:string_decoder';
import { FormatError } from '../core/errors.js';
import { inputError, openInput } from '../io/lines.js';
import { grow } from '../util/typed.js';
import { formatFloat32 } from './float-format.js';
import type { BackoffData } from './model-data.js';
import { NgramTable } from './ngram-table.js';
import { LmVocab, SPECIAL_WORDS } from './vocab.js';

/** Most entries an order's arrays are pre-sized for from the header's count (they grow past it). */
const PRESIZE_LIMIT = 1 << 20;

/** log10 probability KenLM substitutes for a missing `<unk>`. */
export const MISSING_UNK_LOG10 = -100;

/** Yields the ARPA text of `d` in chunks of about 64 KB. */
export function* arpaChunks(d: BackoffData): Generator<string> {
  const words = d.vocab.words;
  let out = '\\data\\\n';
  for (let n = 1; n <= d.order; n++) out += `ngram ${n}=${d.tables[n - 1]!.size}\n`;
  for (let n = 1; n <= d.order; n++) {
    out += `\n\\${n}-grams:\n`;
    const t = d.tables[n - 1]!;
    const keys = t.keys;
    const prob = d.prob[n - 1]!;
    const bo = d.backoff[n - 1]!;
    const last = n === d.order;
    for (let e = 0; e < t.size; e++) {
      let line = formatFloat32(prob[e]!) + '\t' + words[keys[e * n]!];
      for (let i = 1; i < n; i++) line += ' ' + words[keys[e * n + i]!];
      out += last ? line + '\n' : line + '\t' + formatFloat32(bo[e]!) + '\n';
      if (out.length > 65536) {
        yield out;
        out = '';
      }
    }
  }
  yield out + '\n\\end\\\n';
}

const WS = /[ \t]+/;

function parseNumber(s: string | undefined, file: string, line: number, what: string): number {
  const v = s === undefined ? NaN : Number(s);
  if (s === undefined || s === '' || Number.isNaN(v)) throw new FormatError(`bad ${what} ${JSON.stringify(s ?? '')} in ARPA file`, { file, line });
  return v;
}

/** Lines of a file (gz ok) in batches, one per read chunk: far less per-line overhead than readline. */
async function* lineBatches(file: string): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  // 1 MB chunks: the default 16 KB ones make gunzip callbacks dominate.
  const input = openInput(file, { chunkSize: 1 << 20 });
  try {
    for await (const chunk of input) {
      const text = carry + decoder.write(chunk as Buffer);
      const lines = text.split('\n');
      carry = lines.pop()!;
      yield lines;
    }
  } catch (e) {
    throw inputError(e, file);
  }
  const rest = carry + decoder.end();
  if (rest) yield [rest];
}

/**
 * Reads an ARPA file (optionally `.gz`) into backoff data. Words get KenLM's ids (`<unk>` 0,
 * `<s>` 1, `</s>` 2, the rest in file order); a missing `<unk>` gets log10 prob -100.
 */
export async function readArpa(file: string): Promise<BackoffData> {
  let ln = 0;
  const sizes: number[] = [];
  let state: 'pre' | 'counts' | 'body' = 'pre';
  let n = 0; // order being read
  let read = 0;
  let vocab = new LmVocab();
  let tables: NgramTable[] = [];
  const prob: Float32Array[] = [];
  const backoff: Float32Array[] = [];
  let uniProb: number[] = [];
  let uniBo: number[] = [];
  let uniSeen: Uint8Array | undefined;
  const ids = new Uint32Array(64);
  let ended = false;
  let lastLine = 0;
  for await (const batch of lineBatches(file)) for (const raw of batch) {
    lastLine = ++ln;
    const line = raw.trim();
    if (state === 'pre') {
      if (line === '\\data\\') state = 'counts';
      continue;
    }
    if (state === 'counts') {
      if (line === '') {
        if (sizes.length) state = 'body';
        continue;
      }
      const m = /^ngram (\d+)\s*=\s*(\d+)$/.exec(line);
      if (!m) {
        if (line.startsWith('\\') && sizes.length) state = 'body';
        else throw new FormatError(`expected "ngram N=count" in the ARPA header, got ${JSON.stringify(line.slice(0, 60))}`, { file, line: ln });
      } else {
        const order = Number(m[1]);
        if (order !== sizes.length + 1) throw new FormatError(`ngram counts out of order: expected order ${sizes.length + 1}, got ${order}`, { file, line: ln });
        if (order > 64) throw new FormatError(`order ${order} is too large (at most 64)`, { file, line: ln });
        sizes.push(Number(m[2]));
        continue;
      }
    }
    // body
    if (ended) {
      if (line !== '') throw new FormatError('text after \\end\\', { file, line: ln });
      continue;
    }
    if (line === '') continue;
    if (line.startsWith('\\')) {
      if (n > 0 && read !== sizes[n - 1]) throw new FormatError(`the header says ${sizes[n - 1]} ${n}-grams but ${read} were listed`, { file, line: ln });
      if (n === 1) ({ vocab, tables } = finishUnigrams(uniProb, uniBo, vocab, prob, backoff, tables));
      if (line === '\\end\\') {
        if (n !== sizes.length) throw new FormatError(`\\end\\ after order ${n} but the header lists ${sizes.length} orders`, { file, line: ln });
        ended = true;
        continue;
      }
      const m = /^\\(\d+)-grams:$/.exec(line);
      if (!m || Number(m[1]) !== n + 1) throw new FormatError(`expected \\${n + 1}-grams: or \\end\\, got ${JSON.stringify(line.slice(0, 60))}`, { file, line: ln });
      n++;
      if (n > sizes.length) throw new FormatError(`section for order ${n} but the header lists ${sizes.length} orders`, { file, line: ln });
      read = 0;
      if (n === 1) {
        uniProb = [];
        uniBo = [];
      } else {
        // The header's count is only a claim until the lines are read: pre-size for at most
        // PRESIZE_LIMIT entries and grow, so a wrong or hostile count cannot exhaust memory.
        const expect = Math.min(sizes[n - 1]!, PRESIZE_LIMIT);
        tables.push(new NgramTable(n, expect));
        prob.push(new Float32Array(expect));
        backoff.push(new Float32Array(expect));
      }
      continue;
    }
    if (n === 0) throw new FormatError('n-gram line before the first \\1-grams: section', { file, line: ln });
    if (read >= sizes[n - 1]!) throw new FormatError(`more ${n}-grams than the ${sizes[n - 1]} the header says`, { file, line: ln });
    const parts = line.split(WS);
    if (parts.length < n + 1 || parts.length > n + 2) throw new FormatError(`a ${n}-gram line needs a probability, ${n} word(s) and an optional backoff; got ${parts.length} fields`, { file, line: ln });
    const p = parseNumber(parts[0], file, ln, 'probability');
    const b = parts.length === n + 2 ? parseNumber(parts[n + 1], file, ln, 'backoff') : 0;
    if (p > 0) throw new FormatError(`positive log10 probability ${p}`, { file, line: ln });
    if (n === 1) {
      const w = parts[1]!;
      const before = vocab.size;
      const id = vocab.add(w);
      if (id < SPECIAL_WORDS.length) {
        if (uniSeen?.[id]) throw new FormatError(`duplicate unigram ${w}`, { file, line: ln });
        (uniSeen ??= new Uint8Array(SPECIAL_WORDS.length))[id] = 1;
      } else if (vocab.size === before) throw new FormatError(`duplicate unigram ${JSON.stringify(w)}`, { file, line: ln });
      uniProb[id] = p;
      uniBo[id] = b;
    } else {
      for (let i = 0; i < n; i++) {
        const w = parts[i + 1]!;
        const id = vocab.lookup(w);
        if (id === undefined) throw new FormatError(`word ${JSON.stringify(w)} is not among the unigrams`, { file, line: ln });
        ids[i] = id;
      }
      const t = tables[n - 1]!;
      const e = t.insert(ids, 0);
      if (e !== t.size - 1 || e !== read) throw new FormatError(`duplicate ${n}-gram ${JSON.stringify(parts.slice(1, n + 1).join(' '))}`, { file, line: ln });
      if (e >= prob[n - 1]!.length) {
        prob[n - 1] = grow(prob[n - 1]!, e + 1);
        backoff[n - 1] = grow(backoff[n - 1]!, e + 1);
      }
      prob[n - 1]![e] = p;
      backoff[n - 1]![e] = b;
    }
    read++;
  }
  if (state === 'pre') throw new FormatError('not an ARPA file: no \\data\\ line', { file, line: lastLine || 1 });
  if (!ended) throw new FormatError('truncated ARPA file: no \\end\\', { file, line: lastLine });
  if (sizes.length === 0) throw new FormatError('the ARPA header lists no n-gram counts', { file, line: lastLine });
  for (const t of tables) t.compact();
  for (let i = 1; i < prob.length; i++) {
    const size = tables[i]!.size;
    if (prob[i]!.length !== size) {
      prob[i] = prob[i]!.slice(0, size);
      backoff[i] = backoff[i]!.slice(0, size);
    }
  }
  return { kind: 'backoff', order: sizes.length, vocab, tables, prob, backoff };
}

/** Builds the unigram table (entry = word id) once the unigram section is complete. */
function finishUnigrams(
  uniProb: number[],
  uniBo: number[],
  vocab: LmVocab,
  prob: Float32Array[],
  backoff: Float32Array[],
  tables: NgramTable[],
): { vocab: LmVocab; tables: NgramTable[] } {
  const V = vocab.size;
  const t = new NgramTable(1, V);
  const one = new Uint32Array(1);
  const p = new Float32Array(V);
  const b = new Float32Array(V);
  for (let id = 0; id < V; id++) {
    one[0] = id;
    t.insert(one, 0);
    // Reserved words absent from the file: <unk> (and </s>) get KenLM's -100; <s> is never predicted.
    p[id] = uniProb[id] ?? (id === 1 ? 0 : MISSING_UNK_LOG10);
    b[id] = uniBo[id] ?? 0;
  }
  prob.push(p);
  backoff.push(b);
  tables.push(t);
  return { vocab, tables };
}
