/** Language-neutral: no stop words. */
export const STOP_WORDS: ReadonlySet<string> = new Set();
