import { assertWritable } from '../../io/atomic.js';
import { FormatError } from '../../core/errors.js';
import { buildLemmaTables, saveLemmaTables } from '../../components/lemmatizer/tables.js';
import { Tagger } from '../../components/tagger/tagger.js';
import { TRAIN_DEFAULTS } from '../../index.js';
import type { Command } from '../command.js';
import { ProgressBar } from '../progress.js';
import { CONLLU_LENIENT_FLAGS, readConlluInput } from '../conllu-input.js';
import { reportEpoch, TRAIN_JSON_FLAG, trainEpochs, trainFlags } from '../flag-groups.js';

/** `textloom train tagger`: trains the averaged-perceptron tagger on CoNLL-U data. */
export const trainTaggerCommand: Command = {
  name: 'train tagger',
  summary: 'train the averaged-perceptron POS tagger on CoNLL-U data',
  usage: '--train FILE.conllu[.gz] [--dev FILE] --out MODEL [--epochs N] [--seed N] [--lemmas FILE] [--lenient]',
  help: 'Example: textloom train tagger --train en_ewt-ud-train.conllu.gz --dev en_ewt-ud-dev.conllu --out en.tlt --epochs 5',
  flags: {
    ...trainFlags({ train: 'training data (CoNLL-U, .gz ok)', dev: 'dev data scored after each epoch', defaults: TRAIN_DEFAULTS }),
    lemmas: { type: 'string', value: 'FILE', doc: 'also derive lemmatizer tables from the training lemmas and write them here (.json or .json.gz)' },
    ...TRAIN_JSON_FLAG,
    ...CONLLU_LENIENT_FLAGS,
  },
  async run(args, io) {
    const f = args.flags;
    const epochs = trainEpochs(f);
    if (f.lemmas) assertWritable(f.lemmas as string);
    const train = await readConlluInput(f.train as string, !!f.lenient, io);
    if (train.length === 0) throw new FormatError(`no sentences in ${f.train as string}`, { file: f.train as string });
    const dev = f.dev ? await readConlluInput(f.dev as string, !!f.lenient, io) : undefined;
    const bar = new ProgressBar('training', train.length * epochs, io.stderr);
    const t0 = Date.now();
    const tagger = Tagger.train(train, {
      epochs,
      seed: f.seed as number,
      ...(dev ? { dev } : {}),
      onProgress: (done) => bar.update(done),
      onEpoch: (r) => {
        const line = f.json
          ? JSON.stringify(r)
          : `epoch ${r.epoch}: train ${r.trainAccuracy.toFixed(4)}${r.dev ? ` dev upos ${r.dev.upos.toFixed(4)} xpos ${r.dev.xpos.toFixed(4)}` : ''} (${r.seconds.toFixed(1)}s)`;
        reportEpoch(f, io, bar, r.epoch * train.length, line);
      },
    });
    bar.done();
    tagger.save(f.out as string);
    if (f.lemmas) saveLemmaTables(buildLemmaTables(train.flatMap((s) => s.words)), f.lemmas as string);
    const summary = { out: f.out, features: tagger.model.numFeatures, classes: tagger.model.classes.length, seconds: (Date.now() - t0) / 1000 };
    io.stdout.write((f.json ? JSON.stringify(summary) : `wrote ${summary.out}: ${summary.features} features, ${summary.classes} classes, ${summary.seconds.toFixed(1)}s`) + '\n');
  },
};
