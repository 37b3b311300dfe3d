// The Panel's read of the ledger's read model: every invoice, payment and allocation, and each
// invoice's dated collections joined client by client (a few rows each) instead of over 100,000.
import {
  isChunk,
  isCurrentMarker,
  isMoneyRow,
  type CompactInvoice,
  type LedgerModelRow,
  type ModelAllocation,
  type ModelPayment,
} from '../../../shared/domain/ledger-read-model';
import { readStoredInvoices, readStoredMoney } from '../../../shared/domain/ledger-model-decode';
import { dayNumberOf } from '../../../shared/domain/day-numbers';
import {
  groupCollections,
  type InvoiceCollections,
} from '../../../shared/domain/invoice-collections';
import { ledgerDayColumns, type LedgerDayColumns } from '../../../shared/domain/ledger-day-columns';
import type { CuentasDatabase } from './database';
import { loadPanelModel, type PanelModel } from './ledger-read-model';
import { derived, mirroredMoney, readMirror, type LedgerMirror } from './ledger-mirror';

export interface PanelHistories extends PanelModel {
  /** Aligned with `invoices`; null when the model was not ready (then joined by the caller). */
  collections: InvoiceCollections | null;
  /** The Panel's columns of `invoices` (ledger-day-columns.ts), made once per revision; or null. */
  dayColumns: LedgerDayColumns | null;
}

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

interface DecodedRows {
  invoiceRows: { clientId: string; invoices: readonly CompactInvoice[] }[];
  moneyRows: {
    owner: string;
    payments: readonly ModelPayment[];
    allocations: readonly ModelAllocation[];
  }[];
}

/** The mirror's rows, as readRows gives the stored ones. */
function mirroredRows(mirror: LedgerMirror): DecodedRows {
  return {
    invoiceRows: [...mirror.invoices].map(([clientId, entry]) => ({
      clientId,
      invoices: entry.invoices,
    })),
    moneyRows: [...mirroredMoney(mirror)].map(([owner, entry]) => ({ owner, ...entry })),
  };
}

/** The model's rows decoded, or null when one does not unpack (then read as loadPanelModel does). */
function readRows(rows: readonly LedgerModelRow[]): DecodedRows | null {
  const invoiceRows: DecodedRows['invoiceRows'] = [];
  const moneyRows: DecodedRows['moneyRows'] = [];
  for (const row of rows) {
    if (isChunk(row)) {
      const invoices = readStoredInvoices(row);
      if (!invoices) return null;
      invoiceRows.push({ clientId: row.clientId, invoices });
    } else if (isMoneyRow(row)) {
      const money = readStoredMoney(row);
      if (!money) return null;
      moneyRows.push({ owner: row.owner, ...money });
    }
  }
  return { invoiceRows, moneyRows };
}

/**
 * Every compact invoice, payment and allocation of the read model, as loadPanelModel gives them,
 * plus the collections. An allocation is looked up among its own client's invoices and payments;
 * the rare one pointing elsewhere (an invoice moved to another client) is joined by id at the end.
 */
export async function loadPanelHistories(db: CuentasDatabase): Promise<PanelHistories> {
  const mirror = await readMirror(db, { money: true });
  if (mirror) {
    // Joined once per revision; each caller gets its own arrays (the collections are shared).
    const joined = derived(mirror, 'panelHistories', () => {
      const model = joinHistories(mirroredRows(mirror));
      // Sorts each invoice's collections in place: they belong to this revision alone.
      const collections = model.collections;
      return collections
        ? { ...model, dayColumns: ledgerDayColumns(model.invoices, collections, model.payments) }
        : model;
    });
    return {
      invoices: [...joined.invoices],
      payments: [...joined.payments],
      allocations: [...joined.allocations],
      collections: joined.collections,
      dayColumns: joined.dayColumns,
    };
  }
  const rows = await db.ledgerChunks.toArray();
  const read = rows.some(isCurrentMarker) ? readRows(rows) : null;
  if (!read) return { ...(await loadPanelModel(db)), collections: null, dayColumns: null };
  return joinHistories(read);
}

/** The invoices, payments and allocations in row order, and each invoice's dated collections. */
function joinHistories({ invoiceRows, moneyRows }: DecodedRows): PanelHistories {
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
  model.collections = groupCollections(model.invoices.length, slots, days, cents);
  return model;
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
