// How a read-model row is stored: all its texts in one string, all its numbers in one Float64Array.

/*
 * Why: IndexedDB clones a stored value object by object. A client's columns as plain arrays are
 * one string or number object per cell (about 24 MB and 1,5–2 s to read at 100.000 invoices);
 * packed, a row is three objects whatever its size, and a Float64Array is copied as bytes.
 * Cents are safe integers (below 2^53), which a float64 holds exactly.
 */

/** By tag, not instanceof: a value read back from storage may come from another realm (tests). */
export function isTyped(value: unknown, tag: 'Int32Array' | 'Float64Array'): boolean {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === `[object ${tag}]`;
}

/** Texts in one string: each one's length, or -1 for null, in `lengths`. */
export interface PackedTexts {
  text: string;
  lengths: Int32Array;
}

/** The columns' texts one after the other (null kept as null). */
export function packTexts(columns: readonly (readonly (string | null)[])[]): PackedTexts {
  let count = 0;
  for (const column of columns) count += column.length;
  const lengths = new Int32Array(count);
  const parts: string[] = [];
  let at = 0;
  for (const column of columns) {
    for (const value of column) {
      if (value === null) lengths[at] = -1;
      else {
        lengths[at] = value.length;
        parts.push(value);
      }
      at += 1;
    }
  }
  return { text: parts.join(''), lengths };
}

/** Number columns one after the other. */
export function packNumbers(columns: readonly (readonly number[])[]): Float64Array {
  let count = 0;
  for (const column of columns) count += column.length;
  const numbers = new Float64Array(count);
  let at = 0;
  for (const column of columns) {
    numbers.set(column, at);
    at += column.length;
  }
  return numbers;
}
