import { ArgumentError } from '../core/errors.js';
import { DE } from './de/index.js';
import { EN } from './en/index.js';
import { ES } from './es/index.js';
import { FR } from './fr/index.js';
import { IT } from './it/index.js';
import { JA } from './ja/index.js';
import { NL } from './nl/index.js';
import { PT } from './pt/index.js';
import type { LanguageData } from './types.js';
import { XX } from './xx/index.js';
import { ZH } from './zh/index.js';

const LANGUAGES: ReadonlyMap<string, LanguageData> = new Map([EN, DE, FR, ES, PT, NL, IT, ZH, JA, XX].map((l) => [l.code, l]));

/**
 * The codes of the built-in languages, in a stable order.
 * @example languageCodes() // ['en', 'de', 'fr', 'es', 'pt', 'nl', 'it', 'zh', 'ja', 'xx']
 */
export function languageCodes(): string[] {
  return [...LANGUAGES.keys()];
}

/**
 * The data of a built-in language by ISO code (`'de'`); an unknown code is an ArgumentError
 * listing the known ones (under `key`, default `lang`).
 * @example getLanguage('fr').name // 'French'
 */
export function getLanguage(code: string, key = 'lang'): LanguageData {
  const l = typeof code === 'string' ? LANGUAGES.get(code.toLowerCase()) : undefined;
  if (!l) throw new ArgumentError(`unknown language ${JSON.stringify(code)}; known: ${languageCodes().join(', ')}`, { key });
  return l;
}
