/**
 * Refuses binary input early: the first bytes of a stream are checked for NUL bytes and invalid
 * UTF-8, so a model file or an image given where text is expected fails with one clear message
 * instead of feeding garbage "words" to a trainer.
 */
import { Readable } from 'node:stream';
import { FormatError } from '../core/errors.js';

/** Bytes checked at the start of an input (default of {@link checkTextHead}). */
export const TEXT_HEAD_BYTES = 8192;

/**
 * The offset of the first byte of `bytes` that is not part of valid UTF-8, or -1. A sequence cut
 * off by the end of `bytes` is valid when `more` (the rest may follow).
 * @example invalidUtf8At(Buffer.from([0x61, 0xff])) // 1
 */
export function invalidUtf8At(bytes: Uint8Array, more = false): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: length and the allowed range of the second byte (no overlongs, no surrogates, <= U+10FFFF).
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < len; k++) {
      if (i + k >= n) return more ? -1 : i;
      const c = bytes[i + k]!;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += len;
  }
  return -1;
}

/**
 * Passes `input` through, raising a FormatError naming `name` when its first `headBytes` bytes hold
 * a NUL byte (a binary file) or are not valid UTF-8 (another encoding, or binary).
 * @example createInterface({ input: checkTextHead(openInput(path), path) })
 */
export function checkTextHead(input: AsyncIterable<Buffer | string>, name: string, headBytes = TEXT_HEAD_BYTES): Readable {
  async function* checked(): AsyncGenerator<Buffer> {
    // The head is gathered whole (a few KB) so that characters split across chunks check right.
    const held: Buffer[] = [];
    let size = 0;
    let checkedHead = false;
    const check = (ended: boolean): void => {
      checkedHead = true;
      const all = Buffer.concat(held);
      const head = all.subarray(0, headBytes);
      const nul = head.indexOf(0);
      if (nul >= 0) throw new FormatError(`${name} looks like a binary file, not text (a NUL byte at byte ${nul})`, { file: name, offset: nul });
      const bad = invalidUtf8At(head, !ended || all.length > headBytes);
      if (bad >= 0) throw new FormatError(`${name} is not UTF-8 text (invalid byte 0x${head[bad]!.toString(16)} at byte ${bad}); convert it first, e.g. iconv -f latin1 -t utf-8`, { file: name, offset: bad });
    };
    for await (const raw of input) {
      const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
      if (checkedHead) {
        yield chunk;
        continue;
      }
      held.push(chunk);
      size += chunk.length;
      if (size >= headBytes) {
        check(false);
        yield* held.splice(0);
      }
    }
    if (!checkedHead) {
      check(true);
      yield* held;
    }
  }
  return Readable.from(checked(), { objectMode: false });
}
