import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { LM_DEFAULTS, TRAIN_DEFAULTS } from '../../src/index.js';

const command = (name: string) => COMMANDS.find((c) => c.name === name)!;

describe('trainFlags', () => {
  // Parser/NER flags may be added after these; the shared ones must stay as they are.
  it('gives every train command the same --train/--dev/--out/--epochs/--seed/--json', () => {
    const names = ['train senter', 'train parser', 'train ner', 'train tagger'];
    for (const name of names) {
      const flags = command(name).flags!;
      expect(Object.keys(flags).slice(0, 5), name).toEqual(['train', 'dev', 'out', 'epochs', 'seed']);
      expect(flags.train, name).toMatchObject({ type: 'string', value: 'FILE', required: true });
      expect(flags.dev, name).toMatchObject({ type: 'string', value: 'FILE' });
      expect(flags.dev!.required, name).toBeUndefined();
      expect(flags.out, name).toMatchObject({ type: 'string', value: 'MODEL', required: true });
      expect(flags.epochs, name).toMatchObject({ type: 'number' });
      expect(flags.seed, name).toMatchObject({ type: 'number' });
      expect(flags.json, name).toEqual(command(names[0]!).flags!.json);
    }
    expect(command('train tagger').flags!.epochs!.default).toBe(TRAIN_DEFAULTS.epochs);
  });
});

describe('LM_CORPUS_FLAGS', () => {
  it('are one table in lm train and lm count', () => {
    const train = command('lm train').flags!;
    const count = command('lm count').flags!;
    for (const k of ['input', 'order', 'tokenize', 'pipeline']) expect(train[k], k).toBe(count[k]);
    expect(train.order!.default).toBe(LM_DEFAULTS.order);
    expect(train.input).toMatchObject({ required: true, alias: 'i' });
    expect(train.out).toBe(command('lm merge').flags!.out);
  });
});
