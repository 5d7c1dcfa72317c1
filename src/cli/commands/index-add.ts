import { ArgumentError, FormatError } from '../../core/errors.js';
import { readJsonl } from '../../io/jsonl.js';
import { SearchIndex } from '../../search/search-index.js';
import type { Command } from '../command.js';
import { inputName } from '../input-name.js';
import { ProgressBar } from '../progress.js';
import { count } from '../plural.js';

/**
 * `textloom index add`: adds JSON-lines documents to a saved index. The index is loaded, the
 * documents are added in memory and the index is saved back with an atomic manifest swap, so a
 * bad document or a crash leaves the index on disk as it was.
 */
export const indexAddCommand: Command = {
  name: 'index add',
  summary: 'add JSON-lines documents to a saved search index (all or nothing)',
  usage: 'DIR docs.jsonl [--update] [--json]',
  help: [
    'Documents need the index id field and its indexed fields (its analyzers are reused). An id already',
    'in the index is an error unless --update, which replaces that document. Nothing is written unless',
    'every document was added.',
    'Example:',
    '  textloom index add idx new-docs.jsonl',
  ].join('\n'),
  positionals: { name: 'DIR FILE', doc: 'the index directory and a JSON-lines file of documents (.gz ok, - for stdin)', min: 2, max: 2 },
  flags: {
    update: { type: 'boolean', doc: 'replace documents whose id is already indexed instead of failing' },
    json: { type: 'boolean', doc: 'print {"added", "replaced", "documents", "deleted"} as JSON' },
  },
  async run(args, io) {
    const [dir, file] = args.positional as [string, string];
    const index = await SearchIndex.load(dir);
    const update = args.flags.update === true;
    const bar = new ProgressBar('adding', undefined, io.stderr);
    let added = 0;
    let replaced = 0;
    let n = 0;
    for await (const d of readJsonl<Record<string, unknown>>(file)) {
      n++;
      try {
        if (update) {
          const id = d && typeof d === 'object' ? d[index.idField] : undefined;
          const existed = (typeof id === 'string' || typeof id === 'number') && index.has(id);
          index.update(d);
          if (existed) replaced++;
          else added++;
        } else {
          index.add(d);
          added++;
        }
      } catch (e) {
        // Nothing is saved yet: say so, and which record (the index's message knows no line).
        if (e instanceof ArgumentError) throw e.withDetail(`document ${n} of ${inputName(file)}: ${e.detail.replace('(use update)', '(--update replaces it)')}; ${dir} was not changed`);
        throw e;
      }
      if ((n & 511) === 0) bar.update(n);
    }
    bar.done();
    // As index build: an empty file is a mistake (a wrong path, a failed export), not a no-op.
    if (n === 0) throw new FormatError(`no documents in ${inputName(file)}; ${dir} was not changed`, { file });
    if (added + replaced > 0) await index.save(dir);
    const s = { added, replaced, documents: index.documentCount, deleted: index.deletedCount };
    if (args.flags.json) io.stdout.write(JSON.stringify(s) + '\n');
    else io.stdout.write(`added ${update ? `${added}, replaced ${count(replaced, 'document')}` : count(added, 'document')}; ${dir} now has ${count(s.documents, 'document')}${s.deleted ? ` (${s.deleted} deleted, not yet compacted)` : ''}\n`);
  },
};
