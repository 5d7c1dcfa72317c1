import { readLines } from '../io/lines.js';

/** Writes to a stream, waiting for 'drain' when its buffer is full (bounded memory on big outputs). */
export async function writeOut(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/** Lines of a file or stdin, or blank-line-separated paragraphs when `paragraphs` is set. Empty lines are skipped in line mode. */
export async function* inputTexts(path: string, paragraphs: boolean): AsyncGenerator<string> {
  if (!paragraphs) {
    for await (const line of readLines(path)) if (line.trim() !== '') yield line;
    return;
  }
  let buf: string[] = [];
  for await (const line of readLines(path)) {
    if (line.trim() === '') {
      if (buf.length) yield buf.join('\n');
      buf = [];
    } else buf.push(line);
  }
  if (buf.length) yield buf.join('\n');
}
