import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
const root = '/work/wt/web3';
mkdirSync(root + '/bench/.tmpb', { recursive: true });
const f = root + '/bench/.tmpb/e.js';
writeFileSync(f, process.argv[2] ?? `export { Tokenizer, Vocab, Matcher, PhraseMatcher } from 'textloom/matcher';\n`);
const out = await build({ configFile: false, root, logLevel: 'silent', resolve: { conditions: ['browser', 'import', 'default'] },
  build: { write: false, minify: true, target: 'es2022', lib: { entry: f, formats: ['es'], fileName: 'bundle' } } });
const chunk = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).find((c) => c.type === 'chunk');
console.log('total gz', (gzipSync(chunk.code, { level: 9 }).length / 1024).toFixed(1));
const rows = Object.entries(chunk.modules).map(([id, m]) => [id.replace(root, ''), m.renderedLength, m.code ? gzipSync(m.code, {level:9}).length : 0]).sort((a, b) => b[1] - a[1]);
for (const r of rows) if (r[1] > 0) console.log(r[1], r[2], r[0]);
