import { inputError, openInput, readNumberedLines } from '../io/lines.js';
import { badByteError, lineBreaks, TextChecker } from '../io/text-check.js';

/** Writes to a stream, waiting for 'drain' when its buffer is full (bounded memory on big outputs). */
export async function writeOut(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/**
 * The hint a command prints before reading `-` from an interactive terminal, where it would
 * otherwise seem to hang; nothing for a file or a pipe.
 * @example stdinHint('-', io.stderr) // "reading from stdin; press Ctrl-D to end"
 */
export function stdinHint(path: string, stderr: NodeJS.WritableStream, stdin: { isTTY?: boolean } = process.stdin): void {
  if (path === '-' && stdin.isTTY) stderr.write('reading from stdin; press Ctrl-D to end\n');
}

/**
 * The shared reader of CLI text inputs: `[line, lineNumber]` of a file (`.gz` gunzipped) or `-`
 * (stdin), refusing binary input (a NUL byte or invalid UTF-8 anywhere) with a FormatError
 * naming the file. Reading `-` from a terminal first prints {@link stdinHint} to `stderr`.
 */
export function inputLines(path: string, stderr?: NodeJS.WritableStream, stdin?: { isTTY?: boolean }): AsyncGenerator<[string, number]> {
  if (stderr) stdinHint(path, stderr, stdin);
  return readNumberedLines(path, { requireText: true });
}

/** One unit of CLI text input: its text and the (1-based) line it starts on. */
export interface InputText {
  text: string;
  line: number;
}

/**
 * Lines of a CLI input, blank ones included so that output stays aligned with the input, or with
 * `paragraphs` blank-line-separated paragraphs (lines joined by `\n`), each with its first line.
 */
export async function* inputTexts(path: string, paragraphs: boolean, stderr?: NodeJS.WritableStream, stdin?: { isTTY?: boolean }): AsyncGenerator<InputText> {
  if (!paragraphs) {
    for await (const [text, line] of inputLines(path, stderr, stdin)) yield { text, line };
    return;
  }
  let buf: string[] = [];
  let start = 0;
  for await (const [text, line] of inputLines(path, stderr, stdin)) {
    if (text.trim() === '') {
      if (buf.length) yield { text: buf.join('\n'), line: start };
      buf = [];
    } else {
      if (!buf.length) start = line;
      buf.push(text);
    }
  }
  if (buf.length) yield { text: buf.join('\n'), line: start };
}

/**
 * Checks a whole input file that an API reads itself (word2vec's corpus) with the same binary test
 * as {@link inputLines}, line numbers included; `-` is left alone (reading it here would consume it).
 */
export async function assertTextFile(path: string): Promise<void> {
  if (path === '-') return;
  const checker = new TextChecker();
  const stream = openInput(path);
  let lines = 0;
  let afterCr = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const bad = checker.feed(chunk);
      if (bad) throw badByteError(bad, path, lines + 1 + lineBreaks(chunk, bad.offset - (checker.offset - chunk.length), afterCr));
      lines += lineBreaks(chunk, chunk.length, afterCr);
      afterCr = chunk.length > 0 && chunk[chunk.length - 1] === 0x0d;
    }
    const cut = checker.end();
    if (cut) throw badByteError(cut, path, lines + 1);
  } catch (e) {
    throw inputError(e, path);
  } finally {
    stream.destroy();
  }
}
