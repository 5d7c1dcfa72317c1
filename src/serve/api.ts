/**
 * The JSON API behind the page: `/api/analyze` (a pipeline's tokens, entities and pictures),
 * `/api/search` (BM25 hits with highlighted, escaped snippets) and `/api/similar` (nearest words
 * and their scatter plot). Each handler takes checked parameters and returns plain JSON data.
 */
import type { Doc } from '../core/doc.js';
import type { KeyedVectors } from '../embeddings/keyed-vectors.js';
import type { Nlp } from '../pipeline/pipeline.js';
import { projectVectors, renderScatter } from '../render/scatter.js';
import type { SearchIndex } from '../search/search-index.js';
import { HttpError } from './http-errors.js';
import type { ResultCache } from './result-cache.js';

/**
 * An analysis as the page draws it, in columns (one array per attribute, token order, whitespace
 * tokens included) so it stays small: the page renders the entities, the token table and the
 * dependency trees itself, with the `textloom/render` module.
 */
export interface Analysis {
  text: string;
  /** Each token's text. */
  words: string[];
  pos: string[];
  tag: string[];
  lemma: string[];
  dep: string[];
  /** Each token's head as a token index (itself for a root). */
  head: number[];
  /** Each token's entity as `B-LABEL`/`I-LABEL`, or ''. */
  ent: string[];
  /** Sentences as [start, end) token ranges. */
  sents: [number, number][];
  /** Entities as character ranges with their label. */
  ents: { start: number; end: number; label: string }[];
  /** Whether the pipeline set dependency arcs (else `dep`/`head` say nothing). */
  parsed: boolean;
  /** Time the pipeline and this conversion took, in ms. */
  ms: number;
}

function hasParse(doc: Doc): boolean {
  for (let i = 0; i < doc.length; i++) if (doc.dep[i] !== 0) return true;
  return false;
}

/**
 * The annotations of an analysed `doc` as an {@link Analysis}; `t0` is when its analysis began.
 * With `parse: false` the `dep` and `head` columns are left empty (they come later, see
 * `analyzeInParts`) and `parsed` is false.
 */
export function analysisOf(doc: Doc, t0: number, parse = true): Analysis {
  const n = doc.length;
  const a: Analysis = { text: doc.text, words: [], pos: [], tag: [], lemma: [], dep: [], head: [], ent: [], sents: [], ents: [], parsed: parse && hasParse(doc), ms: 0 };
  for (let i = 0; i < n; i++) {
    const t = doc.token(i);
    a.words.push(t.text);
    a.pos.push(t.pos);
    a.tag.push(t.tag);
    a.lemma.push(t.lemma);
    a.ent.push(t.entType ? `${t.entIob}-${t.entType}` : '');
  }
  if (parse) Object.assign(a, parseColumns(doc));
  for (const s of doc.sents) a.sents.push([s.start, s.end]);
  for (const e of doc.ents) a.ents.push({ start: e.startChar, end: e.endChar, label: e.label });
  a.ms = +(performance.now() - t0).toFixed(3);
  return a;
}

/** The `dep` and `head` columns of a parsed doc (head as a token index, itself for a root). */
export function parseColumns(doc: Doc): Pick<Analysis, 'dep' | 'head'> {
  const dep: string[] = [];
  const head: number[] = [];
  for (let i = 0; i < doc.length; i++) {
    dep.push(doc.token(i).dep);
    head.push(i + doc.head[i]!);
  }
  return { dep, head };
}

/** Runs the pipeline over `text` and returns its annotations as an {@link Analysis}. */
export function analyze(nlp: Nlp, text: string): Analysis {
  const t0 = performance.now();
  return analysisOf(nlp(text), t0);
}

// Highlight marks from Unicode's private use area, which text does not use: the snippet is
// escaped first, then the marks become <mark> elements, so stored text can never add markup.
const PRE = '\uE000';
const POST = '\uE001';

/**
 * Escapes a snippet and turns the highlight marks into `<mark>` elements, in one pass: the same
 * text as `escapeHtml` followed by replacing the marks (the marks are not characters it escapes).
 */
export function snippetHtml(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let r: string;
    if (c > 62) {
      if (c === 0xe000) r = '<mark>';
      else if (c === 0xe001) r = '</mark>';
      else continue;
    } else if (c === 38) r = '&amp;';
    else if (c === 60) r = '&lt;';
    else if (c === 62) r = '&gt;';
    else if (c === 34) r = '&quot;';
    else if (c === 39) r = '&#39;';
    else continue;
    out += s.slice(from, i) + r;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * `JSON.stringify(snippetHtml(s))` in one pass over `s`: the snippet escaped for HTML, its marks
 * made `<mark>` elements, and the result written as a JSON string (HTML escaping leaves no `"`;
 * backslashes, control characters and lone surrogates are escaped as JSON.stringify escapes them).
 */
export function snippetJson(s: string): string {
  let out = '"';
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let r: string;
    if (c > 62) {
      if (c < 0xd800) {
        if (c !== 92) continue;
        r = '\\\\';
      } else if (c === 0xe000) r = '<mark>';
      else if (c === 0xe001) r = '</mark>';
      else if (c > 0xdfff) continue;
      else if (c < 0xdc00 && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        i++; // a surrogate pair
        continue;
      } else r = `\\u${c.toString(16)}`; // a lone surrogate
    } else if (c >= 32) {
      if (c === 38) r = '&amp;';
      else if (c === 60) r = '&lt;';
      else if (c === 62) r = '&gt;';
      else if (c === 34) r = '&quot;';
      else if (c === 39) r = '&#39;';
      else continue;
    } else r = CONTROL[c]!;
    out += s.slice(from, i) + r;
    from = i + 1;
  }
  return (from === 0 ? out + s : out + s.slice(from)) + '"';
}

