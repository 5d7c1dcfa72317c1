import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatConllu, loadSenterModel } from '../../src/index.js';
import { ewtFixture } from '../components/tagger/data.js';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-senter-'));
const train = join(dir, 'train.conllu');
const dev = join(dir, 'dev.conllu');
writeFileSync(train, formatConllu(ewtFixture().slice(0, 220)));
writeFileSync(dev, formatConllu(ewtFixture().slice(220)));

describe('textloom train senter', () => {
  it('trains, prints dev F1 per epoch, writes a model that a pipeline config can use', async () => {
    const out = join(dir, 's.tls');
    const r = await runCli('train', 'senter', '--train', train, '--dev', dev, '--out', out, '--epochs', '2', '--bits', '14');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^epoch 1: train 0\.\d{4} dev P 0\.\d{4} R 0\.\d{4} F1 0\.\d{4} \(paragraphs F1 0\.\d{4}\)/m);
    expect(r.stdout).toMatch(/^epoch 2: /m);
    expect(loadSenterModel(out).bits).toBe(14);
    const config = join(dir, 'p.json');
    writeFileSync(config, JSON.stringify({ name: 'p', lang: 'en', components: [{ name: 'senter', options: { backend: 'perceptron', model: 's.tls' } }] }));
    const e = await runCli('eval', 'senter', '--conllu', dev, '--pipeline', config, '--json');
    expect(e.code, e.stderr).toBe(0);
    expect(JSON.parse(e.stdout).f1).toBeGreaterThan(0.8);
  });

  it('refuses bad flags and input with one line naming the problem, writing nothing', async () => {
    const out = join(dir, 'bad.tls');
    let r = await runCli('train', 'senter', '--train', train, '--out', out, '--epochs', '0');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--epochs/);
    r = await runCli('train', 'senter', '--train', train, '--out', out, '--paragraphs', '3');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/paragraphs/);
    const empty = join(dir, 'empty.conllu');
    writeFileSync(empty, '');
    r = await runCli('train', 'senter', '--train', empty, '--out', out);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/no sentences/);
    r = await runCli('train', 'senter', '--train', join(dir, 'missing.conllu'), '--out', out);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/missing\.conllu/);
    expect(existsSync(out)).toBe(false);
  });
});
