import type { FlagSpec } from './args.js';
import type { SearchOptions } from '../search/search-index.js';

/** Flags switching the ranking features of plain queries, shared by `search` and `eval search`. */
export const RANKING_FLAGS: Record<string, FlagSpec> = {
  proximity: { type: 'boolean', doc: 'term proximity (sequential dependence: 0.85 terms, 0.10 ordered pairs, 0.05 unordered pairs; default on, --proximity=false for plain BM25)' },
  bm25f: { type: 'boolean', doc: 'BM25F across fields instead of a sum of per-field BM25 (default: on, --bm25f=false)' },
  rm3: { type: 'boolean', doc: 'RM3 pseudo-relevance feedback (default: off)' },
  'fb-docs': { type: 'number', option: 'rm3.fbDocs', doc: 'RM3 feedback documents (default: 10)' },
  'fb-terms': { type: 'number', option: 'rm3.fbTerms', doc: 'RM3 feedback terms (default: 10)' },
  'fb-weight': { type: 'number', option: 'rm3.originalQueryWeight', doc: 'RM3 weight of the original query (default: 0.5)' },
};

/** Maps the {@link RANKING_FLAGS} onto search options (unset flags keep the library defaults). */
export function rankingOptions(f: Record<string, string | number | boolean | undefined>): Pick<SearchOptions, 'proximity' | 'bm25f' | 'rm3'> {
  const o: Pick<SearchOptions, 'proximity' | 'bm25f' | 'rm3'> = {};
  if (f.proximity !== undefined) o.proximity = !!f.proximity;
  if (f.bm25f !== undefined) o.bm25f = !!f.bm25f;
  const fb = { ...(f['fb-docs'] !== undefined ? { fbDocs: Number(f['fb-docs']) } : {}), ...(f['fb-terms'] !== undefined ? { fbTerms: Number(f['fb-terms']) } : {}), ...(f['fb-weight'] !== undefined ? { originalQueryWeight: Number(f['fb-weight']) } : {}) };
  if (f.rm3 !== undefined || Object.keys(fb).length) o.rm3 = f.rm3 === false ? false : Object.keys(fb).length ? fb : true;
  return o;
}
