/**
 * The JSON API behind the page: `/api/analyze` (a pipeline's tokens, entities and pictures),
 * `/api/search` (BM25 hits with highlighted, escaped snippets) and `/api/similar` (nearest words
 * and their scatter plot). Each handler takes checked parameters and returns plain JSON data.
 */
import type { Doc } from '../core/doc.js';
import type { KeyedVectors } from '../embeddings/keyed-vectors.js';
import type { Nlp } from '../pipeline/pipeline.js';
import { depData, entData } from '../render/data.js';
import { renderDep } from '../render/dep.js';
import { renderEnts } from '../render/ent.js';
import { escapeHtml } from '../render/escape.js';
import { projectVectors, renderScatter } from '../render/scatter.js';
import type { SearchIndex } from '../search/search-index.js';
import { HttpError } from './http-errors.js';
import type { ResultCache } from './result-cache.js';

/** One token's row in the Analyze table. */
export interface TokenRow {
  i: number;
  text: string;
  pos: string;
  tag: string;
  lemma: string;
  dep: string;
  head: number;
  ent: string;
}

function hasParse(doc: Doc): boolean {
  for (let i = 0; i < doc.length; i++) if (doc.dep[i] !== 0) return true;
  return false;
}

/** One sentence's dependency tree: its HTML and the SVG's size, so the page can hold its place until it scrolls into view. */
export interface DepPicture {
  html: string;
  width: number;
  height: number;
}

const DEP_OPTIONS = Object.freeze({ compact: true, distance: 110 });
// The size the renderer wrote on its own <svg> element (dep.ts always writes width then height).
const SVG_SIZE = /<svg [^>]*?width="([\d.]+)" height="([\d.]+)"/;

/** One picture per sentence: a page draws the trees on screen first and the others as they scroll into view. */
function depPictures(doc: Doc): DepPicture[] {
  return depData(doc).map((d) => {
    const html = renderDep(d, DEP_OPTIONS);
    const m = SVG_SIZE.exec(html);
    return { html, width: m ? Number(m[1]) : 0, height: m ? Number(m[2]) : 0 };
  });
}

/**
 * Runs the pipeline over `text`: token rows, entities, the `ent` picture and one `dep` picture per
 * sentence (`deps`, empty without a parser).
 */
export function analyze(nlp: Nlp, text: string): Record<string, unknown> {
  const t0 = performance.now();
  const doc = nlp(text);
  const tokens: TokenRow[] = [];
  for (let i = 0; i < doc.length; i++) {
    const t = doc.token(i);
    if (t.text.trim() === '') continue;
    tokens.push({ i, text: t.text, pos: t.pos, tag: t.tag, lemma: t.lemma, dep: t.dep, head: i + doc.head[i]!, ent: t.entType ? `${t.entIob}-${t.entType}` : '' });
  }
  const ents = doc.ents.map((e) => ({ text: e.text, label: e.label, start: e.startChar, end: e.endChar }));
  const parsed = hasParse(doc);
  return {
    tokens,
    ents,
    sents: doc.sents.length,
    html: { ent: renderEnts(entData(doc)) },
    deps: parsed ? depPictures(doc) : [],
    parsed,
    ms: +(performance.now() - t0).toFixed(3),
  };
}

// Highlight marks from Unicode's private use area, which text does not use: the snippet is
// escaped first, then the marks become <mark> elements, so stored text can never add markup.
const PRE = '\uE000';
const POST = '\uE001';

/** Escapes a snippet and turns the highlight marks into `<mark>` elements. */
function snippetHtml(s: string): string {
  return escapeHtml(s).replaceAll(PRE, '<mark>').replaceAll(POST, '</mark>');
}

/** Stored field values longer than this are cut in hits: the snippets carry the matching passage. */
export const HIT_FIELD_CHARS = 200;

function cutFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = typeof v === 'string' && v.length > HIT_FIELD_CHARS ? v.slice(0, HIT_FIELD_CHARS) + '…' : v;
  return out;
}

/** Collapses runs of whitespace: queries that differ only there are the same query (and one cache entry). */
export function normalizeQuery(q: string): string {
  return q.trim().replace(/\s+/g, ' ');
}

/**
 * One page of search results as a JSON string: hits with their stored fields (long values cut to
 * {@link HIT_FIELD_CHARS} characters), highlighted snippets (HTML, escaped), the total and the
 * time taken. With a `cache`, answers are kept by query, page and size (`cached` says which).
 */
export function searchJson(index: SearchIndex | undefined, query: string, page: number, size: number, cache?: ResultCache): string {
  if (!index) throw new HttpError(404, 'this server has no search index (start it with --index DIR)');
  const t0 = performance.now();
  const q = normalizeQuery(query);
  const key = `${page} ${size} ${q}`;
  let rest = cache?.get(key);
  const cached = rest !== undefined;
  if (rest === undefined) {
    const top = index.search(q, { topK: page * size, highlight: { pre: PRE, post: POST } });
    const total = index.count(q);
    const hits = top.slice((page - 1) * size).map((r) => ({
      id: r.id,
      score: +r.score.toFixed(4),
      fields: cutFields(r.fields ?? {}),
      snippets: Object.fromEntries(Object.entries(r.highlights ?? {}).map(([f, s]) => [f, snippetHtml(s)])),
    }));
    // The answer without its first brace, so the time and `cached` go in front of it.
    rest = JSON.stringify({ query: q, page, size, total, hits }).slice(1);
    cache?.set(key, rest);
  }
  return `{"ms":${+(performance.now() - t0).toFixed(3)},"cached":${cached},${rest}`;
}

/** {@link searchJson}'s answer as an object. */
export function search(index: SearchIndex | undefined, q: string, page: number, size: number, cache?: ResultCache): Record<string, unknown> {
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
