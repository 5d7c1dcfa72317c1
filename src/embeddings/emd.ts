/**
 * An exact Earth Mover's Distance solver (the transportation problem) by successive shortest
 * augmenting paths with Bellman-Ford on the residual graph. Exact up to floating point: the
 * result is the minimum-cost flow, as pyemd / POT's `emd2` compute. Sizes are document
 * vocabularies (tens to a few hundred), so the O(paths * (n+m)^2 * ...) cost is fine.
 */
import { ArgumentError } from '../core/errors.js';

const EPS = 1e-12;

/**
 * Minimum total cost of moving mass `a` (n sources) onto `b` (m sinks) with per-unit costs
 * `cost[i * m + j]`. `a` and `b` must be non-negative with equal sums (within 1e-9 relative).
 * @example emd([1], [0.5, 0.5], new Float64Array([1, 3])) // 2
 */
export function emd(a: ArrayLike<number>, b: ArrayLike<number>, cost: ArrayLike<number>): number {
  const n = a.length;
  const m = b.length;
  if (cost.length !== n * m) throw new ArgumentError(`cost must have ${n}x${m} entries, got ${cost.length}`);
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) sa += a[i]!;
  for (let j = 0; j < m; j++) sb += b[j]!;
  if (Math.abs(sa - sb) > 1e-9 * Math.max(1, sa, sb)) throw new ArgumentError(`source and sink masses differ (${sa} vs ${sb})`);
  const supply = Float64Array.from(a);
  const demand = Float64Array.from(b);
  const flow = new Float64Array(n * m);
  // Nodes: sources 0..n-1, sinks n..n+m-1. Forward arcs i->j always open (uncapacitated);
  // backward arcs j->i open while flow[i][j] > 0, with cost -c.
  const N = n + m;
  const dist = new Float64Array(N);
  const prev = new Int32Array(N);
  let total = 0;
  for (let guard = 0; guard < 4 * (n + m) * (n + m) + 16; guard++) {
    let remaining = 0;
    for (let i = 0; i < n; i++) remaining += supply[i]!;
    if (remaining <= EPS * Math.max(1, sa)) break;
    // Bellman-Ford from all sources with remaining supply.
    dist.fill(Infinity);
    prev.fill(-1);
    for (let i = 0; i < n; i++) if (supply[i]! > EPS) dist[i] = 0;
    for (let iter = 0; iter < N; iter++) {
      let changed = false;
      for (let i = 0; i < n; i++) {
        const di = dist[i]!;
        if (di === Infinity) continue;
        for (let j = 0; j < m; j++) {
          const nd = di + cost[i * m + j]!;
          if (nd < dist[n + j]! - 1e-15) {
            dist[n + j] = nd;
            prev[n + j] = i;
            changed = true;
          }
        }
      }
      for (let j = 0; j < m; j++) {
        const dj = dist[n + j]!;
        if (dj === Infinity) continue;
        for (let i = 0; i < n; i++) {
          if (flow[i * m + j]! <= EPS) continue;
          const nd = dj - cost[i * m + j]!;
          if (nd < dist[i]! - 1e-15) {
            dist[i] = nd;
            prev[i] = n + j;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    // Cheapest reachable sink with remaining demand.
    let best = -1;
    for (let j = 0; j < m; j++) if (demand[j]! > EPS && dist[n + j]! < Infinity && (best < 0 || dist[n + j]! < dist[n + best]!)) best = j;
    if (best < 0) break;
    // Bottleneck along the path.
    let amt = demand[best]!;
    let v = n + best;
    while (prev[v]! >= 0) {
      const u = prev[v]!;
      if (v < n) amt = Math.min(amt, flow[v * m + (u - n)]!); // backward arc u(sink)->v(source)
      v = u;
    }
    amt = Math.min(amt, supply[v]!);
    // Augment.
    v = n + best;
    while (prev[v]! >= 0) {
      const u = prev[v]!;
      if (v >= n) flow[u * m + (v - n)] += amt;
      else flow[v * m + (u - n)] -= amt;
      v = u;
    }
    supply[v] -= amt;
    demand[best] -= amt;
  }
  for (let k = 0; k < n * m; k++) if (flow[k]! > 0) total += flow[k]! * cost[k]!;
  return total;
}
