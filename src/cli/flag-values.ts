/** Parsers of structured flag values shared by several commands; errors name the flag. */
import { ArgumentError } from '../core/errors.js';

/**
 * The value of a count flag (`--topn`, `--max-tokens`): a positive integer, else an ArgumentError
 * naming the flag, so a 0 never gives empty output without a word.
 * @example positiveIntFlag(5, 'topn') // 5
 */
export function positiveIntFlag(value: unknown, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ArgumentError(`--${flag} must be a positive integer, got ${String(value)}`, { key: `--${flag}` });
  return n;
}

/**
 * A `MIN` or `MIN,MAX` flag such as `--ngram 1,2`: integers with 1 <= MIN <= MAX.
 * @example parseRangeFlag('1,2', 'ngram') // [1, 2]
 */
export function parseRangeFlag(value: unknown, flag: string): [number, number] {
  const m = /^(\d+)(?:,(\d+))?$/.exec(String(value).trim());
  const lo = m ? Number(m[1]) : NaN;
  const hi = m ? Number(m[2] ?? m[1]) : NaN;
  if (!m || lo < 1 || hi < lo) throw new ArgumentError(`--${flag} needs MIN or MIN,MAX with 1 <= MIN <= MAX, got ${String(value)}`, { key: `--${flag}` });
  return [lo, hi];
}
