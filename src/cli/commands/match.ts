import { EntityRuler, locateError, readEntityPatterns } from '../../components/matcher/entity-ruler.js';
import { ANNOTATION_PHRASE_ATTRS, PHRASE_ATTRS } from '../../components/matcher/attrs.js';
import { ArgumentError, FormatError } from '../../core/errors.js';
import { inputName } from '../input-name.js';
import { inputLines } from '../io.js';
import { load } from '../../pipeline/load.js';
import { ENTITY_RULER_DEFAULTS } from '../../index.js';
import type { Command } from '../command.js';
import { ProgressBar } from '../progress.js';

/**
 * `textloom match`: runs token and phrase patterns (entity-ruler JSONL records) over each line of
 * a file and prints one JSON object per match.
 */
export const matchCommand: Command = {
  name: 'match',
  summary: 'find token/phrase pattern matches in each line of a file (JSON lines out)',
  usage: '--patterns FILE.jsonl --input FILE [--pipeline P] [--attr ORTH]',
  help: [
    'Patterns are JSON lines like the entity ruler takes:',
    '  {"label": "GREETING", "pattern": [{"LOWER": "hello"}, {"IS_PUNCT": true, "OP": "?"}]}',
    '  {"label": "CITY", "pattern": "New York", "id": "nyc"}',
    'Each input line is one document. Output, one line per match (every overlapping match):',
    '  {"line":1,"label":"CITY","id":"nyc","start":3,"end":5,"startChar":12,"endChar":20,"text":"New York"}',
  ].join('\n'),
  flags: {
    patterns: { type: 'string', doc: 'JSON-lines pattern file', value: 'FILE', required: true },
    input: { type: 'string', doc: 'text file, one document per line ("-" for stdin; .gz ok)', value: 'FILE', required: true },
    pipeline: { type: 'string', doc: 'pipeline name or config path that tokenizes (and annotates) the text', value: 'P', default: 'en_core' },
    attr: { type: 'string', doc: `token attribute phrase patterns match on (${PHRASE_ATTRS.join(', ')})`, value: 'ATTR', default: ENTITY_RULER_DEFAULTS.phraseMatcherAttr },
  },
  async run(args, io) {
    const f = args.flags;
    const attr = String(f.attr).toUpperCase();
    if (!PHRASE_ATTRS.includes(attr)) throw new ArgumentError(`--attr must be one of ${PHRASE_ATTRS.join(', ')}`, { key: '--attr' });
    const nlp = await load(String(f.pipeline));
    // Phrases on an annotation attribute need that annotation: run the whole pipeline over them,
    // as spaCy's entity ruler runs the components before it (plain tokenizing is enough otherwise).
    const annotated = ANNOTATION_PHRASE_ATTRS.has(attr);
    const ruler = new EntityRuler(nlp.vocab, (t) => (annotated ? nlp(t) : nlp.makeDoc(t)), { phraseMatcherAttr: attr, validate: true });
    const file = String(f.patterns);
    const patterns = await readEntityPatterns(file);
    // No patterns would print nothing and exit 0, as if the text had no matches.
    if (patterns.length === 0) throw new FormatError(`no patterns in ${inputName(file)}`, { file });
    for (const { pattern, line } of patterns) {
      try {
        ruler.addPatterns([pattern]);
      } catch (e) {
        locateError(e, file, line);
      }
    }
    const bar = new ProgressBar('match', undefined, io.stderr);
    let n = 0;
    let found = 0;
    const out: string[] = [];
    async function* texts(): AsyncGenerator<string> {
      for await (const [text] of inputLines(String(f.input), io.stderr)) yield text;
    }
    for await (const doc of nlp.pipe(texts(), { batchSize: 256 })) {
      n++;
      for (const m of ruler.matches(doc)) {
        const span = doc.span(m.start, m.end);
        out.push(JSON.stringify({ line: n, label: m.label, ...(m.id !== undefined ? { id: m.id } : {}), start: m.start, end: m.end, startChar: span.startChar, endChar: span.endChar, text: span.text }));
        found++;
      }
      if (out.length >= 1024) io.stdout.write(out.splice(0).join('\n') + '\n');
      bar.update(n, `${found} matches`);
    }
    if (out.length) io.stdout.write(out.join('\n') + '\n');
    bar.done(`${n} lines, ${found} matches`);
    if (n === 0) io.stderr.write(`warning: ${inputName(String(f.input))} is empty: no lines to match\n`);
    return 0;
  },
};
