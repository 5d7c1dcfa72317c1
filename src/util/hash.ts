/** Non-cryptographic string hashes used for bucketing and hashing tricks. */

/**
 * 32-bit FNV-1a over the UTF-16 code units of `s[start, end)` (the whole string by default), as
 * an unsigned int. Fast and stable across runs and platforms; hashes a substring in place.
 * @example fnv1a32('a') // 0xe40c292c
 */
export function fnv1a32(s: string, start = 0, end = s.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3 x86 32-bit over bytes (as in scikit-learn's `murmurhash3_32`), returns an unsigned int. */
export function murmur3_32(bytes: Uint8Array, seed = 0): number {
  let h = seed >>> 0;
  const n = bytes.length;
  const nblocks = n >>> 2;
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  for (let i = 0; i < nblocks; i++) {
    const o = i << 2;
    let k = bytes[o]! | (bytes[o + 1]! << 8) | (bytes[o + 2]! << 16) | (bytes[o + 3]! << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const tail = nblocks << 2;
  const rem = n & 3;
  if (rem === 3) k ^= bytes[tail + 2]! << 16;
  if (rem >= 2) k ^= bytes[tail + 1]! << 8;
  if (rem >= 1) {
    k ^= bytes[tail]!;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
