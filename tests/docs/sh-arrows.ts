/**
 * The shell side of the docs' expected-value convention: a command on one line followed by lines
 * `# → text` states the command's whole standard output (one `# →` line per output line). The
 * command is rewritten to capture its output and compare it, failing with the block line when
 * they differ.
 */
export function rewriteShellArrows(code: string): string {
  const lines = code.split('\n');
  const out: string[] = [];
  const arrow = (line: string | undefined): string | undefined => (line?.startsWith('# → ') ? line.slice(4) : undefined);
  for (let i = 0; i < lines.length; i++) {
    if (arrow(lines[i]) !== undefined) throw new Error(`line ${i + 1}: a "# →" line must follow a command`);
    const want: string[] = [];
    for (let j = i + 1; arrow(lines[j]) !== undefined; j++) want.push(arrow(lines[j])!);
    if (!want.length) {
      out.push(lines[i]!);
      continue;
    }
    out.push(
      `__got=$(${lines[i]})`,
      `__want=$(cat <<'__DOCS_EXPECTED__'\n${want.join('\n')}\n__DOCS_EXPECTED__\n)`,
      `if [ "$__got" != "$__want" ]; then printf 'block line %s: output differs\\nwant: %s\\ngot:  %s\\n' ${i + 1} "$__want" "$__got" >&2; exit 1; fi`,
    );
    i += want.length;
  }
  return out.join('\n');
}
