/**
 * BullMQ, an optional peer dependency (it would double the install size for users without a
 * queue): loaded on first use, a MissingDependencyError saying `npm i bullmq` when absent.
 */
import type * as BullMQ from 'bullmq';
import { importOptional } from '../components/optional-import.js';

/** The bullmq module. */
export function loadBullmq(): Promise<typeof BullMQ> {
  return importOptional<typeof BullMQ>('bullmq', 'bullmq', 'the job queue (textloom worker / jobs)');
}
