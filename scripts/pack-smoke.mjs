// Installs the package as a user would and checks that it works and stays small.
//
// Runs `npm pack` (which builds dist/ through `prepare`), creates an empty app in a temp folder,
// `npm install`s the tarball there, then checks in that app:
//   1. an ES module `import` of the public API,
//   2. a CommonJS `require('textloom')` (Node >= 20.19 loads ES modules through require),
//   3. a TypeScript type check (`module: nodenext`, both an .mts and a .cts file) against the
//      shipped declarations, with the TypeScript compiler of this repository,
//   4. the README's quick start: load('en_core'), nlp(text), tokens, tags and sentences, and
//      that a stemmer needing the optional `natural` package asks for it with a typed error,
// and finally measures the app's node_modules (bytes of every file, symlinks not followed) and
// fails when it is over the limit.
//
// Usage: node scripts/pack-smoke.mjs            (limit 20 MB = 20,000,000 bytes)
//        SMOKE_MAX_BYTES=30000000 node scripts/pack-smoke.mjs
//        SMOKE_KEEP=1 node scripts/pack-smoke.mjs   (keep the temp app to look at)
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const maxBytes = Number(process.env.SMOKE_MAX_BYTES ?? 20_000_000);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** Runs a command, echoing it; output goes to this process's output. Throws on a non-zero exit. */
function run(cmd, args, cwd) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}   (in ${cwd})`);
  execFileSync(cmd, args, { cwd, stdio: 'inherit' });
}

/** Bytes of all regular files under `dir` (lstat: symlinks count as their own size, never followed). */
function treeBytes(dir) {
  let total = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) stack.push(p);
      else total += lstatSync(p).size;
    }
  }
  return total;
}

const work = mkdtempSync(join(tmpdir(), 'textloom-smoke-'));
let ok = false;
try {
  run(npm, ['pack', '--pack-destination', work], root);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no .tgz into ${work}`);

  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'textloom-smoke-app', version: '1.0.0', private: true }, null, 2));
  run(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', join(work, tarball)], app);
  const pkgDir = join(app, 'node_modules', 'textloom');
  for (const f of ['README.md', 'LICENSE', 'NOTICE', 'CHANGELOG.md', 'docs', 'dist/index.js', 'dist/index.d.ts', 'pipelines/en_core.json', 'models']) {
    if (!existsSync(join(pkgDir, f))) throw new Error(`the package lacks ${f}`);
  }

  const quickStart = (mod) => `
const text = "Dr. Smith can't come. She's ill.";
const nlp = await ${mod}.load('en_core');
const doc = nlp(text);
if (doc.text !== text) throw new Error('doc.text differs from the input');
const toks = [...doc].map((t) => t.text);
const want = ['Dr.', 'Smith', 'ca', "n't", 'come', '.', 'She', "'s", 'ill', '.'];
if (JSON.stringify(toks) !== JSON.stringify(want)) throw new Error('tokens: ' + JSON.stringify(toks));
const tags = [...doc].map((t) => t.tag);
if (tags.some((t) => !t)) throw new Error('untagged token: ' + JSON.stringify(tags));
const pos = [...doc].map((t) => t.pos);
if (pos[1] !== 'PROPN' || pos[5] !== 'PUNCT') throw new Error('pos: ' + JSON.stringify(pos));
const sents = doc.sents.map((s) => s.text);
if (JSON.stringify(sents) !== JSON.stringify(["Dr. Smith can't come.", "She's ill."])) throw new Error('sents: ' + JSON.stringify(sents));
console.log(toks.map((t, i) => t + '/' + tags[i]).join(' '));
console.log(JSON.stringify(sents));
`;

  // 1 + 4: ES module import and the README quick start.
  writeFileSync(
    join(app, 'esm.mjs'),
    `import * as t from 'textloom';\nimport { load, Doc } from 'textloom';\n` +
      `for (const name of ['load', 'createPipeline', 'Doc', 'Vocab', 'Tokenizer', 'TextloomError']) if (typeof t[name] !== 'function') throw new Error('missing export ' + name);\n` +
      `if (Doc.fromWords(['a', 'b']).length !== 2) throw new Error('Doc.fromWords');\n` +
      quickStart('t') +
      // natural is an optional peer dependency: not installed here, so its stemmers ask for it.
      `const stem = await t.createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer' }] });\n` +
      `if (stem('running').token(0).ext('stem') !== 'run') throw new Error('porter2 stemmer');\n` +
      `const err = await t.createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer', options: { algorithm: 'porter' } }] }).catch((e) => e);\n` +
      `if (!(err instanceof t.MissingDependencyError) || !err.message.includes('npm i natural')) throw new Error('want MissingDependencyError, got ' + err);\n` +
      `console.log(err.message);\n` +
      `console.log('esm import: ok');\n`,
  );
  run(process.execPath, ['esm.mjs'], app);

  // 2: CommonJS require (Node >= 20.19 and >= 22.12 load an ES module graph without top-level await).
  writeFileSync(
    join(app, 'cjs.cjs'),
    `const t = require('textloom');\n` +
      `for (const name of ['load', 'createPipeline', 'Doc', 'Vocab', 'Tokenizer', 'TextloomError']) if (typeof t[name] !== 'function') throw new Error('missing export ' + name);\n` +
      `(async () => {\n${quickStart('t')}\nconsole.log('cjs require: ok');\n})().catch((e) => { console.error(e); process.exit(1); });\n`,
  );
  run(process.execPath, ['cjs.cjs'], app);

  // 3: TypeScript, module nodenext, against the shipped .d.ts files (lib checks on).
  const tsSrc = (imp) => `${imp}
export async function tags(text: string): Promise<string[]> {
  const nlp: Nlp = await load('en_core');
  const doc: Doc = nlp(text);
  const out: string[] = [];
  for (const t of doc) out.push(t.text + '/' + t.tag + '/' + t.pos);
  const sents: string[] = doc.sents.map((s) => s.text);
  return out.concat(sents);
}
export function isTextloomError(e: unknown): e is TextloomError { return e instanceof TextloomError; }
`;
  writeFileSync(join(app, 'check.mts'), tsSrc(`import { load, TextloomError, type Doc, type Nlp } from 'textloom';`));
  writeFileSync(join(app, 'check.cts'), tsSrc(`import { load, TextloomError, type Doc, type Nlp } from 'textloom';`));
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'ES2022',
          lib: ['ES2022'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          typeRoots: [join(root, 'node_modules', '@types')],
          types: ['node'],
        },
        files: ['check.mts', 'check.cts'],
      },
      null,
      2,
    ),
  );
  run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
  console.log('typescript nodenext: ok');

  const bytes = treeBytes(join(app, 'node_modules'));
  const mb = (bytes / 1e6).toFixed(2);
  console.log(`\napp node_modules: ${bytes} bytes (${mb} MB); limit ${maxBytes} bytes (${(maxBytes / 1e6).toFixed(2)} MB)`);
  console.log(`installed packages: ${readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.')).join(', ')}`);
  if (bytes > maxBytes) throw new Error(`the installed app's node_modules is ${mb} MB, over the ${(maxBytes / 1e6).toFixed(2)} MB limit`);
  ok = true;
  console.log('\npack smoke test: ok');
} finally {
  if (process.env.SMOKE_KEEP) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  if (!ok) process.exitCode = 1;
}
