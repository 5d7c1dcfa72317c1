import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { formatConllu } from '../../src/index.js';
import { ewtFixture } from '../components/tagger/data.js';

function sink(): Writable & { text: string } {
  const w = new Writable({
    write(chunk, _enc, cb) {
      w.text += chunk.toString();
      cb();
    },
  }) as Writable & { text: string };
  w.text = '';
  return w;
}

const dir = mkdtempSync(join(tmpdir(), 'cli-tagger-'));
// 120 of the EWT sentences shipped with the tests.
const small = join(dir, 'small.conllu');
writeFileSync(small, formatConllu(ewtFixture().slice(0, 120)));

describe('textloom eval tagger', () => {
  it('prints the JSON fields with gold tokens and with own tokenization', async () => {
    for (const flags of [['--gold-tokens'], []]) {
      const out = sink();
      const err = sink();
      expect(await main(['eval', 'tagger', '--conllu', small, '--json', ...flags], { stdout: out, stderr: err })).toBe(0);
      const r = JSON.parse(out.text);
      expect(Object.keys(r).sort()).toEqual(['sentences', 'tokens', 'tokensPerSecond', 'uposAccuracy', 'xposAccuracy']);
      expect(r.sentences).toBe(120);
      expect(r.uposAccuracy).toBeGreaterThan(0.9);
    }
  });

  it('exits 2 with one line for a missing file', async () => {
    const err = sink();
    expect(await main(['eval', 'tagger', '--conllu', join(dir, 'none.conllu')], { stdout: sink(), stderr: err })).toBe(2);
    expect(err.text.trim().split('\n')).toHaveLength(1);
  });
});

describe('textloom train tagger', () => {
  it('trains, prints per-epoch dev accuracy and writes the model and lemma tables', async () => {
    const out = sink();
    const model = join(dir, 'm.tlt');
    const lemmas = join(dir, 'l.json');
    const code = await main(['train', 'tagger', '--train', small, '--dev', small, '--out', model, '--epochs', '2', '--lemmas', lemmas, '--json'], { stdout: out, stderr: sink() });
    expect(code).toBe(0);
    const lines = out.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => 'epoch' in l).map((l) => l.epoch)).toEqual([1, 2]);
    expect(lines[0].dev.upos).toBeGreaterThan(0.5);
    expect(existsSync(model) && existsSync(lemmas)).toBe(true);
  });

  it('rejects a bad epoch count', async () => {
    const err = sink();
    expect(await main(['train', 'tagger', '--train', small, '--out', join(dir, 'x.tlt'), '--epochs', '0'], { stdout: sink(), stderr: err })).toBe(2);
    expect(err.text).toMatch(/epochs/);
  });
});
