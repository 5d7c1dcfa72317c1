/**
 * The built-in languages by code. English and the language-neutral `xx` are always here; every
 * other language's data (rule tables, stop words; for zh and ja the word-boundary model too) is
 * loaded on demand by a dynamic `import()` (its own chunk in a browser bundle) through
 * `loadLanguage` (`load-language.ts`), which `createPipeline` and the search analyzers await.
 * Node's main entry provides them all up front (`languages-eager.ts`), so synchronous callers
 * there are unchanged.
 */
import { ArgumentError } from '../core/errors.js';
import { EN } from './en/index.js';
import type { LanguageData } from './types.js';
import { XX } from './xx/index.js';

const CODES = Object.freeze(['en', 'de', 'fr', 'es', 'pt', 'nl', 'it', 'zh', 'ja', 'xx'] as const);

const LANGUAGES = new Map<string, LanguageData>([EN, XX].map((l) => [l.code, l]));

/**
 * The codes of the built-in languages, in a stable order.
 * @example languageCodes() // ['en', 'de', 'fr', 'es', 'pt', 'nl', 'it', 'zh', 'ja', 'xx']
 */
export function languageCodes(): string[] {
  return [...CODES];
}

/** Hands over a built-in language's data once loaded (`loadLanguage`, or Node's main entry). */
export function provideLanguage(data: LanguageData): void {
  if (!(CODES as readonly string[]).includes(data.code)) throw new ArgumentError(`unknown language ${JSON.stringify(data.code)}; known: ${CODES.join(', ')}`, { key: 'lang' });
  LANGUAGES.set(data.code, data);
}

/** Whether a built-in language's data is loaded (always, in Node's main entry). */
export function isLanguageLoaded(code: string): boolean {
  return LANGUAGES.has(code);
}

/**
 * The built-in language code `code` names (case-insensitive); an unknown code is an
 * ArgumentError listing the known ones (under `key`, default `lang`).
 */
export function languageCode(code: string, key = 'lang'): string {
  const c = typeof code === 'string' ? code.toLowerCase() : '';
  if (!(CODES as readonly string[]).includes(c)) throw new ArgumentError(`unknown language ${JSON.stringify(code)}; known: ${CODES.join(', ')}`, { key });
  return c;
}

/**
 * The data of a built-in language by ISO code (`'de'`); an unknown code is an ArgumentError
 * listing the known ones (under `key`, default `lang`). Outside Node's main entry, a language other
 * than `en` and `xx` must be loaded first (`await loadLanguage('de')`), or it is an ArgumentError
 * saying so.
 * @example getLanguage('fr').name // 'French'
 */
export function getLanguage(code: string, key = 'lang'): LanguageData {
  const c = languageCode(code, key);
  const l = LANGUAGES.get(c);
  if (!l) throw new ArgumentError(`the data of language "${c}" is not loaded yet: await loadLanguage('${c}') first`, { key });
  return l;
}
