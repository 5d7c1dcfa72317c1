import { FormatError } from '../../core/errors.js';
import { evaluateEntities, readIob, newIobStats, type IobSentence } from '../../index.js';
import { load } from '../../pipeline/load.js';
import type { Command } from '../command.js';
import { inputName } from '../input-name.js';
import { ProgressBar } from '../progress.js';

/** `textloom eval ner`: exact-span entity precision / recall / F1 of a pipeline on IOB data. */
export const evalNerCommand: Command = {
  name: 'eval ner',
  summary: "score a pipeline's entities on IOB2 / CoNLL data (exact-span P/R/F1 per label and micro)",
  usage: '--input FILE.iob2 [--pipeline P] [--raw-text] [--json]',
  help: 'Spans count as conlleval and seqeval count them (exact start, end and label; an I- after O starts an entity).\n' +
    'Only the labels the gold file annotates are scored. With --raw-text the pipeline tokenizes each document\'s text (the "# text" lines) and spans are matched by character offsets.',
  flags: {
    input: { type: 'string', value: 'FILE', doc: 'gold IOB2 / CoNLL-2003 file (.gz ok)', required: true },
    pipeline: { type: 'string', value: 'P', doc: 'pipeline name or config path', default: 'en_core' },
    'raw-text': { type: 'boolean', doc: "tokenize the sentences' text instead of using the gold words" },
    json: { type: 'boolean', doc: 'print JSON' },
  },
  async run(args, io) {
    const f = args.flags;
    const stats = newIobStats();
    const sentences: IobSentence[] = [];
    for await (const s of readIob(f.input as string, { stats })) sentences.push(s);
    if (sentences.length === 0) throw new FormatError(`no sentences in ${inputName(String(f.input))}`, { file: String(f.input) });
    const nlp = await load(f.pipeline as string);
    const bar = new ProgressBar('scoring', sentences.length, io.stderr);
    const r = evaluateEntities(nlp, sentences, { goldTokens: !f['raw-text'], onProgress: (n) => bar.update(n) });
    bar.done();
    const round = (x: number): number => Math.round(x * 10000) / 10000;
    const perLabel = Object.fromEntries(Object.entries(r.perLabel).map(([l, s]) => [l, { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1), tp: s.tp, fp: s.fp, fn: s.fn }]));
    if (f.json) {
      io.stdout.write(JSON.stringify({ precision: round(r.precision), recall: round(r.recall), f1: round(r.f1), perLabel, sentences: r.sentences, tokens: r.tokens, repairs: stats.repairs, unaligned: r.unaligned, tokensPerSecond: r.tokensPerSecond }) + '\n');
      return;
    }
    const rows = [['label', 'precision', 'recall', 'f1', 'gold', 'pred'], ...Object.entries(r.perLabel).map(([l, s]) => [l, s.precision.toFixed(4), s.recall.toFixed(4), s.f1.toFixed(4), String(s.tp + s.fn), String(s.tp + s.fp)]), ['micro', r.precision.toFixed(4), r.recall.toFixed(4), r.f1.toFixed(4), String(r.tp + r.fn), String(r.tp + r.fp)]];
    for (const row of rows) io.stdout.write(row.map((c, i) => (i === 0 ? c.padEnd(8) : c.padStart(10))).join('') + '\n');
    io.stdout.write(`${r.sentences} sentences, ${r.tokens} tokens, ${r.tokensPerSecond} tokens/s${stats.repairs ? `, ${stats.repairs} I- tags after O read as B-` : ''}${r.unaligned ? `, ${r.unaligned} documents not aligned to their text` : ''}\n`);
  },
};
