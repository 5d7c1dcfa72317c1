import type { Doc } from '../../core/doc.js';
import { ArgumentError } from '../../core/errors.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { load } from '../../pipeline/load.js';
import { render, RENDER_DEFAULTS, type RenderStyle, type TokenSpan } from '../../index.js';
import type { Command } from '../command.js';
import { inputTexts } from '../io.js';
import { ProgressBar } from '../progress.js';
import { loadPatternRuler } from '../pattern-ruler.js';

const STYLES: readonly RenderStyle[] = ['ent', 'dep', 'span'];

/** Whether any token of the doc has a dependency label. */
function hasParse(doc: Doc): boolean {
  for (let i = 0; i < doc.length; i++) if (doc.dep[i] !== 0) return true;
  return false;
}

/** `textloom render`: a pipeline's analysis of a text file as an HTML page (entities, trees or spans). */
export const renderCommand: Command = {
  name: 'render',
  summary: 'draw entities, dependency trees or matched spans of each line as an HTML page',
  usage: '--style ent|dep|span [--input FILE|-] [--out page.html] [--pipeline P] [--patterns FILE.jsonl]',
  help: [
    'Each input line (or paragraph, with --paragraphs) is one document, run through the pipeline.',
    'ent: entities highlighted; dep: one dependency tree per sentence (needs a pipeline with a parser);',
    'span: pattern matches from --patterns (entity-ruler JSON lines), overlaps stacked; without --patterns, the entities.',
    'Example:\n  echo "Ada Lovelace lived in London." | textloom render --style ent --out ents.html',
  ].join('\n'),
  flags: {
    style: { type: 'string', doc: 'ent, dep or span', default: RENDER_DEFAULTS.style, value: 'STYLE' },
    input: { type: 'string', doc: 'text file (.gz ok) or - for stdin', default: '-', value: 'FILE' },
    out: { type: 'string', doc: 'HTML file to write (default: stdout)', value: 'FILE' },
    pipeline: { type: 'string', doc: 'bundled pipeline name or config file', default: 'en_core', value: 'NAME|FILE' },
    patterns: { type: 'string', doc: 'span style: JSON-lines patterns whose matches are drawn', value: 'FILE' },
    paragraphs: { type: 'boolean', doc: 'one document per blank-line-separated paragraph instead of per line' },
    labels: { type: 'string', doc: 'ent/span style: only these labels, comma-separated', value: 'A,B' },
    compact: { type: 'boolean', doc: 'dep style: square arcs, tighter spacing' },
    'fine-grained': { type: 'boolean', doc: 'dep style: Penn tags instead of universal POS' },
    lemmas: { type: 'boolean', doc: 'dep style: lemmas under the words' },
    title: { type: 'string', doc: 'page title', default: RENDER_DEFAULTS.title, value: 'TEXT' },
    fragment: { type: 'boolean', doc: 'write an HTML fragment instead of a whole page' },
    limit: { type: 'number', doc: 'render at most N documents (a page of more is unreadable)', default: 1000, value: 'N' },
    json: { type: 'boolean', doc: 'print a JSON summary (with the HTML when there is no --out)' },
  },
  async run({ flags: f }, io) {
    const style = String(f.style) as RenderStyle;
    if (!STYLES.includes(style)) throw new ArgumentError(`--style must be one of ${STYLES.join(', ')}, got ${JSON.stringify(f.style)}`, { key: '--style' });
    const limit = Number(f.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new ArgumentError(`--limit must be a positive integer, got ${f.limit}`, { key: '--limit' });
    if (f.patterns !== undefined && style !== 'span') throw new ArgumentError('--patterns goes with --style span', { key: '--patterns' });
    const nlp = await load(String(f.pipeline));
    const ruler = f.patterns === undefined ? null : await loadPatternRuler(String(f.patterns), nlp);
    const bar = new ProgressBar('render', undefined, io.stderr);
    const docs: Doc[] = [];
    const spans: TokenSpan[][] = [];
    let seen = 0;
    async function* texts(): AsyncGenerator<string> {
      for await (const t of inputTexts(String(f.input), !!f.paragraphs, io.stderr)) yield t.text;
    }
    for await (const doc of nlp.pipe(texts(), { batchSize: 64 })) {
      seen++;
      if (docs.length >= limit) continue;
      docs.push(doc);
      if (ruler) spans.push(ruler.matches(doc).map((m) => ({ start: m.start, end: m.end, label: m.label })));
      bar.update(seen);
    }
    bar.done(`${seen} documents`);
    if (seen > limit) io.stderr.write(`render: drew the first ${limit} of ${seen} documents (raise --limit to draw more)\n`);
    // Trees need a parse: refuse rather than draw words without arcs.
    if (style === 'dep' && docs.length > 0 && !docs.some(hasParse)) {
      throw new ArgumentError(`pipeline ${JSON.stringify(String(f.pipeline))} set no dependency labels: dependency trees need a parser (components: ${nlp.pipeNames.join(', ') || 'none'})`, { key: '--pipeline' });
    }
    const labels = f.labels === undefined ? undefined : String(f.labels).split(',').map((s) => s.trim()).filter(Boolean);
    const opts = {
      page: !f.fragment,
      title: String(f.title),
      ...(style === 'dep' ? { compact: !!f.compact, fineGrained: !!f['fine-grained'], lemmas: !!f.lemmas } : { labels }),
    };
    const html =
      style === 'span' && ruler
        ? render(
            docs.map((d, k) => ({ tokens: Array.from(d, (t) => t.text), spaces: Array.from(d, (t) => t.spaceAfter), spans: spans[k]! })),
            { ...opts, style },
          )
        : render(docs, { ...opts, style });
    if (f.out !== undefined) await writeFileAtomic(String(f.out), html);
    if (f.json) io.stdout.write(JSON.stringify({ style, documents: docs.length, seen, bytes: Buffer.byteLength(html), ...(f.out !== undefined ? { out: String(f.out) } : { html }) }) + '\n');
    else if (f.out === undefined) io.stdout.write(html);
    return 0;
  },
};
