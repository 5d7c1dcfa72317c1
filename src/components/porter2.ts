/** The Porter2 (Snowball English) stemmer; it lives with the other Snowball stemmers in `lang/en/stemmer.ts`. */
export { porter2 } from '../lang/en/stemmer.js';
