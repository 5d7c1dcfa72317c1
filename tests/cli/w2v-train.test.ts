import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

describe('textloom w2v train', () => {
  it('takes --hs 0 or 1 only (2 used to mean off)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-w2v-cli-'));
    const input = join(dir, 'c.txt');
    writeFileSync(input, 'a b c a b c\n'.repeat(20));
    const out = join(dir, 'v.txt');
    const bad = await runCli('w2v', 'train', '--input', input, '--out', out, '--hs', '2', '--min-count', '1', '--size', '4', '--epochs', '1', '--table-size', '1000');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--hs is 0 \(off\) or 1 \(on\), got 2/);
    expect(existsSync(out)).toBe(false);
    const ok = await runCli('w2v', 'train', '--input', input, '--out', out, '--hs', '1', '--negative', '0', '--min-count', '1', '--size', '4', '--epochs', '1');
    expect(ok.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
