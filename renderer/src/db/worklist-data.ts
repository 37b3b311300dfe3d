// Hoy's data: open invoices from the ledger's read model (compact columns, not whole records),
// stored risk summaries, and the payments of just the clients with promises.
import type {
  AllocationRecord,
  ClientHistoryRecord,
  PaymentRecord,
} from '../../../shared/domain/records';
import type { CompactInvoice } from '../../../shared/domain/ledger-read-model';
import type { CuentasDatabase } from './database';
import { getClientHistories } from './client-history';
import { group, isOpen, type ClientData } from './collections-data';
import { loadOpenCompactInvoices } from './ledger-read-model';

export interface WorklistData {
  /** Per client; `invoices` holds only its open invoices, allocations/payments only if promised. */
  clients: ClientData<CompactInvoice>[];
  histories: Map<string, ClientHistoryRecord>;
}

export async function loadWorklistData(db: CuentasDatabase): Promise<WorklistData> {
  const [clients, open, activities, promises, events] = await Promise.all([
    db.clients.toArray(),
    loadOpenCompactInvoices(db),
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
  // Id order within each client, as a full read gives it: equal priorities keep the same order.
  const openSorted = open
    .filter((invoice) => isOpen(invoice))
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
