/** Language-neutral: no number words beyond digits. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set();
