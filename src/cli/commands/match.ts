import { loadDependencyMatcher, matchRecords, requireParsed } from '../../components/matcher/match-lines.js';
import { Doc } from '../../core/doc.js';
import type { Vocab } from '../../core/vocab.js';
import { readConllu, type ConlluSentence } from '../../io/conllu.js';
import { PHRASE_ATTRS } from '../../components/matcher/attrs.js';
import { ArgumentError, TextloomError } from '../../core/errors.js';
import { inputName } from '../input-name.js';
import { inputLines } from '../io.js';
import { load } from '../../pipeline/load.js';
import { ENTITY_RULER_DEFAULTS } from '../../index.js';
import type { Command } from '../command.js';
import { ProgressBar } from '../progress.js';
import { pipeThreads, THREADS_FLAG } from '../threads-flag.js';
import { loadPatternRuler } from '../pattern-ruler.js';

/**
 * `textloom match`: runs token and phrase patterns (entity-ruler JSONL records) over each line of
 * a file and prints one JSON object per match.
 */
export const matchCommand: Command = {
  name: 'match',
  summary: 'find token/phrase or dependency pattern matches in each line of a file (JSON lines out)',
  usage: '(--patterns FILE.jsonl | --dep-patterns FILE.jsonl) (--input FILE | --conllu FILE) [--pipeline P] [--attr ORTH] [--threads N]',
  help: [
    'Patterns are JSON lines like the entity ruler takes:',
    '  {"label": "GREETING", "pattern": [{"LOWER": "hello"}, {"IS_PUNCT": true, "OP": "?"}]}',
    '  {"label": "CITY", "pattern": "New York", "id": "nyc"}',
    'Each input line is one document. Output, one line per match (every overlapping match):',
    '  {"line":1,"label":"CITY","id":"nyc","start":3,"end":5,"startChar":12,"endChar":20,"text":"New York"}',
    'Dependency patterns (DependencyMatcher) are JSON lines {"label", "pattern": [nodes...]}, e.g.',
    '  {"label": "SUBJ", "pattern": [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}},',
    '                                {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "s", "RIGHT_ATTRS": {"DEP": "nsubj"}}]}',
    'They need parsed docs: a pipeline with a parser, or gold trees from --conllu. Output per match:',
    '  {"line":1,"label":"SUBJ","tokens":[1,0],"words":["barks","dog"]}',
  ].join('\n'),
  flags: {
    patterns: { type: 'string', doc: 'JSON-lines token/phrase pattern file (entity-ruler records)', value: 'FILE' },
    'dep-patterns': { type: 'string', doc: 'JSON-lines dependency pattern file ({"label", "pattern"} records)', value: 'FILE' },
    input: { type: 'string', doc: 'text file, one document per line ("-" for stdin; .gz ok)', value: 'FILE' },
    conllu: { type: 'string', doc: 'CoNLL-U file: match --dep-patterns over its gold trees, one doc per sentence (.gz ok)', value: 'FILE' },
    pipeline: { type: 'string', doc: 'pipeline name or config path that tokenizes (and annotates) the text', value: 'P', default: 'en_core' },
    attr: { type: 'string', doc: `token attribute phrase patterns match on (${PHRASE_ATTRS.join(', ')})`, value: 'ATTR', default: ENTITY_RULER_DEFAULTS.phraseMatcherAttr },
    threads: { ...THREADS_FLAG, doc: 'worker threads annotating --input (0: every core; the output is the same as with 1)' },
  },
  async run(args, io) {
    const f = args.flags;
    const attr = String(f.attr).toUpperCase();
    if (!PHRASE_ATTRS.includes(attr)) throw new ArgumentError(`--attr must be one of ${PHRASE_ATTRS.join(', ')}`, { key: '--attr' });
    if (f.patterns === undefined && f['dep-patterns'] === undefined) throw new ArgumentError('match needs --patterns or --dep-patterns (or both)', { key: '--patterns' });
    if ((f.input === undefined) === (f.conllu === undefined)) throw new ArgumentError('match needs exactly one of --input (text) and --conllu (gold trees)', { key: '--input' });
    if (f.conllu !== undefined && f.patterns !== undefined) throw new ArgumentError('--conllu takes --dep-patterns only (token patterns run on text through --input)', { key: '--conllu' });
    const nlp = await load(String(f.pipeline));
    const ruler = f.patterns === undefined ? null : await loadPatternRuler(String(f.patterns), nlp, attr);
    const depMatcher = f['dep-patterns'] === undefined ? null : await loadDependencyMatcher(String(f['dep-patterns']), nlp.vocab, inputName(String(f['dep-patterns'])));
    const bar = new ProgressBar('match', undefined, io.stderr);
    let n = 0;
    let found = 0;
    const out: string[] = [];
    const report = (doc: Doc, line: number): void => {
      found += matchRecords(doc, line, ruler, depMatcher, out);
      if (out.length >= 1024) io.stdout.write(out.splice(0).join('\n') + '\n');
      bar.update(n, `${found} matches`);
    };
    if (f.conllu !== undefined) {
      for await (const s of readConllu(String(f.conllu))) {
        n++;
        const file = String(f.conllu);
        try {
          report(goldTreeDoc(s, nlp.vocab), s.line);
        } catch (e) {
          // A malformed tree (a cycle, a head outside the sentence) is named by file and line.
          throw e instanceof TextloomError ? e.at({ file, line: s.line }) : e;
        }
      }
    } else {
      async function* texts(): AsyncGenerator<string> {
        for await (const [text] of inputLines(String(f.input), io.stderr)) yield text;
      }
      for await (const doc of nlp.pipe(texts(), { batchSize: 256, ...pipeThreads(f) })) {
        n++;
        if (depMatcher) requireParsed(doc, n, String(f.pipeline), '--dep-patterns');
        report(doc, n);
      }
    }
    if (out.length) io.stdout.write(out.join('\n') + '\n');
    bar.done(`${n} ${f.conllu !== undefined ? 'sentences' : 'lines'}, ${found} matches`);
    if (n === 0 && f.input !== undefined) io.stderr.write(`warning: ${inputName(String(f.input))} is empty: no lines to match\n`);
    return 0;
  },
};

/** A Doc of a CoNLL-U sentence's words with its gold tags, lemmas, heads and labels (root labelled `root`). */
function goldTreeDoc(s: ConlluSentence, vocab: Vocab): Doc {
  const doc = Doc.fromWords(s.words.map((w) => w.form), { vocab });
  const strings = vocab.strings;
  s.words.forEach((w, i) => {
    if (w.upos) doc.pos[i] = strings.add(w.upos);
    if (w.xpos) doc.tag[i] = strings.add(w.xpos);
    if (w.lemma) doc.lemma[i] = strings.add(w.lemma);
    if (w.deprel) doc.dep[i] = strings.add(w.deprel);
    if (w.head > 0) doc.head[i] = w.head - 1 - i;
  });
  return doc;
}
