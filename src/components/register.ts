/**
 * The one place built-in tokenizers and components register. Imported for its side effect by
 * `src/index.ts` and the CLI.
 */
import { resolve as resolvePath } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { registerComponent, registerTokenizer } from '../pipeline/registry.js';
import { WhitespaceTokenizer } from '../tokenizer/whitespace.js';
import { TextCategorizer } from './textcat/textcat.js';

registerTokenizer('whitespace', { options: {}, create: (_o, ctx) => new WhitespaceTokenizer(ctx.vocab) });

// textcat: loads a trained model file (train one with TextCategorizer.train or `textloom train textcat`).
registerComponent<{ model: string }>('textcat', {
  options: { model: { type: 'string', doc: 'path of a model saved by TextCategorizer.save / textloom train textcat' } },
  assigns: ['doc.user.cats'],
  create: (o, ctx) => {
    if (typeof o.model !== 'string' || o.model === '') throw new ConfigError('textcat needs a "model" path', { key: `${ctx.name}.model` });
    const tc = TextCategorizer.load(resolvePath(ctx.baseDir, o.model));
    tc.name = ctx.name;
    return tc;
  },
});
