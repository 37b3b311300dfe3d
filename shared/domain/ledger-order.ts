// The ledger's default order, and a sort of 100,000 rows by precomputed numeric keys that gives it.
import type { CalendarDate } from './dates';

export interface OrderedRow {
  nextDueDate: CalendarDate | null;
  issueDate: CalendarDate;
  number: string;
}

/** Open invoices first, soonest due first; then the settled ones, newest first. */
export function compareLedgerRows(a: OrderedRow, b: OrderedRow): number {
  if (a.nextDueDate !== b.nextDueDate) {
    if (a.nextDueDate === null) return 1;
    if (b.nextDueDate === null) return -1;
    return a.nextDueDate < b.nextDueDate ? -1 : 1;
  }
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? 1 : -1;
  return compareNumbersDescending(a, b);
}

function compareNumbersDescending(a: OrderedRow, b: OrderedRow): number {
  return a.number < b.number ? 1 : a.number > b.number ? -1 : 0;
}

const INDEX_SPAN = 2 ** 20;
const DATE_SPAN = 2 ** 16;
/** A settled invoice has no next due date: it sorts after every date. */
const NO_DUE = DATE_SPAN - 1;

/**
 * Sorts `rows` in place into `compareLedgerRows` order, as `rows.sort(compareLedgerRows)` does
 * (ties keep their incoming order), without calling a comparator per pair of objects: each row's
 * (due date, issue date, position) is packed into one number whose natural order is the wanted
 * one, a Float64Array sorts them natively, and only rows sharing both dates are then compared by
 * number. Dates become their rank among the dates present (16 bits each), positions take 20 bits:
 * 52 bits, exact in a double. Larger inputs fall back to the comparator.
 */
export function sortLedgerOrder<T extends OrderedRow>(rows: T[]): T[] {
  const n = rows.length;
  if (n < 2) return rows;
  if (n > INDEX_SPAN) return rows.sort(compareLedgerRows);
  const rank = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    const row = rows[i] as T;
    rank.set(row.issueDate, 0);
    if (row.nextDueDate !== null) rank.set(row.nextDueDate, 0);
  }
  if (rank.size >= NO_DUE) return rows.sort(compareLedgerRows);
  // ISO dates sort as strings; the default sort compares UTF-16 code units, as `<` does.
  const dates = [...rank.keys()].sort();
  for (let i = 0; i < dates.length; i += 1) rank.set(dates[i] as string, i);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const row = rows[i] as T;
    const due = row.nextDueDate === null ? NO_DUE : (rank.get(row.nextDueDate) as number);
    const issueDescending = NO_DUE - (rank.get(row.issueDate) as number);
    keys[i] = (due * DATE_SPAN + issueDescending) * INDEX_SPAN + i;
  }
  keys.sort();
  const sorted = new Array<T>(n);
  for (let i = 0; i < n; i += 1) sorted[i] = rows[(keys[i] as number) % INDEX_SPAN] as T;
  // Runs sharing both dates: by number, newest first; Array.prototype.sort is stable.
  let start = 0;
  while (start < n) {
    const dates = Math.floor((keys[start] as number) / INDEX_SPAN);
    let end = start + 1;
    while (end < n && Math.floor((keys[end] as number) / INDEX_SPAN) === dates) end += 1;
    if (end - start > 1) {
      const run = sorted.slice(start, end).sort(compareNumbersDescending);
      for (let i = 0; i < run.length; i += 1) sorted[start + i] = run[i] as T;
    }
    start = end;
  }
  for (let i = 0; i < n; i += 1) rows[i] = sorted[i] as T;
  return rows;
}
