/** Options of the `serve` web server, with their defaults and limits. */
import type { Nlp } from '../pipeline/pipeline.js';
import type { SearchIndex } from '../search/search-index.js';
import type { KeyedVectors } from '../embeddings/keyed-vectors.js';

/** What the server serves and how it limits requests. */
export interface ServeOptions {
  /** The pipeline behind `/api/analyze` (required). */
  nlp: Nlp;
  /** The index behind `/api/search` (optional; the Search tab says when there is none). */
  index?: SearchIndex;
  /** The vectors behind `/api/similar` (optional). */
  vectors?: KeyedVectors;
  /** Interface to listen on (default '127.0.0.1': only this machine). */
  host?: string;
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
  /** Largest request body in bytes (default 256 KiB). */
  maxBodyBytes?: number;
  /** Longest text `/api/analyze` takes, in characters (default 100,000). */
  maxTextChars?: number;
  /** Longest search query in characters (default 1,000). */
  maxQueryChars?: number;
  /** Most results or neighbours one request may ask for (default 100). */
  maxResults?: number;
  /** Time a client has to send a whole request, in ms (default 10,000). */
  requestTimeoutMs?: number;
  /** Search answers kept by query, page and size, least recently used out first (default 1,000; 0: none). */
  searchCacheSize?: number;
}

/** Defaults of {@link ServeOptions}. */
export const SERVE_DEFAULTS = Object.freeze({
  host: '127.0.0.1',
  port: 8080,
  maxBodyBytes: 256 * 1024,
  maxTextChars: 100_000,
  maxQueryChars: 1_000,
  maxResults: 100,
  requestTimeoutMs: 10_000,
  searchCacheSize: 1000,
});

/** The limits the request handlers check, resolved from {@link ServeOptions}. */
export type ServeLimits = Pick<typeof SERVE_DEFAULTS, 'maxBodyBytes' | 'maxTextChars' | 'maxQueryChars' | 'maxResults'>;
