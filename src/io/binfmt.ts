/**
 * The Node build of textloom's binary file framing: everything in `binfmt-bytes.ts` (the format,
 * reader and writer over bytes, which browsers use as is), plus zlib as the codec of deflated
 * sections and {@link BinaryWriter.save} to write a file atomically.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { writeFileAtomicSync } from './atomic.js';
import { BinaryWriter as BytesWriter, useDeflateCodec } from './binfmt-bytes.js';

export { BINFMT_MAGIC, BINFMT_VERSION, HEADER_BYTES, ENTRY_BYTES, MAX_NAME_BYTES, BinaryFileError, BinaryReader, isFramed, sniffBinary, readBinary, readFramed, bytesArgument } from './binfmt-bytes.js';
export type { TypedArrayClass, SectionOptions, BinaryExpect, DeflateCodec } from './binfmt-bytes.js';

// Importing this module is what makes deflated sections readable and writable in Node.
useDeflateCodec({
  deflate: (raw) => deflateRawSync(raw, { level: 9 }),
  inflate: (stored, maxBytes) => inflateRawSync(stored, { maxOutputLength: maxBytes }),
});

/**
 * Builds a framed file (see `binfmt-bytes.ts`): append named sections, then `finish()` for the
 * bytes or {@link save} to write them atomically.
 * @example
 * const w = new BinaryWriter('NGLM', 2);
 * w.json('header', { order: 3 });
 * w.add('keys1', keys);
 * w.save('model.tlm');
 */
export class BinaryWriter extends BytesWriter {
  /** Writes `finish()`'s bytes to `path` atomically (temp file, fsync, rename). */
  save(path: string): void {
    writeFileAtomicSync(path, this.finish());
  }
}
