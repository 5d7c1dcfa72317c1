import { ArgumentError } from '../../core/errors.js';
import { convertVectors } from '../../embeddings/w2v-convert.js';
import type { VectorFormat } from '../../embeddings/w2v-format.js';
import { assertWritable } from '../../io/atomic.js';
import type { Command } from '../command.js';

const NAMES: Record<string, VectorFormat> = { text: 'text', txt: 'text', binary: 'binary', bin: 'binary', tlv: 'native', native: 'native' };

function format(flag: string, v: unknown): VectorFormat | undefined {
  if (v === undefined) return undefined;
  const f = NAMES[String(v).toLowerCase()];
  if (!f) throw new ArgumentError(`--${flag} is text, binary or tlv, got ${JSON.stringify(v)}`, { key: `--${flag}` });
  return f;
}

const LABEL: Record<VectorFormat, string> = { text: 'word2vec text', binary: 'word2vec binary', native: 'textloom .tlv' };
/** A format as the flags name it. */
const FLAG_NAME: Record<VectorFormat, string> = { text: 'text', binary: 'binary', native: 'tlv' };

/** `textloom w2v convert`: rewrites a vectors file in another format (word2vec text, binary, .tlv). */
export const w2vConvert: Command = {
  name: 'w2v convert',
  summary: 'convert vectors between word2vec text, word2vec binary and textloom .tlv',
  usage: 'IN OUT [--from text|binary|tlv] [--to text|binary|tlv] [--limit N] [--no-header] [--json]',
  help: [
    'Formats come from the file names (.bin: word2vec binary, .tlv: textloom, else word2vec text; a .tlv',
    'input is also recognised by its content) unless --from / --to say otherwise. Between text and binary the file is',
    'streamed row by row (any size converts in little memory). The output is written atomically.',
    'Example: textloom w2v convert GoogleNews-vectors-negative300.bin vectors.tlv --limit 200000',
  ].join('\n'),
  positionals: { name: 'IN OUT', doc: 'the vectors file to read (.gz ok) and the one to write', min: 2, max: 2 },
  flags: {
    from: { type: 'string', value: 'FORMAT', doc: 'input format: text, binary or tlv (default: from the input)' },
    to: { type: 'string', value: 'FORMAT', doc: 'output format: text, binary or tlv (default: from the output name)' },
    limit: { type: 'number', value: 'N', doc: 'keep only the first N vectors' },
    'no-header': { type: 'boolean', doc: 'the text input has no "<count> <dims>" line (GloVe)' },
    json: { type: 'boolean', doc: 'print {"words", "dim", "from", "to", "output"} as JSON' },
  },
  async run(args, io) {
    const [input, output] = args.positional as [string, string];
    const from = format('from', args.flags.from);
    const to = format('to', args.flags.to);
    const limit = args.flags.limit as number | undefined;
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) throw new ArgumentError(`--limit must be a positive integer, got ${limit}`, { key: '--limit' });
    assertWritable(output);
    const r = await convertVectors(input, output, { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(limit !== undefined ? { limit } : {}), ...(args.flags['no-header'] ? { noHeader: true } : {}) });
    const s = { words: r.words, dim: r.dim, from: FLAG_NAME[r.from], to: FLAG_NAME[r.to], output };
    if (args.flags.json) io.stdout.write(JSON.stringify(s) + '\n');
    else io.stdout.write(`wrote ${s.words} vectors of dimension ${s.dim} to ${output} (${LABEL[r.to]}, read as ${LABEL[r.from]})\n`);
  },
};
