/** Drains an async iterable, keeping the items read before an error and the error itself. */
export async function collect<T>(it: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const x of it) items.push(x);
  } catch (e) {
    return { items, error: e };
  }
  return { items, error: undefined };
}
