// Rewrites tests/fixtures/registry.json from the built package's registry (run after adding a built-in).
import { writeFileSync } from 'node:fs';
const m = await import('../dist/index.js');
const out = { components: m.registeredComponents(), tokenizers: m.registeredTokenizers() };
writeFileSync(new URL('../tests/fixtures/registry.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
console.log(out);
