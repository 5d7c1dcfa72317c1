/**
 * The string lookup `FieldData.addDoc` takes (analyzer string id -> string). Every caller builds
 * it here, so the call site that uses it sees one function and stays monomorphic.
 */
import type { StringStore } from '../core/strings.js';

/** `id -> strings.get(id)`. */
export function stringLookup(strings: StringStore): (id: number) => string {
  return (id: number) => strings.get(id);
}
