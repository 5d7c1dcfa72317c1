/**
 * The parser component without file access: parsing, and a model read from bytes. It reaches no
 * Node built-in, so browsers use it as `Parser` from `textloom/parser`; the main entry's `Parser`
 * (`parser.ts`) adds loading, saving and training.
 */
import type { Doc } from '../../core/doc.js';
import { bytesArgument } from '../../io/binfmt-bytes.js';
import type { Component } from '../../pipeline/component.js';
import { readParserModelBytes } from './model-bytes.js';
import type { ParserModel } from './model.js';

/**
 * A greedy transition-based dependency parser (arc-eager, averaged perceptron, UD labels) over a
 * model already in memory. Needs XPOS tags (`doc.tag`), so it goes after the tagger.
 * @example
 * import { Parser, Tagger, Tokenizer, Vocab } from 'textloom/parser';
 * const fetchBytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
 * const tagger = await Tagger.fromBytes(await fetchBytes('en_ewt_tagger.tlt'));
 * const parser = await Parser.fromBytes(await fetchBytes('en_ewt_parser.tlp'));
 * const doc = new Tokenizer(new Vocab()).tokenize('I saw her');
 * tagger.process(doc); parser.process(doc); doc.token(0).dep // 'nsubj'
 */
export class ParserBase implements Component {
  constructor(
    /** The trained model. */
    readonly model: ParserModel,
    readonly name = 'parser',
  ) {}

  /**
   * A parser from the bytes of a model file (what `Parser#toBytes` and `textloom train parser`
   * write, or the shipped `models/en_ewt_parser.tlp`). Deflated sections are inflated with the
   * platform's DecompressionStream; bad bytes are a `BinaryFileError` with the byte offset;
   * nothing is read from disk.
   * @example const parser = await Parser.fromBytes(bytes);
   */
  static async fromBytes<T extends ParserBase>(this: new (model: ParserModel, name?: string) => T, bytes: Uint8Array, name = 'parser'): Promise<T> {
    return new this(await readParserModelBytes(bytesArgument(bytes, "a parser model file's bytes")), name);
  }

  /** Parses one doc in place. */
  process(doc: Doc): void {
    this.model.parseDoc(doc);
  }

  /** Parses a batch of docs in place. */
  pipe(docs: Doc[]): void {
    for (const d of docs) this.model.parseDoc(d);
  }

  /**
   * Parses one sentence of words with their XPOS tags; heads are 1-based word numbers (0 = the
   * root), labels are UD relations (`root` for the root's dependent).
   */
  parseWords(words: readonly string[], tags: readonly string[]): { heads: number[]; labels: string[] } {
    return this.model.parseWords(words, tags);
  }
}
