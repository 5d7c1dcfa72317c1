/** Evaluation and statistics toolkit (pure functions; a leaf that imports only util and core). */
export * from './metrics/classification.js';
export * from './metrics/regression.js';
export * from './metrics/spans.js';
export * from './metrics/lm.js';
export * from './stats.js';
export * from './pca.js';
export * from './distance.js';
export * from './validation.js';
export * from './align.js';
