import { FormatError } from '../../core/errors.js';
import { Vocab } from '../../core/vocab.js';
import { evaluateWordTokenization, type WordSource } from '../../eval/word-tokenization.js';
import type { ConlluSentence } from '../../io/conllu.js';
import { load } from '../../pipeline/load.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { annotateAhead } from '../annotate-ahead.js';
import { THREADS_FLAG } from '../threads-flag.js';
import { Tokenizer } from '../../tokenizer/tokenizer.js';
import type { Command } from '../command.js';
import { inputName } from '../input-name.js';
import { LANG_FLAG, pipelineName } from '../lang-flag.js';
import { ProgressBar } from '../progress.js';
import { CONLLU_LENIENT_FLAGS, conlluInput } from '../conllu-input.js';

/** `textloom eval tokenizer`: word-level precision/recall/F1 against a CoNLL-U file, as the UD scorer. */
export const evalTokenizerCommand: Command = {
  name: 'eval tokenizer',
  summary: "score the tokenizer against a CoNLL-U file's words, as the UD scorer (multiword tokens aligned)",
  usage: '--conllu FILE [--pipeline NAME|FILE | --lang CODE] [--threads N] [--json] [--lenient]',
  help:
    'Words are aligned as the CoNLL 2018 UD scorer does (multiword tokens such as "del" = "de el"\n' +
    'count per word); precision/recall/f1 are its Words row, "tokens" its Tokens row.\n' +
    'Example:\n  textloom eval tokenizer --conllu de_gsd-ud-test.conllu --lang de --json\n  {"precision":0.998,"recall":0.998,"f1":0.998,"sentences":977,"tokens":{...}}',
  flags: {
    conllu: { type: 'string', value: 'FILE', required: true, doc: 'CoNLL-U file (.gz allowed); each sentence needs a "# text" line' },
    pipeline: { type: 'string', value: 'NAME|FILE', doc: "tokenize with this pipeline's tokenizer (default: the built-in English rule tokenizer)" },
    lang: LANG_FLAG,
    json: { type: 'boolean', doc: 'print {"precision","recall","f1","sentences","tokens"} as JSON (f1 = words)' },
    threads: THREADS_FLAG,
    ...CONLLU_LENIENT_FLAGS,
  },
  async run(args, io) {
    const file = args.flags.conllu as string;
    let tokenize: (text: string) => WordSource;
    if (args.flags.pipeline !== undefined || args.flags.lang !== undefined) {
      const nlp = await load(pipelineName(args.flags, 'en_core'));
      tokenize = (t) => nlp.makeDoc(t);
    } else {
      const tok = new Tokenizer(new Vocab());
      tokenize = (t) => tok.tokenize(t);
    }
    const bar = new ProgressBar('eval tokenizer', undefined, io.stderr);
    let n = 0;
    const threads = Number(args.flags.threads ?? 1);
    let source: Iterable<ConlluSentence> | AsyncIterable<ConlluSentence> = conlluInput(file, !!args.flags.lenient, io);
    if (threads !== 1) {
      // The tokenizer alone (no components) in workers: a recording pass collects the texts, the workers tokenize them ahead.
      const cfg = args.flags.pipeline !== undefined || args.flags.lang !== undefined ? (await load(pipelineName(args.flags, 'en_core'))).config : { tokenizer: { factory: 'tokenizer' } };
      const tokOnly = await createPipeline({ ...cfg, components: [] });
      const all: ConlluSentence[] = [];
      for await (const s of source) all.push(s);
      const texts: string[] = [];
      await evaluateWordTokenization(all, (t) => (texts.push(t), tokOnly.makeDoc('')));
      const ahead = await annotateAhead(tokOnly, texts, threads);
      tokenize = (t) => ahead.next(t);
      source = all;
    }
    async function* counted(): AsyncGenerator<ConlluSentence> {
      for await (const s of source) {
        yield s;
        if (++n % 500 === 0) bar.update(n);
      }
    }
    const r = await evaluateWordTokenization(counted(), tokenize);
    bar.done();
    // Scores over no sentences would print 0 and exit 0.
    if (r.sentences === 0) throw new FormatError(`no sentences in ${inputName(file)}`);
    const w = r.words;
    const t = r.tokens;
    if (args.flags.json) {
      const row = (x: typeof w) => ({ precision: x.precision, recall: x.recall, f1: x.f1, gold: x.gold, system: x.system, correct: x.correct });
      io.stdout.write(JSON.stringify({ precision: w.precision, recall: w.recall, f1: w.f1, sentences: r.sentences, tokens: row(t), words: row(w) }) + '\n');
    } else {
      io.stdout.write(
        `sentences  ${r.sentences}\n` +
          `           gold    system  correct  precision  recall  f1\n` +
          `tokens     ${String(t.gold).padEnd(7)} ${String(t.system).padEnd(7)} ${String(t.correct).padEnd(8)} ${t.precision.toFixed(4)}     ${t.recall.toFixed(4)}  ${t.f1.toFixed(4)}\n` +
          `words      ${String(w.gold).padEnd(7)} ${String(w.system).padEnd(7)} ${String(w.correct).padEnd(8)} ${w.precision.toFixed(4)}     ${w.recall.toFixed(4)}  ${w.f1.toFixed(4)}\n`,
      );
    }
    return 0;
  },
};
