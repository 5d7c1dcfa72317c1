/**
 * Saving an index to a directory and opening one from it (Node only: the file system). The
 * encoding and checks are in `persist.ts`; the crash-safe commit is in `directory.ts`.
 */
import type { Segment } from './segment.js';
import { IndexDirectory } from './directory.js';
import { encodeIndex, openSource, type SavedIndex, type SavedSettings } from './persist.js';

/**
 * Saves `seg` to `dir` crash-safely: its files first, then an atomic manifest swap holding
 * `settings`, then the old generation's files are removed (see `directory.ts`).
 */
export function saveIndex(dir: string, seg: Segment, settings: SavedSettings): void {
  const { files, settings: manifestSettings } = encodeIndex(seg, settings);
  new IndexDirectory(dir).commit(files, manifestSettings);
}

/** Opens the index saved in `dir` (see `openSource`). */
export function openIndex(dir: string): SavedIndex {
  return openSource(new IndexDirectory(dir));
}
