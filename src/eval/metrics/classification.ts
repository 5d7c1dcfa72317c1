/**
 * Classification metrics, one import for all: label metrics, score curves (ROC / PR) and probabilistic
 * losses. Each lives in its own file; this module only gathers them.
 */
export * from './labels.js';
export * from './curves.js';
export * from './probability.js';
