import { NotFoundError } from '../../core/errors.js';
import { explain, similarLabels } from '../../core/explain.js';
import type { Command } from '../command.js';

/** `textloom explain LABEL`: the gloss of a tag, dependency or entity label. */
export const explainCommand: Command = {
  name: 'explain',
  summary: 'what a tag, dependency or entity label means (as spacy.explain)',
  usage: 'LABEL [--json]',
  help: 'Example:\n  textloom explain nsubj:pass\n  passive nominal subject',
  positionals: { name: 'LABEL', doc: 'a UPOS or Penn tag, a dependency label or an entity label (case-sensitive)', min: 1, max: 1 },
  flags: {
    json: { type: 'boolean', doc: 'print JSON' },
  },
  async run(args, io) {
    const label = args.positional[0]!;
    const gloss = explain(label);
    if (gloss === undefined) {
      const near = similarLabels(label);
      const hint = near.length ? `; did you mean ${near.map((l) => JSON.stringify(l)).join(' or ')}?` : ' (labels are case-sensitive; quote a label with spaces)';
      throw new NotFoundError(`no explanation for label ${JSON.stringify(label)}${hint}`);
    }
    io.stdout.write(args.flags.json ? JSON.stringify({ label, gloss }) + '\n' : gloss + '\n');
  },
};
