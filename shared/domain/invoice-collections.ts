// Each invoice's collections (its allocations, dated by their payment), grouped in columns.
import type { CalendarDate } from './dates';
import type { Cents } from './money';
import { dayNumberOf } from './day-numbers';

/**
 * The collections of a list of invoices, in columns: invoice i's are [starts[i], starts[i + 1])
 * of `days` (the payment's day number, dayNumberOf) and `cents`, in no particular order. An
 * allocation whose payment is not known has no date and is left out.
 */
export interface InvoiceCollections {
  starts: Int32Array;
  days: Float64Array;
  cents: Float64Array;
}

/**
 * Groups joined allocations by invoice (a counting sort: no object per allocation). `slots[a]` is
 * the position of allocation a's invoice in the list, or -1 to leave it out.
 */
export function groupCollections(
  invoiceCount: number,
  slots: ArrayLike<number>,
  days: ArrayLike<number>,
  cents: ArrayLike<number>,
): InvoiceCollections {
  const starts = new Int32Array(invoiceCount + 1);
  for (let a = 0; a < slots.length; a += 1) {
    const slot = slots[a] as number;
    if (slot >= 0) starts[slot + 1] = (starts[slot + 1] as number) + 1;
  }
  for (let i = 1; i < starts.length; i += 1) {
    starts[i] = (starts[i] as number) + (starts[i - 1] as number);
  }
  const total = starts[invoiceCount] as number;
  const out: InvoiceCollections = {
    starts,
    days: new Float64Array(total),
    cents: new Float64Array(total),
  };
  const cursor = starts.slice(0, invoiceCount);
  for (let a = 0; a < slots.length; a += 1) {
    const slot = slots[a] as number;
    if (slot < 0) continue;
    const at = cursor[slot] as number;
    cursor[slot] = at + 1;
    out.days[at] = days[a] as number;
    out.cents[at] = cents[a] as number;
  }
  return out;
}

/**
 * The collections of `invoices` from every allocation and payment, joined by id (two maps). What
 * a caller without the ledger's per-client grouping uses; see panel-histories.ts for the other.
 */
export function joinCollections(
  invoices: readonly { id: string }[],
  allocations: readonly { invoiceId: string; paymentId: string; amountCents: Cents }[],
  payments: readonly { id: string; date: CalendarDate }[],
): InvoiceCollections {
  const slotOf = new Map<string, number>();
  for (let i = 0; i < invoices.length; i += 1) {
    slotOf.set((invoices[i] as { id: string }).id, i);
  }
  const paymentDay = new Map<string, number>();
  for (const payment of payments) paymentDay.set(payment.id, dayNumberOf(payment.date));
  const slots = new Int32Array(allocations.length);
  const days = new Float64Array(allocations.length);
  const cents = new Float64Array(allocations.length);
  for (let a = 0; a < allocations.length; a += 1) {
    const allocation = allocations[a] as (typeof allocations)[number];
    const slot = slotOf.get(allocation.invoiceId);
    const day = slot === undefined ? undefined : paymentDay.get(allocation.paymentId);
    slots[a] = slot === undefined || day === undefined ? -1 : slot;
    days[a] = day ?? 0;
    cents[a] = allocation.amountCents;
  }
  return groupCollections(invoices.length, slots, days, cents);
}
