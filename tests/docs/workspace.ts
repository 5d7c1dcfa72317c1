import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Newest modification time (ms) of the files under a directory. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Runs `npm run build` when dist/ is missing or older than src/, so docs run against the current source. */
export function ensureBuilt(root: string): void {
  const entry = join(root, 'dist', 'cli', 'main.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newest(join(root, 'src'))) return;
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
}

/**
 * Makes a fresh project directory in the OS temp folder that looks like a user's project after
 * `npm i textloom`: a package.json, `node_modules/textloom` linking to this checkout and
 * `node_modules/.bin/textloom` linking to the built CLI.
 */
export function makeUserProject(root: string, parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, 'project-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'docs-user', private: true, type: 'module' }));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'textloom'), 'dir');
  symlinkSync(join(root, 'dist', 'cli', 'main.js'), join(dir, 'node_modules', '.bin', 'textloom'));
  return dir;
}
