import { getLanguage, isLanguageLoaded, languageCode, provideLanguage } from './registry.js';
import type { LanguageData } from './types.js';

// One loader per language (one chunk each in a browser bundle); en and xx are always loaded.
const LOADERS: Readonly<Record<string, () => Promise<LanguageData>>> = Object.freeze({
  de: () => import('./de/index.js').then((m) => m.DE),
  fr: () => import('./fr/index.js').then((m) => m.FR),
  es: () => import('./es/index.js').then((m) => m.ES),
  pt: () => import('./pt/index.js').then((m) => m.PT),
  nl: () => import('./nl/index.js').then((m) => m.NL),
  it: () => import('./it/index.js').then((m) => m.IT),
  zh: () => import('./zh/index.js').then((m) => m.ZH),
  ja: () => import('./ja/index.js').then((m) => m.JA),
});

const pending = new Map<string, Promise<LanguageData>>();

/**
 * A built-in language's data, loaded on first call: its rule tables and stop words, for `zh` and
 * `ja` the trained word-boundary model too. In a browser bundle each language is a chunk of its
 * own, fetched only when a pipeline or search index of that language is first built (they call
 * this themselves); call it before {@link getLanguage} or a synchronous tokenizer
 * (`tokenizerFor`) of a language other than `en` and `xx` there. Node's main entry has every
 * language loaded already. An unknown code is an ArgumentError listing the known ones.
 * @example (await loadLanguage('zh')).name // 'Chinese'
 */
export async function loadLanguage(code: string, key = 'lang'): Promise<LanguageData> {
  const c = languageCode(code, key);
  if (isLanguageLoaded(c)) return getLanguage(c, key);
  let p = pending.get(c);
  if (p === undefined) {
    p = LOADERS[c]!().then((data) => {
      provideLanguage(data);
      return data;
    });
    pending.set(c, p);
    p.catch(() => pending.delete(c));
  }
  return p;
}
