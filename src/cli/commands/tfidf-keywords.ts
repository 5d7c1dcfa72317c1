import { ArgumentError, FormatError } from '../../core/errors.js';

import type { DocFreqBound } from '../../vectorize/count.js';
import { extractKeywords } from '../../vectorize/keywords.js';
import type { TfidfVectorizerOptions } from '../../vectorize/tfidf.js';
import { THREADS_FLAG } from '../threads-flag.js';
import { KEYWORD_DEFAULTS, VECTORIZER_ANALYZER_DEFAULTS } from '../../index.js';
import type { Command } from '../command.js';
import { parseRangeFlag } from '../flag-values.js';
import { inputName } from '../input-name.js';
import { inputLines } from '../io.js';
import { ProgressBar } from '../progress.js';

function parseBound(v: unknown, flag: string): DocFreqBound | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new ArgumentError(`--${flag} needs a count or a proportion in [0, 1], got ${JSON.stringify(v)}`, { key: `--${flag}` });
  // On the command line "1.0" and "1" look the same; a value with a dot is a proportion.
  return String(v).includes('.') ? { proportion: n } : n;
}

/** `textloom tfidf keywords`: top tf-idf terms of every document of a corpus. */
export const tfidfKeywords: Command = {
  name: 'tfidf keywords',
  summary: 'top tf-idf keywords of each document (one per line, or JSONL with --field)',
  usage: '--input FILE [--top K] [--field NAME] [--json] [--stop-words english|none|w1,w2] [--ngram 1,2] [--threads N]',
  help: 'Examples:\n  textloom tfidf keywords --input docs.txt --top 5\n  textloom tfidf keywords --input docs.jsonl --field text --top 10 --json',
  flags: {
    input: { type: 'string', doc: 'corpus: one document per line, or JSONL with --field (.gz ok, - for stdin)', value: 'FILE', required: true, alias: 'i' },
    top: { type: 'number', doc: 'keywords per document', default: KEYWORD_DEFAULTS.top, value: 'K', alias: 'k' },
    field: { type: 'string', doc: 'read JSONL and take the text from this field', value: 'NAME' },
    json: { type: 'boolean', doc: 'print one JSON object per document: {"doc", "line", "keywords": [{"term", "score"}]}' },
    'stop-words': { type: 'string', doc: '"english" (scikit-learn list), "none", or comma-separated words', default: 'english', value: 'LIST' },
    ngram: { type: 'string', option: 'ngramRange', doc: 'word n-gram sizes MIN,MAX', default: VECTORIZER_ANALYZER_DEFAULTS.ngramRange.join(','), value: 'MIN,MAX' },
    'min-df': { type: 'string', doc: 'drop terms in fewer documents (integer count, or proportion with a dot)', value: 'N' },
    'max-df': { type: 'string', doc: 'drop terms in more documents (integer count, or proportion with a dot)', value: 'N' },
    'max-features': { type: 'number', doc: 'keep the N most frequent terms', value: 'N' },
    sublinear: { type: 'boolean', option: 'sublinearTf', doc: 'use 1 + ln(tf)' },
    threads: { ...THREADS_FLAG, doc: 'worker threads counting and weighting the documents (0: every core; the output is the same as with 1)' },
  },
  async run(args, io) {
    const f = args.flags;
    const input = String(f.input);
    const top = Number(f.top);
    if (!Number.isInteger(top) || top < 1) throw new ArgumentError(`--top needs a positive integer, got ${f.top}`, { key: '--top' });
    const field = f.field === undefined ? undefined : String(f.field);
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

    const bar = new ProgressBar('reading', undefined, io.stderr);
    const docs: string[] = [];
    const lines: number[] = [];
    for await (const [line, n] of inputLines(input, io.stderr)) {
      if (field !== undefined) {
        if (line.trim() === '') continue;
        let rec: unknown;
        try {
          rec = JSON.parse(line);
        } catch (e) {
          throw new FormatError(`invalid JSON: ${(e as Error).message}`, { file: input, line: n });
        }
        const text = rec !== null && typeof rec === 'object' ? (rec as Record<string, unknown>)[field] : undefined;
        if (typeof text !== 'string') throw new FormatError(`record has no string field "${field}"`, { file: input, line: n, key: field });
        docs.push(text);
      } else docs.push(line);
      lines.push(n);
      if ((docs.length & 1023) === 0) bar.update(docs.length);
    }
    bar.done(`${docs.length} documents`);
    if (docs.length === 0) throw new FormatError(`no documents in ${inputName(input)}`, { file: input });

    const threads = Number(f.threads);
    const rows = threads === 1 ? extractKeywords(docs, { ...options, top }) : await extractKeywords(docs, { ...options, top, threads });
    const out: string[] = [];
    const flush = () => {
      io.stdout.write(out.join(''));
      out.length = 0;
    };
    for (let i = 0; i < rows.length; i++) {
      const kw = rows[i]!;
      if (f.json) out.push(JSON.stringify({ doc: i, line: lines[i], keywords: kw.map((k) => ({ term: k.term, score: Number(k.score.toFixed(6)) })) }) + '\n');
      else out.push(`${lines[i]}\t${kw.map((k) => `${k.term}:${k.score.toFixed(4)}`).join(' ')}\n`);
      if (out.length >= 1024) flush();
    }
    flush();
    return 0;
  },
};
