/**
 * How CLI messages name an input path: `-` is standard input.
 * @example inputName('-') // 'standard input'
 */
export function inputName(path: string): string {
  return path === '-' ? 'standard input' : path;
}
