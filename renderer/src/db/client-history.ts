// Per-client summary of settled invoices (for the risk grade), dropped in the same transaction as
// any write that could change it and rebuilt on demand, so Hoy never rereads the whole history.
import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';
import { daysBetween } from '../../../shared/domain/dates';
import type {
  AllocationRecord,
  ClientHistoryRecord,
  InvoiceRecord,
  PaymentRecord,
} from '../../../shared/domain/records';
import type { CuentasDatabase } from './database';

export const CLIENT_HISTORY_TABLE = 'clientHistory';
/** Writes to these tables can change which invoices are settled, and when. */
const WATCHED = new Set(['invoices', 'allocations', 'payments']);

interface WithClientId {
  clientId?: unknown;
}

function clientIdsOf(values: readonly unknown[] | undefined): string[] | null {
  if (!values) return null;
  const ids = new Set<string>();
  for (const value of values) {
    const clientId = (value as WithClientId | null)?.clientId;
    if (typeof clientId !== 'string') return null;
    ids.add(clientId);
  }
  return [...ids];
}

/**
 * Every read-write transaction over a watched table also covers clientHistory, and every write to
 * a watched table deletes the summaries of the clients it touches (all of them when it cannot tell
 * which), inside that transaction: a summary that exists is always up to date.
 */
export const clientHistoryMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'clientHistory',
  create(down) {
    const present = down.schema.tables.some((table) => table.name === CLIENT_HISTORY_TABLE);
    if (!present) return {};
    const history = down.table(CLIENT_HISTORY_TABLE);
    // What each transaction already dropped: a bulk load then deletes each summary once, not per row.
    const dropped = new WeakMap<DBCoreTransaction, Set<string> | 'all'>();
    const drop = async (trans: DBCoreTransaction, ids: string[] | null) => {
      const seen = dropped.get(trans) ?? new Set<string>();
      if (seen === 'all') return;
      const clientIds = ids?.filter((id) => !seen.has(id)) ?? null;
      if (clientIds === null) dropped.set(trans, 'all');
      else {
        for (const id of clientIds) seen.add(id);
        dropped.set(trans, seen);
      }
      if (clientIds === null) {
        await history.mutate({
          type: 'deleteRange',
          trans,
          // 2 is DBCoreRangeType.Range (a const enum isolatedModules cannot import); every key
          // lies between -Infinity and [[]], IndexedDB's extremes.
          range: { type: 2, lower: -Infinity, upper: [[]] },
        });
      } else if (clientIds.length > 0) {
        await history.mutate({ type: 'delete', trans, keys: clientIds });
      }
    };
    return {
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' &&
          stores.some((name) => WATCHED.has(name)) &&
          !stores.includes(CLIENT_HISTORY_TABLE)
            ? [...stores, CLIENT_HISTORY_TABLE]
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === CLIENT_HISTORY_TABLE) {
          // A summary written mid-transaction must be dropped again by a later write.
          return {
            ...table,
            mutate(req) {
              dropped.delete(req.trans);
              return table.mutate(req);
            },
          };
        }
        if (!WATCHED.has(name)) return table;
        return {
          ...table,
          async mutate(req) {
            if (req.type === 'add' || req.type === 'put') {
              await drop(req.trans, clientIdsOf(req.values));
            } else if (req.type === 'delete') {
              const before: unknown[] = await table.getMany({ trans: req.trans, keys: req.keys });
              await drop(req.trans, clientIdsOf(before.filter((row) => row !== undefined)));
            } else {
              await drop(req.trans, null);
            }
            return table.mutate(req);
          },
        };
      },
    };
  },
};

/** What a summary reads of an invoice: the stored record or the read model's compact row. */
type SettledFacts = Pick<InvoiceRecord, 'id' | 'lifecycle' | 'outstandingCents' | 'dues'>;

/** Summarises a client's settled invoices: how many, how many paid late, total days late. */
export function summariseHistory(
  clientId: string,
  invoices: readonly SettledFacts[],
  allocations: readonly Pick<AllocationRecord, 'invoiceId' | 'paymentId'>[],
  paymentDate: ReadonlyMap<string, string>,
): ClientHistoryRecord {
  const lastPaid = new Map<string, string>();
  for (const row of allocations) {
    const date = paymentDate.get(row.paymentId);
    if (!date) continue;
    const seen = lastPaid.get(row.invoiceId);
    if (seen === undefined || date > seen) lastPaid.set(row.invoiceId, date);
  }
  let settledCount = 0;
  let lateCount = 0;
  let daysLateSum = 0;
  for (const invoice of invoices) {
    if (invoice.lifecycle !== 'issued' || invoice.outstandingCents > 0) continue;
    const lastDue = invoice.dues.at(-1)?.dueDate;
    const paidDate = lastPaid.get(invoice.id);
    if (!lastDue || !paidDate) continue;
    const late = Math.max(0, daysBetween(lastDue, paidDate));
    settledCount += 1;
    if (late > 0) lateCount += 1;
    daysLateSum += late;
  }
  return { clientId, settledCount, lateCount, daysLateSum };
}

