/**
 * The `tagger` component with the `perceptron` backend: wraps a {@link TaggerModel} and tags
 * Docs in place (`doc.tag` = Penn Treebank XPOS, `doc.pos` = UPOS).
 */
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../pipeline/load.js';
import { encodeTaggerModel, loadTaggerModel, saveTaggerModel } from './model-format.js';
import type { TaggerModel } from './model.js';
import { TaggerBase } from './tagger-base.js';
import { loadOnce } from '../load-once.js';
import { trainTagger, type GoldSentence, type TrainTaggerOptions } from './train.js';

/** The model shipped with the package (trained on UD English EWT train, CC BY-SA 4.0). */
export const DEFAULT_TAGGER_MODEL = resolve(PACKAGE_ROOT, 'models', 'en_ewt_tagger.tlt');

/**
 * Defaults of the `tagger` component's options: `backend` is `'perceptron'` (a textloom model) or
 * `'wink'` (wink-nlp); `model` is a perceptron model file, `''` meaning the shipped EWT model.
 */
export const TAGGER_DEFAULTS = Object.freeze({ backend: 'perceptron' as 'perceptron' | 'wink', model: '' });

const loaded = new Map<string, TaggerModel>();

/**
 * An averaged-perceptron part-of-speech tagger.
 * @example
 * const tagger = Tagger.load();                       // the shipped English model
 * const doc = Doc.fromWords(['I', 'saw', 'her']);
 * tagger.process(doc); doc.token(1).tag // 'VBD'
 * const mine = Tagger.train(sentences, { epochs: 5, seed: 1 }); mine.save('my.tlt');
 * const again = await Tagger.fromBytes(mine.toBytes());
 */
export class Tagger extends TaggerBase {
  /**
   * Trains a tagger on gold sentences (e.g. from `readConllu`); see {@link TrainTaggerOptions}
   * (epochs default 5, seed default 1; equal seeds give identical models).
   */
  static train(sentences: readonly GoldSentence[], options: TrainTaggerOptions = {}): Tagger {
    return new Tagger(trainTagger(sentences, options));
  }

  /** Loads a model file (default: the shipped model). Files are read once per process. */
  static load(path: string = DEFAULT_TAGGER_MODEL, name = 'tagger'): Tagger {
    return new Tagger(loadOnce(loaded, path, loadTaggerModel), name);
  }

  /** The model as bytes (the `.tlt` file format, version 2), for `fromBytes` or to serve to a browser. */
  toBytes(): Uint8Array {
    return encodeTaggerModel(this.model);
  }

  /** Writes the model to `path` (binary, atomic). */
  save(path: string): void {
    saveTaggerModel(this.model, path);
  }
}
