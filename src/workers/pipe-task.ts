/**
 * The `pipe` task (`nlp.pipe(texts, { nProcess })`): builds the pipeline once from its config,
 * after importing the modules that register custom factories; then annotates batches of texts.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPipeline, type Nlp } from '../pipeline/pipeline.js';
import { annotateBatch, type PipeWorkerData } from '../pipeline/parallel-pipe.js';
import { transferList } from '../core/doc-transfer.js';
import { atItem } from '../parallel/protocol.js';
import type { TaskResult } from '../parallel/worker-host.js';

/** Imports the modules, then builds the pipeline. */
export async function setup(data: PipeWorkerData): Promise<Nlp> {
  for (const m of data.modules) {
    const path = m.startsWith('.') || isAbsolute(m) ? pathToFileURL(resolve(m)).href : m;
    await import(path);
  }
  return createPipeline(data.config, data.baseDir !== undefined ? { baseDir: data.baseDir } : {});
}

/** Annotates one batch; the Docs go back packed, their buffers transferred. */
export function handle(nlp: Nlp, texts: string[], first: number): TaskResult {
  const packed = annotateBatch(nlp, texts, first, atItem);
  return { result: packed, transfer: transferList(packed) };
}
