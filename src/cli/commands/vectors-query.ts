import { ArgumentError, NotFoundError } from '../../core/errors.js';
import { VECTOR_SEARCH_DEFAULTS, VectorIndex } from '../../index.js';
import { readVectorFile } from '../vector-file.js';
import type { Command } from '../command.js';
import { positiveIntFlag } from '../flag-values.js';

/** `textloom vectors query`: nearest neighbours of a stored word or of a vector, from an index file. */
export const vectorsQuery: Command = {
  name: 'vectors query',
  summary: 'nearest neighbours of a word in the index, or of a vector, from an index file',
  usage: `--index FILE WORD|--vector FILE [--k ${VECTOR_SEARCH_DEFAULTS.k}] [--ef-search N] [--json]`,
  help: 'Examples:\n  textloom vectors query --index vectors.tlx king --k 5\n  textloom vectors query --index vectors.tlx --vector query.txt --json',
  positionals: { name: 'WORD', doc: 'a word (id) stored in the index; its own entry is left out of the results', min: 0, max: 1 },
  flags: {
    index: { type: 'string', value: 'FILE', doc: 'index file written by `vectors index`', required: true },
    vector: { type: 'string', value: 'FILE', doc: 'a text file with the query vector (numbers separated by spaces or commas)' },
    k: { type: 'number', default: VECTOR_SEARCH_DEFAULTS.k, doc: 'number of neighbours' },
    'ef-search': { type: 'number', doc: "hnsw: candidate list size (default: the index's)" },
    json: { type: 'boolean', doc: 'print JSON {"query","hits":[{"id","score"}]}' },
  },
  async run(args, io) {
    const f = args.flags;
    const word = args.positional[0];
    if ((word === undefined) === (f.vector === undefined)) throw new ArgumentError('give a WORD or --vector FILE (one of them)', { key: '--vector' });
    const k = positiveIntFlag(f.k, 'k');
    const efSearch = f['ef-search'] === undefined ? undefined : positiveIntFlag(f['ef-search'], 'ef-search');
    const index = VectorIndex.load(String(f.index));
    let hits;
    if (word !== undefined) {
      const id = index.idType === 'number' && /^-?\d+$/.test(word) ? Number(word) : word;
      const v = index.getVector(id);
      if (!v) throw new NotFoundError(`"${word}" is not in the index`, { file: String(f.index) });
      hits = index.search(v, k, { efSearch, filter: (x) => x !== id });
    } else hits = index.search(readVectorFile(String(f.vector)), k, { efSearch });
    if (f.json) io.stdout.write(JSON.stringify({ query: word ?? null, hits }) + '\n');
    else for (const h of hits) io.stdout.write(`${h.id}\t${h.score.toFixed(6)}\n`);
  },
};
