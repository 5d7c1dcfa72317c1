/**
 * The shell side of the docs' expected-value convention: a command on one line followed by a line
 * `# → text` states the command's whole standard output (one line). The command is rewritten to
 * capture its output and compare it, failing with the block line when they differ.
 */
export function rewriteShellArrows(code: string): string {
  const lines = code.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1];
    const m = next === undefined ? null : /^# → (.*)$/.exec(next);
    if (lines[i]!.startsWith('# → ')) throw new Error(`line ${i + 1}: a "# →" line must follow a command`);
    if (!m) {
      out.push(lines[i]!);
      continue;
    }
    out.push(
      `__got=$(${lines[i]})`,
      `__want=$(cat <<'__DOCS_EXPECTED__'\n${m[1]}\n__DOCS_EXPECTED__\n)`,
      `if [ "$__got" != "$__want" ]; then printf 'block line %s: output differs\\nwant: %s\\ngot:  %s\\n' ${i + 1} "$__want" "$__got" >&2; exit 1; fi`,
    );
    i++;
  }
  return out.join('\n');
}
