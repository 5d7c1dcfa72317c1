import { evaluateTextcat } from '../../components/textcat/evaluate.js';
import { TextCategorizer } from '../../components/textcat/textcat.js';
import type { Command } from '../command.js';
import { LABELLED_JSONL_FLAGS, readLabelledInput, TEXTCAT_MODEL_FLAGS } from '../flag-groups.js';

/** `textloom eval textcat`: accuracy, macro F1, ROC-AUC and log loss of a saved model on labelled JSONL. */
export const evalTextcat: Command = {
  name: 'eval textcat',
  summary: 'evaluate a text classifier: accuracy, macro F1, ROC-AUC, log loss',
  usage: '--model MODEL --input FILE.jsonl [--text-field text] [--label-field label] [--json]',
  help: 'Example:\n  textloom eval textcat --model spam.tlc --input test.jsonl --json',
  flags: {
    ...TEXTCAT_MODEL_FLAGS,
    input: { type: 'string', doc: 'JSONL test data (.gz ok)', value: 'FILE', required: true, alias: 'i' },
    ...LABELLED_JSONL_FLAGS,
    json: { type: 'boolean', doc: 'print {"n","accuracy","macroF1","rocAuc","logLoss"} as JSON' },
  },
  async run(args, io) {
    const f = args.flags;
    const tc = TextCategorizer.load(String(f.model));
    const { texts, labels } = await readLabelledInput(f, io);
    const s = evaluateTextcat(tc, texts, labels);
    if (f.json) io.stdout.write(JSON.stringify(s) + '\n');
    else io.stdout.write(`n ${s.n}\naccuracy ${s.accuracy.toFixed(4)}\nmacro F1 ${s.macroF1.toFixed(4)}\nROC-AUC ${s.rocAuc.toFixed(4)}\nlog loss ${s.logLoss.toFixed(4)}\n`);
  },
};
