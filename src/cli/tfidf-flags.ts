/**
 * The flags `tfidf keywords` and `tfidf count` share: the corpus (one document per line, or a
 * JSON-lines field) and the vectorizer options, read alike so counts and keywords agree.
 */
import { ArgumentError } from '../core/errors.js';
import { jsonlTexts } from '../io/jsonl.js';
import type { DocFreqBound } from '../vectorize/count.js';
import type { TfidfVectorizerOptions } from '../vectorize/tfidf.js';
import { ANALYZER_DEFAULTS as VECTORIZER_ANALYZER_DEFAULTS } from '../vectorize/analyzer.js';
import type { FlagSpec } from './args.js';
import type { CommandIO } from './command.js';
import { parseRangeFlag } from './flag-values.js';
import { inputLines } from './io.js';
import type { ProgressBar } from './progress.js';

/** The corpus and vectorizer flags. */
export const TFIDF_FLAGS: Record<string, FlagSpec> = {
  input: { type: 'string', doc: 'corpus: one document per line, or JSONL with --field (.gz ok, - for stdin)', value: 'FILE', required: true, alias: 'i' },
  field: { type: 'string', doc: 'read JSONL and take the text from this field', value: 'NAME' },
  'stop-words': { type: 'string', doc: '"english" (scikit-learn list), "none", or comma-separated words', default: 'english', value: 'LIST' },
  ngram: { type: 'string', option: 'ngramRange', doc: 'word n-gram sizes MIN,MAX', default: VECTORIZER_ANALYZER_DEFAULTS.ngramRange.join(','), value: 'MIN,MAX' },
  'min-df': { type: 'string', doc: 'drop terms in fewer documents (integer count, or proportion with a dot)', value: 'N' },
  'max-df': { type: 'string', doc: 'drop terms in more documents (integer count, or proportion with a dot)', value: 'N' },
  'max-features': { type: 'number', doc: 'keep the N most frequent terms', value: 'N' },
  sublinear: { type: 'boolean', option: 'sublinearTf', doc: 'use 1 + ln(tf)' },
};

function parseBound(v: unknown, flag: string): DocFreqBound | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new ArgumentError(`--${flag} needs a count or a proportion in [0, 1], got ${JSON.stringify(v)}`, { key: `--${flag}` });
  // On the command line "1.0" and "1" look the same; a value with a dot is a proportion.
  return String(v).includes('.') ? { proportion: n } : n;
}

/** The vectorizer options the flags give. */
export function tfidfOptions(f: Record<string, unknown>): TfidfVectorizerOptions {
  const sw = String(f['stop-words']);
  const options: TfidfVectorizerOptions = {
    stopWords: sw === 'english' ? 'english' : sw === 'none' || sw === '' ? null : sw.split(',').map((w) => w.trim()).filter(Boolean),
    ngramRange: parseRangeFlag(f.ngram, 'ngram'),
    sublinearTf: f.sublinear === true,
  };
  const minDf = parseBound(f['min-df'], 'min-df');
  const maxDf = parseBound(f['max-df'], 'max-df');
  if (minDf !== undefined) options.minDf = minDf;
  if (maxDf !== undefined) options.maxDf = maxDf;
  if (f['max-features'] !== undefined) options.maxFeatures = Number(f['max-features']);
  return options;
}

/**
 * The documents of `--input` (with `--field`, that string field of each JSON line; blank JSON lines
 * skipped) with their line numbers, counting them on `bar` every 1024 documents.
 */
export async function* tfidfInput(f: Record<string, unknown>, bar: ProgressBar, io: CommandIO): AsyncGenerator<[string, number]> {
  const input = String(f.input);
  let n = 0;
  for await (const doc of jsonlTexts(inputLines(input, io.stderr), input, f.field === undefined ? undefined : String(f.field))) {
    if ((++n & 1023) === 0) bar.update(n);
    yield doc;
  }
}
