import { ArgumentError } from '../../core/errors.js';
import { readLines } from '../../io/lines.js';
import { SearchIndex } from '../../search/search-index.js';
import type { Command } from '../command.js';
import { count } from '../plural.js';

/**
 * `textloom index delete`: deletes documents by id from a saved index and saves it back with an
 * atomic manifest swap (the index on disk is either the old or the new one).
 */
export const indexDeleteCommand: Command = {
  name: 'index delete',
  summary: 'delete documents by id from a saved search index',
  usage: 'DIR ID... | DIR --ids FILE [--compact] [--json]',
  help: [
    'Ids not in the index are reported, not an error. Deleted documents are tombstones until --compact',
    'rebuilds the index without them.',
    'Examples:',
    '  textloom index delete idx doc-17 doc-42',
    '  textloom index delete idx --ids stale-ids.txt --compact',
  ].join('\n'),
  positionals: { name: 'DIR [ID...]', doc: 'the index directory, then the ids to delete', min: 1, max: Infinity },
  flags: {
    ids: { type: 'string', doc: 'file with one id per line (- for stdin)', value: 'FILE' },
    compact: { type: 'boolean', doc: 'purge deleted documents from the saved index' },
    json: { type: 'boolean', doc: 'print {"deleted", "notFound", "documents"} as JSON' },
  },
  async run(args, io) {
    const [dir, ...ids] = args.positional as [string, ...string[]];
    if (args.flags.ids !== undefined) {
      for await (const line of readLines(String(args.flags.ids))) {
        const id = line.trim();
        if (id) ids.push(id);
      }
    }
    if (!ids.length && !args.flags.compact) throw new ArgumentError('give the ids to delete (after DIR, or --ids FILE)', { key: '--ids' });
    const index = await SearchIndex.load(dir);
    let deleted = 0;
    const notFound: string[] = [];
    for (const id of ids) {
      if (index.remove(id)) deleted++;
      else notFound.push(id);
    }
    if (args.flags.compact) index.compact();
    if (deleted > 0 || args.flags.compact) await index.save(dir);
    if (args.flags.json) io.stdout.write(JSON.stringify({ deleted, notFound, documents: index.documentCount }) + '\n');
    else {
      const missing = notFound.length ? `; not in the index: ${notFound.slice(0, 10).join(', ')}${notFound.length > 10 ? ` and ${notFound.length - 10} more` : ''}` : '';
      io.stdout.write(`deleted ${count(deleted, 'document')}; ${dir} now has ${count(index.documentCount, 'document')}${missing}\n`);
    }
  },
};
