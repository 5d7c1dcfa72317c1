import { basename } from 'node:path';
import { ArgumentError, FormatError } from '../../core/errors.js';
import { readTextFileSync } from '../../io/read-text.js';
import { buildLexicon, gazetteerClasses, jackknifeEntityTags, JACKKNIFE_ENTITY_DEFAULTS, kmeansClusters, parseGazetteer, KeyedVectors, KMEANS_DEFAULTS, readConllu, readIob, saveEntityModel, Tagger, trainEntityModel, TRAIN_ENTITY_DEFAULTS, type IobSentence } from '../../index.js';
import type { Command } from '../command.js';
import { inputName } from '../input-name.js';
import { ProgressBar } from '../progress.js';
import { reportEpoch, TRAIN_JSON_FLAG, trainEpochs, trainFlags } from '../flag-groups.js';

async function readAll(path: string, labels?: readonly string[]): Promise<IobSentence[]> {
  const out: IobSentence[] = [];
  for await (const s of readIob(path, labels ? { labels } : {})) out.push(s);
  if (out.length === 0) throw new FormatError(`no sentences in ${inputName(path)}`, { file: path });
  return out;
}

function labelsIn(sentences: readonly IobSentence[]): string[] {
  const set = new Set<string>();
  for (const s of sentences) for (const t of s.tags) if (t !== 'O') set.add(t.slice(2));
  return [...set];
}

