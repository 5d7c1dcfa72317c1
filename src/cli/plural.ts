/**
 * A count with its noun in the right number, for CLI messages.
 * @example count(1, 'document') // → '1 document'
 * @example count(3, 'match', 'matches') // → '3 matches'
 */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
