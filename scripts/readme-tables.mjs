// Regenerates the CLI table in README.md from the registered commands (run after `npm run build`),
// so the README lists every command with its usage.
import { readFileSync, writeFileSync } from 'node:fs';
const { COMMANDS } = await import('../dist/cli/commands/index.js');
const readme = new URL('../README.md', import.meta.url);
const esc = (s) => s.replace(/\|/g, '\\|');
const rows = COMMANDS.map((c) => `| \`textloom ${esc(`${c.name} ${c.usage ?? ''}`.trim())}\` | ${esc(c.summary)} |`).join('\n');
const text = readFileSync(readme, 'utf8');
const re = /(\| command \| what it does \|\n\| --- \| --- \|\n)(?:\|.*\n|<!-- cli-table -->\n)*/;
if (!re.test(text)) throw new Error('README.md has no CLI table header');
writeFileSync(readme, text.replace(re, `$1${rows}\n`));
console.log(`README.md: ${COMMANDS.length} commands`);
