/**
 * `textloom/tagger`: the part-of-speech tagger with a model read from bytes
 * (`Tagger.fromBytes`, inflated with the platform's DecompressionStream), plus the tokenizer and
 * Doc/Vocab it tags, and no Node built-in reachable. Loading files, saving and training stay in
 * the main entry.
 * @example
 * import { Tagger, Tokenizer, Vocab } from 'textloom/tagger';
 * const tagger = await Tagger.fromBytes(new Uint8Array(await (await fetch('/models/en_ewt_tagger.tlt')).arrayBuffer()));
 * const doc = new Tokenizer(new Vocab()).tokenize('I saw her.');
 * tagger.process(doc);
 * doc.token(1).tag; // 'VBD'
 * @packageDocumentation
 */
export * from './tokenizer.js';
export { TaggerBase as Tagger } from '../components/tagger/tagger-base.js';
export type { TaggerModel } from '../components/tagger/model.js';
