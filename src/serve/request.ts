/** Reading request input within limits: query parameters, and JSON bodies of bounded size. */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-errors.js';

/** Reads the body, refusing (413) more than `maxBytes` as soon as it arrives. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new HttpError(413, `request body of ${declared} bytes is over the limit of ${maxBytes}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, `request body is over the limit of ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON object body (400 when it is not one). Keys such as `__proto__` stay plain data. */
export function parseJsonObject(body: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new HttpError(400, 'the request body must be a JSON object');
  return v as Record<string, unknown>;
}

/** A required string parameter, at most `max` characters. */
export function stringParam(v: unknown, name: string, max: number): string {
  if (typeof v !== 'string' || v.trim() === '') throw new HttpError(400, `"${name}" is required and must be a non-empty string`);
  if (v.length > max) throw new HttpError(413, `"${name}" has ${v.length} characters; the limit is ${max}`);
  return v;
}

/** An optional integer parameter in [min, max] (query strings arrive as text). */
export function intParam(v: unknown, name: string, dflt: number, min: number, max: number): number {
  if (v === undefined || v === null || v === '') return dflt;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, `"${name}" must be an integer in [${min}, ${max}], got ${JSON.stringify(v)}`);
  return n;
}
