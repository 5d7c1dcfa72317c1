/**
 * The pure part of an index's storage (no file system, so browsers use it too): the data files'
 * kinds and format versions, their checks, and the manifest's. `directory.ts` puts these files in
 * a directory; `bytes.ts` packs them into one buffer.
 */
import { FormatError } from '../core/errors.js';
import { BinaryFileError, BinaryReader, isFramed, readBinary } from '../io/binfmt-bytes.js';
import { crc32 } from '../util/crc32.js';

/** Version of the binary data files and of the manifest; version 1 indexes are read too. */
export const INDEX_FORMAT_VERSION = 2;
/** Kind code in the binary framing of each component kind (the manifest's numeric `kind`). */
export const FILE_KINDS: Readonly<Record<number, string>> = Object.freeze({ 1: 'IXDC', 2: 'IXTM', 3: 'IXDS', 4: 'IXPS', 5: 'IXST', 6: 'IXVC' });
export const READABLE_VERSIONS = [1, 2];
/** The manifest's `format` value. */
export const MANIFEST_FORMAT = 'textloom-search-index';
const MAGIC = 0x5853_4c54; // "TLSX" little-endian

/** A data file entry of the manifest. */
export interface ManifestFile {
  name: string;
  kind: number;
  bytes: number;
  crc32: number;
}

/** The manifest: what the current generation consists of, plus index-level settings. */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: number;
  generation: number;
  files: ManifestFile[];
  [key: string]: unknown;
}

/**
 * Reads a version-1 data file (header | payload | footer) as a reader with one section,
 * `payload`, of kind version 1: the converters in `persist-v1.ts` decode it.
 */
export function unframeV1(bytes: Uint8Array, kind: number, file: string): BinaryReader {
  const fail = (msg: string, offset: number): never => {
    throw new BinaryFileError(msg, file, offset);
  };
  if (bytes.length < 24) fail(`index file is truncated (${bytes.length} bytes)`, bytes.length);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) fail('not a textloom index file (bad magic)', 0);
  const version = dv.getUint32(4, true);
  if (version !== 1) fail(`unsupported index file version ${version} (this textloom reads versions ${READABLE_VERSIONS.join(' and ')})`, 4);
  if (dv.getUint32(8, true) !== kind) fail(`index file has component kind ${dv.getUint32(8, true)}, expected ${kind}`, 8);
  const len = dv.getUint32(bytes.length - 8, true);
  if (len !== bytes.length - 24) fail(`index file is truncated or padded: footer says ${len} payload bytes, file has ${bytes.length - 24}`, bytes.length - 8);
  const want = dv.getUint32(bytes.length - 4, true);
  const got = crc32(bytes.subarray(0, bytes.length - 8));
  if (want !== got) fail(`index file is corrupted (CRC-32 ${got.toString(16)} != stored ${want.toString(16)})`, bytes.length - 4);
  return BinaryReader.fromSections(bytes, { payload: [16, len] }, { file, what: 'index file', kind: FILE_KINDS[kind] ?? '????', version: 1 });
}

/**
 * Checks a data file of either version and returns a reader over its sections (a version-1 file
 * has the single section `payload`); FormatError names the file and byte offset.
 */
export function openDataFile(bytes: Uint8Array, kind: number, file: string): BinaryReader {
  if (!isFramed(bytes)) return unframeV1(bytes, kind, file);
  const tag = FILE_KINDS[kind];
  if (!tag) throw new BinaryFileError(`unknown index component kind ${kind}`, file, 8);
  return readBinary(bytes, { kind: tag, what: 'index file', versions: [INDEX_FORMAT_VERSION], file });
}

/**
 * Parses and checks a manifest's text: valid JSON, the right `format`, its own CRC when present,
 * a readable version and a file list (FormatError naming `file` otherwise).
 */
export function parseManifest(text: string, file: string): Manifest {
    let m: Manifest;
    try {
      m = JSON.parse(text) as Manifest;
    } catch (e) {
      throw new FormatError(`manifest is not valid JSON: ${(e as Error).message}`, { file });
    }
    if (!m || typeof m !== 'object' || m.format !== MANIFEST_FORMAT) throw new FormatError('not a textloom search index manifest', { file, key: 'format' });
    // The manifest's own checksum: a damaged setting (a field name, k1, an analyzer key) would
    // otherwise load as a different index. Manifests written before it existed have none.
    if (m.manifestCrc32 !== undefined) {
      const { manifestCrc32: want, ...body } = m;
      const got = crc32(new TextEncoder().encode(JSON.stringify(body)));
      if (want !== got) throw new FormatError(`manifest is corrupted (CRC-32 ${got.toString(16)} != stored ${String(want)})`, { file, key: 'manifestCrc32' });
    }
    if (!READABLE_VERSIONS.includes(m.formatVersion)) throw new FormatError(`unsupported index format version ${m.formatVersion} (this textloom reads ${READABLE_VERSIONS.join(' and ')})`, { file, key: 'formatVersion' });
    if (!Number.isInteger(m.generation) || !Array.isArray(m.files)) throw new FormatError('manifest lacks generation or files', { file });
    return m;
}

/** The CRC-32 stored as a manifest's `manifestCrc32`: of its other keys as compact JSON. */
export function manifestCrc(body: object): number {
  return crc32(new TextEncoder().encode(JSON.stringify(body)));
}
