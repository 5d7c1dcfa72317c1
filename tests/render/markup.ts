/**
 * A small well-formedness check for the renderers' output: every tag is closed in order (void
 * HTML elements and self-closing tags excepted), and no raw `<` or `>` appears in text.
 */
const VOID = new Set(['br', 'meta', 'hr', 'img', 'input', 'link']);

/** Throws with the offending position unless `markup` nests properly. */
export function assertWellFormed(markup: string): void {
  const body = markup.replace(/^<\?xml[^>]*\?>/, '').replace(/<!DOCTYPE html>/i, '');
  const stack: string[] = [];
  const re = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g;
  let at = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const text = body.slice(at, m.index);
    if (/[<>]/.test(text)) throw new Error(`raw < or > in text near ${JSON.stringify(text.slice(0, 60))}`);
    at = re.lastIndex;
    const [, close, name, , self] = m;
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${m.index}`);
    } else if (!self && !VOID.has(name!.toLowerCase())) stack.push(name!);
  }
  const rest = body.slice(at);
  if (/[<>]/.test(rest)) throw new Error(`raw < or > in trailing text ${JSON.stringify(rest.slice(0, 60))}`);
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
}
