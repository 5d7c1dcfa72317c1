/**
 * Bundles one file for browsers with Vite (library mode, ES module, minified), in memory, and
 * reports every Node built-in the bundle tried to import (Vite would otherwise swap each for an
 * empty stub with only a warning).
 */
import { builtinModules } from 'node:module';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

export interface Bundle {
  code: string;
  /** Minified bytes. */
  bytes: number;
  /** Minified, then gzipped (level 9) bytes. */
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
  const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
  const code = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk').map((c) => c.code ?? '').join('\n');
  return { code, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length, nodeImports };
}
