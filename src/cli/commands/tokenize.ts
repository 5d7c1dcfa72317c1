import { inputName } from '../input-name.js';
import { load } from '../../pipeline/load.js';
import type { Command } from '../command.js';
import { LANG_FLAG, pipelineName } from '../lang-flag.js';
import { pipeThreads, THREADS_FLAG } from '../threads-flag.js';
import { inputTexts, writeOut } from '../io.js';

import { docConllu, docRecord, isSpaceToken, wordSents } from '../../io/doc-records.js';

export { docConllu, docRecord };

export const tokenizeCommand: Command = {
  name: 'tokenize',
  summary: 'run a pipeline over text, one Doc per line (or paragraph), as JSON lines, CoNLL-U or text',
  usage: '[--pipeline NAME|FILE | --lang CODE] [--input FILE|-] [--format jsonl|conllu|text] [--paragraphs] [--threads N]',
  help:
    'jsonl: one record per input line, blank ones too, with its "line" number. conllu: one block per sentence,\n' +
    'with sentence ids LINE-K (blank lines have none). text: one output line per sentence, and an empty line for\n' +
    'a blank input line. With --paragraphs, a paragraph takes the place of a line (numbered by its first line).\n' +
    'Example:\n  echo "Dr. Smith can\'t come. She\'s ill." | textloom tokenize --format text',
  flags: {
    pipeline: { type: 'string', doc: 'bundled pipeline name or config file (default: en_core)', value: 'NAME|FILE' },
    lang: LANG_FLAG,
    input: { type: 'string', doc: 'input file (.gz ok) or - for stdin', default: '-', value: 'FILE' },
    format: { type: 'string', doc: 'jsonl, conllu or text (tokens joined by spaces, one sentence per line)', default: 'jsonl', value: 'FORMAT' },
    paragraphs: { type: 'boolean', doc: 'one Doc per blank-line-separated paragraph instead of per line' },
    'batch-size': { type: 'number', doc: 'texts per batch', default: 256 },
    threads: THREADS_FLAG,
  },
  async run({ flags }, io) {
    const format = String(flags.format);
    if (!['jsonl', 'conllu', 'text'].includes(format)) {
      const { ArgumentError } = await import('../../core/errors.js');
      throw new ArgumentError(`--format must be jsonl, conllu or text, got ${JSON.stringify(format)}`, { key: '--format' });
    }
    const nlp = await load(pipelineName(flags, 'en_core'));
    // pipe() yields Docs in input order, at most a batch behind its reads: a FIFO of line numbers
    // pairs each Doc with the line it came from.
    const starts: number[] = [];
    let read = 0;
    async function* texts(): AsyncGenerator<string> {
      for await (const t of inputTexts(String(flags.input), !!flags.paragraphs, io.stderr)) {
        starts.push(t.line);
        read++;
        yield t.text;
      }
    }
    for await (const doc of nlp.pipe(texts(), { batchSize: Number(flags['batch-size']), ...pipeThreads(flags) })) {
      const line = starts.shift()!;
      if (format === 'jsonl') await writeOut(io.stdout, JSON.stringify({ line, ...docRecord(doc) }) + '\n');
      else if (format === 'conllu') await writeOut(io.stdout, docConllu(doc, line));
      else {
        const lines = wordSents(doc).map((s) => {
          const parts: string[] = [];
          for (let i = s.start; i < s.end; i++) if (!isSpaceToken(doc, i)) parts.push(doc.tokenText(i));
          return parts.join(' ');
        });
        await writeOut(io.stdout, lines.join('\n') + '\n');
      }
    }
    // An empty input is not an error for a filter, but it is said, not passed over in silence.
    if (read === 0) io.stderr.write(`warning: ${inputName(String(flags.input))} has no text to tokenize\n`);
    return 0;
  },
};
