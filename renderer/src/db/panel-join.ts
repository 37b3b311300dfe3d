// The Panel's join of the read model's rows: each invoice's dated collections found client by client
// (a few rows each) instead of over 100,000, and the rare allocation pointing elsewhere by id.
import type {
  CompactInvoice,
  ModelAllocation,
  ModelPayment,
} from '../../../shared/domain/ledger-read-model';
import { dayNumberOf } from '../../../shared/domain/day-numbers';
import { joinedLists } from '../../../shared/domain/list-copies';
import {
  groupCollections,
  type InvoiceCollections,
} from '../../../shared/domain/invoice-collections';
import type { PanelHistories } from './panel-histories';

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

/**
 * positionOf, trying first `guess` and the row after it: a client's allocations mostly follow its
 * invoices' and payments' order, so most are found without a search. Only over sorted ids, where
 * an id is at one place at most (unsorted, positionOf gives the first of equal ids).
 */
function positionNear(
  ids: readonly { id: string }[],
  from: number,
  to: number,
  sorted: boolean,
  id: string,
  guess: number,
): number {
  if (sorted) {
    if (guess >= from && guess < to && (ids[guess] as { id: string }).id === id) return guess;
    const next = guess + 1;
    if (next >= from && next < to && (ids[next] as { id: string }).id === id) return next;
  }
  return positionOf(ids, from, to, sorted, id);
}

function ascending(rows: readonly { id: string }[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i += 1) {
    if ((rows[i - 1] as { id: string }).id >= (rows[i] as { id: string }).id) return false;
  }
  return true;
}

/** The model's rows, each client's invoices and each owner's money, in key order. */
export interface DecodedRows {
  invoiceRows: { clientId: string; invoices: readonly CompactInvoice[] }[];
  moneyRows: {
    owner: string;
    payments: readonly ModelPayment[];
    allocations: readonly ModelAllocation[];
  }[];
}

/** The invoices, payments and allocations in row order, and each invoice's dated collections. */
export function joinHistories(rows: DecodedRows): PanelHistories {
  return joinRows(rows).model;
}

/**
 * joinHistories, telling too how many allocations were not found in their own client's rows (each
 * then joined by id over the whole of `rows`): with none, a client's collections follow from its
 * own rows alone (what panel-pieces.ts relies on).
 */
export function joinRows({ invoiceRows, moneyRows }: DecodedRows): {
  model: PanelHistories;
  collections: InvoiceCollections;
  /** Each payment's day number, aligned with the model's payments. */
  paymentDays: Float64Array;
  strayCount: number;
} {
  // Every list made at its length: a million rows pushed one by one would grow them again and again.
  const model: PanelHistories = {
    invoices: joinedLists(invoiceRows.map((row) => row.invoices)),
    payments: joinedLists(moneyRows.map((row) => row.payments)),
    allocations: joinedLists(moneyRows.map((row) => row.allocations)),
    collections: null,
    dayColumns: null,
  };
  const rangeOf = new Map<string, { from: number; to: number; sorted: boolean }>();
  let from = 0;
  for (const row of invoiceRows) {
    const to = from + row.invoices.length;
    rangeOf.set(row.clientId, { from, to, sorted: ascending(model.invoices, from, to) });
    from = to;
  }
  const paymentDays = new Float64Array(model.payments.length);
  const slots = new Int32Array(model.allocations.length);
  const days = new Float64Array(model.allocations.length);
  const cents = new Float64Array(model.allocations.length);
  const strays: number[] = [];
  let paymentAt = 0;
  let a = 0;
  for (const row of moneyRows) {
    const { payments } = row;
    for (let p = 0; p < payments.length; p += 1) {
      paymentDays[paymentAt + p] = dayNumberOf((payments[p] as ModelPayment).date);
    }
    const paymentsSorted = ascending(payments, 0, payments.length);
    const range = rangeOf.get(row.owner) ?? { from: 0, to: 0, sorted: true };
    let slotGuess = range.from;
    let paymentGuess = 0;
    for (const allocation of row.allocations) {
      const slot = positionNear(
        model.invoices,
        range.from,
        range.to,
        range.sorted,
        allocation.invoiceId,
        slotGuess,
      );
      const at = positionNear(
        payments,
        0,
        payments.length,
        paymentsSorted,
        allocation.paymentId,
        paymentGuess,
      );
      if (slot >= 0) slotGuess = slot;
      if (at >= 0) paymentGuess = at;
      slots[a] = slot;
      days[a] = at < 0 ? 0 : (paymentDays[paymentAt + at] as number);
      cents[a] = allocation.amountCents;
      if (slot < 0 || at < 0) strays.push(a);
      a += 1;
    }
    paymentAt += payments.length;
  }
  if (strays.length > 0) joinStrays(model, paymentDays, strays, slots, days);
  const collections = groupCollections(model.invoices.length, slots, days, cents);
  model.collections = collections;
  return { model, collections, paymentDays, strayCount: strays.length };
}

/** The allocations not found in their client's rows, joined by id over the whole model. */
function joinStrays(
  model: PanelHistories,
  paymentDays: Float64Array,
  strays: readonly number[],
  slots: Int32Array,
  days: Float64Array,
) {
  const slotOf = new Map<string, number>();
  model.invoices.forEach((invoice: CompactInvoice, index) => slotOf.set(invoice.id, index));
  const dayOf = new Map<string, number>();
  model.payments.forEach((payment, p) => dayOf.set(payment.id, paymentDays[p] as number));
  for (const a of strays) {
    const allocation = model.allocations[a] as PanelHistories['allocations'][number];
    const slot = slotOf.get(allocation.invoiceId);
    const day = dayOf.get(allocation.paymentId);
    // An allocation to a payment that is not there has no date: it is not a collection.
    slots[a] = slot === undefined || day === undefined ? -1 : slot;
    days[a] = day ?? 0;
  }
}
