/**
 * Where an index's bytes live, and how a save commits (tantivy's directory + meta.json swap).
 *
 * An index directory holds `manifest.json` plus data files named `<generation>.<component>`.
 * `save` writes a new generation's files (each atomically: temp file, fsync, rename), then
 * atomically replaces `manifest.json`, and only then deletes files no manifest references. A
 * crash or kill at any point leaves a manifest that names complete files, so the previous index
 * (or the new one) loads.
 *
 * Every data file is in textloom's binary framing (`io/binfmt.ts`): magic `TLBF`, a kind per
 * component (see {@link FILE_KINDS}), the format version, a table of named sections and a CRC-32
 * footer. The manifest also records each file's size and CRC, so a swapped, truncated or
 * corrupted file is refused with a FormatError naming it; its last key, `manifestCrc32`, is the
 * CRC-32 of the manifest's other keys as compact JSON. Indexes of format version 1 (data files
 * framed as magic "TLSX" | version | kind | 0 | payload | length | CRC) still load.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ArgumentError, FormatError, NotFoundError } from '../core/errors.js';
import { processAlive, writeFileAtomicSync } from '../io/atomic.js';
import { isFramed, type BinaryReader } from '../io/binfmt-bytes.js';
import { FILE_KINDS, INDEX_FORMAT_VERSION, MANIFEST_FORMAT, manifestCrc, openDataFile, parseManifest, type Manifest, type ManifestFile } from './data-files.js';

export { INDEX_FORMAT_VERSION, FILE_KINDS, MANIFEST_FORMAT, unframeV1, openDataFile, type Manifest, type ManifestFile } from './data-files.js';

const INDEX_FILE = /^\d+\.(docs|store|vectors|f\d+\.(terms|doc|pos))$/;
const TEMP_FILE = /^\.(\d+\.(docs|store|vectors|f\d+\.(terms|doc|pos))|manifest\.json)\.tmp-/;


/** A directory holding one index. */
export class IndexDirectory {
  constructor(readonly path: string) {}

  /** The manifest's path. */
  get manifestFile(): string {
    return join(this.path, 'manifest.json');
  }

  /** The current manifest, or null when the directory has none. */
  readManifest(): Manifest | null {
    const file = join(this.path, 'manifest.json');
    if (!existsSync(file)) return null;
    return parseManifest(readFileSync(file, 'utf8'), file);
  }

  /** Reads and verifies one data file named in the manifest; returns a reader over its sections. */
  readFile(entry: ManifestFile): BinaryReader {
    const file = join(this.path, entry.name);
    if (!existsSync(file)) throw new NotFoundError(`index file named in the manifest is missing`, { file });
    const bytes = readFileSync(file);
    if (bytes.length !== entry.bytes) throw new FormatError(`index file has ${bytes.length} bytes, manifest says ${entry.bytes} (truncated or replaced)`, { file });
    const reader = openDataFile(bytes, entry.kind, file);
    // The footer CRC was verified against the bytes; the manifest must agree with the footer.
    if (bytes.readUInt32LE(bytes.length - 4) !== entry.crc32) throw new FormatError('index file does not match the manifest CRC (from another save?)', { file });
    return reader;
  }

  /**
   * Commits a new generation: writes `files` (name suffix, component kind and `payload`, the
   * file's bytes in the binary framing as the encoders in `persist.ts` return them), then swaps
   * the manifest, then removes unreferenced files. Returns the manifest written.
   */
  commit(files: { suffix: string; kind: number; payload: Uint8Array }[], settings: Record<string, unknown>): Manifest {
    if (existsSync(this.path) && !statSync(this.path).isDirectory()) throw new ArgumentError('cannot save an index here: the path is a file, not a directory', { file: this.path });
    mkdirSync(this.path, { recursive: true });
    const unlock = this.lock();
    try {
      return this.commitLocked(files, settings);
    } finally {
      unlock();
    }
  }

  // One writer at a time (Lucene's write.lock): two processes saving into one directory wrote
  // the same generation's files over each other and deleted each other's temp files. The lock
  // holds the writer's pid; a lock whose process is gone (killed mid-save) is stale and taken over.
  private lock(): () => void {
    const file = join(this.path, 'write.lock');
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(file, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return () => rmSync(file, { force: true });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST') throw new ArgumentError(`cannot save an index here: ${code ?? (e as Error).message} creating write.lock`, { file });
        if (attempt > 0) throw new ArgumentError('cannot take over a stale write.lock (another save started?)', { file });
      }
      let pid = NaN;
      try {
        pid = Number(readFileSync(file, 'utf8').trim());
      } catch {
        // unreadable: treat as stale
      }
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new ArgumentError(`another process (pid ${pid}) is saving an index into this directory (if no save is running, delete the stale write.lock)`, { file });
      }
      rmSync(file, { force: true });
    }
  }

  private commitLocked(files: { suffix: string; kind: number; payload: Uint8Array }[], settings: Record<string, unknown>): Manifest {
    let prev: Manifest | null = null;
    try {
      prev = this.readManifest();
    } catch {
      prev = null; // a broken manifest is replaced
    }
    const generation = (prev?.generation ?? 0) + 1;
    const entries: ManifestFile[] = [];
    for (const f of files) {
      const name = `${generation}.${f.suffix}`;
      const bytes = f.payload;
      const tag = FILE_KINDS[f.kind];
      if (!isFramed(bytes) || bytes.length < 36 || String.fromCharCode(...bytes.subarray(8, 12)) !== tag) throw new ArgumentError(`index file ${name} is not a framed file of kind ${f.kind}`, { file: join(this.path, name) });
      writeFileAtomicSync(join(this.path, name), bytes);
      // The framing's footer is the CRC-32 of every other byte.
      entries.push({ name, kind: f.kind, bytes: bytes.length, crc32: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(bytes.length - 4, true) });
    }
    // JSON round-trips its own output exactly, so the CRC of the compact form is checkable on load.
    const body = JSON.parse(JSON.stringify({ format: MANIFEST_FORMAT, formatVersion: INDEX_FORMAT_VERSION, generation, files: entries, ...settings })) as Manifest;
    const manifest: Manifest = { ...body, manifestCrc32: manifestCrc(body) };
    writeFileAtomicSync(join(this.path, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
    this.collectGarbage(new Set(entries.map((e) => e.name)));
    return manifest;
  }

  // Deletes data files of other generations and stale temp files. Only names an index writes
  // (`<gen>.docs`, `<gen>.store`, `<gen>.f<i>.terms|doc|pos` and their temp files) are touched:
  // a user's `2024.csv` beside the index must survive a save.
  private collectGarbage(keep: Set<string>): void {
    for (const name of readdirSync(this.path)) {
      if (keep.has(name) || name === 'manifest.json') continue;
      if (INDEX_FILE.test(name) || TEMP_FILE.test(name)) rmSync(join(this.path, name), { force: true });
    }
  }
}
