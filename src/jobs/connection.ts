/**
 * A Redis URL (`redis://[user:pass@]host[:port][/db]`, `rediss://` for TLS) as the connection
 * options BullMQ passes to ioredis. A bad URL is an ArgumentError naming the key.
 */
import { ArgumentError } from '../core/errors.js';

/** Connection options for BullMQ (ioredis's). */
export interface RedisConnection {
  host: string;
  port: number;
  db?: number;
  username?: string;
  password?: string;
  tls?: Record<string, never>;
  /** BullMQ workers block on Redis: ioredis must retry forever rather than fail a command. */
  maxRetriesPerRequest: null;
}

/** Parses `url` (see the module comment). */
export function redisConnection(url: string, key = 'redis'): RedisConnection {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ArgumentError(`not a Redis URL: ${JSON.stringify(url)} (expected redis://host:port)`, { key });
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new ArgumentError(`a Redis URL starts with redis:// or rediss://, got ${JSON.stringify(url)}`, { key });
  const port = u.port ? Number(u.port) : 6379;
  const out: RedisConnection = { host: u.hostname || '127.0.0.1', port, maxRetriesPerRequest: null };
  const db = u.pathname.replace(/^\//, '');
  if (db) {
    if (!/^\d+$/.test(db)) throw new ArgumentError(`the Redis database must be a number, got ${JSON.stringify(db)}`, { key });
    out.db = Number(db);
  }
  if (u.username) out.username = decodeURIComponent(u.username);
  if (u.password) out.password = decodeURIComponent(u.password);
  if (u.protocol === 'rediss:') out.tls = {};
  return out;
}
