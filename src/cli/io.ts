import { inputError, openInput, readNumberedLines } from '../io/lines.js';
import { checkTextHead, TEXT_HEAD_BYTES } from '../io/text-check.js';

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
 * (stdin), refusing binary input (a NUL byte or invalid UTF-8 near the start) with a FormatError
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
 * Checks the head of an input file that an API reads itself (word2vec's corpus) with the same
 * binary test as {@link inputLines}; `-` is left alone (reading it here would consume it).
 */
export async function assertTextFile(path: string): Promise<void> {
  if (path === '-') return;
  const stream = checkTextHead(openInput(path), path);
  try {
    let n = 0;
    for await (const chunk of stream) if ((n += (chunk as Buffer).length) >= TEXT_HEAD_BYTES) break;
  } catch (e) {
    throw inputError(e, path);
  } finally {
    stream.destroy();
  }
}
