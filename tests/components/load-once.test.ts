import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOnce } from '../../src/components/load-once.js';

describe('loadOnce', () => {
  it('reads a file once, and again after it changed', () => {
    const p = join(mkdtempSync(join(tmpdir(), 'tl-once-')), 'm.txt');
    const cache = new Map<string, string>();
    let loads = 0;
    const read = (abs: string) => {
      loads++;
      return `${abs}#${loads}`;
    };
    writeFileSync(p, 'one');
    const a = loadOnce(cache, p, read);
    expect(loadOnce(cache, p, read)).toBe(a);
    expect(loads).toBe(1);
    writeFileSync(p, 'three');
    utimesSync(p, new Date(), new Date(Date.now() + 5000));
    expect(loadOnce(cache, p, read)).not.toBe(a);
    expect(loads).toBe(2);
  });
});
