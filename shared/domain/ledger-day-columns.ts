// Each invoice's dates as day numbers and its dues in columns, derived once per revision of the
// ledger: what the Panel's walk reads every time it opens instead of parsing dates and settling dues.
import type { CalendarDate } from './dates';
import { dayNumberOf } from './day-numbers';
import { inDateOrder, settleDues, settledCentsOf, type SettledDue } from './invoice';
import type { InvoiceCollections } from './invoice-collections';
import type { Cents } from './money';
import type { DueRecord, InvoiceRecord } from './records';

/**
 * Dues in columns: row r's are [starts[r], starts[r + 1]), in the order settleDues gives them (by
 * date, stable), with their day number (dayNumberOf), amount, and the part left once what was paid
 * and credited (settledCentsOf) settled them oldest first (settleDues' outstandingCents).
 */
export interface DueColumns {
  starts: Int32Array;
  days: Float64Array;
  cents: Float64Array;
  openCents: Float64Array;
}

interface DueSource {
  dues: readonly DueRecord[];
  paidCents: Cents;
  /** Credit notes settle dues like payments (absent = 0). */
  creditedCents?: Cents;
}

/** The dues of `invoices` in columns; a row for which `skip(index)` is true gets none. */
export function dueColumnsOf(
  invoices: readonly DueSource[],
  skip?: (index: number) => boolean,
): DueColumns {
  const starts = new Int32Array(invoices.length + 1);
  let total = 0;
  for (let i = 0; i < invoices.length; i += 1) {
    starts[i] = total;
    if (!skip?.(i)) total += (invoices[i] as DueSource).dues.length;
  }
  starts[invoices.length] = total;
  const columns: DueColumns = {
    starts,
    days: new Float64Array(total),
    cents: new Float64Array(total),
    openCents: new Float64Array(total),
  };
  for (let i = 0; i < invoices.length; i += 1) {
    const at = starts[i] as number;
    if (at === starts[i + 1]) continue;
    const invoice = invoices[i] as DueSource;
    if (inDateOrder(invoice.dues)) settleInto(columns, at, invoice.dues, settledCentsOf(invoice));
    else settledInto(columns, at, settleDues(invoice.dues, settledCentsOf(invoice)));
  }
  return columns;
}

/**
 * settleDues of dues already in date order, written straight into the columns from `at`: a million
 * invoices' dues without an object each (the same arithmetic, oldest first).
 */
function settleInto(columns: DueColumns, at: number, dues: readonly DueRecord[], paid: Cents) {
  let remaining = Math.max(0, paid);
  for (let k = 0; k < dues.length; k += 1) {
    const due = dues[k] as DueRecord;
    const amount = due.amountCents;
    const settled = Math.min(Math.max(0, amount), remaining);
    remaining -= settled;
    columns.days[at + k] = dayNumberOf(due.dueDate);
    columns.cents[at + k] = amount;
    columns.openCents[at + k] = amount - settled;
  }
}

/** Dues settled by settleDues (the rare invoice whose dues are not by date), into the columns. */
function settledInto(columns: DueColumns, at: number, dues: readonly SettledDue[]) {
  dues.forEach((due, k) => {
    columns.days[at + k] = dayNumberOf(due.dueDate);
    columns.cents[at + k] = due.amountCents;
    columns.openCents[at + k] = due.outstandingCents;
  });
}

type ColumnInvoice = DueSource &
  Pick<InvoiceRecord, 'lifecycle' | 'issueDate' | 'payableCents' | 'outstandingCents'>;

/**
 * What the Panel reads of each invoice as numbers, aligned with its invoices: made once per revision
 * of the ledger (ledger-mirror's `derived`), read on every open. Only issued invoices have dues here
 * (the others count nowhere on the Panel).
 */
export interface LedgerDayColumns extends DueColumns {
  /** How many invoices the columns were made from (they are aligned with that list). */
  count: number;
  /** Issued invoices with something outstanding, by position, in the invoices' order. */
  open: Int32Array;
  /** The issue date's day number; NaN when not issued. */
  issueDays: Float64Array;
  /** The day the collections reached the payable amount; Infinity while owed, -Infinity if not issued. */
  settledDays: Float64Array;
  /** The last collection's day; -Infinity when none (or not issued). */
  lastCollectionDays: Float64Array;
  /** The invoices' collections, each invoice's sorted by day in place (see history-walk.ts). */
  collections: InvoiceCollections;
  /** The day number of each payment of the list given (the Panel's collected weeks); may be empty. */
  paymentDays: Float64Array;
}

/**
 * Sorts the pairs (days[i], cents[i]) for i in [from, to) by day: a history has a handful, so
 * insertion sort. Equal days may end in any order: every tally treats a day's collections alike.
 */
export function sortByDay(days: Float64Array, cents: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i += 1) {
    const day = days[i] as number;
    const amount = cents[i] as number;
    let j = i - 1;
    while (j >= from && (days[j] as number) > day) {
      days[j + 1] = days[j] as number;
      cents[j + 1] = cents[j] as number;
      j -= 1;
    }
    days[j + 1] = day;
    cents[j + 1] = amount;
  }
}

/**
 * The columns of `invoices`, whose collections are `collections` (sorted here, in place);
 * `paymentDays`, the payments' day numbers when the caller has them already (the join does).
 */
export function ledgerDayColumns(
  invoices: readonly ColumnInvoice[],
  collections: InvoiceCollections,
  payments: readonly { date: CalendarDate }[] = [],
  paymentDays?: Float64Array,
): LedgerDayColumns {
  const n = invoices.length;
  const dues = dueColumnsOf(invoices, (i) => (invoices[i] as ColumnInvoice).lifecycle !== 'issued');
  const issueDays = new Float64Array(n);
  const settledDays = new Float64Array(n);
  const lastCollectionDays = new Float64Array(n);
  const open: number[] = [];
  const { starts, days, cents } = collections;
  for (let i = 0; i < n; i += 1) {
    const invoice = invoices[i] as ColumnInvoice;
    if (invoice.lifecycle !== 'issued') {
      issueDays[i] = NaN;
      settledDays[i] = -Infinity;
      lastCollectionDays[i] = -Infinity;
      continue;
    }
    if (invoice.outstandingCents > 0) open.push(i);
    issueDays[i] = dayNumberOf(invoice.issueDate);
    const from = starts[i] as number;
    const to = starts[i + 1] as number;
    if (to - from > 1) sortByDay(days, cents, from, to);
    const payable: Cents = invoice.payableCents;
    let settledDay = Infinity;
    let paid = 0;
    for (let c = from; c < to; c += 1) {
      paid += cents[c] as number;
      if (paid >= payable) {
        settledDay = days[c] as number;
        break;
      }
    }
    settledDays[i] = settledDay;
    lastCollectionDays[i] = to > from ? (days[to - 1] as number) : -Infinity;
  }
  return {
    ...dues,
    count: n,
    open: Int32Array.from(open),
    issueDays,
    settledDays,
    lastCollectionDays,
    collections,
    paymentDays:
      paymentDays?.length === payments.length
        ? paymentDays
        : Float64Array.from(payments, (payment) => dayNumberOf(payment.date)),
  };
}