/** Beyond this many clients one pass over every summary beats a request per client. */
const MANY_CLIENTS = 200;

/** The stored summaries of these clients, in their order (undefined where missing). */
async function readStored(
  db: CuentasDatabase,
  clientIds: readonly string[],
): Promise<(ClientHistoryRecord | undefined)[]> {
  if (clientIds.length <= MANY_CLIENTS) return db.clientHistory.bulkGet([...clientIds]);
  // bulkGet asks IndexedDB once per key; toArray is one getAll (Hoy asks for every client).
  const byClient = new Map((await db.clientHistory.toArray()).map((row) => [row.clientId, row]));
  return clientIds.map((clientId) => byClient.get(clientId));
}

/** Reads the summaries of the given clients, computing (and storing) the missing ones. */
export async function getClientHistories(
  db: CuentasDatabase,
  clientIds: readonly string[],
): Promise<Map<string, ClientHistoryRecord>> {
  const stored = await readStored(db, clientIds);
  const result = new Map<string, ClientHistoryRecord>();
  const missing: string[] = [];
  stored.forEach((row, index) => {
    const clientId = clientIds[index];
    if (clientId === undefined) return;
    if (row) result.set(clientId, row);
    else missing.push(clientId);
  });
  if (missing.length === 0) return result;
  const computed = await computeHistories(db, missing);
  for (const row of computed) result.set(row.clientId, row);
  // Stored in its own transaction after re-reading, so a write in between cannot leave a stale row.
  scheduleStore(db, missing);
  return result;
}

async function computeHistories(
  db: CuentasDatabase,
  clientIds: readonly string[],
): Promise<ClientHistoryRecord[]> {
  // Many missing (first open, after an import): one pass over the tables beats a query per client.
  const many = clientIds.length > MANY_CLIENTS;
  const wanted = new Set(clientIds);
  const [invoices, allocations, payments]: [InvoiceRecord[], AllocationRecord[], PaymentRecord[]] =
    many
      ? await Promise.all([db.invoices.toArray(), db.allocations.toArray(), db.payments.toArray()])
      : await Promise.all([
          db.invoices
            .where('clientId')
            .anyOf([...clientIds])
            .toArray(),
          db.allocations
            .where('clientId')
            .anyOf([...clientIds])
            .toArray(),
          db.payments
            .where('clientId')
            .anyOf([...clientIds])
            .toArray(),
        ]);
  const paymentDate = new Map(payments.map((payment) => [payment.id, payment.date]));
  const invoicesBy = new Map<string, InvoiceRecord[]>();
  const allocationsBy = new Map<string, AllocationRecord[]>();
  for (const invoice of invoices) {
    if (!wanted.has(invoice.clientId)) continue;
    const list = invoicesBy.get(invoice.clientId);
    if (list) list.push(invoice);
    else invoicesBy.set(invoice.clientId, [invoice]);
  }
  for (const row of allocations) {
    if (!wanted.has(row.clientId)) continue;
    const list = allocationsBy.get(row.clientId);
    if (list) list.push(row);
    else allocationsBy.set(row.clientId, [row]);
  }
  return clientIds.map((clientId) =>
    summariseHistory(
      clientId,
      invoicesBy.get(clientId) ?? [],
      allocationsBy.get(clientId) ?? [],
      paymentDate,
    ),
  );
}

const pending = new WeakMap<CuentasDatabase, Set<string>>();

function scheduleStore(db: CuentasDatabase, clientIds: readonly string[]): void {
  const queued = pending.get(db);
  if (queued) {
    for (const id of clientIds) queued.add(id);
    return;
  }
  const ids = new Set(clientIds);
  pending.set(db, ids);
  // Outside the caller's (possibly live, read-only) query: a fresh read-write transaction.
  setTimeout(() => {
    pending.delete(db);
    void storeHistories(db, [...ids]).catch(() => undefined);
  }, 0);
}

/** Recomputes and stores the given clients' summaries in one read-write transaction. */
export async function storeHistories(
  db: CuentasDatabase,
  clientIds: readonly string[],
): Promise<void> {
  await db.transaction(
    'rw',
    [db.invoices, db.allocations, db.payments, db.clientHistory],
    async () => {
      const rows = await computeHistories(db, clientIds);
      await db.clientHistory.bulkPut(rows);
    },
  );
}
