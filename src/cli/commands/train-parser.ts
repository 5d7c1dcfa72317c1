import { FormatError } from '../../core/errors.js';
import { Parser } from '../../components/parser/parser.js';
import { Tagger } from '../../components/tagger/tagger.js';
import { hierarchicalClusters } from '../../components/parser/clusters.js';
import { loadVectorsSync } from '../../embeddings/keyed-vectors.js';
import { TRAIN_PARSER_DEFAULTS } from '../../index.js';
import type { Command } from '../command.js';
import { ProgressBar } from '../progress.js';
import { readConlluInput } from '../conllu-input.js';
import { reportEpoch, TRAIN_JSON_FLAG, trainEpochs, trainFlags } from '../flag-groups.js';

/** `textloom train parser`: trains the dependency parser on CoNLL-U trees. */
export const trainParserCommand: Command = {
  name: 'train parser',
  summary: 'train the dependency parser on CoNLL-U trees',
  usage: '--train FILE.conllu[.gz] [--dev FILE] --out MODEL [--epochs N] [--seed N] [--tags MODE] [--vectors FILE] [--beam K]',
  help: 'Training tags are jackknifed (each fold tagged by a tagger trained on the others); dev sentences are tagged by --tagger (default: the shipped tagger), and scored (UAS/LAS on gold words) after each epoch.\nExample: textloom train parser --train en_ewt-ud-train.conllu.gz --dev en_ewt-ud-dev.conllu --out en.tlp',
  flags: {
    ...trainFlags({ train: 'training trees (CoNLL-U, .gz ok)', dev: 'dev trees scored after each epoch', seed: 'seed (same seed, same model)', defaults: TRAIN_PARSER_DEFAULTS }),
    tags: { type: 'string', value: 'MODE', doc: 'training tags: jackknife or gold', default: TRAIN_PARSER_DEFAULTS.tags },
    jackknife: { type: 'number', value: 'N', doc: 'folds of the jackknife', default: TRAIN_PARSER_DEFAULTS.jackknife },
    'tagger-epochs': { type: 'number', value: 'N', doc: "epochs of each fold's tagger", default: TRAIN_PARSER_DEFAULTS.taggerEpochs },
    'action-bits': { type: 'number', value: 'N', doc: "log2 of the action table's rows (smaller: smaller model)", default: TRAIN_PARSER_DEFAULTS.actionBits },
    'label-bits': { type: 'number', value: 'N', doc: "log2 of the label table's size", default: TRAIN_PARSER_DEFAULTS.labelBits },
    tagger: { type: 'string', value: 'MODEL', doc: 'tagger model that tags the dev trees (default: the shipped one)' },
    vectors: { type: 'string', value: 'FILE', doc: 'word vectors (word2vec, GloVe, .tlv) clustered into a 16x4x16 tree for word-cluster features' },
    beam: { type: 'number', value: 'K', doc: 'beam width: 1 is the greedy parser; K > 1 trains globally and parses with a beam of K (more accurate, slower)', default: TRAIN_PARSER_DEFAULTS.beam },
    ...TRAIN_JSON_FLAG,
  },
  async run(args, io) {
    const f = args.flags;
    const epochs = trainEpochs(f);
    const trainFile = f.train as string;
    const train = await readConlluInput(trainFile, false, io);
    if (train.length === 0) throw new FormatError(`no sentences in ${trainFile}`, { file: trainFile });
    const dev = f.dev ? await readConlluInput(f.dev as string, false, io) : undefined;
    const tagger = dev ? (f.tagger ? Tagger.load(f.tagger as string) : Tagger.load()) : undefined;
    const clusters = f.vectors ? ((kv) => hierarchicalClusters(kv.words, kv.vectors, kv.dim, { seed: f.seed as number }))(loadVectorsSync(f.vectors as string)) : undefined;
    let bar: ProgressBar | undefined;
    let lastDone = 0;
    const t0 = Date.now();
    const parser = Parser.train(train, {
      epochs,
      seed: f.seed as number,
      tags: f.tags as 'jackknife' | 'gold',
      jackknife: f.jackknife as number,
      taggerEpochs: f['tagger-epochs'] as number,
      actionBits: f['action-bits'] as number,
      labelBits: f['label-bits'] as number,
      beam: f.beam as number,
      file: trainFile,
      ...(clusters ? { clusters } : {}),
      ...(dev ? { dev } : {}),
      ...(tagger ? { tagger } : {}),
      onProgress: (done, total) => (bar ??= new ProgressBar('training', total, io.stderr)).update((lastDone = done)),
      onEpoch: ({ model: _checkpoint, ...r }) => {
        const line = f.json
          ? JSON.stringify(r)
          : `epoch ${r.epoch}: train ${r.trainAccuracy.toFixed(4)}${r.dev ? ` dev UAS ${r.dev.uas.toFixed(4)} LAS ${r.dev.las.toFixed(4)}` : ''} (${r.seconds.toFixed(1)}s)`;
        reportEpoch(f, io, bar, lastDone, line);
      },
    });
    bar?.done();
    parser.save(f.out as string);
    const summary = { out: f.out, labels: parser.model.labels.length, seconds: (Date.now() - t0) / 1000 };
    io.stdout.write((f.json ? JSON.stringify(summary) : `wrote ${summary.out}: ${summary.labels} labels, ${summary.seconds.toFixed(1)}s`) + '\n');
  },
};
