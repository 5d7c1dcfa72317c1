// CPU seconds of the calling thread (user + system), from /proc/thread-self/stat; null off Linux.
// process.cpuUsage() counts every thread of the process (workers and V8's GC helpers too).
import { existsSync, readFileSync } from 'node:fs';

export function threadCpu() {
  if (!existsSync('/proc/thread-self/stat')) return null;
  const f = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}
