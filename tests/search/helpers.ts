import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import '../../src/components/register.js';
import type { AnalyzerOptions } from '../../src/search/analyzer.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cranDir = path.resolve(repoRoot, '..', 'shared', 'eval', 'cranfield');

/** Whitespace tokenizer + Porter2 (Cranfield is pre-tokenized and lower case). */
export const WS: AnalyzerOptions = { pipeline: { tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer' }] } };

export interface CranDoc {
  id: string;
  title: string;
  text: string;
  [k: string]: unknown;
}

export function cranDocs(limit = Infinity): CranDoc[] {
  return readFileSync(path.join(cranDir, 'docs.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .slice(0, limit)
    .map((l) => JSON.parse(l) as CranDoc);
}

export function cranQueries(): { id: string; text: string }[] {
  return readFileSync(path.join(cranDir, 'queries.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

/** Query text with query-syntax characters removed (plain words). */
export function plain(s: string): string {
  return s.replace(/[()"\\:^~*+\-!&|]/g, ' ');
}
