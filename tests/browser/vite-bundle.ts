/**
 * Bundles one file for browsers with Vite (library mode, ES module, minified), in memory, and
 * reports every Node built-in the bundle tried to import (Vite would otherwise swap each for an
 * empty stub with only a warning).
 */
import { builtinModules } from 'node:module';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

export interface Bundle {
  /** The code loaded up front (the entry chunk and the chunks it imports statically). */
  code: string;
  /** Every chunk as written: `lazy` ones are reached only through a dynamic `import()`. */
  chunks: { fileName: string; code: string; isEntry: boolean; lazy: boolean }[];
  /** Minified bytes loaded up front. */
  bytes: number;
  /** Minified, then gzipped (level 9) bytes loaded up front. */
  gzipBytes: number;
  /** `importer -> node built-in` for each Node built-in reached. */
  nodeImports: string[];
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export async function bundleForBrowser(entry: string, root: string): Promise<Bundle> {
  const nodeImports: string[] = [];
  const watch: Plugin = {
    name: 'report-node-builtins',
    enforce: 'pre',
    resolveId(id, importer) {
      if (BUILTINS.has(id) || id.startsWith('node:')) nodeImports.push(`${importer ?? '?'} -> ${id}`);
      return null;
    },
  };
  const out = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [watch],
    resolve: { conditions: ['browser', 'import', 'default'] },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      // Vite's library mode leaves whitespace in ES output (for the consumer's bundler to remove);
      // minify it fully, as an application build would, so sizes are what a page ships.
      rolldownOptions: { output: { minify: true } },
      lib: { entry, formats: ['es'], fileName: 'bundle' },
    },
  });
  type Chunk = { type: string; code: string; fileName: string; isEntry: boolean; imports: string[] };
  const outputs = (Array.isArray(out) ? out : [out]) as unknown as { output: Chunk[] }[];
  const all = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  // Loaded up front: the entry and what it imports statically; the rest loads on a dynamic import().
  const byName = new Map(all.map((c) => [c.fileName, c]));
  const eager = new Set<Chunk>();
  const visit = (c: Chunk): void => {
    if (eager.has(c)) return;
    eager.add(c);
    for (const f of c.imports) visit(byName.get(f)!);
  };
  for (const c of all) if (c.isEntry) visit(c);
  const code = [...eager].map((c) => c.code).join('\n');
  const chunks = all.map((c) => ({ fileName: c.fileName, code: c.code, isEntry: c.isEntry, lazy: !eager.has(c) }));
  return { code, chunks, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length, nodeImports };
}
