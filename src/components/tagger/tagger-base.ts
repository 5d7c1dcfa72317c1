/**
 * The tagger component without file access: tagging, and a model read from bytes. It reaches no
 * Node built-in, so browsers use it as `Tagger` from `textloom/tagger`; the main entry's
 * `Tagger` (`tagger.ts`) adds loading, saving and training.
 */
import type { Doc } from '../../core/doc.js';
import { bytesArgument } from '../../io/binfmt-bytes.js';
import type { Component } from '../../pipeline/component.js';
import { readTaggerModelBytes } from './model-bytes.js';
import type { TaggerModel } from './model.js';

/**
 * An averaged-perceptron part-of-speech tagger over a model already in memory (`doc.tag` = Penn
 * Treebank XPOS, `doc.pos` = UPOS).
 * @example
 * import { Tagger, Tokenizer, Vocab } from 'textloom/tagger';
 * const tagger = await Tagger.fromBytes(new Uint8Array(await (await fetch('en_ewt_tagger.tlt')).arrayBuffer()));
 * const doc = new Tokenizer(new Vocab()).tokenize('I saw her');
 * tagger.process(doc); doc.token(1).tag // 'VBD'
 */
export class TaggerBase implements Component {
  constructor(
    /** The trained model. */
    readonly model: TaggerModel,
    readonly name = 'tagger',
  ) {}

  /**
   * A tagger from the bytes of a model file (either format version: what `Tagger#toBytes` and
   * `textloom train tagger` write, or the shipped `models/en_ewt_tagger.tlt`). Deflated data is
   * inflated with zlib in Node when installed, else with the platform's DecompressionStream. Bad
   * bytes are a `BinaryFileError` with the byte offset; nothing is read from disk.
   * @example const tagger = await Tagger.fromBytes(bytes);
   */
  static async fromBytes<T extends TaggerBase>(this: new (model: TaggerModel, name?: string) => T, bytes: Uint8Array, name = 'tagger'): Promise<T> {
    return new this(await readTaggerModelBytes(bytesArgument(bytes, "a tagger model file's bytes")), name);
  }

  /** Tags one doc in place. */
  process(doc: Doc): void {
    this.model.tagDoc(doc);
  }

  /** Tags a batch of docs in place. */
  pipe(docs: Doc[]): void {
    for (const d of docs) this.model.tagDoc(d);
  }

  /** Tags pre-tokenized words; returns `{ upos, xpos }` per word. */
  tagWords(words: readonly string[]): { upos: string; xpos: string }[] {
    return Array.from(this.model.tagWords(words), (c) => this.model.classes[c]!);
  }
}
