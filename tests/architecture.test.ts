import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** DESIGN.md section 2, rules 1-3: which top-level src folders each folder may import. */
const ALLOWED: Record<string, string[]> = {
  util: ['util'],
  core: ['util', 'core'],
  io: ['util', 'core', 'io'],
  tokenizer: ['util', 'core', 'tokenizer'],
  pipeline: ['util', 'core', 'tokenizer', 'pipeline', 'io'],
  components: ['util', 'core', 'tokenizer', 'pipeline', 'components', 'io', 'eval', 'vectorize', 'embeddings', 'search'],
  lm: ['util', 'core', 'pipeline', 'io', 'lm'],
  vectorize: ['util', 'core', 'pipeline', 'io', 'vectorize'],
  embeddings: ['util', 'core', 'pipeline', 'io', 'embeddings'],
  search: ['util', 'core', 'pipeline', 'io', 'search', 'eval'],
  eval: ['util', 'core', 'io', 'eval'],
  // cli may import everything, the public entry (src/index.ts) included.
  cli: ['util', 'core', 'tokenizer', 'pipeline', 'components', 'io', 'lm', 'vectorize', 'embeddings', 'search', 'eval', 'cli', 'index.js'],
};

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('imports follow the layering rules', () => {
    const violations: string[] = [];
    for (const file of files(src)) {
      const rel = relative(src, file);
      const area = rel.includes('/') ? rel.split('/')[0]! : '(root)';
      if (area === '(root)') continue;
      const allowed = ALLOWED[area];
      if (!allowed) {
        violations.push(`${rel}: folder "${area}" has no rule in tests/architecture.test.ts`);
        continue;
      }
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
        const target = relative(src, resolve(dirname(file), m[1]!));
        if (target.startsWith('..')) continue;
        const targetArea = target.split('/')[0]!;
        if (!allowed.includes(targetArea)) violations.push(`${rel} imports ${target}`);
      }
      for (const m of text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
        const target = relative(src, resolve(dirname(file), m[1]!));
        const targetArea = target.split('/')[0]!;
        if (!allowed.includes(targetArea)) violations.push(`${rel} dynamically imports ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });
  it('only src/components/register.ts registers built-ins', () => {
    const offenders = files(src).filter((f) => {
      const rel = relative(src, f);
      if (rel === 'components/register.ts' || rel === 'pipeline/registry.ts') return false;
      return /\bregister(Component|Tokenizer)\(/.test(readFileSync(f, 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, ''));
    });
    expect(offenders.map((f) => relative(src, f))).toEqual([]);
  });
});
