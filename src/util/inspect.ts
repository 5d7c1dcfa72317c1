/**
 * Short summaries for `util.inspect` / `console.log` (the `nodejs.util.inspect.custom` symbol,
 * shared by Node's util through the global symbol registry, so no import of `node:util`).
 */

/** The symbol `util.inspect` looks for; an object's method under it returns its summary. */
export const INSPECT: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

/** Longest text shown before {@link truncateText} cuts it. */
export const INSPECT_MAX_CHARS = 200;

/**
 * `text` up to `max` characters, else its start and a note of how much more there is (a surrogate
 * pair is never cut in half).
 * @example truncateText('a'.repeat(250)) // 'a' x 200 + '… (50 more characters)'
 */
export function truncateText(text: string, max = INSPECT_MAX_CHARS): string {
  if (text.length <= max) return text;
  let cut = max;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  const more = text.length - cut;
  return `${text.slice(0, cut)}… (${more} more character${more === 1 ? '' : 's'})`;
}
