// The Panel's whole join and day columns as they were before they were put together per client
// (issue 14, panel4): joinHistories then ledgerDayColumns over every row, copied whole so later
// changes to those modules cannot move the perf test's "before". A test baseline only, never
// imported by the app.
import type { CalendarDate } from '../../../../../shared/domain/dates';
import { dayNumberOf } from '../../../../../shared/domain/day-numbers';
import { settleDues, settledCentsOf } from '../../../../../shared/domain/invoice';
import {
  groupCollections,
  type InvoiceCollections,
} from '../../../../../shared/domain/invoice-collections';
import type { CompactInvoice } from '../../../../../shared/domain/ledger-read-model';
import { sortByDay, type LedgerDayColumns } from '../../../../../shared/domain/ledger-day-columns';
import type { Cents } from '../../../../../shared/domain/money';
import type { DueRecord, InvoiceRecord } from '../../../../../shared/domain/records';
import type { PanelHistories } from '../../../../../renderer/src/db/panel-histories';
import type { DecodedRows } from '../../../../../renderer/src/db/panel-join';

/** Where `id` is in `ids` [from, to): binary search when sorted (the model keeps ids in order). */
function positionOf(
  ids: readonly { id: string }[],
  from: number,
  to: number,
  sorted: boolean,
  id: string,
): number {
  if (!sorted) {
    for (let i = from; i < to; i += 1) if ((ids[i] as { id: string }).id === id) return i;
    return -1;
  }
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const key = (ids[middle] as { id: string }).id;
    if (key < id) low = middle + 1;
    else if (key > id) high = middle;
    else return middle;
  }
  return -1;
}

function ascending(rows: readonly { id: string }[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i += 1) {
    if ((rows[i - 1] as { id: string }).id >= (rows[i] as { id: string }).id) return false;
  }
  return true;
}

/**
 * joinHistories, telling too how many allocations were not found in their own client's rows (each
 * then joined by id over the whole of `rows`): with none, a client's collections follow from its
 * own rows alone (what panel-pieces.ts relies on).
 */
function joinRows({ invoiceRows, moneyRows }: DecodedRows): {
  model: PanelHistories;
  collections: InvoiceCollections;
  strayCount: number;
} {
  const model: PanelHistories = {
    invoices: [],
    payments: [],
    allocations: [],
    collections: null,
    dayColumns: null,
  };
  const rangeOf = new Map<string, { from: number; to: number; sorted: boolean }>();
  for (const row of invoiceRows) {
    const from = model.invoices.length;
    for (const invoice of row.invoices) model.invoices.push(invoice);
    const to = model.invoices.length;
    rangeOf.set(row.clientId, { from, to, sorted: ascending(model.invoices, from, to) });
  }
  const slots: number[] = [];
  const days: number[] = [];
  const cents: number[] = [];
  const strays: number[] = [];
  for (const row of moneyRows) {
    const { payments } = row;
    const paymentsSorted = ascending(payments, 0, payments.length);
    const range = rangeOf.get(row.owner) ?? { from: 0, to: 0, sorted: true };
    for (const payment of payments) model.payments.push(payment);
    for (const allocation of row.allocations) {
      model.allocations.push(allocation);
      const slot = positionOf(
        model.invoices,
        range.from,
        range.to,
        range.sorted,
        allocation.invoiceId,
      );
      const at = positionOf(payments, 0, payments.length, paymentsSorted, allocation.paymentId);
      slots.push(slot);
      days.push(at < 0 ? 0 : dayNumberOf((payments[at] as { date: string }).date));
      cents.push(allocation.amountCents);
      if (slot < 0 || at < 0) strays.push(slots.length - 1);
    }
  }
  if (strays.length > 0) joinStrays(model, strays, slots, days);
  const collections = groupCollections(model.invoices.length, slots, days, cents);
  model.collections = collections;
  return { model, collections, strayCount: strays.length };
}

/** The allocations not found in their client's rows, joined by id over the whole model. */
function joinStrays(model: PanelHistories, strays: number[], slots: number[], days: number[]) {
  const slotOf = new Map<string, number>();
  model.invoices.forEach((invoice: CompactInvoice, index) => slotOf.set(invoice.id, index));
  const dayOf = new Map<string, number>();
  for (const payment of model.payments) dayOf.set(payment.id, dayNumberOf(payment.date));
  for (const a of strays) {
    const allocation = model.allocations[a] as PanelHistories['allocations'][number];
    const slot = slotOf.get(allocation.invoiceId);
    const day = dayOf.get(allocation.paymentId);
    // An allocation to a payment that is not there has no date: it is not a collection.
    slots[a] = slot === undefined || day === undefined ? -1 : slot;
    days[a] = day ?? 0;
  }
}

/**
 * Dues in columns: row r's are [starts[r], starts[r + 1]), in the order settleDues gives them (by
 * date, stable), with their day number (dayNumberOf), amount, and the part left once what was paid
 * and credited (settledCentsOf) settled them oldest first (settleDues' outstandingCents).
 */
interface DueColumns {
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
function dueColumnsOf(
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
    let at = starts[i] as number;
    if (at === starts[i + 1]) continue;
    const invoice = invoices[i] as DueSource;
    for (const due of settleDues(invoice.dues, settledCentsOf(invoice))) {
      columns.days[at] = dayNumberOf(due.dueDate);
      columns.cents[at] = due.amountCents;
      columns.openCents[at] = due.outstandingCents;
      at += 1;
    }
  }
  return columns;
}

type ColumnInvoice = DueSource &
  Pick<InvoiceRecord, 'lifecycle' | 'issueDate' | 'payableCents' | 'outstandingCents'>;

/** The columns of `invoices`, whose collections are `collections` (sorted here, in place). */
function ledgerDayColumns(
  invoices: readonly ColumnInvoice[],
  collections: InvoiceCollections,
  payments: readonly { date: CalendarDate }[] = [],
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
    paymentDays: Float64Array.from(payments, (payment) => dayNumberOf(payment.date)),
  };
}

/** The revision's join and columns as the loader made them before the pieces: all of it, every time. */
export function panelColumnsBefore(rows: DecodedRows): PanelHistories & {
  dayColumns: LedgerDayColumns;
} {
  const { model, collections } = joinRows(rows);
  return { ...model, dayColumns: ledgerDayColumns(model.invoices, collections, model.payments) };
}
