/**
 * Node's main entry: every built-in language's data up front (rule tables, stop words, the zh and
 * ja word-boundary models), so synchronous callers (`getLanguage`, `tokenizerFor`, `blank`, the
 * vectorizers' `language` option) need no `loadLanguage` first. Browser entries never import this
 * file: their bundles load each language on first use.
 */
import { DE } from './de/index.js';
import { ES } from './es/index.js';
import { FR } from './fr/index.js';
import { IT } from './it/index.js';
import { JA } from './ja/index.js';
import { NL } from './nl/index.js';
import { PT } from './pt/index.js';
import { provideLanguage } from './registry.js';
import { ZH } from './zh/index.js';

for (const l of [DE, FR, ES, PT, NL, IT, ZH, JA]) provideLanguage(l);
