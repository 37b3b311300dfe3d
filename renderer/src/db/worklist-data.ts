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
import { readMirror, WHOLE_TABLES } from './ledger-mirror';
import { historiesOfMirror } from './mirror-histories';
import { group, type ClientData } from './collections-data';
import {
  loadActivityRecords,
  loadClientRecords,
  loadOpenInvoicesByClient,
} from './ledger-read-model';

export interface WorklistData {
  /** Per client; `invoices` holds only its open invoices, allocations/payments only if promised. */
  clients: ClientData<CompactInvoice>[];
  histories: Map<string, ClientHistoryRecord>;
}

export async function loadWorklistData(db: CuentasDatabase): Promise<WorklistData> {
  // The risk summaries (kept per revision) start at once: they need the model, not the clients
  // read below. A failure is the second call's to report.
  void readMirror(db)
    .then((mirror) => mirror && historiesOfMirror(db, mirror, []))
    .catch(() => undefined);
  // Both whole tables in one read (getWorklist asks for them with the invoices): asked for apart,
  // the second would wait for the first.
  const tables = readMirror(db, { tables: WHOLE_TABLES });
  const [clients, open, activities, promises, events] = await Promise.all([
    tables.then(() => loadClientRecords(db)),
    loadOpenInvoicesByClient(db),
    tables.then(() => loadActivityRecords(db)),
    db.promises.toArray(),
    db.dunningEvents.toArray(),
  ]);
  const promised = [...new Set(promises.map((row) => row.clientId))];
  const clientIds = clients.map((client) => client.id);
  // Kept per client with the model in memory (a write makes only its clients' again); else as stored.
  const mirror = await readMirror(db);
  const [allocations, payments, histories]: [
    AllocationRecord[],
    PaymentRecord[],
    Map<string, ClientHistoryRecord>,
  ] = await Promise.all([
    promised.length === 0 ? [] : db.allocations.where('clientId').anyOf(promised).toArray(),
    promised.length === 0 ? [] : db.payments.where('clientId').anyOf(promised).toArray(),
    mirror ? historiesOfMirror(db, mirror, clientIds) : getClientHistories(db, clientIds),
  ]);
  const by = <T extends { clientId: string }>(rows: T[]) => group(rows, (row) => row.clientId);
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
      // Id order within each client, as a full read gives it: equal priorities keep the same order.
      // Shared with other reads of the same revision and frozen: read, never changed.
      invoices: (open.get(client.id) ?? []) as CompactInvoice[],
      allocations: alloc.get(client.id) ?? [],
      payments: pay.get(client.id) ?? [],
      activities: act.get(client.id) ?? [],
      promises: prom.get(client.id) ?? [],
      dunningEvents: ev.get(client.id) ?? [],
    })),
    histories,
  };
}
