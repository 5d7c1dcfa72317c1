// Worker for bench/textcat.mjs: trains natural's LogisticRegressionClassifier on one fold, so the
// main thread can stop it when it exceeds the time budget.
import { parentPort, workerData } from 'node:worker_threads';
import natural from 'natural';

const { trX, trY, teX } = workerData;
const c0 = process.cpuUsage();
const t0 = performance.now();
const c = new natural.LogisticRegressionClassifier();
trX.forEach((t, i) => c.addDocument(t, trY[i]));
c.train();
const trainMs = performance.now() - t0;
const cpuMs = process.cpuUsage(c0).user / 1e3;
const out = teX.map((t) => [c.getClassifications(t).find((e) => e.label === 'spam').value, c.classify(t)]);
parentPort.postMessage({ trainMs, cpuMs, out });
