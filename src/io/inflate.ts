/**
 * Raw inflate without zlib, for browsers: the platform's `DecompressionStream('deflate-raw')`
 * (Chrome 103+, Firefox 113+, Safari 16.4+, Node 20.12+), with a cap on the output so a small
 * hostile section cannot expand into gigabytes.
 */

/**
 * Inflates raw-deflate bytes, refusing output longer than `maxBytes` (an Error saying so, which the
 * binary reader turns into a BinaryFileError naming the file and section).
 * @example const raw = await inflateRawAsync(stored, 1 << 20);
 */
export async function inflateRawAsync(stored: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  if (typeof DecompressionStream !== 'function') throw new Error('this platform has no DecompressionStream to inflate with');
  const stream = new Blob([stored]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`inflates to more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
