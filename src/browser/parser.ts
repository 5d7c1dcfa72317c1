/**
 * `textloom/parser`: the dependency parser and the part-of-speech tagger it needs, both with models
 * read from bytes (`Parser.fromBytes`, `Tagger.fromBytes`, inflated with the platform's
 * DecompressionStream), plus the tokenizer and Doc/Vocab they annotate, and no Node built-in
 * reachable. Loading files, saving and training stay in the main entry.
 * @example
 * import { Parser, Tagger, Tokenizer, Vocab } from 'textloom/parser';
 * const bytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
 * const tagger = await Tagger.fromBytes(await bytes('/models/en_ewt_tagger.tlt'));
 * const parser = await Parser.fromBytes(await bytes('/models/en_ewt_parser.tlp'));
 * const doc = new Tokenizer(new Vocab()).tokenize('I saw her.');
 * tagger.process(doc);
 * parser.process(doc);
 * doc.token(0).dep; // 'nsubj'
 * @packageDocumentation
 */
export * from './tagger.js';
export { ParserBase as Parser } from '../components/parser/parser-base.js';
export type { ParserModel } from '../components/parser/model.js';
