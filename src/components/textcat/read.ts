/** Reads labelled texts from a JSONL file for textcat training and evaluation (streaming). */
import { FormatError } from '../../core/errors.js';
import { readNumberedJsonl } from '../../io/jsonl.js';
import type { TextcatLabel } from './textcat.js';

/**
 * Reads `{ [textField]: string, [labelField]: string | number | string[] }` records; blank lines are
 * skipped. A bad record throws a FormatError naming the file, line and field.
 */
export async function readLabelledJsonl(path: string, textField: string, labelField: string, onRecord?: (n: number) => void): Promise<{ texts: string[]; labels: TextcatLabel[] }> {
  const texts: string[] = [];
  const labels: TextcatLabel[] = [];
  for await (const [rec, n] of readNumberedJsonl(path, { example: `{"${textField}": "...", "${labelField}": "..."}` })) {
    if (rec === null || typeof rec !== 'object') throw new FormatError('record is not a JSON object', { file: path, line: n });
    const r = rec as Record<string, unknown>;
    const text = r[textField];
    if (typeof text !== 'string') throw new FormatError(`record has no string field "${textField}"`, { file: path, line: n, key: textField });
    const label = r[labelField];
    const ok = typeof label === 'string' || typeof label === 'number' || (Array.isArray(label) && label.every((v) => typeof v === 'string' || typeof v === 'number'));
    if (!ok) throw new FormatError(`field "${labelField}" must be a string, number or list of them`, { file: path, line: n, key: labelField });
    texts.push(text);
    labels.push(label as TextcatLabel);
    onRecord?.(texts.length);
  }
  if (texts.length === 0) throw new FormatError('no records in input', { file: path });
  return { texts, labels };
}
