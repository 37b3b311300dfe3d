// Hoy's data, read through indexes: open invoices only, stored risk summaries, and the payments of
// just the clients with promises, instead of every invoice, allocation and payment.
import Dexie from 'dexie';
import type {
  AllocationRecord,
  ClientHistoryRecord,
  InvoiceRecord,
  PaymentRecord,
} from '../../../shared/domain/records';
import type { CuentasDatabase } from './database';
import { getClientHistories } from './client-history';
import { group, isOpen, type ClientData } from './collections-data';

export interface WorklistData {
  /** Per client; `invoices` holds only its open invoices, allocations/payments only if promised. */
  clients: ClientData[];
  histories: Map<string, ClientHistoryRecord>;
}

export async function loadWorklistData(db: CuentasDatabase): Promise<WorklistData> {
  const [clients, open, activities, promises, events] = await Promise.all([
    db.clients.toArray(),
    // nextDueDate is null once settled and IndexedDB skips nulls: this is the open set.
    db.invoices
      .where('[lifecycle+nextDueDate]')
      .between(['issued', Dexie.minKey], ['issued', Dexie.maxKey])
      .toArray(),
    db.activities.toArray(),
    db.promises.toArray(),
    db.dunningEvents.toArray(),
  ]);
  const promised = [...new Set(promises.map((row) => row.clientId))];
  const [allocations, payments, histories]: [
    AllocationRecord[],
    PaymentRecord[],
    Map<string, ClientHistoryRecord>,
  ] = await Promise.all([
    promised.length === 0 ? [] : db.allocations.where('clientId').anyOf(promised).toArray(),
    promised.length === 0 ? [] : db.payments.where('clientId').anyOf(promised).toArray(),
    getClientHistories(
      db,
      clients.map((client) => client.id),
    ),
  ]);
  const by = <T extends { clientId: string }>(rows: T[]) => group(rows, (row) => row.clientId);
  // Primary-key order, as a full read gives it: equal priorities keep the same order on screen.
  const openSorted = open
    .filter((invoice: InvoiceRecord) => isOpen(invoice))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const inv = group(openSorted, (row) => row.clientId);
  const [alloc, pay, act, prom, ev] = [
    by(allocations),
    by(payments),
    by(activities),
    by(promises),
    by(events),
  ];
  return {
    clients: clients.map((client) => ({
      client,
      invoices: inv.get(client.id) ?? [],
      allocations: alloc.get(client.id) ?? [],
      payments: pay.get(client.id) ?? [],
      activities: act.get(client.id) ?? [],
      promises: prom.get(client.id) ?? [],
      dunningEvents: ev.get(client.id) ?? [],
    })),
    histories,
  };
}
