import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

describe('textloom serve', () => {
  it('prints its address as JSON, answers the API, and exits 0 on SIGTERM', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--pipeline', 'en_whitespace', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const first = await new Promise<string>((ok, fail) => {
      createInterface({ input: child.stdout }).once('line', ok);
      child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    const info = JSON.parse(first) as { url: string; pipeline: string[]; index: boolean; vectors: boolean };
    expect(info).toMatchObject({ pipeline: ['senter'], index: false, vectors: false });
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await fetch(`${info.url}api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"a b. c"}' });
    expect(((await r.json()) as { words: string[] }).words).toHaveLength(3);
    const search = await fetch(`${info.url}api/search?q=x`);
    expect(search.status).toBe(404);
    const code = await new Promise<number | null>((done) => {
      child.once('exit', done);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  });
  it('refuses a missing index with one line and status 2', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--index', 'no/such/dir'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
  it('--workers 2: two processes share the port, the address is printed once, SIGTERM stops them all', { timeout: 90_000 }, async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--pipeline', 'en_whitespace', '--workers', '2', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const first = await new Promise<string>((ok, fail) => {
      createInterface({ input: child.stdout }).once('line', ok);
      child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    const info = JSON.parse(first) as { url: string; workers: number };
    expect(info.workers).toBe(2);
    const answers = await Promise.all(Array.from({ length: 8 }, () => fetch(`${info.url}api/health`).then((r) => r.status)));
    expect(answers).toEqual(Array(8).fill(200));
    const code = await new Promise<number | null>((done) => {
      child.once('exit', done);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    // Every worker is gone: nothing answers on the port any more.
    await expect(fetch(`${info.url}api/health`)).rejects.toThrow();
  });
  it('--workers: a bad count and a worker failing at start are errors with status 2', { timeout: 90_000 }, async () => {
    const exit = async (args: string[]): Promise<{ code: number | null; stderr: string }> => {
      const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      const code = await new Promise<number | null>((done) => child.once('exit', done));
      return { code, stderr };
    };
    const zero = await exit(['--workers', '0']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--workers');
    const missing = await exit(['--workers', '2', '--pipeline', 'en_whitespace', '--index', 'no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/dir');
  });
});
