import { assertWritable } from '../../io/atomic.js';
import { DocumentFrequencies } from '../../vectorize/doc-freqs.js';
import type { Command } from '../command.js';
import { outFileFlags, printSummary } from '../out-file.js';
import { ProgressBar } from '../progress.js';

/** `textloom tfidf merge`: sums document-frequency files (from tfidf count) into one. */
export const tfidfMerge: Command = {
  name: 'tfidf merge',
  summary: 'merge document-frequency files (from tfidf count) into one, equal to one count over the whole corpus',
  usage: 'DF... --out DF.tldf [--json]',
  help:
    'Every file must have been counted with the same analyzer flags. The merged file is the one\n' +
    '`tfidf count` writes for the concatenated corpus; load it with DocumentFrequencies.load(...).toVectorizer().\n' +
    'Example: textloom tfidf merge part-0.tldf part-1.tldf --out corpus.tldf',
  positionals: { name: 'DF...', doc: 'document-frequency files written by tfidf count', min: 1, max: Infinity },
  flags: {
    ...outFileFlags('merged document-frequency file', 'DF', ['inputs', 'documents', 'terms', 'seconds', 'out']),
  },
  async run(args, io) {
    const f = args.flags;
    const out = String(f.out);
    assertWritable(out);
    const files = args.positional.map(String);
    const bar = new ProgressBar('tfidf merge', files.length);
    const t0 = Date.now();
    const parts: DocumentFrequencies[] = [];
    for (const file of files) {
      parts.push(DocumentFrequencies.load(file));
      bar.update(parts.length, 'files');
    }
    const merged = DocumentFrequencies.merge(parts);
    merged.save(out);
    bar.done(`${merged.terms.length} terms`);
    const seconds = (Date.now() - t0) / 1000;
    const summary = { inputs: files.length, documents: merged.nDocs, terms: merged.terms.length, seconds, out };
    printSummary(io, f.json, summary, `merged ${files.length} files (${merged.nDocs} documents, ${merged.terms.length} terms) in ${seconds.toFixed(2)}s -> ${out}`);
  },
};
