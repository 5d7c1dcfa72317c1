import { assertWritable } from '../../io/atomic.js';
import { DocumentFrequencies } from '../../vectorize/doc-freqs.js';
import type { Command } from '../command.js';
import { outFileFlags, printSummary } from '../out-file.js';
import { ProgressBar } from '../progress.js';
import { TFIDF_FLAGS, tfidfInput, tfidfOptions } from '../tfidf-flags.js';

/** `textloom tfidf count`: the document frequencies of one shard of a corpus, for `tfidf merge`. */
export const tfidfCount: Command = {
  name: 'tfidf count',
  summary: 'count the document frequencies of one shard of a corpus into a file (merged later by tfidf merge)',
  usage: '--input FILE --out DF.tldf [--field NAME] [--stop-words ...] [--ngram 1,2] [--min-df N] [--json]',
  help:
    'Count each shard with the same flags, then `textloom tfidf merge` the files: the merged statistics\n' +
    '(vocabulary, pruning, idf) are those of one count over the whole corpus. Pruning flags (--min-df,\n' +
    '--max-df, --max-features) are stored and applied to the merged counts.\n' +
    'Example: textloom tfidf count --input part-0.txt --out part-0.tldf',
  flags: {
    ...TFIDF_FLAGS,
    ...outFileFlags('document-frequency file to write (textloom binary)', 'DF', ['documents', 'terms', 'seconds', 'out']),
  },
  async run(args, io) {
    const f = args.flags;
    const out = String(f.out);
    assertWritable(out);
    const options = tfidfOptions(f);
    const bar = new ProgressBar('tfidf count', undefined);
    const t0 = Date.now();
    const documents = tfidfInput(f, bar, io);
    async function* texts(): AsyncGenerator<string> {
      for await (const [text] of documents) yield text;
    }
    const df = await DocumentFrequencies.countStream(texts(), options);
    df.save(out);
    bar.done(`${df.nDocs} documents`);
    const seconds = (Date.now() - t0) / 1000;
    const summary = { documents: df.nDocs, terms: df.terms.length, seconds, out };
    printSummary(io, f.json, summary, `counted ${df.terms.length} terms in ${df.nDocs} documents in ${seconds.toFixed(2)}s -> ${out}`);
  },
};
