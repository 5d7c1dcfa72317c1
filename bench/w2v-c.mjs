// Builds Google's word2vec.c for the word2vec benches, from the `word2vec` npm package's source
// (fetched into the work dir when not installed; it is not a dependency), with a seed patch.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// The seed patch: word2vec.c has no seed option (InitNet's LCG starts at 1, thread `id`'s at
// `id`). This adds `-seed N` (default 1): the weight-init LCG starts at N and thread id's at
// N - 1 + id, so -seed 1 is the unpatched program and textloom's `seed` means the same thing.
const SEED_PATCH = [
  ['long long train_words = 0,', 'long long w2v_seed = 1;\nlong long train_words = 0,'],
  ['unsigned long long next_random = 1;', 'unsigned long long next_random = (unsigned long long)w2v_seed;'],
  ['unsigned long long next_random = (long long)id;', 'unsigned long long next_random = (unsigned long long)(w2v_seed - 1 + (long long)id);'],
  ['  vocab = (struct vocab_word *)calloc(vocab_max_size,', '  if ((i = ArgPos((char *)"-seed", argc, argv)) > 0) w2v_seed = atoll(argv[i + 1]);\n  vocab = (struct vocab_word *)calloc(vocab_max_size,'],
];

/** Applies SEED_PATCH to word2vec.c's source; each anchor must occur exactly once. */
export function patchSeed(src) {
  for (const [from, to] of SEED_PATCH) {
    const n = src.split(from).length - 1;
    if (n !== 1) throw new Error(`word2vec.c seed patch: expected one "${from}", found ${n}`);
    src = src.replace(from, to);
  }
  return src;
}

/** Compiles word2vec.c (with the seed patch) once into the work dir; returns the binary's path. */
export function buildC(work) {
  const bin = join(work, 'word2vec-seeded');
  if (existsSync(bin)) return bin;
  let src = join(root, 'node_modules', 'word2vec', 'src', 'word2vec.c');
  if (!existsSync(src)) {
    const pkg = join(work, 'pkg');
    mkdirSync(pkg, { recursive: true });
    src = join(pkg, 'node_modules', 'word2vec', 'src', 'word2vec.c');
    if (!existsSync(src)) {
      console.error('fetching the word2vec npm package (source only) into', pkg);
      execFileSync('npm', ['i', '--prefix', pkg, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', 'word2vec'], { stdio: 'inherit' });
    }
  }
  const patched = join(work, 'word2vec-seeded.c');
  writeFileSync(patched, patchSeed(readFileSync(src, 'utf8')));
  // The flags of word2vec.c's makefile.
  execFileSync('gcc', [patched, '-o', bin, '-lm', '-pthread', '-O3', '-march=native', '-Wall', '-funroll-loops', '-Wno-unused-result']);
  return bin;
}

