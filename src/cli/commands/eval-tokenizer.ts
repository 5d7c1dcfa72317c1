import { FormatError } from '../../core/errors.js';
import { Vocab } from '../../core/vocab.js';
import { docTokenSpans, evaluateTokenization } from '../../eval/tokenization.js';
import type { ConlluSentence } from '../../io/conllu.js';
import { load } from '../../pipeline/load.js';
import { Tokenizer } from '../../tokenizer/tokenizer.js';
import type { Command } from '../command.js';
import { inputName } from '../input-name.js';
import { ProgressBar } from '../progress.js';
import { CONLLU_LENIENT_FLAGS, conlluInput } from '../conllu-input.js';

/** `textloom eval tokenizer`: token precision/recall/F1 against a CoNLL-U file's words. */
export const evalTokenizerCommand: Command = {
  name: 'eval tokenizer',
  summary: "score the tokenizer against a CoNLL-U file's words (multiword tokens split)",
  usage: '--conllu FILE [--pipeline NAME|FILE] [--json] [--lenient]',
  help: 'Example:\n  textloom eval tokenizer --conllu en_ewt-ud-test.conllu --json\n  {"precision":0.9930,"recall":0.9928,"f1":0.9929,"sentences":2077}',
  flags: {
    conllu: { type: 'string', value: 'FILE', required: true, doc: 'CoNLL-U file (.gz allowed); each sentence needs a "# text" line' },
    pipeline: { type: 'string', value: 'NAME|FILE', doc: "tokenize with this pipeline's tokenizer (default: the built-in rule tokenizer)" },
    json: { type: 'boolean', doc: 'print {"precision","recall","f1","sentences"} as JSON' },
    ...CONLLU_LENIENT_FLAGS,
  },
  async run(args, io) {
    const file = args.flags.conllu as string;
    let tokenize: (text: string) => ArrayLike<number>;
    if (args.flags.pipeline) {
      const nlp = await load(args.flags.pipeline as string);
      tokenize = (t) => docTokenSpans(nlp.makeDoc(t));
    } else {
      const tok = new Tokenizer(new Vocab());
      tokenize = (t) => docTokenSpans(tok.tokenize(t));
    }
    const bar = new ProgressBar('eval tokenizer', undefined, io.stderr);
    let n = 0;
    async function* counted(): AsyncGenerator<ConlluSentence> {
      for await (const s of conlluInput(file, !!args.flags.lenient, io)) {
        yield s;
        if (++n % 500 === 0) bar.update(n);
      }
    }
    const r = await evaluateTokenization(counted(), tokenize);
    bar.done();
    // Scores over no sentences would print 0 and exit 0.
    if (r.sentences === 0) throw new FormatError(`no sentences in ${inputName(file)}`);
    if (args.flags.json) io.stdout.write(JSON.stringify({ precision: r.precision, recall: r.recall, f1: r.f1, sentences: r.sentences }) + '\n');
    else {
      io.stdout.write(
        `sentences  ${r.sentences}\ngold words ${r.gold}\npredicted  ${r.predicted}\ncorrect    ${r.correct}\nprecision  ${r.precision.toFixed(4)}\nrecall     ${r.recall.toFixed(4)}\nf1         ${r.f1.toFixed(4)}\n`,
      );
    }
    return 0;
  },
};
