/**
 * Sets `key` on `target` as an own, enumerable data property, even when `key` is `__proto__`:
 * `o[key] = v` with a key that comes from data (a label, a field name) would change `o`'s
 * prototype instead of adding the key.
 * @example const scores = {}; setOwn(scores, '__proto__', 0.5); Object.keys(scores) // ['__proto__']
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
