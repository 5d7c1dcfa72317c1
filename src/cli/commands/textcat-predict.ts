import { ArgumentError, FormatError } from '../../core/errors.js';
import { setOwn } from '../../util/own.js';
import { parseJsonLine } from '../../io/jsonl.js';
import { readNumberedLines } from '../../io/lines.js';
import { TextCategorizer } from '../../components/textcat/textcat.js';
import type { Command } from '../command.js';
import { inputName } from '../input-name.js';
import { writeOut } from '../io.js';
import { TEXTCAT_MODEL_FLAGS } from '../flag-groups.js';

/** Texts scored per call of the model (one feature matrix each). */
const BATCH = 512;

interface Item {
  text: string;
  /** 1-based input line. */
  line: number;
  id?: unknown;
}

/** The input as items: each non-blank line, or each JSONL record's text (and id). */
async function* items(path: string, jsonl: boolean, textField: string, idField: string): AsyncGenerator<Item> {
  for await (const [line, n] of readNumberedLines(path, { requireText: true })) {
    if (line.trim() === '') continue;
    if (!jsonl) {
      yield { text: line, line: n };
      continue;
    }
    const rec = parseJsonLine(line, { file: path, line: n });
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) throw new FormatError('record is not a JSON object', { file: path, line: n });
    const r = rec as Record<string, unknown>;
    if (typeof r[textField] !== 'string') throw new FormatError(`record has no string field "${textField}" (set --text-field)`, { file: path, line: n, key: textField });
    yield r[idField] === undefined ? { text: r[textField] as string, line: n } : { text: r[textField] as string, line: n, id: r[idField] };
  }
}

/** `textloom textcat predict`: the predicted label(s) and scores of each line (or JSONL record) with a saved text classifier. */
export const textcatPredict: Command = {
  name: 'textcat predict',
  summary: 'predict labels with a saved text classifier, one line (or JSONL record) at a time, with scores',
  usage: '--model MODEL [FILE|-] [--jsonl] [--text-field text] [--id-field id] [--json]',
  help: [
    'Input is one text per line, or JSON lines (--jsonl, or a .jsonl/.jsonl.gz file) with the text in --text-field.',
    'Output: one line per text (blank lines are skipped): the label (multilabel: the labels at or above the threshold,',
    'comma-separated), a tab and its probability; with --json, {"line", "label", "scores": {label: probability}} per text',
    '(plus "id" for JSONL records having one), "line" being the input line number.',
    'Examples:',
    '  textloom textcat predict --model spam.tlc messages.txt',
    '  textloom textcat predict --model spam.tlc test.jsonl --json',
  ].join('\n'),
  positionals: { name: 'FILE', doc: 'texts, one per line, or JSONL (.gz ok; - or none for stdin)', max: 1 },
  flags: {
    ...TEXTCAT_MODEL_FLAGS,
    jsonl: { type: 'boolean', doc: 'read JSON lines (the default for .jsonl files)' },
    'text-field': { type: 'string', doc: 'JSONL field holding the text', default: 'text', value: 'NAME' },
    'id-field': { type: 'string', doc: 'JSONL field copied to the output as "id"', default: 'id', value: 'NAME' },
    json: { type: 'boolean', doc: 'print one JSON object per text: {"line", "label", "scores"}' },
  },
  async run(args, io) {
    const f = args.flags;
    const path = args.positional[0] ?? '-';
    const jsonl = f.jsonl === true || /\.jsonl(\.gz)?$/i.test(path);
    const tc = TextCategorizer.load(String(f.model));
    const multilabel = tc.mode === 'multilabel';
    let batch: Item[] = [];
    let n = 0;
    const flush = async (): Promise<void> => {
      if (!batch.length) return;
      const probs = tc.predictProba(batch.map((b) => b.text));
      let out = '';
      for (let i = 0; i < batch.length; i++) {
        const p = probs[i]!;
        let best = 0;
        for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
        const label: string | string[] = multilabel ? tc.labels.filter((_, k) => p[k]! >= tc.threshold) : tc.labels[best]!;
        if (f.json) {
          const scores: Record<string, number> = {};
          tc.labels.forEach((l, k) => setOwn(scores, l, p[k]!));
          const item = batch[i]!;
          out += JSON.stringify(item.id === undefined ? { line: item.line, label, scores } : { line: item.line, id: item.id, label, scores }) + '\n';
        } else out += `${Array.isArray(label) ? label.join(',') : label}\t${p[best]}\n`;
      }
      await writeOut(io.stdout, out);
      n += batch.length;
      batch = [];
    };
    for await (const item of items(path, jsonl, String(f['text-field']), String(f['id-field']))) {
      batch.push(item);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (n === 0) throw new ArgumentError(`no texts in ${inputName(path)}`, { file: path });
  },
};
