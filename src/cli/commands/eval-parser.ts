import { Doc } from '../../core/doc.js';
import { ArgumentError, FormatError } from '../../core/errors.js';
import { readConllu, type ConlluSentence } from '../../io/conllu.js';
import { evaluateParser, type ParserEvaluation } from '../../eval/parsing.js';
import { load } from '../../pipeline/load.js';
import type { Command } from '../command.js';
import { inputName } from '../input-name.js';
import { ProgressBar } from '../progress.js';
import { annotateAhead, type AheadDocs } from '../annotate-ahead.js';
import { THREADS_FLAG } from '../threads-flag.js';

const pct = (x: number) => (100 * x).toFixed(2).padStart(6);

function table(r: ParserEvaluation): string {
  const rows: [string, { precision: number; recall: number; f1: number; alignedAccuracy?: number } | null][] = [
    ['Tokens', r.tokens],
    ['Words', r.words],
    ['Sentences', r.sentences],
    ['UAS', r.uas],
    ['LAS', r.las],
    ['LAS (full label)', r.lasFull],
  ];
  const out = ['Metric            | Precision |    Recall |  F1 Score | AligndAcc', '------------------+-----------+-----------+-----------+-----------'];
  for (const [name, x] of rows) {
    if (!x) continue;
    const acc = x.alignedAccuracy === undefined ? '' : pct(x.alignedAccuracy);
    out.push(`${name.padEnd(17)} |    ${pct(x.precision)} |    ${pct(x.recall)} |    ${pct(x.f1)} |    ${acc.padStart(6)}`);
  }
  out.push('', 'label             |  gold |     P |     R |    F1');
  for (const l of r.labels) out.push(`${l.label.padEnd(17)} | ${String(l.gold).padStart(5)} | ${pct(l.precision)} | ${pct(l.recall)} | ${pct(l.f1)}`);
  out.push('', `${r.goldWords} gold words, ${r.systemWords} system words, ${r.sentenceCount} sentences, ${r.tokensPerSecond} tokens/s${r.goldTokens ? ' (gold tokens)' : ''}`);
  return out.join('\n') + '\n';
}

/** `textloom eval parser`: UAS/LAS of a pipeline's parser on a CoNLL-U file, as the CoNLL 2018 shared task scores them. */
export const evalParserCommand: Command = {
  name: 'eval parser',
  summary: "score a pipeline's dependency parser on CoNLL-U data (UAS, LAS, per-label P/R/F1; CoNLL 2018 alignment)",
  usage: '--conllu FILE [--pipeline P] [--gold-tokens] [--threads N] [--json]',
  help:
    'Without --gold-tokens the pipeline reads each document\'s raw text (the "# text" lines of a "# newdoc") and its words\n' +
    'and sentences are aligned to the gold ones as the CoNLL 2018 shared task does, so tokenization and sentence\n' +
    'errors count. With --gold-tokens it parses the gold words and sentences (tags still predicted).\n' +
    'The pipeline needs a component named "parser".',
  flags: {
    conllu: { type: 'string', value: 'FILE', doc: 'gold CoNLL-U file (.gz ok)', required: true },
    pipeline: { type: 'string', value: 'P', doc: 'pipeline name or config path', default: 'en_core' },
    'gold-tokens': { type: 'boolean', doc: 'parse the gold words and sentences instead of the raw text' },
    threads: THREADS_FLAG,
    json: { type: 'boolean', doc: 'print JSON' },
  },
  async run(args, io) {
    const f = args.flags;
    const sentences: ConlluSentence[] = [];
    for await (const s of readConllu(f.conllu as string)) sentences.push(s);
    if (sentences.length === 0) throw new FormatError(`no sentences in ${inputName(String(f.conllu))}`);
    const nlp = await load(f.pipeline as string);
    if (!nlp.hasPipe('parser')) throw new ArgumentError(`pipeline ${f.pipeline} has no "parser" component (it has: ${nlp.pipeNames.join(', ') || 'none'})`, { key: '--pipeline' });
    // On gold sentences a sentence splitter would re-split them.
    const onWords = nlp.hasPipe('senter') ? nlp.disable(['senter']) : nlp;
    const threads = Number(f.threads ?? 1);
    let ahead: AheadDocs | undefined;
    if (threads !== 1) {
      if (f['gold-tokens']) throw new ArgumentError('--threads parses raw text in workers; with --gold-tokens the parser runs in this thread (drop one of them)', { key: '--threads' });
      // A recording pass collects the texts the scorer will ask for; workers parse them ahead.
      const texts: string[] = [];
      evaluateParser({ parseWords: () => nlp.makeDoc(''), parseText: (t) => (texts.push(t), nlp.makeDoc(t)) }, sentences, { goldTokens: false });
      ahead = await annotateAhead(nlp, texts, threads);
    }
    const bar = new ProgressBar('parsing', sentences.length, io.stderr);
    const r = evaluateParser(
      {
        parseWords: (words, spaces) => onWords(Doc.fromWords(words, { spaces: [...spaces], vocab: nlp.vocab, sentStarts: words.map((_, i) => i === 0) })),
        parseText: (text) => (ahead ? ahead.next(text) : nlp(text)),
      },
      sentences,
      { goldTokens: !!f['gold-tokens'], onProgress: (n) => bar.update(n) },
    );
    bar.done();
    // With workers, throughput is the annotation's wall clock (system words / seconds, worker start included).
    if (ahead) r.tokensPerSecond = Math.round(r.systemWords / ahead.seconds);
    io.stdout.write(f.json ? JSON.stringify(r) + '\n' : table(r));
  },
};
