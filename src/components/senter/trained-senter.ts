/**
 * The trained sentence segmenter as a pipeline component: the `senter` factory with
 * `backend: "perceptron"` (as in `en_core`) creates one. Sets `sentStart` on every token, so the
 * parser that follows parses sentence by sentence.
 */
import { resolve } from 'node:path';
import type { Doc } from '../../core/doc.js';
import type { Component } from '../../pipeline/component.js';
import { PACKAGE_ROOT } from '../../pipeline/load.js';
import { loadOnce } from '../load-once.js';
import { loadSenterModel, saveSenterModel, type EncodeSenterOptions } from './model-format.js';
import type { SenterModel } from './model.js';
import { trainSenter, type SenterGoldSentence, type TrainSenterOptions } from './train.js';

/** The model shipped with the package (trained on UD English EWT train, CC BY-SA 4.0). */
export const DEFAULT_SENTER_MODEL = resolve(PACKAGE_ROOT, 'models', 'en_ewt_senter.tls');

const loaded = new Map<string, SenterModel>();

/**
 * A trained sentence segmenter (spaCy's `senter`): an averaged perceptron deciding at every token
 * whether a sentence starts there, from the words around it, their shapes and case, punctuation,
 * the whitespace before it and the rule splitter's answer.
 * @example
 * const senter = TrainedSenter.load();                      // the shipped English model
 * const doc = nlp.tokenizer.tokenize('see you there thanks again Bob'); senter.process(doc); doc.sents.length
 * const mine = TrainedSenter.train(sentences, { epochs: 12, seed: 1 }); mine.save('my.tls');
 */
export class TrainedSenter implements Component {
  constructor(
    /** The trained model. */
    readonly model: SenterModel,
    readonly name = 'senter',
  ) {}

  /** Trains on gold CoNLL-U sentences (see {@link TrainSenterOptions}; equal seeds give identical models). */
  static train(sentences: readonly SenterGoldSentence[], options: TrainSenterOptions = {}): TrainedSenter {
    return new TrainedSenter(trainSenter(sentences, options));
  }

  /** Loads a model file (default: the shipped model). Files are read once per process. */
  static load(path: string = DEFAULT_SENTER_MODEL, name = 'senter'): TrainedSenter {
    return new TrainedSenter(loadOnce(loaded, path, loadSenterModel), name);
  }

  /** Sets the sentence starts of one doc. */
  process(doc: Doc): void {
    this.model.predictDoc(doc);
  }

  /** Sets the sentence starts of a batch of docs. */
  pipe(docs: Doc[]): void {
    for (const d of docs) this.model.predictDoc(d);
  }

  /** Writes the model to `path` (binary, atomic). */
  save(path: string, options: EncodeSenterOptions = {}): void {
    saveSenterModel(this.model, path, options);
  }
}
