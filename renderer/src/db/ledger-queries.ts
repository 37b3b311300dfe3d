// Reads for the ledger and the dashboard: slim rows built once, and the whole-ledger aggregates.
import {
  buildLedgerContext,
  invoiceState,
  type LedgerStateContext,
  type PlanFacts,
} from '../../../shared/domain/ledger-state';
import type {
  ActivityRecord,
  AllocationRecord,
  ClientRecord,
  InstallmentRecord,
  PaymentRecord,
  InvoiceLifecycle,
  InvoiceRecord,
  PromiseStatus,
  SavedViewRecord,
} from '../../../shared/domain/records';
import {
  buildAmountText,
  searchTailOf,
  searchTextPrefix,
  type FilterableRow,
} from '../../../shared/domain/ledger-filter';
import { sortLedgerOrder } from '../../../shared/domain/ledger-order';
import type { CalendarDate } from '../../../shared/domain/dates';
import { ValidationError } from '../../../shared/domain/validation';
import type { CuentasDatabase } from './database';
import type { CompactInvoice } from '../../../shared/domain/ledger-read-model';
import { loadActivityRecords, loadClientRecords, loadCompactInvoices } from './ledger-read-model';
import {
  derived,
  mirroredInvoiceList,
  mirroredTable,
  readMirror,
  WHOLE_TABLES,
} from './ledger-mirror';
import { loadPanelHistories } from './panel-histories';
import type { InvoiceCollections } from '../../../shared/domain/invoice-collections';
import type { LedgerDayColumns } from '../../../shared/domain/ledger-day-columns';

export interface LedgerRow extends FilterableRow {
  id: string;
  clientName: string;
  clientTaxId: string;
  number: string;
  totalCents: number;
  lifecycle: InvoiceLifecycle;
  daysOverdue: number;
}

export interface LedgerClient {
  id: string;
  name: string;
  taxId: string;
  creditLimitCents: number | null;
}

export interface LedgerData {
  readonly rows: readonly LedgerRow[];
  readonly clients: readonly LedgerClient[];
}

/** The facts the state of the ledger depends on besides the invoices (ledger-state.ts). */
export interface StateFacts {
  plans: PlanFacts[];
  installments: InstallmentRecord[];
  promises: { status: PromiseStatus; invoiceIds: string[] }[];
}

/** Active plans, their installments and open promises: small tables, read inside the caller's transaction. */
export async function loadStateFacts(db: CuentasDatabase): Promise<StateFacts> {
  const [plans, promises] = await Promise.all([
    db.plans.where('status').equals('active').toArray(),
    db.promises.where('status').equals('open').toArray(),
  ]);
  const planIds = plans.map((plan) => plan.id);
  const installments =
    planIds.length === 0 ? [] : await db.installments.where('planId').anyOf(planIds).toArray();
  return {
    plans: plans.map(({ id, clientId, status, invoiceIds }) => ({
      id,
      clientId,
      status,
      invoiceIds,
    })),
    installments,
    promises: promises.map(({ status, invoiceIds }) => ({ status, invoiceIds })),
  };
}

/** The context every screen derives its figures with; `invoices` must hold the plans' invoices. */
export function stateContext(
  facts: StateFacts,
  invoices: Iterable<CompactInvoice>,
  today: CalendarDate,
): LedgerStateContext {
  return buildLedgerContext({ today, ...facts, invoices });
}

/** One slim row per invoice: the record's description and dues are not kept, to save memory. */
export function toLedgerRow(
  invoice: CompactInvoice,
  client: LedgerClient | undefined,
  lastContactDate: CalendarDate | null,
  ctx: LedgerStateContext,
  /** `searchTextPrefix` of the client's name and tax id, when the caller keeps it per client. */
  prefix?: string,
): LedgerRow {
  const clientName = client?.name ?? '';
  const clientTaxId = client?.taxId ?? '';
  const state = invoiceState(invoice, ctx);
  const searchPrefix = prefix ?? searchTextPrefix(clientName, clientTaxId);
  const searchTail = searchTailOf(invoice.number);
  return {
    id: invoice.id,
    clientId: invoice.clientId,
    clientName,
    clientTaxId,
    number: invoice.number,
    issueDate: invoice.issueDate,
    nextDueDate: invoice.nextDueDate,
    payableCents: invoice.payableCents,
    outstandingCents: invoice.outstandingCents,
    overdueCents: state.overdueCents,
    totalCents: invoice.totalCents,
    lifecycle: invoice.lifecycle,
    status: state.status,
    inPlan: state.inPlan,
    daysOverdue: state.daysOverdue,
    bucket: state.bucket,
    lastContactDate,
    searchText: searchPrefix + searchTail,
    searchPrefix,
    searchTail,
    amountText: buildAmountText(
      invoice.totalCents === invoice.payableCents
        ? [invoice.payableCents, invoice.outstandingCents]
        : [invoice.payableCents, invoice.totalCents, invoice.outstandingCents],
    ),
  };
}

function toLedgerClient(client: ClientRecord): LedgerClient {
  return {
    id: client.id,
    name: client.name,
    taxId: client.taxId,
    creditLimitCents: client.creditLimitCents,
  };
}

