/** Wraps rendered fragments into one self-contained HTML page (no external files, no scripts). */
import { escapeHtml } from './escape.js';

const CSS = [
  'body{margin:2em;font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222;background:#fff}',
  '.tl-title{font-size:1.1em;margin:1.2em 0 0.4em}',
  '.tl-doc{margin-bottom:2.5em;padding-bottom:1em;border-bottom:1px solid #eee}',
].join('\n');

/** A full HTML document around `body` with a title. */
export function wrapPage(body: string, title = 'textloom'): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>\n${CSS}\n</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
