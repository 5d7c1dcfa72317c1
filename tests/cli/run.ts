import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

class Capture extends Writable {
  data = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    this.data += chunk.toString();
    cb();
  }
}

/** Runs the CLI in-process and captures its output. */
export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { stdout, stderr });
  return { code, stdout: stdout.data, stderr: stderr.data };
}

/** Runs the CLI in-process with an argv array; `out`/`err` are the captured streams. */
export async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const r = await runCli(...argv);
  return { code: r.code, out: r.stdout, err: r.stderr };
}
