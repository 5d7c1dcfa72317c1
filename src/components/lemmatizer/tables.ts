/**
 * Building, saving and loading the lemmatizer's tables from gold lemmas (e.g. UD English EWT
 * train): the known lemmas of the open classes, and exceptions only where the rules would be
 * wrong, so the file stays small. JSON with `formatVersion`, optionally gzipped.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { FormatError } from '../../core/errors.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import { readBytesSync } from '../../io/read-text.js';
import { lemmatize, SUFFIX_RULES, type LemmaTables } from './rules.js';

/** A gold word with its lemma (`ConlluWord` satisfies this). */
export interface LemmaWord {
  form: string;
  lemma: string;
  upos: string;
}

/** Current table format version. */
export const LEMMA_FORMAT_VERSION = 1;

const RE_ALNUM = /^[\p{L}\p{N}]$/u;
/**
 * UPOS whose one-letter forms are reduced words: function words, and VERB because a one-letter
 * verb is a clitic the tagger read as a main verb ("thats" -> that + s/be), never a verb of its own.
 */
const REDUCED_UPOS = new Set(['AUX', 'VERB', 'PART', 'PRON', 'CCONJ', 'SCONJ', 'ADP', 'DET']);

/** Whether `s` is one letter or digit (one code point). */
function isSingleAlnum(s: string): boolean {
  return RE_ALNUM.test(s);
}

/**
 * Derives tables from gold words: the index holds every lemma seen with a rule-bearing UPOS; an
 * exception is stored for a (UPOS, form) whose most frequent gold lemma the rules miss, except
 * that a single letter or digit tagged as a content word or number never becomes another word
 * (only its case may change; function words and verbs such as the clitic `s` -> `be` keep theirs) and the
 * UD placeholder lemma `_` is ignored.
 * @example const tables = buildLemmaTables(sentences.flatMap(s => s.words));
 */
export function buildLemmaTables(words: Iterable<LemmaWord>): LemmaTables {
  const counts = new Map<string, Map<string, number>>();
  const index = new Map<string, Set<string>>();
  for (const w of words) {
    // UD writes "_" for "no lemma given": not a lemma to learn.
    if (!w.upos || w.lemma === '' || (w.lemma === '_' && w.form !== '_')) continue;
    if (SUFFIX_RULES[w.upos]) {
      let s = index.get(w.upos);
      if (!s) index.set(w.upos, (s = new Set()));
      s.add(w.lemma.toLowerCase());
    }
    const key = `${w.upos}\t${w.form.toLowerCase()}`;
    let m = counts.get(key);
    if (!m) counts.set(key, (m = new Map()));
    m.set(w.lemma, (m.get(w.lemma) ?? 0) + 1);
  }
  const tables: LemmaTables = { index, exceptions: new Map() };
  for (const key of [...counts.keys()].sort()) {
    const [upos, lower] = key.split('\t') as [string, string];
    let best = '';
    let bestN = 0;
    for (const [lemma, n] of counts.get(key)!) if (n > bestN || (n === bestN && lemma < best)) [best, bestN] = [lemma, n];
    // PROPN keeps its form at run time, whatever its case; only real rewrites are exceptions.
    if (upos === 'PROPN' && best.toLowerCase() === lower) continue;
    // A lone letter or digit tagged as a content word or number is itself ("plan b", "vitamin k",
    // "$5 b"), not the word an annotator read into it (billion, email...): only its case may change.
    // Function words and verbs keep their expansion: they are clitics the tokenizer split off
    // ("thats" -> that + s/be, "Im" -> I + m/be) or texting forms ("u" -> you, "4" -> for).
    if (isSingleAlnum(lower) && !REDUCED_UPOS.has(upos) && best.toLowerCase() !== lower) continue;
    if (lemmatize(lower, upos, tables) === best) continue;
    let e = tables.exceptions.get(upos);
    if (!e) tables.exceptions.set(upos, (e = new Map()));
    e.set(lower, best);
  }
  return tables;
}

interface TablesJson {
  formatVersion: number;
  index: Record<string, string[]>;
  exceptions: Record<string, Record<string, string>>;
}

/** Serializes tables as JSON (gzipped when `path` ends in `.gz`), atomically. */
export function saveLemmaTables(tables: LemmaTables, path: string): void {
  const json: TablesJson = { formatVersion: LEMMA_FORMAT_VERSION, index: {}, exceptions: {} };
  for (const [pos, s] of [...tables.index].sort()) json.index[pos] = [...s].sort();
  for (const [pos, m] of [...tables.exceptions].sort()) json.exceptions[pos] = Object.fromEntries([...m].sort());
  const text = JSON.stringify(json);
  writeFileAtomicSync(path, path.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text);
}

/** Loads tables saved by {@link saveLemmaTables}; a bad version or shape is a FormatError, a missing file a NotFoundError. */
export function loadLemmaTables(path: string): LemmaTables {
  const raw = readBytesSync(path, 'lemma tables');
  let json: TablesJson;
  try {
    json = JSON.parse((path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as TablesJson;
  } catch (e) {
    throw new FormatError(`invalid lemma tables: ${(e as Error).message}`, { file: path });
  }
  if (json.formatVersion !== LEMMA_FORMAT_VERSION) throw new FormatError(`unsupported lemma table version ${json.formatVersion}`, { file: path, key: 'formatVersion' });
  if (typeof json.index !== 'object' || typeof json.exceptions !== 'object') throw new FormatError('lemma tables need "index" and "exceptions"', { file: path });
  const tables: LemmaTables = { index: new Map(), exceptions: new Map() };
  for (const [pos, list] of Object.entries(json.index)) tables.index.set(pos, new Set(list));
  for (const [pos, obj] of Object.entries(json.exceptions)) tables.exceptions.set(pos, new Map(Object.entries(obj)));
  return tables;
}
