// Runs every fenced js/ts/sh code block of README.md and docs/*.md as a user would, in a fresh
// project directory where `textloom` is installed (linked to this checkout, built if stale).
// JS/TS blocks: each block is one ES module; `expr; // → value` comments are checked (see
// tests/docs/arrows.ts). sh blocks: run by bash with `set -euo pipefail`; `npx textloom` finds the
// linked CLI; a line `# → text` after a command states its output (tests/docs/sh-arrows.ts). Blocks marked ```sh no-run``` (or ```js no-run```) are not run; json blocks must parse.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewriteArrows } from './docs/arrows.js';
import { rewriteShellArrows } from './docs/sh-arrows.js';
import { type CodeBlock, extractBlocks } from './docs/extract.js';
import { ensureBuilt, makeUserProject } from './docs/workspace.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const runtime = fileURLToPath(new URL('./docs/check-runtime.mjs', import.meta.url));
const files = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const blocks = files.flatMap((f) => extractBlocks(f, readFileSync(join(root, f), 'utf8')));
const RUN = new Set(['js', 'ts', 'sh']);

let scratch = '';
beforeAll(() => {
  ensureBuilt(root);
  scratch = mkdtempSync(join(tmpdir(), 'textloom-docs-'));
}, 600_000);
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Blocks run two at a time (each is a child process; a word2vec block holds a 400 MB noise table). */
const PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs a command with a timeout; resolves with its exit status and combined output. */
function exec(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (e) => (out += String(e)));
    child.on('close', (status) => resolve({ status, out }));
  });
}

/** Runs one block in a fresh user project, at most {@link PARALLEL} at a time. */
async function run(block: CodeBlock): Promise<{ status: number | null; out: string }> {
  if (running >= PARALLEL) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await runBlock(block);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function runBlock(block: CodeBlock): Promise<{ status: number | null; out: string }> {
  const where = `${block.file}:${block.line}`;
  const cwd = makeUserProject(root, scratch);
  const env = { ...process.env, PATH: `${join(cwd, 'node_modules', '.bin')}:${process.env.PATH}`, npm_config_offline: 'true' };
  if (block.lang === 'sh') {
    return exec('bash', ['-c', `set -euo pipefail\n${rewriteShellArrows(block.code)}`], { cwd, env });
  } else {
    const { code, checks } = rewriteArrows(block.code, block.lang as 'js' | 'ts');
    const js = block.lang === 'ts'
      ? ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText
      : code;
    writeFileSync(join(cwd, 'block.mjs'), js);
    return exec(process.execPath, ['--import', runtime, 'block.mjs'], {
      cwd, env: { ...env, DOCS_CHECKS: JSON.stringify(checks), DOCS_WHERE: where },
    });
  }
}

for (const file of files) {
  describe(file, () => {
    for (const block of blocks.filter((b) => b.file === file)) {
      const name = `${block.lang || 'plain'} block at line ${block.line}`;
      if (block.lang === 'json') {
        it(name, () => expect(() => JSON.parse(block.code)).not.toThrow());
      } else if (RUN.has(block.lang) && !block.flags.includes('no-run')) {
        it.concurrent(name, async () => {
          const r = await run(block);
          expect(r.status, `${file}:${block.line} failed:\n${r.out}`).toBe(0);
        }, 300_000);
      }
    }
  });
}

describe('docs conventions', () => {
  it('code blocks name a language, and only js, ts, sh, json or text', () => {
    const bad = blocks.filter((b) => !['js', 'ts', 'sh', 'json', 'text'].includes(b.lang)).map((b) => `${b.file}:${b.line}`);
    expect(bad).toEqual([]);
  });
  it('no-run blocks stay rare', () => {
    expect(blocks.filter((b) => b.flags.includes('no-run')).length).toBeLessThanOrEqual(3);
  });
});
