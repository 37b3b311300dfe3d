// Long lists joined by index into an array made at its length: on a ledger of a million
// rows, spreading or pushing them one by one grows the array again and again (several times slower).

/** The lists one after another, in a new array. */
export function joinedLists<T>(lists: Iterable<readonly T[]>): T[] {
  const parts = [...lists];
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Array<T>(length);
  let at = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i += 1) out[at + i] = part[i] as T;
    at += part.length;
  }
  return out;
}
