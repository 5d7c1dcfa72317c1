/**
 * How the server answers errors: every failure a client can cause is a 4xx with a JSON body
 * `{ error, code }` in plain words; anything else is a 500 that says nothing about the internals.
 */
import type { ServerResponse } from 'node:http';
import { TextloomError } from '../core/errors.js';
import { writeHead } from './headers.js';

/** A request the server refuses, with its HTTP status. */
export class HttpError extends TextloomError {
  constructor(
    /** HTTP status code (4xx). */
    readonly status: number,
    message: string,
  ) {
    super('E_HTTP', message);
  }
}

/** The HTTP status of an error: its own for HttpError, 404 for not found, 400 for bad input, else 500. */
export function statusOf(e: unknown): number {
  if (e instanceof HttpError) return e.status;
  if (e instanceof TextloomError) return e.code === 'E_NOT_FOUND' ? 404 : 400;
  return 500;
}

/** Writes a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

/** Writes a response whose body is already JSON text. */
export function sendJsonText(res: ServerResponse, status: number, data: string): void {
  writeHead(res, status, ['content-type', 'application/json; charset=utf-8', 'content-length', Buffer.byteLength(data), 'cache-control', 'no-store']);
  res.end(data);
}

/**
 * Writes a JSON response given as an ASCII head and the rest, as UTF-8 bytes (one write to the
 * socket) or as text (written with the headers in one string, encoded once on its way out).
 */
export function sendJsonBytes(res: ServerResponse, status: number, head: string, body: Buffer | string): void {
  if (typeof body === 'string') return sendJsonText(res, status, head + body);
  writeHead(res, status, ['content-type', 'application/json; charset=utf-8', 'content-length', Buffer.byteLength(head) + body.length, 'cache-control', 'no-store']);
  res.write(head);
  res.end(body);
}

/** Answers with the error's status and message (a generic one for unexpected errors). */
export function sendError(res: ServerResponse, e: unknown): void {
  const status = statusOf(e);
  const body = status === 500 ? { error: 'internal error', code: 'E_INTERNAL' } : { error: (e as TextloomError).detail ?? (e as Error).message, code: (e as TextloomError).code };
  if (res.headersSent) res.destroy();
  else sendJson(res, status, body);
}