/** Each client's latest contact, from activity records. */
function latestContacts(activities: readonly ActivityRecord[]): Map<string, CalendarDate> {
  const latest = new Map<string, CalendarDate>();
  for (const activity of activities) {
    const seen = latest.get(activity.clientId);
    if (seen === undefined || activity.date > seen) latest.set(activity.clientId, activity.date);
  }
  return latest;
}

/** Each client's latest contact (any activity). */
async function lastContacts(db: CuentasDatabase): Promise<Map<string, CalendarDate>> {
  return latestContacts(await loadActivityRecords(db));
}

export { compareLedgerRows } from '../../../shared/domain/ledger-order';

function toRows(
  invoices: readonly CompactInvoice[],
  clients: ReadonlyMap<string, LedgerClient>,
  contacts: ReadonlyMap<string, CalendarDate>,
  ctx: LedgerStateContext,
): LedgerRow[] {
  // What every row of a client shares is looked up and lower-cased once per client.
  const perClient = new Map<
    string,
    { client: LedgerClient | undefined; prefix: string; contact: CalendarDate | null }
  >();
  const rows = new Array<LedgerRow>(invoices.length);
  for (let i = 0; i < invoices.length; i += 1) {
    const invoice = invoices[i] as CompactInvoice;
    let shared = perClient.get(invoice.clientId);
    if (shared === undefined) {
      const client = clients.get(invoice.clientId);
      shared = {
        client,
        prefix: searchTextPrefix(client?.name ?? '', client?.taxId ?? ''),
        contact: contacts.get(invoice.clientId) ?? null,
      };
      perClient.set(invoice.clientId, shared);
    }
    rows[i] = toLedgerRow(invoice, shared.client, shared.contact, ctx, shared.prefix);
  }
  return sortLedgerOrder(rows);
}

/**
 * The last ledger built from the model in memory, for its revision (a token kept in the mirror's
 * cache, shared by every copy of the same revision: it covers the clients, activities, plans,
 * installments and promises too) and day. One per database: a new build replaces it.
 */
interface KeptLedger {
  revision: object;
  today: CalendarDate;
  data: LedgerData;
}
const keptLedgers = new WeakMap<CuentasDatabase, KeptLedger>();

function ledgerFrom(
  invoices: readonly CompactInvoice[],
  clientRecords: readonly ClientRecord[],
  contacts: ReadonlyMap<string, CalendarDate>,
  facts: StateFacts,
  today: CalendarDate,
): LedgerData {
  const clients = clientRecords.map(toLedgerClient);
  const ctx = stateContext(facts, invoices, today);
  const rows = toRows(invoices, new Map(clients.map((c) => [c.id, c])), contacts, ctx);
  clients.sort((a, b) => a.name.localeCompare(b.name, 'es'));
  return { rows, clients };
}

/**
 * Every invoice as a ledger row. The invoices come from the read model (ledger-read-model.ts): a
 * few hundred rows of columns instead of every invoice record. Built from the model in memory, the
 * rows are kept (frozen, shared by every caller) and given again while the model's revision and
 * the day are the same: reopening the ledger builds nothing.
 */
export async function loadLedger(db: CuentasDatabase, today: CalendarDate): Promise<LedgerData> {
  // Outside the transaction a whole read of the model is shared (ledger-mirror.ts); inside, the
  // model is then only confirmed current.
  await readMirror(db, { tables: WHOLE_TABLES });
  const read = await db.transaction(
    'r',
    [
      db.clients,
      db.invoices,
      db.payments,
      db.ledgerChunks,
      db.activities,
      db.plans,
      db.installments,
      db.promises,
    ],
    async () => {
      const [mirror, facts] = await Promise.all([
        readMirror(db, { tables: WHOLE_TABLES }),
        loadStateFacts(db),
      ]);
      if (mirror !== null) return { mirror, facts };
      // No complete model: the tables themselves (this starts a rebuild); nothing is kept.
      const [clients, invoices, contacts] = await Promise.all([
        loadClientRecords(db),
        loadCompactInvoices(db),
        lastContacts(db),
      ]);
      return { mirror, facts, ledger: ledgerFrom(invoices, clients, contacts, facts, today) };
    },
  );
  if (read.mirror === null) return read.ledger;
  const { mirror, facts } = read;
  const revision = derived(mirror, 'ledgerRevision', () => ({}));
  const clientRecords = mirroredTable<ClientRecord>(mirror, 'clients');
  const activities = mirroredTable<ActivityRecord>(mirror, 'activities');
  const kept = keptLedgers.get(db);
  if (kept && kept.revision === revision && kept.today === today) return kept.data;
  // One build kept at a time: the previous one is let go before the next is made.
  keptLedgers.delete(db);
  const built = ledgerFrom(
    mirroredInvoiceList(mirror),
    clientRecords,
    latestContacts(activities),
    facts,
    today,
  );
  for (const row of built.rows) Object.freeze(row);
  for (const client of built.clients) Object.freeze(client);
  const data: LedgerData = Object.freeze({
    rows: Object.freeze(built.rows),
    clients: Object.freeze(built.clients),
  });
  keptLedgers.set(db, { revision, today, data });
  return data;
}

