import { ArgumentError, FormatError } from '../../core/errors.js';
import { extractKeywords } from '../../vectorize/keywords.js';
import { KEYWORD_DEFAULTS } from '../../vectorize/options.js';
import type { Command } from '../command.js';
import { inputName } from '../input-name.js';
import { ProgressBar } from '../progress.js';
import { TFIDF_FLAGS, tfidfInput, tfidfOptions } from '../tfidf-flags.js';
import { THREADS_FLAG } from '../threads-flag.js';

/** `textloom tfidf keywords`: top tf-idf terms of every document of a corpus. */
export const tfidfKeywords: Command = {
  name: 'tfidf keywords',
  summary: 'top tf-idf keywords of each document (one per line, or JSONL with --field)',
  usage: '--input FILE [--top K] [--field NAME] [--json] [--stop-words english|none|w1,w2] [--ngram 1,2] [--threads N]',
  help: 'Examples:\n  textloom tfidf keywords --input docs.txt --top 5\n  textloom tfidf keywords --input docs.jsonl --field text --top 10 --json',
  flags: {
    ...TFIDF_FLAGS,
    top: { type: 'number', doc: 'keywords per document', default: KEYWORD_DEFAULTS.top, value: 'K', alias: 'k' },
    json: { type: 'boolean', doc: 'print one JSON object per document: {"doc", "line", "keywords": [{"term", "score"}]}' },
    threads: { ...THREADS_FLAG, doc: 'worker threads counting and weighting the documents (0: every core; the output is the same as with 1)' },
  },
  async run(args, io) {
    const f = args.flags;
    const input = String(f.input);
    const top = Number(f.top);
    if (!Number.isInteger(top) || top < 1) throw new ArgumentError(`--top needs a positive integer, got ${f.top}`, { key: '--top' });
    const options = tfidfOptions(f);

    const bar = new ProgressBar('reading', undefined, io.stderr);
    const docs: string[] = [];
    const lines: number[] = [];
    for await (const [text, n] of tfidfInput(f, bar, io)) {
      docs.push(text);
      lines.push(n);
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