// How JSON.stringify writes the control characters.
const CONTROL: string[] = Array.from({ length: 32 }, (_, c) => JSON.stringify(String.fromCharCode(c)).slice(1, -1));

/** Stored field values longer than this are cut in hits: the snippets carry the matching passage. */
export const HIT_FIELD_CHARS = 200;

// A hit's stored fields as a JSON object, long strings cut (the keys and values JSON.stringify
// writes; a cut string is written without its ellipsis first, which keeps a one-byte string so).
function fieldsJson(fields: Record<string, unknown> | undefined): string {
  let out = '{';
  if (fields)
    for (const k in fields) {
      if (!Object.prototype.hasOwnProperty.call(fields, k)) continue;
      const v = fields[k];
      const json = typeof v === 'string' && v.length > HIT_FIELD_CHARS ? JSON.stringify(v.slice(0, HIT_FIELD_CHARS)).slice(0, -1) + '…"' : JSON.stringify(v);
      if (json === undefined) continue; // as JSON.stringify leaves out such a member
      out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + json;
    }
  return out + '}';
}

// A hit's snippets as a JSON object of escaped HTML strings.
function snippetsJson(highlights: Record<string, string> | undefined): string {
  let out = '{';
  if (highlights) for (const k in highlights) if (Object.prototype.hasOwnProperty.call(highlights, k)) out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + snippetJson(highlights[k]!);
  return out + '}';
}

/** Collapses runs of whitespace: queries that differ only there are the same query (and one cache entry). */
export function normalizeQuery(q: string): string {
  return q.trim().replace(/\s+/g, ' ');
}

/**
 * One page of search results as JSON, in two pieces: `head`, the answer's first members (the time
 * taken and whether it came from the cache), and `body`, the rest: hits with their stored fields
 * (long values cut to {@link HIT_FIELD_CHARS} characters), highlighted snippets (HTML, escaped)
 * and the total. With a `cache` that keeps answers, `body` is UTF-8 bytes, kept by query, page
 * and size, so a kept answer is sent without encoding it again; without one it is the JSON text
 * (encoded once, when it is written to the socket).
 */
export function searchAnswer(index: SearchIndex | undefined, query: string, page: number, size: number, cache?: ResultCache<Buffer>): { head: string; body: Buffer | string } {
  if (!index) throw new HttpError(404, 'this server has no search index (start it with --index DIR)');
  const t0 = performance.now();
  const q = normalizeQuery(query);
  const keep = cache !== undefined && cache.maxEntries > 0;
  const key = keep ? `${page} ${size} ${q}` : '';
  const kept = keep ? cache.get(key) : undefined;
  let body: Buffer | string;
  if (kept !== undefined) body = kept;
  else {
    const { hits, total } = index.searchWithTotal(q, { topK: page * size, highlight: { pre: PRE, post: POST } });
    // The answer without its first brace, so the time and `cached` go in front of it: written
    // member by member, the same text JSON.stringify gives for { query, page, size, total, hits }.
    let json = `"query":${JSON.stringify(q)},"page":${page},"size":${size},"total":${total},"hits":[`;
    for (let i = (page - 1) * size; i < hits.length; i++) {
      const r = hits[i]!;
      json += `${i > (page - 1) * size ? ',' : ''}{"id":${JSON.stringify(r.id)},"score":${JSON.stringify(+r.score.toFixed(4))},"fields":${fieldsJson(r.fields)},"snippets":${snippetsJson(r.highlights)}}`;
    }
    json += ']}';
    if (keep) cache.set(key, (body = Buffer.from(json)));
    else body = json;
  }
  return { head: `{"ms":${+(performance.now() - t0).toFixed(3)},"cached":${kept !== undefined},`, body };
}

/** {@link searchAnswer} as one JSON string. */
export function searchJson(index: SearchIndex | undefined, query: string, page: number, size: number, cache?: ResultCache<Buffer>): string {
  const a = searchAnswer(index, query, page, size, cache);
  return a.head + (typeof a.body === 'string' ? a.body : a.body.toString('utf8'));
}

/** {@link searchJson}'s answer as an object. */
export function search(index: SearchIndex | undefined, q: string, page: number, size: number, cache?: ResultCache<Buffer>): Record<string, unknown> {
  return JSON.parse(searchJson(index, q, page, size, cache)) as Record<string, unknown>;
}

/** The `k` nearest words of `word` and an SVG scatter of the word and its neighbours. */
export function similar(vectors: KeyedVectors | undefined, word: string, k: number): Record<string, unknown> {
  if (!vectors) throw new HttpError(404, 'this server has no word vectors (start it with --vectors FILE)');
  const t0 = performance.now();
  const neighbours = vectors.mostSimilar({ positive: [word], topn: k });
  const words = [word, ...neighbours.map((n) => n.word)];
  const xy = projectVectors(words.map((w) => vectors.vector(w)));
  const svg = renderScatter(words.map((label, j) => ({ label, x: xy[j]!.x, y: xy[j]!.y, group: j === 0 ? 'query' : 'neighbour' })), { width: 560, height: 420, colors: { query: '#e4572e', neighbour: '#3b6fd8' } });
  return { word, neighbours: neighbours.map((n) => ({ word: n.word, score: +n.score.toFixed(4) })), svg, ms: +(performance.now() - t0).toFixed(3) };
}
