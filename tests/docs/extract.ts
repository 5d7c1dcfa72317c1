/** One fenced code block of a Markdown file. */
export interface CodeBlock {
  /** Markdown file, relative to the repository root. */
  file: string;
  /** 1-based line of the block's first code line (the line after the opening fence). */
  line: number;
  /** Language of the info string (`js`, `ts`, `sh`, `json`, or `''`). */
  lang: string;
  /** Words after the language in the info string (e.g. `no-run`). */
  flags: string[];
  /** The code between the fences. */
  code: string;
}

/**
 * Extracts the fenced (```) code blocks of a Markdown text, including indented ones inside list items.
 * The closing fence must use the same indentation-stripped marker; the block's lines lose that indentation.
 */
export function extractBlocks(file: string, markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)```(\S*)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() !== '```') {
      body.push(lines[j]!.slice(Math.min(indent, lines[j]!.length - lines[j]!.trimStart().length)));
      j++;
    }
    if (j === lines.length) throw new Error(`${file}:${i + 1}: unclosed code fence`);
    blocks.push({ file, line: i + 2, lang: open[2]!, flags: open[3]!.trim().split(/\s+/).filter(Boolean), code: body.join('\n') });
    i = j;
  }
  return blocks;
}
