/**
 * The one place built-in tokenizers and components register. Imported for its side effect by
 * `src/index.ts` and the CLI.
 */
import { registerComponent, registerTokenizer } from '../pipeline/registry.js';
import { WhitespaceTokenizer } from '../tokenizer/whitespace.js';

registerTokenizer('whitespace', { options: {}, create: (_o, ctx) => new WhitespaceTokenizer(ctx.vocab) });

// --- embeddings ---
import { resolve as resolvePath } from 'node:path';
import { KeyedVectors } from '../embeddings/keyed-vectors.js';
import { createVectorsComponent } from '../embeddings/vectors-component.js';

registerComponent<{ path: string; lowercaseFallback: boolean }>('vectors', {
  options: {
    path: { type: 'string', doc: 'word vectors file (.bin, .txt or .tlv), relative to the config' },
    lowercaseFallback: { type: 'boolean', default: false, doc: 'look up the lower-cased text when the exact text has no vector' },
  },
  assigns: ['_.vector_row'],
  create: async (o, ctx) => createVectorsComponent(await KeyedVectors.load(resolvePath(ctx.baseDir, o.path)), { name: ctx.name, lowercaseFallback: o.lowercaseFallback }),
});