/**
 * Whether a ledger built from the model in memory is kept: then `loadLedger` reads only small
 * tables (and builds nothing while they and the model are unchanged), so it need not wait.
 */
export function hasKeptLedger(db: CuentasDatabase): boolean {
  return keptLedgers.has(db);
}

/**
 * The first screenful, read from the due-date index (settled invoices have no next due date and
 * are not in it): shown at once while the whole ledger loads. Clients are read only for these rows.
 */
export async function loadLedgerFirstPage(
  db: CuentasDatabase,
  today: CalendarDate,
  limit: number,
): Promise<LedgerData> {
  const tables = [db.clients, db.invoices, db.plans, db.installments, db.promises];
  return db.transaction('r', tables, async () => {
    const [invoices, facts] = await Promise.all([
      db.invoices.orderBy('nextDueDate').limit(limit).toArray(),
      loadStateFacts(db),
    ]);
    const ids = [...new Set(invoices.map((invoice) => invoice.clientId))];
    // The plans' invoices too: a plan's overdue is spread over them in the agreement's order.
    const planned = await db.invoices.bulkGet(facts.plans.flatMap((plan) => plan.invoiceIds));
    const found = await db.clients.bulkGet(ids);
    const clients = found.flatMap((client) => (client ? [toLedgerClient(client)] : []));
    const known = planned.filter((invoice): invoice is InvoiceRecord => invoice !== undefined);
    const ctx = stateContext(facts, [...known, ...invoices], today);
    const rows = toRows(invoices, new Map(clients.map((c) => [c.id, c])), new Map(), ctx);
    return { rows, clients };
  });
}

/* ---- Saved views ---- */

export function listSavedViews(db: CuentasDatabase): Promise<SavedViewRecord[]> {
  return db.savedViews.orderBy('name').toArray();
}

export async function saveView(
  db: CuentasDatabase,
  name: string,
  state: unknown,
  now: string = new Date().toISOString(),
): Promise<SavedViewRecord> {
  if (name.trim() === '') throw new ValidationError([{ field: 'name', code: 'required' }]);
  const record: SavedViewRecord = {
    id: crypto.randomUUID(),
    name: name.trim(),
    state,
    createdAt: now,
  };
  await db.savedViews.add(record);
  return record;
}

export async function deleteView(db: CuentasDatabase, id: string): Promise<void> {
  await db.savedViews.delete(id);
}

/* ---- The dashboard's inputs ---- */

export interface DashboardInputs {
  /** From the read model, in no particular order. */
  invoices: CompactInvoice[];
  clients: LedgerClient[];
  allocations: Pick<AllocationRecord, 'invoiceId' | 'paymentId' | 'amountCents'>[];
  payments: Pick<PaymentRecord, 'id' | 'date' | 'amountCents'>[];
  installments: { dueDate: CalendarDate; amountCents: number }[];
  promises: { promisedDate: CalendarDate; amountCents: number; invoiceIds: string[] }[];
  /** What the state of each invoice is derived from besides the invoice (ledger-state.ts). */
  facts: StateFacts;
  /**
   * Each invoice's dated collections, aligned with `invoices` (joined client by client as the
   * model is read); absent or null, the Panel joins the allocations and payments itself.
   */
  collections?: InvoiceCollections | null;
  /**
   * The invoices' dates as day numbers and their dues in columns, aligned with `invoices` (made once
   * per revision of the ledger); absent or null, the Panel makes them from the invoices.
   */
  dayColumns?: LedgerDayColumns | null;
}

/**
 * Everything the dashboard computes from, read in one transaction so the figures agree. Invoices,
 * payments and allocations come from the ledger's read model (a few thousand rows of columns),
 * not from 100,000s of records.
 */
export async function loadDashboardInputs(db: CuentasDatabase): Promise<DashboardInputs> {
  await readMirror(db, { money: true, tables: ['clients'] }); // see loadLedger
  const tables = [
    db.invoices,
    db.ledgerChunks,
    db.clients,
    db.allocations,
    db.payments,
    db.plans,
    db.installments,
    db.promises,
  ];
  return db.transaction('r', tables, async () => {
    const [model, clients, facts, promises] = await Promise.all([
      loadPanelHistories(db),
      loadClientRecords(db),
      loadStateFacts(db),
      db.promises.where('status').equals('open').toArray(),
    ]);
    const installments = facts.installments;
    return {
      facts,
      invoices: model.invoices,
      clients: clients.map(toLedgerClient),
      allocations: model.allocations,
      payments: model.payments,
      collections: model.collections,
      dayColumns: model.dayColumns,
      installments: installments
        .filter((installment) => installment.amountCents > installment.paidCents)
        .map((installment) => ({
          dueDate: installment.dueDate,
          amountCents: installment.amountCents - installment.paidCents,
        })),
      promises: promises.map((promise) => ({
        promisedDate: promise.promisedDate,
        amountCents: promise.amountCents,
        invoiceIds: promise.invoiceIds,
      })),
    };
  });
}
