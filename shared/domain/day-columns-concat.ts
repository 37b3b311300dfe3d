// The Panel's day columns of a whole ledger put together from ranges of columns already made (a
// client's rows from the last revision, or from its own columns when it was written since): copying
// numbers instead of settling dues and parsing dates again.
import type { LedgerDayColumns } from './ledger-day-columns';

/** Rows [from, to) of `columns`: invoices, or payments when it is a range of `paymentDays`. */
export interface ColumnRange {
  columns: LedgerDayColumns;
  from: number;
  to: number;
}

/** The ranges without empty ones, neighbours of the same columns made one (a few copies, not one per client). */
function coalesced(ranges: readonly ColumnRange[]): ColumnRange[] {
  const out: ColumnRange[] = [];
  let last: ColumnRange | null = null;
  for (const range of ranges) {
    if (range.to <= range.from) continue;
    if (last && last.columns === range.columns && last.to === range.from) {
      last.to = range.to;
      continue;
    }
    last = { ...range };
    out.push(last);
  }
  return out;
}

/** The first position of sorted `rows` holding `row` or more. */
function firstAtOrAfter(rows: Int32Array, row: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((rows[middle] as number) < row) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** `starts[from..to]` shifted to begin at `at`, into `target` from `row`. */
function copyStarts(
  target: Int32Array,
  row: number,
  starts: Int32Array,
  from: number,
  to: number,
  at: number,
): void {
  const shift = at - (starts[from] as number);
  for (let i = from; i <= to; i += 1) target[row + i - from] = (starts[i] as number) + shift;
}

/**
 * The columns of the invoices of `rows` one after another (then ledgerDayColumns of the joined
 * invoices, when each range's collections hold all of its invoices'), and the payment days of
 * `payments` one after another. Made anew: the ranges' columns are only read.
 */
export function concatDayColumns(
  rows: readonly ColumnRange[],
  payments: readonly ColumnRange[],
): LedgerDayColumns {
  const runs = coalesced(rows);
  let count = 0;
  let dueCount = 0;
  let collectionCount = 0;
  let openCount = 0;
  for (const { columns, from, to } of runs) {
    count += to - from;
    dueCount += (columns.starts[to] as number) - (columns.starts[from] as number);
    const collectionStarts = columns.collections.starts;
    collectionCount += (collectionStarts[to] as number) - (collectionStarts[from] as number);
    openCount += firstAtOrAfter(columns.open, to) - firstAtOrAfter(columns.open, from);
  }
  const out: LedgerDayColumns = {
    starts: new Int32Array(count + 1),
    days: new Float64Array(dueCount),
    cents: new Float64Array(dueCount),
    openCents: new Float64Array(dueCount),
    count,
    open: new Int32Array(openCount),
    issueDays: new Float64Array(count),
    settledDays: new Float64Array(count),
    lastCollectionDays: new Float64Array(count),
    collections: {
      starts: new Int32Array(count + 1),
      days: new Float64Array(collectionCount),
      cents: new Float64Array(collectionCount),
    },
    paymentDays: new Float64Array(0),
  };
  let row = 0;
  let due = 0;
  let collection = 0;
  let open = 0;
  for (const { columns, from, to } of runs) {
    const dueFrom = columns.starts[from] as number;
    const dueTo = columns.starts[to] as number;
    copyStarts(out.starts, row, columns.starts, from, to, due);
    out.days.set(columns.days.subarray(dueFrom, dueTo), due);
    out.cents.set(columns.cents.subarray(dueFrom, dueTo), due);
    out.openCents.set(columns.openCents.subarray(dueFrom, dueTo), due);
    out.issueDays.set(columns.issueDays.subarray(from, to), row);
    out.settledDays.set(columns.settledDays.subarray(from, to), row);
    out.lastCollectionDays.set(columns.lastCollectionDays.subarray(from, to), row);
    const source = columns.collections;
    const collectionFrom = source.starts[from] as number;
    const collectionTo = source.starts[to] as number;
    copyStarts(out.collections.starts, row, source.starts, from, to, collection);
    out.collections.days.set(source.days.subarray(collectionFrom, collectionTo), collection);
    out.collections.cents.set(source.cents.subarray(collectionFrom, collectionTo), collection);
    const openTo = firstAtOrAfter(columns.open, to);
    for (let k = firstAtOrAfter(columns.open, from); k < openTo; k += 1) {
      out.open[open] = (columns.open[k] as number) - from + row;
      open += 1;
    }
    row += to - from;
    due += dueTo - dueFrom;
    collection += collectionTo - collectionFrom;
  }
  const paymentRuns = coalesced(payments);
  out.paymentDays = new Float64Array(paymentRuns.reduce((sum, run) => sum + run.to - run.from, 0));
  let payment = 0;
  for (const { columns, from, to } of paymentRuns) {
    out.paymentDays.set(columns.paymentDays.subarray(from, to), payment);
    payment += to - from;
  }
  return out;
}
