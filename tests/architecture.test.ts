import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** DESIGN.md section 2, rules 1-3: which top-level src folders each folder may import. */
const ALLOWED: Record<string, string[]> = {
  util: ['util'],
  core: ['util', 'core'],
  io: ['util', 'core', 'io'],
  // ann (vector index): below embeddings and search, which may use it.
  ann: ['util', 'core', 'io', 'ann'],
  // lang (per-language data) sits at the tokenizer level: the tokenizer's English defaults live
  // in lang/en, and lang builds each language's tokenizer.
  tokenizer: ['util', 'core', 'tokenizer', 'lang'],
  lang: ['util', 'core', 'tokenizer', 'lang'],
  pipeline: ['util', 'core', 'tokenizer', 'lang', 'pipeline', 'io', 'parallel'],
  components: ['util', 'core', 'tokenizer', 'lang', 'pipeline', 'components', 'io', 'eval', 'vectorize', 'embeddings', 'search', 'ann'],
  lm: ['util', 'core', 'pipeline', 'io', 'lm'],
  vectorize: ['util', 'core', 'pipeline', 'io', 'vectorize', 'lang', 'parallel'],
  embeddings: ['util', 'core', 'pipeline', 'io', 'embeddings', 'ann'],
  search: ['util', 'core', 'pipeline', 'io', 'search', 'lang', 'ann', 'parallel'],
  // parallel (the worker-thread pool) sits just above core: pipeline, search, vectorize and cli use it.
  parallel: ['util', 'core', 'parallel'],
  // workers are the worker threads' programs: loaded by URL, never imported; they may use any library folder.
  workers: ['util', 'core', 'tokenizer', 'lang', 'pipeline', 'components', 'io', 'lm', 'vectorize', 'embeddings', 'search', 'eval', 'ann', 'parallel', 'workers'],
  // jobs (the Redis job queue) runs any library folder's work per shard; cli calls it.
  jobs: ['util', 'core', 'tokenizer', 'lang', 'pipeline', 'components', 'io', 'lm', 'vectorize', 'embeddings', 'search', 'eval', 'ann', 'parallel', 'jobs'],
  // eval is a leaf: io only for its CoNLL-U reader (tokenization scoring).
  eval: ['util', 'core', 'io', 'eval'],
  // render draws Docs and plain data; only cli and the public entry import it.
  render: ['util', 'core', 'eval', 'render'],
  // serve is an application like cli: the page's API over a pipeline, an index and vectors.
  serve: ['util', 'core', 'pipeline', 'search', 'embeddings', 'render', 'serve'],
  // browser entries (textloom/tokenizer, …) re-export the parts that run without Node.
  browser: ['util', 'core', 'tokenizer', 'lang', 'components', 'io', 'search', 'render', 'browser'],
  // cli may import everything, the public entry (src/index.ts) included.
  cli: ['util', 'core', 'tokenizer', 'lang', 'pipeline', 'components', 'io', 'lm', 'vectorize', 'embeddings', 'search', 'eval', 'ann', 'render', 'serve', 'cli', 'index.js', 'parallel', 'jobs'],
};

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Import cycles between files that are allowed: the Doc and its Token/Span views refer to each
 * other by design. Any other cycle fails the test below.
 */
const ALLOWED_CYCLES: readonly (readonly string[])[] = [
  ['core/doc.ts', 'core/span.ts', 'core/token.ts'],
];

/** Files under src/ that `file` imports (static, re-exports, type-only and dynamic), as src-relative paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...[...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1]!),
    ...[...text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => m[1]!),
  ];
  const out: string[] = [];
  for (const spec of specs) {
    const base = resolve(dirname(file), spec).replace(/\.js$/, '');
    const target = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
    if (target && !relative(src, target).startsWith('..')) out.push(relative(src, target));
  }
  return out;
}

/** The strongly connected components of more than one file (or a file importing itself): the import cycles. */
function importCycles(): string[][] {
  const graph = new Map(files(src).map((f) => [relative(src, f), importsOf(f)] as const));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || graph.get(v)!.includes(v)) cycles.push(scc.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
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
  it('browser entries reach no Node built-in, process or Buffer', () => {
    const seen = new Set<string>();
    const hits: string[] = [];
    const walk = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        if (m[1]) continue; // type-only imports vanish at build time
        const spec = (m[2] ?? m[3])!;
        if (!spec.startsWith('.')) hits.push(`${relative(src, file)} imports ${spec}`);
        else walk(resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
      }
      if (/\bprocess\.|(?<![A-Za-z])Buffer\b/.test(code)) hits.push(`${relative(src, file)} uses process or Buffer`);
    };
    for (const f of readdirSync(join(src, 'browser'))) if (f.endsWith('.ts')) walk(join(src, 'browser', f));
    expect(seen.size).toBeGreaterThan(40);
    expect(hits).toEqual([]);
  });
  it('only src/components/register.ts (and register-pure.ts, which it imports) registers built-ins', () => {
    const offenders = files(src).filter((f) => {
      const rel = relative(src, f);
      if (rel === 'components/register.ts' || rel === 'components/register-pure.ts' || rel === 'pipeline/registry.ts') return false;
      return /\bregister(Component|Tokenizer)\(/.test(readFileSync(f, 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, ''));
    });
    expect(offenders.map((f) => relative(src, f))).toEqual([]);
  });
  it('has no import cycles between files but the allowed ones', () => {
    const cycles = importCycles();
    expect(cycles.some((c) => c.includes('core/doc.ts')), 'the checker finds the Doc/Span/Token cycle').toBe(true);
    const bad = cycles.filter((c) => !ALLOWED_CYCLES.some((ok) => c.every((f) => ok.includes(f))));
    expect(bad.map((c) => c.join(' <-> '))).toEqual([]);
  });
  it('each folder README names every file it covers', () => {
    // A README covers the .ts files of its folder and of subfolders without a README of their own.
    const readmeDirs = (function walk(d: string): string[] {
      const sub = readdirSync(d).map((f) => join(d, f)).filter((p) => statSync(p).isDirectory());
      return [...(existsSync(join(d, 'README.md')) ? [d] : []), ...sub.flatMap(walk)];
    })(src);
    // The CLI's README describes commands as a group; its files are not listed one by one.
    const skip = new Set([join(src, 'cli')]);
    const unlisted: string[] = [];
    for (const dir of readmeDirs) {
      if (skip.has(dir)) continue;
      const text = readFileSync(join(dir, 'README.md'), 'utf8');
      const covered = (function walk(d: string): string[] {
        return readdirSync(d).flatMap((f) => {
          const p = join(d, f);
          if (statSync(p).isDirectory()) return existsSync(join(p, 'README.md')) ? [] : walk(p);
          return p.endsWith('.ts') ? [p] : [];
        });
      })(dir);
      for (const file of covered) {
        const name = basename(file);
        const listed = text.split(/[^A-Za-z0-9_.-]+/).includes(name);
        if (!listed) unlisted.push(`${relative(src, dir)}/README.md does not name ${relative(dir, file)}`);
      }
    }
    expect(unlisted).toEqual([]);
  });
});
