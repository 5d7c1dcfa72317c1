import { Doc } from '../../core/doc.js';
import { ArgumentError, FormatError } from '../../core/errors.js';
import { evaluateTagging, type TaggedSpan } from '../../eval/tagging.js';
import { load } from '../../pipeline/load.js';
import type { Command } from '../command.js';
import { inputName } from '../input-name.js';
import { ProgressBar } from '../progress.js';
import { CONLLU_LENIENT_FLAGS, readConlluInput } from '../conllu-input.js';
import { annotateAhead, type AheadDocs } from '../annotate-ahead.js';
import { THREADS_FLAG } from '../threads-flag.js';

/** `textloom eval tagger`: UPOS/XPOS accuracy of a pipeline on a CoNLL-U file. */
export const evalTaggerCommand: Command = {
  name: 'eval tagger',
  summary: 'score a pipeline\'s tagger on CoNLL-U data (UPOS/XPOS accuracy, tokens/s)',
  usage: '--conllu FILE [--pipeline P] [--gold-tokens] [--threads N] [--json] [--lenient]',
  help: 'Without --gold-tokens the pipeline tokenizes each sentence\'s text and predicted tokens are aligned to gold words by character offsets.',
  flags: {
    conllu: { type: 'string', value: 'FILE', doc: 'gold CoNLL-U file (.gz ok)', required: true },
    pipeline: { type: 'string', value: 'P', doc: 'pipeline name or config path', default: 'en_core' },
    'gold-tokens': { type: 'boolean', doc: 'tag the gold words instead of tokenizing the text' },
    threads: THREADS_FLAG,
    json: { type: 'boolean', doc: 'print JSON' },
    ...CONLLU_LENIENT_FLAGS,
  },
  async run(args, io) {
    const f = args.flags;
    const sentences = await readConlluInput(f.conllu as string, !!f.lenient, io);
    // Accuracy over no tokens would print 0 and exit 0.
    if (sentences.length === 0) throw new FormatError(`no sentences in ${inputName(String(f.conllu))}`);
    const nlp = await load(f.pipeline as string);
    if (!nlp.pipeNames.length) throw new ArgumentError(`pipeline ${f.pipeline} has no components`, { key: '--pipeline' });
    const bar = new ProgressBar('tagging', undefined, io.stderr);
    const tagger = {
      tagWords(words: readonly string[], spaces: readonly boolean[]) {
        const doc = nlp(Doc.fromWords(words, { spaces: [...spaces], vocab: nlp.vocab }));
        const upos: string[] = [];
        const xpos: string[] = [];
        for (let i = 0; i < doc.length; i++) {
          upos.push(doc.pos[i] ? nlp.vocab.strings.get(doc.pos[i]!) : '');
          xpos.push(doc.tag[i] ? nlp.vocab.strings.get(doc.tag[i]!) : '');
        }
        return { upos, xpos };
      },
      tagText(text: string, annotated?: Doc): TaggedSpan[] {
        const doc = annotated ?? nlp(text);
        const out: TaggedSpan[] = [];
        for (let i = 0; i < doc.length; i++) {
          out.push({ start: doc.idx[i]!, end: doc.endChar(i), upos: doc.pos[i] ? nlp.vocab.strings.get(doc.pos[i]!) : '', xpos: doc.tag[i] ? nlp.vocab.strings.get(doc.tag[i]!) : '' });
        }
        return out;
      },
    };
    const threads = Number(f.threads ?? 1);
    let ahead: AheadDocs | undefined;
    if (threads !== 1) {
      if (f['gold-tokens']) throw new ArgumentError('--threads annotates raw text in workers; with --gold-tokens the tagger runs in this thread (drop one of them)', { key: '--threads' });
      // A recording pass collects the texts the scorer will ask for; workers annotate them ahead.
      const texts: string[] = [];
      evaluateTagging({ tagWords: () => ({ upos: [], xpos: [] }), tagText: (t) => (texts.push(t), []) }, sentences);
      ahead = await annotateAhead(nlp, texts, threads);
      const text = tagger.tagText;
      tagger.tagText = (t) => text(t, ahead!.next(t));
    }
    const r = evaluateTagging(tagger, sentences, { goldTokens: !!f['gold-tokens'] });
    // With workers, throughput is the annotation's wall clock (tokens scored / seconds, worker start included).
    if (ahead) r.tokensPerSecond = Math.round(r.tokens / ahead.seconds);
    bar.done();
    if (f.json) io.stdout.write(JSON.stringify(r) + '\n');
    else io.stdout.write(`UPOS ${r.uposAccuracy.toFixed(4)}  XPOS ${r.xposAccuracy.toFixed(4)}  ${r.tokens} tokens, ${r.sentences} sentences, ${r.tokensPerSecond} tokens/s\n`);
  },
};
