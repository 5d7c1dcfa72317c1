import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertWritable, resolveOutputPath } from '../../src/io/atomic.js';
import { ArgumentError, writeFileAtomic, writeFileAtomicSync } from '../../src/index.js';
import { runCli } from '../cli/run.js';

const root = mkdtempSync(join(tmpdir(), 'tl-symlink-'));
const outside = join(root, 'outside');
const out = join(root, 'out');
mkdirSync(outside);
mkdirSync(out);
const victim = join(outside, 'victim.txt');
writeFileSync(victim, 'precious');

describe('an output path never follows a symlink out of its directory', () => {
  it('refuses a symlink to a file in another directory, before and at the write, leaving the target untouched', async () => {
    const link = join(out, 'model.tlm');
    symlinkSync(victim, link);
    expect(() => assertWritable(link)).toThrow(ArgumentError);
    expect(() => writeFileAtomicSync(link, 'x')).toThrow(/is a symlink to .*victim\.txt, not a file in its directory/);
    await expect(writeFileAtomic(link, ['x'])).rejects.toThrow(ArgumentError);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readlinkSync(link)).toBe(victim);
    expect(readdirSync(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses a relative symlink climbing out (../) and a dangling one', () => {
    const up = join(out, 'up.txt');
    symlinkSync('../outside/victim.txt', up);
    expect(() => writeFileAtomicSync(up, 'x')).toThrow(ArgumentError);
    const dangling = join(out, 'dangling.txt');
    symlinkSync(join(outside, 'nothing-here'), dangling);
    expect(() => writeFileAtomicSync(dangling, 'x')).toThrow(/dangling symlink/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('follows a symlink to a file in the same directory, so the link keeps pointing at the new content', () => {
    writeFileSync(join(out, 'model-v3.tlm'), 'old');
    symlinkSync('model-v3.tlm', join(out, 'current.tlm'));
    expect(resolveOutputPath(join(out, 'current.tlm'))).toBe(join(out, 'model-v3.tlm'));
    writeFileAtomicSync(join(out, 'current.tlm'), 'new');
    expect(readlinkSync(join(out, 'current.tlm'))).toBe('model-v3.tlm');
    expect(readFileSync(join(out, 'model-v3.tlm'), 'utf8')).toBe('new');
  });

  it('the CLI --out refuses the link with one line, before training', async () => {
    const link = join(out, 'lm.arpa');
    symlinkSync(victim, link);
    const input = join(root, 'corpus.txt');
    writeFileSync(input, 'the cat sat\nthe dog sat\n');
    const r = await runCli('lm', 'train', '--input', input, '--out', link, '--order', '2');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*lm\.arpa: it is a symlink to .*victim\.txt/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it("a killed writer's temp files are removed by the next write of the same name, a live writer's are kept", () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = join(out, `.data.bin.tmp-${dead}-abc123`);
    const live = join(out, `.data.bin.tmp-${process.ppid}-def456`);
    writeFileSync(stale, 'half');
    writeFileSync(live, 'busy');
    writeFileAtomicSync(join(out, 'data.bin'), 'whole');
    const left = readdirSync(out).filter((f) => f.startsWith('.data.bin.tmp-'));
    expect(left).toEqual([`.data.bin.tmp-${process.ppid}-def456`]);
  });
});
