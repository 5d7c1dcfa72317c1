/**
 * The Snowball stemmers by language: textloom's own ports of the Snowball 2.2 algorithms for
 * German, English (Porter2), Spanish, French, Italian, Dutch and Portuguese, looked up by ISO 639-1
 * code (`de`) or English name (`german`), as spaCy and Lucene users name them. This module (Node's
 * main entry) has every stemmer loaded up front; browser entries go through `stemmer-table.ts`,
 * which loads each on first use.
 */
import { germanStem } from './de/stemmer.js';
import { spanishStem } from './es/stemmer.js';
import { frenchStem } from './fr/stemmer.js';
import { italianStem } from './it/stemmer.js';
import { dutchStem } from './nl/stemmer.js';
import { portugueseStem } from './pt/stemmer.js';
import { provideSnowballStemmer } from './stemmer-table.js';

provideSnowballStemmer('de', germanStem);
provideSnowballStemmer('es', spanishStem);
provideSnowballStemmer('fr', frenchStem);
provideSnowballStemmer('it', italianStem);
provideSnowballStemmer('nl', dutchStem);
provideSnowballStemmer('pt', portugueseStem);

export { SNOWBALL_LANGUAGES, snowballLanguage, snowballStemmer, loadSnowballStemmer } from './stemmer-table.js';
export type { SnowballLanguage } from './stemmer-table.js';
