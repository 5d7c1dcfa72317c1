import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEntityModel, readIob } from '../../src/index.js';
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

  it('jackknifes the training tags from a treebank of the same sentences and says so in meta', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-train-ner-'));
    // A treebank of the first 60 training sentences (by sent_id), with made-up tags.
    const lines: string[] = [];
    let n = 0;
    for await (const s of readIob(iob)) {
      if (n++ === 60) break;
      lines.push(`# sent_id = ${s.id}`);
      s.words.forEach((w, i) => {
        const xpos = /^[A-Z]/.test(w) ? 'NNP' : 'NN';
        lines.push([i + 1, w, '_', xpos === 'NNP' ? 'PROPN' : 'NOUN', xpos, '_', i === 0 ? 0 : 1, i === 0 ? 'root' : 'dep', '_', '_'].join('\t'));
      });
      lines.push('');
    }
    const tb = join(dir, 'tb.conllu');
    writeFileSync(tb, lines.join('\n') + '\n');
    const out = join(dir, 'ner.tlner');
    const r = await runCli('train', 'ner', '--train', iob, '--out', out, '--epochs', '1', '--hash-bits', '16', '--tag-treebank', tb, '--jackknife', '2', '--tagger-epochs', '1');
    expect(r.code, r.stderr).toBe(0);
    expect(loadEntityModel(out).meta.trainTags).toMatch(/^jackknife 2 folds of tb\.conllu, tagger epochs 1, 60 of \d+ sentences matched$/);
  });
});
