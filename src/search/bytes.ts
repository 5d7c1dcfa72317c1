/**
 * A whole index in one buffer (what `SearchIndex.toBytes` returns and `fromBytes` reads): one
 * file in textloom's binary framing, kind `IXBN`, holding the manifest as JSON (section
 * `manifest`) and each data file, framed and CRC-checked as in a saved directory, as the section
 * named by its suffix (`docs`, `f0.terms`, ...). No file system: browsers use it.
 */
import { BinaryFileError, BinaryWriter, readBinary } from '../io/binfmt-bytes.js';
import { INDEX_FORMAT_VERSION, MANIFEST_FORMAT, manifestCrc, openDataFile, parseManifest, type Manifest, type ManifestFile } from './data-files.js';
import { encodeIndex, type IndexSource, type SavedSettings } from './persist.js';
import type { Segment } from './segment.js';

/** Kind of the one-buffer index in the binary framing. */
export const BUNDLE_KIND = 'IXBN';
const WHAT = 'search index bytes';
const FILE = '<bytes>';

/** Packs `seg` and its settings into one buffer. */
export function packIndex(seg: Segment, settings: SavedSettings): Uint8Array {
  const { files, settings: extra } = encodeIndex(seg, settings);
  const entries: ManifestFile[] = files.map((f) => ({
    name: `1.${f.suffix}`,
    kind: f.kind,
    bytes: f.payload.length,
    crc32: new DataView(f.payload.buffer, f.payload.byteOffset, f.payload.byteLength).getUint32(f.payload.length - 4, true),
  }));
  const body = JSON.parse(JSON.stringify({ format: MANIFEST_FORMAT, formatVersion: INDEX_FORMAT_VERSION, generation: 1, files: entries, ...extra })) as Manifest;
  const w = new BinaryWriter(BUNDLE_KIND, INDEX_FORMAT_VERSION).json('manifest', { ...body, manifestCrc32: manifestCrc(body) });
  for (const f of files) w.add(f.suffix, f.payload);
  return w.finish();
}

/** Checks `bytes` (framing and CRC) and returns the index source `persist.ts` opens. */
export function unpackIndex(bytes: Uint8Array): IndexSource {
  const r = readBinary(bytes, { kind: BUNDLE_KIND, what: WHAT, versions: [INDEX_FORMAT_VERSION], file: FILE });
  const manifest = parseManifest(new TextDecoder().decode(r.section('manifest')), FILE);
  return {
    path: FILE,
    manifestFile: FILE,
    readManifest: () => manifest,
    readFile(entry: ManifestFile) {
      const suffix = entry.name.slice(entry.name.indexOf('.') + 1);
      let data: Uint8Array;
      try {
        data = r.section(suffix);
      } catch {
        throw new BinaryFileError(`${WHAT} hold no "${suffix}" file named in the manifest`, FILE, 0);
      }
      if (data.length !== entry.bytes) throw new BinaryFileError(`${WHAT}: "${suffix}" has ${data.length} bytes, the manifest says ${entry.bytes}`, FILE, r.offsetOf(suffix));
      return openDataFile(data, entry.kind, `${FILE}:${suffix}`);
    },
  };
}
