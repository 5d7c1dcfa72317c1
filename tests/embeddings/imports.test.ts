import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'embeddings');

function files(d: string): string[] {
  return readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Each embeddings file (relative path) -> the embeddings files it imports, type-only imports and re-exports included. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const spec = /^\s*(?:import|export)\s[^;]*?\sfrom\s+'(\.{1,2}\/[^']+)'/gm;
  for (const file of files(dir)) {
    const out: string[] = [];
    for (const m of readFileSync(file, 'utf8').matchAll(spec)) {
      const target = relative(dir, resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
      if (!target.startsWith('..')) out.push(target);
    }
    graph.set(relative(dir, file), out);
  }
  return graph;
}

describe('embeddings imports', () => {
  const graph = importGraph();

  it('sees the imports it checks', () => {
    expect(graph.get('keyed-vectors.ts')).toContain('w2v-format.ts');
    expect(graph.get('word2vec.ts')).toContain('train/epochs.ts');
  });

  it('keyed-vectors.ts uses the vector formats, which never import it back', () => {
    expect(graph.get('w2v-format.ts')).not.toContain('keyed-vectors.ts');
    expect(graph.get('tlv-format.ts')).not.toContain('keyed-vectors.ts');
    expect(graph.get('tlv-v1.ts')).not.toContain('tlv-format.ts');
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
