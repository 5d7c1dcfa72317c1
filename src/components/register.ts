/**
 * The one place built-in tokenizers and components register. Imported for its side effect by
 * `src/index.ts` and the CLI. Registered names are stable (DESIGN rule 6); the list is pinned by
 * `tests/pipeline/registry.test.ts`.
 */
import { registerComponent, registerTokenizer } from '../pipeline/registry.js';
import { WhitespaceTokenizer } from '../tokenizer/whitespace.js';
import { senterFactory } from './senter.js';

registerTokenizer('whitespace', { options: {}, create: (_o, ctx) => new WhitespaceTokenizer(ctx.vocab) });
registerComponent('senter', senterFactory);
