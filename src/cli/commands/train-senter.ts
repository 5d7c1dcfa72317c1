import { FormatError } from '../../core/errors.js';
import { TrainedSenter } from '../../components/senter/trained-senter.js';
import { TRAIN_SENTER_DEFAULTS } from '../../index.js';
import type { Command } from '../command.js';
import { ProgressBar } from '../progress.js';
import { readConlluInput } from '../conllu-input.js';
import { reportEpoch, TRAIN_JSON_FLAG, trainEpochs, trainFlags } from '../flag-groups.js';

/** `textloom train senter`: trains the sentence segmenter on CoNLL-U documents. */
export const trainSenterCommand: Command = {
  name: 'train senter',
  summary: 'train the sentence segmenter on CoNLL-U documents',
  usage: '--train FILE.conllu[.gz] [--dev FILE] --out MODEL [--epochs N] [--seed N]',
  help:
    'Documents (# newdoc) are rebuilt as raw text from the # text lines, paragraphs (# newpar) joined by a blank line in\n' +
    'a share of them (--paragraphs) and by a space in the others; dev sentence-boundary P/R/F1 (sentences joined by a\n' +
    'space; F1 with blank lines between paragraphs) is printed after each epoch. Use the model with the senter\n' +
    'options {"backend": "perceptron", "model": "MODEL"}.\n' +
    'Example: textloom train senter --train en_ewt-ud-train.conllu.gz --dev en_ewt-ud-dev.conllu --out en.tls',
  flags: {
    ...trainFlags({ train: 'training documents (CoNLL-U, .gz ok)', dev: 'dev documents scored after each epoch', seed: 'seed (same seed, same model)', defaults: TRAIN_SENTER_DEFAULTS }),
    paragraphs: { type: 'number', value: 'SHARE', doc: 'share of training documents with blank lines between paragraphs', default: TRAIN_SENTER_DEFAULTS.paragraphs },
    bits: { type: 'number', value: 'N', doc: "log2 of the weight table's size", default: TRAIN_SENTER_DEFAULTS.bits },
    ...TRAIN_JSON_FLAG,
  },
  async run(args, io) {
    const f = args.flags;
    const epochs = trainEpochs(f);
    const trainFile = f.train as string;
    const train = await readConlluInput(trainFile, false, io);
    if (train.length === 0) throw new FormatError(`no sentences in ${trainFile}`, { file: trainFile });
    const dev = f.dev ? await readConlluInput(f.dev as string, false, io) : undefined;
    let bar: ProgressBar | undefined;
    let lastDone = 0;
    const t0 = Date.now();
    const senter = TrainedSenter.train(train, {
      epochs,
      seed: f.seed as number,
      paragraphs: f.paragraphs as number,
      bits: f.bits as number,
      file: trainFile,
      ...(dev ? { dev } : {}),
      onProgress: (done, total) => (bar ??= new ProgressBar('training', total, io.stderr)).update((lastDone = done)),
      onEpoch: (r) => {
        const report = { ...r, seconds: Math.round(r.seconds * 1000) / 1000 };
        const line = f.json
          ? JSON.stringify(report)
          : `epoch ${r.epoch}: train ${r.trainAccuracy.toFixed(4)}${r.dev ? ` dev P ${r.dev.precision.toFixed(4)} R ${r.dev.recall.toFixed(4)} F1 ${r.dev.f1.toFixed(4)} (paragraphs F1 ${r.dev.paragraphsF1.toFixed(4)})` : ''} (${r.seconds.toFixed(1)}s)`;
        reportEpoch(f, io, bar, lastDone, line);
      },
    });
    bar?.done();
    senter.save(f.out as string);
    const summary = { out: f.out, seconds: Math.round(Date.now() - t0) / 1000 };
    io.stdout.write((f.json ? JSON.stringify(summary) : `wrote ${summary.out} in ${summary.seconds.toFixed(1)}s`) + '\n');
  },
};
