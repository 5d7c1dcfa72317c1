/**
 * The one place built-in tokenizers and components register. Imported for its side effect by
 * `src/index.ts` and the CLI.
 */
import { registerComponent, registerTokenizer } from '../pipeline/registry.js';
import { WhitespaceTokenizer } from '../tokenizer/whitespace.js';
import { stemmerFactory } from './stemmer.js';

registerTokenizer('whitespace', { options: {}, create: (_o, ctx) => new WhitespaceTokenizer(ctx.vocab) });
registerComponent('stemmer', stemmerFactory);
