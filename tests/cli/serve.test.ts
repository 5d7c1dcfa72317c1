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
    expect(((await r.json()) as { tokens: unknown[] }).tokens).toHaveLength(3);
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
});
