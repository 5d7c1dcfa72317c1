/**
 * The `parser` component (Node build): wraps a {@link ParserModel} and parses Docs in place (`doc.head`,
 * `doc.dep`, and sentence starts when no senter ran). Needs XPOS tags (`doc.tag`), so it goes
 * after the tagger.
 */
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../pipeline/load.js';
import { loadOnce } from '../load-once.js';
import { encodeParserModel, loadParserModel, saveParserModel, type EncodeParserOptions } from './model-format.js';
import type { ParserModel } from './model.js';
import { ParserBase } from './parser-base.js';
import { trainParser, type ParserGoldSentence, type TrainParserOptions } from './train.js';

/** The model shipped with the package (trained on UD English EWT train, CC BY-SA 4.0). */
export const DEFAULT_PARSER_MODEL = resolve(PACKAGE_ROOT, 'models', 'en_ewt_parser.tlp');

/** Defaults of the `parser` component's options: `model` is a model file, `''` meaning the shipped EWT model. */
export const PARSER_DEFAULTS = Object.freeze({ model: '' });

const loaded = new Map<string, ParserModel>();

/**
 * A greedy transition-based dependency parser (arc-eager, averaged perceptron, UD labels).
 * @example
 * const parser = Parser.load();                          // the shipped English model
 * parser.parseWords(['I', 'saw', 'her'], ['PRP', 'VBD', 'PRP']).heads // [2, 0, 2]
 * const mine = Parser.train(sentences, { epochs: 10, seed: 1, tagger: Tagger.load() }); mine.save('my.tlp');
 * const again = await Parser.fromBytes(mine.toBytes());
 */
export class Parser extends ParserBase {
  /**
   * Trains a parser on gold trees (e.g. from `readConllu`); see {@link TrainParserOptions}
   * (epochs default 10, seed default 1, training tags jackknifed; equal seeds give identical models).
   */
  static train(sentences: readonly ParserGoldSentence[], options: TrainParserOptions = {}): Parser {
    return new Parser(trainParser(sentences, options));
  }

  /** Loads a model file (default: the shipped model). Files are read once per process. */
  static load(path: string = DEFAULT_PARSER_MODEL, name = 'parser'): Parser {
    return new Parser(loadOnce(loaded, path, loadParserModel), name);
  }

  /** The model as bytes (the `.tlp` file format, version 3), for `fromBytes` or to serve to a browser; see {@link EncodeParserOptions} for pruning. */
  toBytes(options: EncodeParserOptions = {}): Uint8Array {
    return encodeParserModel(this.model, options);
  }

  /** Writes the model to `path` (binary, atomic); see {@link EncodeParserOptions} for pruning. */
  save(path: string, options: EncodeParserOptions = {}): void {
    saveParserModel(this.model, path, options);
  }
}
