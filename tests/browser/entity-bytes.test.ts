// EntityModel.fromBytes with only the model's own module imported: no zlib codec is installed, so
// deflated sections go through DecompressionStream as in a page; the bundle check proves the
// decode path reaches no Node built-in.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EntityModel } from '../../src/components/entity/model.js';
import { bundleForBrowser } from './vite-bundle.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const modelBytes = (): Uint8Array => new Uint8Array(readFileSync(join(root, 'models', 'en_uner_ewt_ner.tlner')));

describe('EntityModel.fromBytes (no Node built-in)', () => {
  it('reads the shipped model without zlib and finds entities', async () => {
    const model = await EntityModel.fromBytes(modelBytes());
    expect(model.labels).toEqual(['PER', 'ORG', 'LOC']);
    // The shipped model reads tagger tags (Penn), given here as the tagger would.
    const [spans] = model.predictWords([['Angela', 'Merkel', 'visited', 'Paris', 'on', 'Monday', '.']], [['NNP', 'NNP', 'VBD', 'NNP', 'IN', 'NNP', '.']]);
    expect(spans).toEqual([
      { start: 0, end: 2, label: 'PER' },
      { start: 3, end: 4, label: 'LOC' },
    ]);
  });

  it('refuses bytes that are not a model, a flipped byte (CRC), a truncated file and a non-Uint8Array', async () => {
    await expect(EntityModel.fromBytes(new TextEncoder().encode('hello, not a model'))).rejects.toMatchObject({ name: 'BinaryFileError' });
    const bad = modelBytes();
    bad[bad.length >> 1]! ^= 0xff;
    await expect(EntityModel.fromBytes(bad)).rejects.toThrow(/CRC|checksum/i);
    await expect(EntityModel.fromBytes(modelBytes().subarray(0, 1000))).rejects.toMatchObject({ name: 'BinaryFileError' });
    await expect(EntityModel.fromBytes('model' as unknown as Uint8Array)).rejects.toMatchObject({ key: 'bytes' });
  });

  it('its module bundles for a browser with no Node built-in', async () => {
    const b = await bundleForBrowser(join(root, 'src/components/entity/model.ts'), root);
    expect(b.nodeImports).toEqual([]);
    expect(b.bytes).toBeGreaterThan(1000);
  }, 60_000);
});
