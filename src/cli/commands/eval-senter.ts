import { ArgumentError, FormatError } from '../../core/errors.js';
import { goldDocuments } from '../../io/conllu-docs.js';
import { countSentenceBoundaries, prf } from '../../eval/sentences.js';
import { load } from '../../pipeline/load.js';
import type { Command } from '../command.js';
import { LANG_FLAG, pipelineName } from '../lang-flag.js';
import { inputName } from '../input-name.js';
import { count } from '../plural.js';
import { CONLLU_LENIENT_FLAGS, readConlluInput } from '../conllu-input.js';

export const evalSenterCommand: Command = {
  name: 'eval senter',
  summary: 'sentence-boundary precision/recall/F1 against a CoNLL-U file',
  usage: '--conllu FILE [--pipeline NAME|FILE | --lang CODE] [--paragraphs] [--json] [--lenient]',
  help:
    'Sentences of each document (# newdoc) are joined by one space, or with --paragraphs paragraphs\n' +
    '(# newpar) by a blank line; the pipeline splits that text and every sentence end but the last of\n' +
    'each document is scored.',
  flags: {
    conllu: { type: 'string', doc: 'gold CoNLL-U file (.gz ok)', required: true, value: 'FILE' },
    pipeline: { type: 'string', doc: 'bundled pipeline name or config file (must contain a senter) (default: en_core)', value: 'NAME|FILE' },
    lang: LANG_FLAG,
    paragraphs: { type: 'boolean', doc: 'join paragraphs with blank lines' },
    json: { type: 'boolean', doc: 'print JSON' },
    ...CONLLU_LENIENT_FLAGS,
  },
  async run({ flags }, io) {
    const file = String(flags.conllu);
    const sentences = await readConlluInput(file, !!flags.lenient, io);
    if (sentences.length === 0) throw new FormatError(`no sentences in ${inputName(file)}`);
    const docs = goldDocuments(sentences, { paragraphs: !!flags.paragraphs });
    const nlp = await load(pipelineName(flags, 'en_core'));
    let tp = 0;
    let predicted = 0;
    let gold = 0;
    // Without any component that sets boundaries every doc is one sentence: a meaningless 0 score.
    let splits = false;
    let multiToken = false;
    const t0 = performance.now();
    for (const d of docs) {
      const doc = nlp(d.text);
      if (doc.hasSents) splits = true;
      if (doc.length > 1) multiToken = true;
      const c = countSentenceBoundaries(d.text, d.sents, doc.sents.map((s) => [s.startChar, s.endChar]));
      tp += c.tp;
      predicted += c.predicted;
      gold += c.gold;
    }
    if (multiToken && !splits) {
      throw new ArgumentError(`pipeline ${pipelineName(flags, 'en_core')} sets no sentence boundaries; use one with a senter (e.g. en_core)`, { key: '--pipeline' });
    }
    const secs = (performance.now() - t0) / 1000;
    const r = prf(tp, predicted, gold);
    const out = { precision: r.precision, recall: r.recall, f1: r.f1, sentences: sentences.length, documents: docs.length, seconds: Math.round(secs * 1000) / 1000 };
    if (flags.json) io.stdout.write(JSON.stringify(out) + '\n');
    else io.stdout.write(`sentence boundaries: P ${r.precision.toFixed(4)}  R ${r.recall.toFixed(4)}  F1 ${r.f1.toFixed(4)}  (${count(sentences.length, 'sentence')}, ${count(docs.length, 'document')})\n`);
    return 0;
  },
};
