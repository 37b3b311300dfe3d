// Read helpers for the views (wrapped in useLiveQuery by the UI); they never write.
import type {
  ActivityRecord,
  AllocationRecord,
  ClientRecord,
  InvoiceRecord,
  PaymentRecord,
} from '../../../shared/domain/records';
import {
  invoiceState,
  totalsOf,
  type ClientState,
  type InvoiceState,
} from '../../../shared/domain/ledger-state';
import { loadStateFacts, stateContext } from './ledger-queries';
import type { CuentasDatabase } from './database';
import { loadClientModel, loadClientsByName } from './ledger-read-model';

export interface ClientWithBalance extends ClientRecord {
  outstandingCents: number;
  /** The unpaid part of dues that fell due before today. */
  overdueCents: number;
  invoiceCount: number;
  /** Unallocated payments: money the client has paid in advance. */
  creditCents: number;
}

export interface LedgerInvoice extends InvoiceRecord {
  clientName: string;
}

export interface PaymentWithAllocations extends PaymentRecord {
  allocations: AllocationRecord[];
}

export interface ClientDetail {
  client: ClientRecord;
  invoices: InvoiceRecord[];
  payments: PaymentWithAllocations[];
  activities: ActivityRecord[];
}

export type TableCounts = Record<
  | 'clients'
  | 'invoices'
  | 'payments'
  | 'allocations'
  | 'activities'
  | 'promises'
  | 'plans'
  | 'disputes',
  number
>;

/** Clients by name with their balances, from the ledger's read model (ledger-read-model.ts). */
export async function listClientsWithBalance(
  db: CuentasDatabase,
  today: string,
): Promise<ClientWithBalance[]> {
  const [clients, model, facts] = await Promise.all([
    loadClientsByName(db),
    loadClientModel(db),
    loadStateFacts(db),
  ]);
  const invoices = model.invoices;
  const ctx = stateContext(facts, invoices, today);
  const rows = new Map<string, ClientWithBalance>(
    clients.map((client) => [
      client.id,
      { ...client, outstandingCents: 0, overdueCents: 0, invoiceCount: 0, creditCents: 0 },
    ]),
  );
  for (const [clientId, count] of model.invoiceCountByClient) {
    const row = rows.get(clientId);
    if (row) row.invoiceCount = count;
  }
  for (const invoice of invoices) {
    const row = rows.get(invoice.clientId);
    if (!row) continue;
    const state = invoiceState(invoice, ctx);
    row.outstandingCents += state.outstandingCents;
    row.overdueCents += state.overdueCents;
  }
  for (const [clientId, credit] of model.creditByClient) {
    const row = rows.get(clientId);
    if (row) row.creditCents += credit;
  }
  return [...rows.values()];
}

function compareLedger(a: InvoiceRecord, b: InvoiceRecord): number {
  // Open invoices first by next due date; settled ones after, newest first.
  if (a.nextDueDate !== b.nextDueDate) {
    if (a.nextDueDate === null) return 1;
    if (b.nextDueDate === null) return -1;
    return a.nextDueDate < b.nextDueDate ? -1 : 1;
  }
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? 1 : -1;
  return a.number < b.number ? 1 : a.number > b.number ? -1 : 0;
}

export async function listInvoicesForLedger(db: CuentasDatabase): Promise<LedgerInvoice[]> {
  const [clients, invoices] = await Promise.all([db.clients.toArray(), db.invoices.toArray()]);
  const names = new Map(clients.map((client) => [client.id, client.name]));
  return invoices
    .sort(compareLedger)
    .map((invoice) => ({ ...invoice, clientName: names.get(invoice.clientId) ?? '' }));
}

const newestFirst =
  <T extends { createdAt: string }>(dateOf: (row: T) => string) =>
  (a: T, b: T): number => {
    const byDate = dateOf(b).localeCompare(dateOf(a));
    return byDate !== 0 ? byDate : b.createdAt.localeCompare(a.createdAt);
  };

export async function getClientDetail(
  db: CuentasDatabase,
  clientId: string,
): Promise<ClientDetail | undefined> {
  const client = await db.clients.get(clientId);
  if (!client) return undefined;
  const [invoices, payments, allocations, activities] = await Promise.all([
    db.invoices.where('clientId').equals(clientId).toArray(),
    db.payments.where('clientId').equals(clientId).toArray(),
    db.allocations.where('clientId').equals(clientId).toArray(),
    db.activities.where('clientId').equals(clientId).toArray(),
  ]);
  const byPayment = new Map<string, AllocationRecord[]>();
  for (const allocation of allocations) {
    const list = byPayment.get(allocation.paymentId) ?? [];
    list.push(allocation);
    byPayment.set(allocation.paymentId, list);
  }
  return {
    client,
    invoices: invoices.sort(newestFirst<InvoiceRecord>((row) => row.issueDate)),
    payments: payments
      .sort(newestFirst<PaymentRecord>((row) => row.date))
      .map((payment) => ({ ...payment, allocations: byPayment.get(payment.id) ?? [] })),
    activities: activities.sort(newestFirst<ActivityRecord>((row) => row.date)),
  };
}

export interface ClientStateView {
  totals: ClientState;
  invoices: Map<string, InvoiceState>;
}

/** A client's figures and each of its invoices' state (ledger-state.ts), as every screen reads them. */
export async function getClientState(
  db: CuentasDatabase,
  clientId: string,
  today: string,
): Promise<ClientStateView> {
  const [invoices, facts] = await Promise.all([
    db.invoices.where('clientId').equals(clientId).toArray(),
    loadStateFacts(db),
  ]);
  const ctx = stateContext(facts, invoices, today);
  const states = new Map(invoices.map((invoice) => [invoice.id, invoiceState(invoice, ctx)]));
  return { totals: totalsOf(invoices, ctx), invoices: states };
}

export async function countAll(db: CuentasDatabase): Promise<TableCounts> {
  const [clients, invoices, payments, allocations, activities, promises, plans, disputes] =
    await Promise.all([
      db.clients.count(),
      db.invoices.count(),
      db.payments.count(),
      db.allocations.count(),
      db.activities.count(),
      db.promises.count(),
      db.plans.count(),
      db.disputes.count(),
    ]);
  return { clients, invoices, payments, allocations, activities, promises, plans, disputes };
}

/** Every client by name, for pickers and lookups. */
export function listClients(db: CuentasDatabase): Promise<ClientRecord[]> {
  return db.clients.orderBy('name').toArray();
}
