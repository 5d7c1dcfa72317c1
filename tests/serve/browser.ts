/**
 * Chromium for page tests: the system browser from Debian's `chromium` package, driven by
 * playwright-core (which downloads no browser). Tests skip with a one-line reason without it.
 */
import { existsSync } from 'node:fs';

/** Path of the system Chromium, or null. */
export const chromiumPath: string | null = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p)) ?? null;

/** Why browser tests skip (empty when they run). */
export const noBrowserReason = chromiumPath ? '' : ' (skipped: no Chromium at /usr/bin/chromium; apt-get install chromium, or set CHROMIUM_PATH)';
