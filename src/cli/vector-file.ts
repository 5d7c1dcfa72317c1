import { ArgumentError } from '../core/errors.js';
import { readTextFileSync } from '../io/read-text.js';

/** Numbers separated by whitespace or commas (optionally in [ ]): one query vector. */
export function readVectorFile(path: string): number[] {
  const text = readTextFileSync(path, 'vector file').trim().replace(/^\[|\]$/g, '');
  const parts = text.split(/[\s,]+/).filter(Boolean);
  return parts.map((p, i) => {
    const x = Number(p);
    if (!Number.isFinite(x)) throw new ArgumentError(`component ${i} is ${JSON.stringify(p)}, not a finite number`, { file: path, key: '--vector' });
    return x;
  });
}
