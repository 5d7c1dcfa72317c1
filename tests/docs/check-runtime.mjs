// Loaded by every JS/TS docs block run by tests/docs.test.ts: compares a value with a `// →` comment.
import { inspect } from 'node:util';

const checks = JSON.parse(process.env.DOCS_CHECKS ?? '[]');
const where = process.env.DOCS_WHERE ?? '';

function fail(check, path, why, actual) {
  throw new Error(`${where}, block line ${check.line}: value${path} ${why}; actual: ${inspect(actual, { depth: 6, breakLength: 200 })}`);
}

function compare(check, exp, act, path) {
  switch (exp.t) {
    case 'num':
      if (typeof act !== 'number' || !(Math.abs(act - exp.v) <= exp.tol * (1 + 1e-9) || act === exp.v)) fail(check, path, `is not ${exp.src}`, act);
      return;
    case 'str':
    case 'lit':
      if (act !== exp.v) fail(check, path, `is not ${inspect(exp.v)}`, act);
      return;
    case 'arr':
      if (!(Array.isArray(act) || ArrayBuffer.isView(act))) fail(check, path, 'is not an array', act);
      if (act.length !== exp.items.length) fail(check, path, `has length ${act.length}, not ${exp.items.length}`, act);
      exp.items.forEach((e, i) => compare(check, e, act[i], `${path}[${i}]`));
      return;
    case 'obj': {
      if (act === null || typeof act !== 'object') fail(check, path, 'is not an object', act);
      const keys = Object.keys(act).sort().join(',');
      const want = exp.entries.map(([k]) => k).sort().join(',');
      if (keys !== want) fail(check, path, `has keys {${keys}}, not {${want}}`, act);
      for (const [k, e] of exp.entries) compare(check, e, act[k], `${path}.${k}`);
      return;
    }
    default:
      throw new Error(`unknown expectation ${exp.t}`);
  }
}

/** Checks a value against the expectation with this id and returns the value. */
globalThis.__check = (actual, id) => {
  compare(checks[id], checks[id].expected, actual, '');
  return actual;
};

const seen = new Set();
const original = globalThis.__check;
globalThis.__check = (actual, id) => {
  seen.add(id);
  return original(actual, id);
};
process.on('exit', (code) => {
  const missed = checks.map((c, i) => (seen.has(i) ? -1 : c.line)).filter((l) => l >= 0);
  if (code === 0 && missed.length) {
    process.stderr.write(`${where}: the checks at block lines ${missed.join(', ')} never ran\n`);
    process.exitCode = 1;
  }
});
