import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
}

/**
 * Writes a file atomically: the bytes go to a temp file in the same directory, are fsynced, and
 * the temp file is renamed over `path`. A crash leaves either the old file or the new one.
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const tmp = tempPath(path);
  let fd = -1;
  try {
    fd = openSync(tmp, 'w');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    renameSync(tmp, path);
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Async variant of {@link writeFileAtomicSync}; `chunks` may be an (async) iterable of pieces. */
export async function writeFileAtomic(
  path: string,
  chunks: string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  const tmp = tempPath(path);
  const fh = await open(tmp, 'w');
  try {
    if (typeof chunks === 'string' || chunks instanceof Uint8Array) await fh.write(chunks as never);
    else {
      let buf: string[] = [];
      let size = 0;
      for await (const c of chunks as AsyncIterable<string | Uint8Array>) {
        if (typeof c === 'string') {
          buf.push(c);
          size += c.length;
          if (size > 1 << 20) {
            await fh.write(buf.join(''));
            buf = [];
            size = 0;
          }
        } else {
          if (buf.length) {
            await fh.write(buf.join(''));
            buf = [];
            size = 0;
          }
          await fh.write(c);
        }
      }
      if (buf.length) await fh.write(buf.join(''));
    }
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
}
