import { readFileSync } from 'node:fs';
import path from 'node:path';
import '../../src/components/register.js';
import type { AnalyzerOptions } from '../../src/search/analyzer.js';
import { evalPath, fixturePath, hasEval, needsEval } from '../eval-data.js';

/** Whitespace tokenizer + Porter2 (Cranfield is pre-tokenized and lower case). */
export const WS: AnalyzerOptions = { pipeline: { tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer' }] } };

export interface CranDoc {
  id: string;
  title: string;
  text: string;
  [k: string]: unknown;
}

/** One copy of the Cranfield collection: the full one in the evaluation data, or the tests' small one. */
export interface CranSource {
  /** Whether its files are present (the fixture always is). */
  available: boolean;
  /** Folder holding docs.jsonl, queries.jsonl and qrels.tsv. */
  dir: string;
  /** Number of queries in queries.jsonl. */
  queryCount: number;
  /** A describe title naming the source (and, for the full data, what a skip needs). */
  title(what: string): string;
}

/**
 * The first 80 Cranfield documents, 12 queries with at least three relevant documents among them,
 * and those queries' judgements restricted to the 80 documents (see tests/fixtures/README.md).
 */
export const cranFixture: CranSource = {
  available: true,
  dir: fixturePath('cranfield'),
  queryCount: 12,
  title: (what) => `${what} (Cranfield: the 80 documents shipped with the tests)`,
};

/** The full collection (1,400 documents, 225 queries) in the evaluation data. */
export const cranFull: CranSource = {
  available: hasEval('cranfield/docs.jsonl', 'cranfield/queries.jsonl', 'cranfield/qrels.tsv'),
  dir: evalPath('cranfield'),
  queryCount: 225,
  title: (what) => needsEval('cranfield', `${what} (Cranfield: full collection)`),
};

/** Both sources: tests run on the fixture always and on the full data when it is there. */
export const CRAN_SOURCES: readonly CranSource[] = [cranFixture, cranFull];

/** The first `limit` documents of `src`. */
export function cranDocs(src: CranSource, limit = Infinity): CranDoc[] {
  return readFileSync(path.join(src.dir, 'docs.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .slice(0, limit)
    .map((l) => JSON.parse(l) as CranDoc);
}

/** The queries of `src`. */
export function cranQueries(src: CranSource): { id: string; text: string }[] {
  return readFileSync(path.join(src.dir, 'queries.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

/** Query text with query-syntax characters removed (plain words). */
export function plain(s: string): string {
  return s.replace(/[()"\\:^~*+\-!&|]/g, ' ');
}
