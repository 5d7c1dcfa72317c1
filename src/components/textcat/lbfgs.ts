/**
 * Limited-memory BFGS (Nocedal & Wright, Algorithm 7.4) with a backtracking Armijo line search.
 * Minimizes a smooth function given by `evaluate(x, grad) -> f`; `onIteration` may stop early.
 */

/** Options of {@link lbfgs}. */
export interface LbfgsOptions {
  /** Maximum iterations (default 100). */
  maxIter?: number;
  /** Stop when max |gradient| <= tol (default 1e-4, as scikit-learn's lbfgs). */
  tol?: number;
  /** History size (default 10). */
  memory?: number;
  /** Called after each accepted step with the iteration number; return false to stop. */
  onIteration?: (iter: number, x: Float64Array, f: number) => boolean | void;
}

/** Result of {@link lbfgs}. */
export interface LbfgsResult {
  f: number;
  iterations: number;
  converged: boolean;
}

/** Minimizes in place: `x` holds the start and receives the solution. */
export function lbfgs(x: Float64Array, evaluate: (x: Float64Array, grad: Float64Array) => number, options: LbfgsOptions = {}): LbfgsResult {
  const n = x.length;
  const maxIter = options.maxIter ?? 100;
  const tol = options.tol ?? 1e-4;
  const m = options.memory ?? 10;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const g = new Float64Array(n);
  const gNew = new Float64Array(n);
  const xNew = new Float64Array(n);
  const dir = new Float64Array(n);
  const alpha = new Float64Array(m);
  let f = evaluate(x, g);
  const maxAbs = (v: Float64Array): number => { let a = 0; for (let i = 0; i < v.length; i++) { const b = Math.abs(v[i]!); if (b > a) a = b; } return a; };
  let iter = 0;
  while (iter < maxIter) {
    if (maxAbs(g) <= tol) return { f, iterations: iter, converged: true };
    // Two-loop recursion: dir = -H g.
    dir.set(g);
    for (let h = S.length - 1; h >= 0; h--) {
      let a = 0;
      const s = S[h]!, y = Y[h]!;
      for (let i = 0; i < n; i++) a += s[i]! * dir[i]!;
      a *= rho[h]!;
      alpha[h] = a;
      for (let i = 0; i < n; i++) dir[i]! -= a * y[i]!;
    }
    if (S.length > 0) {
      const s = S[S.length - 1]!, y = Y[Y.length - 1]!;
      let sy = 0, yy = 0;
      for (let i = 0; i < n; i++) { sy += s[i]! * y[i]!; yy += y[i]! * y[i]!; }
      const gamma = sy / yy;
      for (let i = 0; i < n; i++) dir[i]! *= gamma;
    } else {
      // First step: a unit-length move along -g.
      let norm = 0;
      for (let i = 0; i < n; i++) norm += g[i]! * g[i]!;
      const scale = 1 / Math.max(Math.sqrt(norm), 1e-12);
      for (let i = 0; i < n; i++) dir[i]! *= scale;
    }
    for (let h = 0; h < S.length; h++) {
      let b = 0;
      const s = S[h]!, y = Y[h]!;
      for (let i = 0; i < n; i++) b += y[i]! * dir[i]!;
      b *= rho[h]!;
      for (let i = 0; i < n; i++) dir[i]! += s[i]! * (alpha[h]! - b);
    }
    for (let i = 0; i < n; i++) dir[i] = -dir[i]!;
    let slope = 0;
    for (let i = 0; i < n; i++) slope += g[i]! * dir[i]!;
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = 0; Y.length = 0; rho.length = 0;
      for (let i = 0; i < n; i++) dir[i] = -g[i]!;
      slope = 0;
      for (let i = 0; i < n; i++) slope -= g[i]! * g[i]!;
    }
    let step = 1;
    let fNew = 0;
    let accepted = false;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * dir[i]!;
      fNew = evaluate(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) { accepted = true; break; }
      step *= 0.5;
    }
    if (!accepted) return { f, iterations: iter, converged: false };
    const s = new Float64Array(n), y = new Float64Array(n);
    let sy = 0;
    for (let i = 0; i < n; i++) { s[i] = xNew[i]! - x[i]!; y[i] = gNew[i]! - g[i]!; sy += s[i]! * y[i]!; }
    if (sy > 1e-10) {
      if (S.length === m) { S.shift(); Y.shift(); rho.shift(); }
      S.push(s); Y.push(y); rho.push(1 / sy);
    }
    const fOld = f;
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    iter++;
    if (options.onIteration && options.onIteration(iter, x, f) === false) return { f, iterations: iter, converged: false };
    if (Math.abs(fOld - f) <= 1e-12 * Math.max(1, Math.abs(f))) return { f, iterations: iter, converged: true };
  }
  return { f, iterations: iter, converged: maxAbs(g) <= tol };
}
