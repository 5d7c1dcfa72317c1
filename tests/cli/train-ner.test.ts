import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEntityModel } from '../../src/index.js';
import { runCli } from './run.js';

const iob = new URL('../fixtures/uner/en_ewt-ud-dev-first400.iob2', import.meta.url).pathname;

describe('textloom train ner', () => {
  it('stores the input files by name only, so the model carries no folder of the training machine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-train-ner-'));
    const gazetteer = join(dir, 'names.tsv');
    writeFileSync(gazetteer, 'Renee\tPER\nEnron\tORG\n');
    const out = join(dir, 'ner.tlner');
    const r = await runCli('train', 'ner', '--train', iob, '--out', out, '--epochs', '1', '--hash-bits', '16', '--no-tags', '--gazetteer', gazetteer);
    expect(r.code, r.stderr).toBe(0);
    const meta = loadEntityModel(out).meta;
    expect(meta.train).toBe('en_ewt-ud-dev-first400.iob2');
    expect(meta.gazetteer).toBe('names.tsv');
    expect(JSON.stringify(meta)).not.toContain(dir);
  });
});