/** `textloom train ner`: trains the entity recognizer on IOB2 / CoNLL-2003 data. */
export const trainNerCommand: Command = {
  name: 'train ner',
  summary: 'train the entity recognizer (averaged perceptron over BILUO tags) on IOB2 / CoNLL data',
  usage: '--train FILE --dev FILE --out MODEL [--epochs N] [--seed N] [--labels L,L] [--vectors FILE] [--tag-treebank FILE]',
  help: 'Example: textloom train ner --train en_ewt-ud-train.iob2.gz --dev en_ewt-ud-dev.iob2 --out ner.tlner --vectors gutenberg.tlv\n' +
    'Labels default to those the dev file annotates (else the training file\'s); entities of other labels are read as O.',
  flags: {
    ...trainFlags({ train: 'training data (IOB2 or CoNLL-2003, .gz ok)', dev: 'dev data scored after each epoch (exact-span F1)', out: 'model file to write (.tlner)', defaults: TRAIN_ENTITY_DEFAULTS }),
    labels: { type: 'string', value: 'L,L', doc: 'entity labels to learn, comma-separated' },
    vectors: { type: 'string', value: 'FILE', doc: 'word vectors (.bin, .txt, .tlv) clustered into word-cluster features' },
    clusters: { type: 'number', option: 'k', doc: 'k-means clusters made from --vectors', default: KMEANS_DEFAULTS.k },
    'coarse-clusters': { type: 'number', option: 'k', doc: 'a second, coarser k-means over --vectors (0: none)', default: 0 },
    gazetteer: { type: 'string', value: 'FILE', doc: 'name lists, lines "phrase<TAB>type" (at most 15 types), as word features' },
    'no-tags': { type: 'boolean', doc: "do not use the shipped tagger's tags as features" },
    'tag-treebank': { type: 'string', value: 'FILE', doc: "CoNLL-U treebank of the training sentences (same sent_id): training tags jackknifed from it instead of the shipped tagger's" },
    jackknife: { type: 'number', value: 'N', doc: 'folds of the jackknife (with --tag-treebank)', default: JACKKNIFE_ENTITY_DEFAULTS.folds },
    'tagger-epochs': { type: 'number', value: 'N', doc: "epochs of each fold's tagger (with --tag-treebank)", default: JACKKNIFE_ENTITY_DEFAULTS.taggerEpochs },
    'hash-bits': { type: 'number', option: 'hashBits', doc: 'log2 of the feature hash table', default: TRAIN_ENTITY_DEFAULTS.hashBits },
    prune: { type: 'number', doc: 'drop averaged weights below this fraction of the largest', default: TRAIN_ENTITY_DEFAULTS.prune },
    ...TRAIN_JSON_FLAG,
  },
  async run(args, io) {
    const f = args.flags;
    const epochs = trainEpochs(f);
    const given = typeof f.labels === 'string' ? (f.labels as string).split(',').map((l) => l.trim()).filter(Boolean) : undefined;
    if (given && given.length === 0) throw new ArgumentError('--labels needs at least one label', { key: '--labels' });
    const dev = f.dev ? await readAll(f.dev as string, given) : undefined;
    const labels = given ?? (dev ? labelsIn(dev) : undefined);
    const train = await readAll(f.train as string, labels);
    let lexicon: Map<string, number> | null = null;
    const gazetteer = f.gazetteer ? gazetteerClasses(parseGazetteer(readTextFileSync(f.gazetteer as string, 'gazetteer'), f.gazetteer as string)).words : undefined;
    const coarseK = f['coarse-clusters'] as number;
    if (f.vectors) {
      const kv = await KeyedVectors.load(f.vectors as string);
      const coarse = coarseK > 0 ? kmeansClusters(kv.words, kv.vectors, kv.dim, { k: coarseK }) : undefined;
      lexicon = buildLexicon(kv.words, kv.counts, kmeansClusters(kv.words, kv.vectors, kv.dim, { k: f.clusters as number }), { ...(coarse ? { coarse } : {}), ...(gazetteer ? { gazetteer } : {}) });
    } else if (gazetteer) {
      lexicon = buildLexicon([], undefined, new Map(), { gazetteer });
    }
    const tagger = f['no-tags'] ? null : Tagger.load();
    const tagsOf = tagger ? (s: { words: readonly string[] }) => tagger.tagWords(s.words).map((t) => t.xpos) : undefined;
    let trainTagsOf: ((s: { words: readonly string[] }, i: number) => readonly string[]) | undefined = tagsOf;
    let jackknifed = 0;
    if (tagger && typeof f['tag-treebank'] === 'string') {
      const treebank = [];
      for await (const s of readConllu(f['tag-treebank'] as string)) treebank.push(s);
      io.stderr.write(`jackknifing training tags: ${f.jackknife as number} folds of ${inputName(f['tag-treebank'] as string)}\n`);
      const jk = jackknifeEntityTags(train, treebank, { folds: f.jackknife as number, taggerEpochs: f['tagger-epochs'] as number, seed: f.seed as number });
      jackknifed = jk.filter((t) => t !== null).length;
      trainTagsOf = (s: { words: readonly string[] }, i: number) => jk[i] ?? tagsOf!(s);
    }
    const bar = new ProgressBar('training', train.length * epochs, io.stderr);
    const t0 = Date.now();
    const model = trainEntityModel(train, {
      epochs,
      seed: f.seed as number,
      hashBits: f['hash-bits'] as number,
      prune: f.prune as number,
      ...(labels ? { labels } : {}),
      lexicon,
      ...(tagsOf ? { posTags: trainTagsOf!, devPosTags: tagsOf } : {}),
      ...(dev ? { dev } : {}),
      // File names without their folders: the model then carries no path of the machine it was trained on, and rebuilds are byte-identical.
      meta: { train: basename(f.train as string), vectors: f.vectors ? basename(f.vectors as string) : null, clusters: f.vectors ? f.clusters : 0, coarseClusters: f.vectors ? coarseK : 0, gazetteer: f.gazetteer ? basename(f.gazetteer as string) : null, trainTags: jackknifed ? `jackknife ${f.jackknife as number} folds of ${basename(f['tag-treebank'] as string)}, tagger epochs ${f['tagger-epochs'] as number}, ${jackknifed} of ${train.length} sentences matched` : tagger ? 'shipped tagger' : 'none' },
      onProgress: (done) => bar.update(done),
      onEpoch: (r) => {
        const dv = r.dev ? ` dev P ${r.dev.precision.toFixed(4)} R ${r.dev.recall.toFixed(4)} F1 ${r.dev.f1.toFixed(4)}` : '';
        const line = f.json ? JSON.stringify({ epoch: r.epoch, trainAccuracy: r.trainAccuracy, dev: r.dev ?? null, seconds: Math.round(r.seconds * 1000) / 1000 }) : `epoch ${r.epoch}: train accuracy ${r.trainAccuracy.toFixed(4)}${dv} (${r.seconds.toFixed(1)}s)`;
        reportEpoch(f, io, bar, r.epoch * train.length, line);
      },
    });
    bar.done();
    saveEntityModel(model, f.out as string);
    // With --dev the model is the epoch that scored best on it (bestEpoch), not necessarily the last.
    const bestEpoch = typeof model.meta.bestEpoch === 'number' ? model.meta.bestEpoch : epochs;
    const summary = { out: f.out, labels: model.labels, weights: model.numWeights, lexicon: model.lexicon?.size ?? 0, bestEpoch, seconds: Math.round(Date.now() - t0) / 1000 };
    io.stdout.write((f.json ? JSON.stringify(summary) : `wrote ${summary.out}: labels ${summary.labels.join(',')}, epoch ${bestEpoch}, ${summary.weights} weights, ${summary.lexicon} lexicon words, ${summary.seconds.toFixed(1)}s`) + '\n');
  },
};
