/** Parsers of structured flag values shared by several commands; errors name the flag. */
import { ArgumentError } from '../core/errors.js';

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
