import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ArgumentError, NotFoundError } from '../core/errors.js';

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
}

/**
 * Checks, before any expensive work, that `path` can be written by {@link writeFileAtomic}: its
 * directory exists and `path` is not a directory. Throws the same typed errors the write would.
 * @example assertWritable('out/model.arpa') // before training
 */
export function assertWritable(path: string): void {
  const dir = dirname(path);
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new NotFoundError(`cannot write ${path}: directory ${dir} does not exist`, { file: path });
  }
  if (!st.isDirectory()) throw new NotFoundError(`cannot write ${path}: ${dir} is not a directory`, { file: path });
  if (existsSync(path) && statSync(path).isDirectory()) throw new ArgumentError(`cannot write ${path}: it is a directory`, { file: path });
}

// Errors name the temp file (".x.tmp-123-abc"), which the user never asked for: name `path`.
function writeError(e: unknown, path: string): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new NotFoundError(`cannot write ${path}: directory ${dirname(path)} does not exist`, { file: path });
  if (code === 'EISDIR') return new ArgumentError(`cannot write ${path}: it is a directory`, { file: path });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new ArgumentError(`cannot write ${path}: permission denied (${code})`, { file: path });
  return e;
}

/**
 * Writes a file atomically: the bytes go to a temp file in the same directory, are fsynced, and
 * the temp file is renamed over `path`. A crash leaves either the old file or the new one. A
 * missing directory is a NotFoundError, a directory or an unwritable place an ArgumentError, each
 * naming `path`.
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
    throw writeError(e, path);
  }
}

/** Async variant of {@link writeFileAtomicSync}; `chunks` may be an (async) iterable of pieces. */
export async function writeFileAtomic(
  path: string,
  chunks: string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  const tmp = tempPath(path);
  let fh;
  try {
    fh = await open(tmp, 'w');
  } catch (e) {
    throw writeError(e, path);
  }
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
    throw writeError(e, path);
  }
}
