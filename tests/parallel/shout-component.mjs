// A custom component for the parallel pipe tests, registered where `modules` imports it (a worker).
import { registerComponent, ArgumentError } from '../../dist/index.js';

/** The factory: a string extension with each token upper-cased, a doc-level count, and an error on "FAIL". */
export const shoutFactory = (ArgumentErrorClass) => ({
  options: {},
  create: () => ({
    name: 'shout',
    process(doc) {
      if (doc.text.includes('FAIL')) throw new ArgumentErrorClass('shout cannot take FAIL', { key: 'text' });
      const col = doc.extension('shout', 'string');
      const len = doc.extension('len', 'number');
      for (let i = 0; i < doc.length; i++) {
        col.set(i, doc.tokenText(i).toUpperCase());
        len.set(i, doc.tokenText(i).length);
      }
      doc.user.set('stats', { tokens: doc.length, words: new Set(['x']) });
    },
  }),
});

registerComponent('test_shout', shoutFactory(ArgumentError), { override: true });
