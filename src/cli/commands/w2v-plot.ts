import { ArgumentError, NotFoundError } from '../../core/errors.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { KeyedVectors, projectVectors, renderScatter, type ScatterPoint } from '../../index.js';
import type { Command } from '../command.js';

/** `textloom w2v plot`: words (and optionally their neighbours) projected to 2-D with PCA, as an SVG scatter plot. */
export const w2vPlot: Command = {
  name: 'w2v plot',
  summary: 'draw words (and their nearest neighbours) as a 2-D PCA scatter plot (SVG)',
  usage: '--vectors FILE --words w1,w2,... [--neighbours N] [--out plot.svg] [--json]',
  help: 'Example:\n  textloom w2v plot --vectors vectors.bin --words king,queen,man,woman --out plot.svg',
  flags: {
    vectors: { type: 'string', value: 'FILE', doc: 'vectors file (.bin, .txt or .tlv)', required: true },
    words: { type: 'string', value: 'W1,W2', doc: 'comma-separated words to plot', required: true },
    neighbours: { type: 'number', value: 'N', doc: 'also plot the N nearest neighbours of each word (coloured by word)', default: 0 },
    out: { type: 'string', value: 'FILE', doc: 'SVG file to write (default: stdout)' },
    title: { type: 'string', value: 'TEXT', doc: 'heading drawn on the plot' },
    json: { type: 'boolean', doc: 'print the projected points as JSON' },
  },
  async run({ flags: f }, io) {
    const words = [...new Set(String(f.words).split(',').map((w) => w.trim()).filter(Boolean))];
    const neighbours = Number(f.neighbours);
    if (!Number.isInteger(neighbours) || neighbours < 0 || neighbours > 100) throw new ArgumentError(`--neighbours must be an integer in [0, 100], got ${f.neighbours}`, { key: '--neighbours' });
    if (words.length === 0) throw new ArgumentError('--words lists no word', { key: '--words' });
    const kv = await KeyedVectors.load(String(f.vectors));
    const missing = words.filter((w) => !kv.has(w));
    if (missing.length) throw new NotFoundError(`not in the vectors' vocabulary: ${missing.map((w) => JSON.stringify(w)).join(', ')}`, { key: '--words' });
    // Each plotted word once; a neighbour shared by two query words takes the first one's colour.
    const group = new Map<string, string>(words.map((w) => [w, w]));
    if (neighbours > 0) for (const w of words) for (const n of kv.mostSimilar({ positive: [w], topn: neighbours })) if (!group.has(n.word)) group.set(n.word, w);
    const labels = [...group.keys()];
    if (labels.length < 2) throw new ArgumentError('a plot needs at least 2 words (give more --words or --neighbours)', { key: '--words' });
    const xy = projectVectors(labels.map((w) => kv.vector(w)));
    const points: ScatterPoint[] = labels.map((label, k) => ({ label, x: xy[k]!.x, y: xy[k]!.y, ...(neighbours > 0 ? { group: group.get(label)! } : {}) }));
    const svg = renderScatter(points, f.title === undefined ? {} : { title: String(f.title) });
    if (f.out !== undefined) await writeFileAtomic(String(f.out), svg);
    if (f.json) io.stdout.write(JSON.stringify({ points, ...(f.out !== undefined ? { out: String(f.out) } : {}) }) + '\n');
    else if (f.out === undefined) io.stdout.write(svg);
    return 0;
  },
};
