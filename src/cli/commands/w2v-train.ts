import { ArgumentError } from '../../core/errors.js';
import { Word2Vec, WORD2VEC_ALPHA_DEFAULTS, WORD2VEC_DEFAULTS as W2V } from '../../index.js';
import type { Command } from '../command.js';
import { assertTextFile } from '../io.js';
import { ProgressBar } from '../progress.js';
import { assertWritable } from '../../io/atomic.js';

/** `textloom w2v train`: trains word2vec on a text file (one sentence per line) and saves the vectors. */
export const w2vTrain: Command = {
  name: 'w2v train',
  summary: 'train word2vec vectors (skip-gram or CBOW) on a text file',
  usage: '--input FILE --out FILE(.bin|.txt|.tlv) [flags]',
  help: 'Examples:\n  textloom w2v train --input corpus.txt --out vectors.bin --sg --threads 2 --json\n  textloom w2v train --input raw.txt --out vectors.bin --tokenize --lowercase   (train on the en_core tokenizer\'s tokens)',
  flags: {
    input: { type: 'string', value: 'FILE', doc: 'training text, one sentence per line, whitespace-separated tokens unless --tokenize (.gz ok)', required: true },
    out: { type: 'string', value: 'FILE', doc: 'output vectors: .bin (word2vec binary), .tlv (native), else word2vec text', required: true },
    sg: { type: 'boolean', doc: 'skip-gram' },
    cbow: { type: 'boolean', doc: 'CBOW (the default)' },
    'cbow-sum': { type: 'boolean', option: 'cbowMean', doc: 'CBOW sums the context vectors instead of averaging them' },
    size: { type: 'number', option: 'vectorSize', default: W2V.vectorSize, doc: 'vector dimensionality' },
    window: { type: 'number', default: W2V.window, doc: 'maximum context window' },
    negative: { type: 'number', default: W2V.negative, doc: 'negative samples (0 = off)' },
    hs: { type: 'number', default: W2V.hs ? 1 : 0, doc: 'hierarchical softmax (1 = on)' },
    'min-count': { type: 'number', default: W2V.minCount, doc: 'drop words seen fewer times' },
    'max-vocab': { type: 'number', option: 'maxVocabSize', default: W2V.maxVocabSize, doc: 'cap on distinct words during counting (0 = none)' },
    sample: { type: 'number', default: W2V.sample, doc: 'subsampling threshold (0 = off)' },
    alpha: { type: 'number', doc: `starting learning rate (default: ${WORD2VEC_ALPHA_DEFAULTS.skipGram} skip-gram, ${WORD2VEC_ALPHA_DEFAULTS.cbow} CBOW)` },
    'min-alpha': { type: 'number', doc: 'final learning rate (default: alpha * 1e-4)' },
    epochs: { type: 'number', default: W2V.epochs, doc: 'passes over the corpus' },
    threads: { type: 'number', default: W2V.threads, doc: 'training threads (1 = reproducible)' },
    seed: { type: 'number', default: W2V.seed, doc: 'random seed' },
    'noise-table': { type: 'string', value: 'KIND', doc: "negative-sampling noise table: cumulative (gensim's; memory grows with the vocabulary) or word2vec-c (word2vec.c's exact 1e8 slots, 400 MB); default cumulative, or word2vec-c with --table-size" },
    'table-size': { type: 'number', option: 'noiseTableSize', doc: `slots of the word2vec-c noise table (default: ${W2V.noiseTableSize.toExponential().replace('+', '')}; implies --noise-table word2vec-c)` },
    tokenize: { type: 'boolean', doc: "split lines with the pipeline's tokenizer instead of on whitespace" },
    pipeline: { type: 'string', value: 'NAME', default: 'en_core', doc: 'pipeline name or config whose tokenizer --tokenize uses' },
    lowercase: { type: 'boolean', doc: 'lowercase every token' },
    json: { type: 'boolean', doc: 'print a JSON summary {"vocabSize","trainWords","effectiveWords","epochs","seconds","wordsPerSecond","out"}' },
  },
  async run(args, io) {
    const f = args.flags;
    if (f.sg && f.cbow) throw new ArgumentError('give --sg or --cbow, not both', { key: '--sg' });
    // word2vec.c's -hs is 0 or 1; any other number used to switch it off without a word.
    if (f.hs !== 0 && f.hs !== 1) throw new ArgumentError(`--hs is 0 (off) or 1 (on), got ${f.hs}`, { key: '--hs' });
    // Before training, not after minutes of it.
    assertWritable(String(f.out));
    const noiseTable = f['noise-table'] as 'cumulative' | 'word2vec-c' | undefined;
    if (noiseTable !== undefined && noiseTable !== 'cumulative' && noiseTable !== 'word2vec-c') throw new ArgumentError(`--noise-table is cumulative or word2vec-c, got ${JSON.stringify(noiseTable)}`, { key: '--noise-table' });
    if (noiseTable === 'cumulative' && f['table-size'] !== undefined) throw new ArgumentError('--table-size sizes the word2vec-c noise table; the cumulative table has one entry per word', { key: '--table-size' });
    if (/\.gz$/i.test(String(f.out))) throw new ArgumentError('--out: writing gzipped files is not supported; write vectors.bin (or .txt/.tlv) and compress it', { key: '--out' });
    await assertTextFile(String(f.input));
    let bar: ProgressBar | undefined;
    const model = await Word2Vec.train(String(f.input), {
      sg: f.sg === true,
      cbowMean: f['cbow-sum'] !== true,
      vectorSize: f.size as number,
      window: f.window as number,
      negative: f.negative as number,
      hs: f.hs === 1,
      minCount: f['min-count'] as number,
      maxVocabSize: f['max-vocab'] as number,
      sample: f.sample as number,
      alpha: f.alpha as number | undefined,
      minAlpha: f['min-alpha'] as number | undefined,
      epochs: f.epochs as number,
      threads: f.threads as number,
      seed: f.seed as number,
      noiseTable,
      noiseTableSize: f['table-size'] as number | undefined,
      pipeline: f.tokenize ? String(f.pipeline) : undefined,
      lowercase: f.lowercase === true,
      onProgress: (p) => {
        if (p.phase !== 'train') return;
        bar ??= new ProgressBar('w2v train', p.wordsTotal, io.stderr);
        bar.update(p.wordsDone, `alpha ${p.alpha.toFixed(6)} epoch ${p.epoch}`);
      },
    });
    bar?.done();
    await model.wv.save(String(f.out));
    const s = model.stats;
    if (f.json) {
      io.stdout.write(
        JSON.stringify({ vocabSize: s.vocabSize, trainWords: s.trainWords, effectiveWords: s.effectiveWords, epochs: s.epochs, seconds: Math.round(s.seconds * 1000) / 1000, wordsPerSecond: Math.round(s.wordsPerSecond), out: f.out }) + '\n',
      );
    } else {
      io.stdout.write(`vocabulary ${s.vocabSize} words, ${s.trainWords} training words x ${s.epochs} epochs in ${s.seconds.toFixed(1)}s (${Math.round(s.wordsPerSecond)} words/s); saved ${f.out}\n`);
    }
  },
};
