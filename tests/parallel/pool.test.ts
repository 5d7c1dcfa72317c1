import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, WorkerError } from '../../src/index.js';
import { WorkerPool, type Task } from '../../src/parallel/pool.js';
import { resolveThreads } from '../../src/parallel/threads.js';
import { ensureBuilt } from '../docs/workspace.js';

const ROOT = resolve(__dirname, '..', '..');
const script = pathToFileURL(resolve(__dirname, 'test-worker.mjs'));
const start = (size: number, workerData?: unknown) => WorkerPool.start({ script, size, workerData, itemName: 'items' });

beforeAll(() => ensureBuilt(ROOT), 300_000);

describe('WorkerPool.map', () => {
  it('yields results in input order whatever order the workers finish in', async () => {
    const pool = await start(3);
    const tasks: Task[] = Array.from({ length: 20 }, (_, k) => ({ payload: { items: Array.from({ length: (k % 4) + 1 }, (_, j) => k * 10 + j) }, first: k * 10 }));
    const out: number[][] = [];
    for await (const r of pool.map(tasks)) out.push([...(r as Float64Array)]);
    expect(out).toEqual(tasks.map((t) => (t.payload as { items: number[] }).items.map((x) => x * 2)));
    await pool.close();
  });
});

describe('WorkerPool maxMemory', () => {
  it('replaces a worker past the limit between tasks, results unchanged and in order', async () => {
    // One byte: every worker is past it after its first task.
    const pool = await WorkerPool.start({ script, size: 2, itemName: 'items', maxMemory: 1 });
    const tasks: Task[] = Array.from({ length: 16 }, (_, k) => ({ payload: { items: [k, k + 1] }, first: k * 2 }));
    const out: number[][] = [];
    for await (const r of pool.map(tasks)) out.push([...(r as Float64Array)]);
    expect(out).toEqual(tasks.map((t) => (t.payload as { items: number[] }).items.map((x) => x * 2)));
    expect(pool.replacedWorkers).toBeGreaterThan(2);
    expect(pool.size).toBe(2);
    // Errors still name their item on a replaced worker.
    await expect(pool.run({ op: 'typed' }, 40)).rejects.toThrow(/^items\[41\]: not a number/);
    await pool.close();
    const never = await WorkerPool.start({ script, size: 2, maxMemory: Infinity });
    for await (const _ of never.map(tasks)) void _;
    expect(never.replacedWorkers).toBe(0);
    await never.close();
    await expect(WorkerPool.start({ script, size: 1, maxMemory: 0 })).rejects.toThrow(ArgumentError);
  });
});

describe('WorkerPool errors', () => {
  it('rethrows a task error as its textloom class, naming the failing item', async () => {
    const pool = await start(2);
    const e = await pool.run({ op: 'typed' }, 40).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ArgumentError);
    expect((e as ArgumentError).message).toMatch(/^items\[41\]: not a number/);
    expect((e as ArgumentError).key).toBe('x');
    const plain = await pool.run({ op: 'plain' }, 7).catch((x: unknown) => x);
    expect(plain).toBeInstanceOf(WorkerError);
    expect((plain as WorkerError).message).toMatch(/items\[7\]: TypeError: oops/);
    // The pool is still usable after task errors.
    expect([...((await pool.run({ items: [1] }, 0)) as Float64Array)]).toEqual([2]);
    await pool.close();
  });

  it('fails the call with a WorkerError when a worker exits mid-task (no hang)', async () => {
    const pool = await start(2);
    const hang = pool.run({ op: 'hang' }, 0);
    const exit = pool.run({ op: 'exit' }, 5);
    const e = await exit.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkerError);
    expect((e as WorkerError).message).toMatch(/exited with code 3 while processing items\[5\]/);
    expect((e as WorkerError).item).toBe(5);
    await expect(hang).rejects.toBeInstanceOf(WorkerError); // the other worker's task is abandoned too
    await expect(pool.run({ items: [1] }, 0)).rejects.toBeInstanceOf(WorkerError);
  });

  it('fails a map with a WorkerError when a worker crashes (uncaught exception)', async () => {
    const pool = await start(2);
    const tasks: Task[] = [{ payload: { items: [1] }, first: 0 }, { payload: { op: 'crash' }, first: 1 }, { payload: { items: [2] }, first: 2 }];
    const seen: unknown[] = [];
    const run = async () => {
      for await (const r of pool.map(tasks)) seen.push(r);
    };
    await expect(run()).rejects.toThrow(/worker \d crashed \(boom\) while processing items\[1\]/);
    await pool.close();
  });

  it('rethrows a setup error and ends the workers', async () => {
    await expect(start(2, { failSetup: true })).rejects.toThrow(ArgumentError);
    await expect(WorkerPool.start({ script, size: 0 })).rejects.toThrow(ArgumentError);
  });
});

describe('resolveThreads', () => {
  it('reads unset as 1, 0 as every core, and rejects the rest', () => {
    expect(resolveThreads(undefined, 'threads')).toBe(1);
    expect(resolveThreads(3, 'threads')).toBe(3);
    expect(resolveThreads(0, 'threads')).toBeGreaterThanOrEqual(1);
    for (const bad of [-1, 1.5, '2', NaN]) expect(() => resolveThreads(bad, 'threads')).toThrow(ArgumentError);
  });
});
