import { closeSync, existsSync, fsyncSync, lstatSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { ArgumentError, NotFoundError } from '../core/errors.js';

const TEMP_MARK = '.tmp-';

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}${TEMP_MARK}${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
}

/** Whether process `pid` exists (EPERM: it exists, owned by someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// A write killed between creating its temp file and the rename leaves `.<name>.tmp-<pid>-...`
// behind; the next write of the same name removes those whose process is gone.
function sweepStaleTemps(path: string): void {
  const prefix = `.${basename(path)}${TEMP_MARK}`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return; // the write itself reports a missing directory
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processAlive(pid)) rmSync(join(dirname(path), name), { force: true });
  }
}

/**
 * The file a write of `path` replaces. The rule for output paths: a write never follows a symlink
 * out of the output's directory. A symlink to a file in the same directory (`model.tlm ->
 * model-v3.tlm`) is followed, so the link keeps pointing at the new content; a symlink to anywhere
 * else is refused with an ArgumentError (it could redirect the write onto a file the user did not
 * name). The temp file is created exclusively, so a planted symlink at its name is never followed.
 */
export function resolveOutputPath(path: string): string {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return path; // does not exist yet: a new regular file
  }
  if (!st.isSymbolicLink()) return path;
  let target: string;
  let dir: string;
  try {
    target = realpathSync(path);
    dir = realpathSync(dirname(path));
  } catch {
    throw new ArgumentError(`cannot write ${path}: it is a dangling symlink (refusing to follow it)`, { file: path });
  }
  const rel = relative(dir, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.includes('/') || rel.includes('\\')) {
    throw new ArgumentError(`cannot write ${path}: it is a symlink to ${target}, not a file in its directory (refusing to follow it; remove the link or write elsewhere)`, { file: path });
  }
  return join(dirname(path), rel);
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
  resolveOutputPath(path);
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
  const named = path;
  path = resolveOutputPath(path);
  sweepStaleTemps(path);
  const tmp = tempPath(path);
  let fd = -1;
  try {
    fd = openSync(tmp, 'wx');
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
    throw writeError(e, named);
  }
}

/** Async variant of {@link writeFileAtomicSync}; `chunks` may be an (async) iterable of pieces. */
export async function writeFileAtomic(
  path: string,
  chunks: string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  await writeFileAtomicFrom(path, async (write) => {
    if (typeof chunks === 'string' || chunks instanceof Uint8Array) return write(chunks);
    // Small string pieces are joined into ~1 MB writes.
    let buf: string[] = [];
    let size = 0;
    for await (const c of chunks as AsyncIterable<string | Uint8Array>) {
      if (typeof c === 'string') {
        buf.push(c);
        size += c.length;
        if (size > 1 << 20) {
          await write(buf.join(''));
          buf = [];
          size = 0;
        }
      } else {
        if (buf.length) {
          await write(buf.join(''));
          buf = [];
          size = 0;
        }
        await write(c);
      }
    }
    if (buf.length) await write(buf.join(''));
  });
}

/**
 * {@link writeFileAtomic} for a producer that pushes its pieces as it makes them (a streaming
 * converter): `produce(write)` writes to the temp file, which is renamed over `path` once it
 * resolves. If it throws, the temp file is removed, `path` is untouched and the error is rethrown.
 * @example await writeFileAtomicFrom('out.txt', async (write) => { await write('a\n'); await write('b\n'); })
 */
export async function writeFileAtomicFrom<T>(path: string, produce: (write: (chunk: string | Uint8Array) => Promise<void>) => Promise<T>): Promise<T> {
  const named = path;
  path = resolveOutputPath(path);
  sweepStaleTemps(path);
  const tmp = tempPath(path);
  let fh: FileHandle;
  try {
    fh = await open(tmp, 'wx');
  } catch (e) {
    throw writeError(e, named);
  }
  try {
    const result = await produce(async (chunk) => {
      await fh.write(chunk as never);
    });
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
    return result;
  } catch (e) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw writeError(e, named);
  }
}
