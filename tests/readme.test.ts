import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };

describe('README', () => {
  it('lists every CLI command (regenerate with scripts/readme-tables.mjs)', () => {
    const missing = COMMANDS.filter((c) => !readme.includes(`\`textloom ${c.name}`)).map((c) => c.name);
    expect(missing).toEqual([]);
  });
  it('has the quick-start commands, and every npm script it names exists', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
    const named = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(named.filter((n) => !(n in pkg.scripts))).toEqual([]);
  });
});
