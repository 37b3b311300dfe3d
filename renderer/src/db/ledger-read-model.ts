// Keeps the ledger's read model (shared/domain/ledger-read-model.ts) current inside every write to
// invoices, and reads it: the screens open on a few hundred rows instead of every invoice.
import Dexie from 'dexie';
import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import {
  applyMoneyToChunk,
  applyToChunk,
  buildChunks,
  compactOf,
  emptyChunk,
  READY_KEY,
  readyMarker,
  isCurrentMarker,
  isMoneyRow,
  joinChunk,
  moneyKeyOf,
  FIRST_MONEY_KEY,
  isEmptyRow,
  storedRowsOf,
  storedRowsOfAll,
  type ReadyMarker,
  type CompactAllocation,
  type CompactInvoice,
  type CompactPayment,
  isChunk,
  type StoredInvoiceRow,
  type LedgerChunkRecord,
  type LedgerModelRow,
  type ModelAllocation,
  type ModelPayment,
} from '../../../shared/domain/ledger-read-model';
import {
  readStoredInvoices,
  readStoredMoney,
  type InvoiceSelection,
} from '../../../shared/domain/ledger-model-decode';
import type { ActivityRecord, ClientRecord } from '../../../shared/domain/records';
import type { CuentasDatabase } from './database';
import {
  derived,
  mirroredInvoiceList,
  mirroredMoney,
  mirroredTable,
  readMirror,
  WHOLE_TABLES,
  type LedgerMirror,
} from './ledger-mirror';
import { invoicesOf } from './mirror-entries';

export const LEDGER_CHUNKS_TABLE = 'ledgerChunks';
const INVOICES = 'invoices';
const PAYMENTS = 'payments';
const ALLOCATIONS = 'allocations';
/** Writes to these tables change the model: each row belongs to its client's chunk. */
const WATCHED = new Set([INVOICES, PAYMENTS, ALLOCATIONS]);
/** Writes to these raise the marker's rev of the table (the mirror keeps them whole too). */
const WHOLE_TABLE_NAMES: ReadonlySet<string> = new Set(WHOLE_TABLES);
/**
 * Every other table's writes make a new revision too (the marker's rev), without changing a row
 * of the model: what screens derive once per revision (ledger-mirror.ts `derived`) also reads the
 * promises, plans, settings... Except these: the model itself, what is derived from the data
 * (summaries, the sync log, the audit trail) and what no figure reads.
 */
const NOT_REVISING = new Set([
  LEDGER_CHUNKS_TABLE,
  'clientHistory',
  'audit',
  'notifications',
  'savedViews',
  'importPresets',
  'syncChanges',
  'syncDocs',
  'syncMeta',
  'syncHeld',
  'syncConflicts',
]);
const revises = (name: string) => !NOT_REVISING.has(name);

/**
 * Dexie keeps the current transaction in a zone (PSD) that the middlewares below this one read
 * synchronously when called; after a few awaits of ours it is gone, so every call down re-enters
 * the zone the request came in. Dexie.Promise has PSD and usePSD at runtime, not in its types.
 */
const ZONES = Dexie.Promise as unknown as {
  PSD: unknown;
  usePSD: <T>(psd: unknown, call: () => T) => T;
};
/** Runs `call` with Dexie's zone set to `psd` (a plain function: no `this`, not a React hook). */
const enterZone = ZONES.usePSD;

/** 2 is DBCoreRangeType.Range; every key lies between -Infinity and [[]] (see client-history). */
const EVERY_KEY = { type: 2, lower: -Infinity, upper: [[]] } as const;

/** What a transaction knows of the model: whether it is complete, and the chunks it wrote. */
interface TransactionState {
  ready: boolean;
  /** The marker as this transaction found it; its rev is raised once, by its first write (revise). */
  marker: ReadyMarker | null;
  revised: boolean;
  chunks: Map<string, LedgerChunkRecord>;
  /** Writes to invoices in one transaction update the chunks one after another. */
  queue: Promise<unknown>;
}

function isCompact(value: unknown): value is CompactInvoice {
  const row = value as Partial<CompactInvoice> | null;
  return typeof row?.id === 'string' && typeof row.clientId === 'string';
}

function isPayment(value: unknown): value is CompactPayment {
  const row = value as Partial<CompactPayment> | null;
  return (
    typeof row?.id === 'string' &&
    typeof row.clientId === 'string' &&
    typeof row.date === 'string' &&
    Number.isSafeInteger(row.amountCents) &&
    Number.isSafeInteger(row.unallocatedCents)
  );
}

function isAllocation(value: unknown): value is CompactAllocation {
  const row = value as Partial<CompactAllocation> | null;
  return (
    typeof row?.id === 'string' &&
    typeof row.clientId === 'string' &&
    typeof row.invoiceId === 'string' &&
    typeof row.paymentId === 'string' &&
    Number.isSafeInteger(row.amountCents)
  );
}

type ModelSource = CompactInvoice | CompactPayment | CompactAllocation;

const validatorOf: Record<string, (value: unknown) => value is ModelSource> = {
  [INVOICES]: isCompact,
  [PAYMENTS]: isPayment,
  [ALLOCATIONS]: isAllocation,
};

/**
 * The rev of the transaction `state` belongs to: the marker's rev raised by one the first time a
 * transaction writes (null when the model is not complete: nothing to stamp).
 */
function revise(state: TransactionState): number | null {
  const marker = state.marker;
  if (!marker) return null;
  if (!state.revised) {
    state.revised = true;
    state.marker = { ...marker, rev: (marker.rev ?? 0) + 1 };
  }
  return state.marker?.rev ?? null;
}

/**
 * Every read-write transaction over a revising table (invoices, clients, promises...: not
 * NOT_REVISING) also covers ledgerChunks. A put, add or delete of invoices rewrites the chunks of
 * the clients involved in the same transaction; a range delete of a table in the model drops the
 * ready marker (and every chunk), so the next read rebuilds the model from the invoices. Any other
 * write raises the marker's rev alone.
 */
export const ledgerReadModelMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'ledgerReadModel',
  create(down) {
    const present = down.schema.tables.some((table) => table.name === LEDGER_CHUNKS_TABLE);
    if (!present) return {};
    const chunksTable = down.table(LEDGER_CHUNKS_TABLE);
    const states = new WeakMap<DBCoreTransaction, TransactionState>();
    const zoneOf = new WeakMap<DBCoreTransaction, unknown>();
    /** Calls down from inside the zone the transaction's request came in (see ZONES). */
    const inZone = <T>(trans: DBCoreTransaction, call: () => T): T =>
      enterZone(zoneOf.get(trans) ?? ZONES.PSD, call);

    const stateOf = async (trans: DBCoreTransaction): Promise<TransactionState> => {
      let state = states.get(trans);
      if (!state) {
        const [marker] = (await inZone(trans, () =>
          chunksTable.getMany({ trans, keys: [READY_KEY] }),
        )) as unknown[];
        const current = isCurrentMarker(marker as LedgerModelRow | undefined);
        state = states.get(trans) ?? {
          ready: current,
          marker: current ? (marker as ReadyMarker) : null,
          revised: false,
          chunks: new Map(),
          // Dexie's promise: its callbacks run inside the transaction's zone, as the hooks need.
          queue: Dexie.Promise.resolve(),
        };
        states.set(trans, state);
      }
      return state;
    };

    const dropAll = async (trans: DBCoreTransaction) => {
      const state = await stateOf(trans);
      state.ready = false;
      state.chunks.clear();
      await inZone(trans, () =>
        chunksTable.mutate({ type: 'deleteRange', trans, range: EVERY_KEY }),
      );
    };

    const update = async (
      trans: DBCoreTransaction,
      tableName: string,
      before: readonly unknown[],
      after: readonly unknown[],
    ) => {
      const state = await stateOf(trans);
      if (!state.ready) return; // rebuilt from the invoices on the next read
      const olds = before.filter((row) => row !== undefined);
      const valid = validatorOf[tableName] ?? isCompact;
      if (!olds.every(valid) || !after.every(valid)) {
        await dropAll(trans);
        return;
      }
      const upserts = new Map<string, ModelSource[]>();
      const removed = new Map<string, Set<string>>();
      const credit = new Map<string, number>();
      const newClient = new Map(after.map((row) => [row.id, row.clientId]));
      for (const row of olds) {
        // Only a row gone, or moved to another client, leaves its old chunk.
        if (newClient.get(row.id) === row.clientId) continue;
        const set = removed.get(row.clientId) ?? new Set<string>();
        set.add(row.id);
        removed.set(row.clientId, set);
      }
      for (const row of after) {
        const list = upserts.get(row.clientId) ?? [];
        list.push(tableName === INVOICES ? compactOf(row as CompactInvoice) : row);
        upserts.set(row.clientId, list);
      }
      if (tableName === PAYMENTS) {
        const add = (clientId: string, cents: number) =>
          credit.set(clientId, (credit.get(clientId) ?? 0) + cents);
        for (const row of olds as CompactPayment[]) add(row.clientId, -row.unallocatedCents);
        for (const row of after as CompactPayment[]) add(row.clientId, row.unallocatedCents);
      }
      const clientIds = [...new Set([...upserts.keys(), ...removed.keys(), ...credit.keys()])];
      if (clientIds.length === 0) return;
      const missing = clientIds.filter((id) => !state.chunks.has(id));
      if (missing.length > 0) {
        const found = (await inZone(trans, () =>
          chunksTable.getMany({ trans, keys: [...missing, ...missing.map(moneyKeyOf)] }),
        )) as (LedgerModelRow | undefined)[];
        for (const [index, id] of missing.entries()) {
          const invoices = found[index];
          const money = found[missing.length + index];
          const chunk = joinChunk(
            id,
            invoices && isChunk(invoices) ? invoices : undefined,
            money && isMoneyRow(money) ? money : undefined,
          );
          if (!chunk) {
            // A stored row that does not unpack: rebuilt from the tables on the next read.
            await dropAll(trans);
            return;
          }
          state.chunks.set(id, chunk);
        }
      }
      const next = clientIds.map((id) => {
        const chunk = state.chunks.get(id) ?? emptyChunk(id);
        const gone = removed.get(id) ?? new Set<string>();
        if (tableName === INVOICES) {
          return applyToChunk(chunk, (upserts.get(id) ?? []) as CompactInvoice[], gone);
        }
        return applyMoneyToChunk(
          chunk,
          tableName === PAYMENTS ? 'payments' : 'allocations',
          (upserts.get(id) ?? []) as (ModelPayment | ModelAllocation)[],
          gone,
          credit.get(id) ?? 0,
        );
      });
      for (const chunk of next) state.chunks.set(chunk.clientId, chunk);
      // Only the rows this table changes: invoices their row, allocations the money row, and
      // payments both (the client's credit lives with the invoices). Every row written is stamped
      // with this transaction's rev, which the marker then carries (see ledger-mirror.ts).
      const rev = revise(state);
      if (rev === null) return;
      const full: LedgerModelRow[] = [];
      const empty: unknown[] = [];
      for (const chunk of next) {
        const rows = storedRowsOf(chunk, rev);
        if (tableName !== ALLOCATIONS) {
          if (isEmptyRow(rows.invoices)) empty.push(chunk.clientId);
          else full.push(rows.invoices);
        }
        if (tableName !== INVOICES) {
          if (isEmptyRow(rows.money)) empty.push(moneyKeyOf(chunk.clientId));
          else full.push(rows.money);
        }
      }
      if (state.marker) full.push(state.marker);
      await inZone(trans, () => chunksTable.mutate({ type: 'put', trans, values: full }));
      if (empty.length > 0) {
        await inZone(trans, () => chunksTable.mutate({ type: 'delete', trans, keys: empty }));
      }
    };

    /**
     * A range delete: the model is dropped with it (the next read rebuilds it). Both writes issued
     * at once: Dexie's hooks need the transaction's zone, which a chain of awaits would lose. A
     * later write in this transaction sees the model as not ready.
     */
    const dropWith = async <T>(trans: DBCoreTransaction, write: () => Promise<T>): Promise<T> => {
      states.set(trans, {
        ready: false,
        marker: null,
        revised: false,
        chunks: new Map(),
        queue: Dexie.Promise.resolve(),
      });
      const [, result] = await Promise.all([
        chunksTable.mutate({ type: 'deleteRange', trans, range: EVERY_KEY }),
        write(),
      ]);
      return result;
    };

    /**
     * A table outside the model written: a new revision, and for a table kept whole the marker
     * says so (tableRevs), for the mirror's copy of it.
     */
    const tableWritten = async (trans: DBCoreTransaction, name: string) => {
      const state = await stateOf(trans);
      const rev = revise(state);
      if (rev === null || !state.marker) return;
      if (WHOLE_TABLE_NAMES.has(name)) {
        state.marker = {
          ...state.marker,
          tableRevs: { ...state.marker.tableRevs, [name]: rev },
        };
      }
      await inZone(trans, () =>
        chunksTable.mutate({ type: 'put', trans, values: [state.marker as ReadyMarker] }),
      );
    };

    /** Runs the chunk update for one request after those before it in the same transaction. */
    const serialised = async (trans: DBCoreTransaction, work: () => Promise<void>) => {
      const state = await stateOf(trans);
      const run = state.queue.then(work);
      state.queue = run.catch(() => undefined);
      await run;
    };

    /** A marker written or a clear by hand (a rebuild, a bulk load) restarts what we know. */
    const watchChunks = (table: DBCoreTable): DBCoreTable => ({
      ...table,
      mutate(req) {
        states.delete(req.trans);
        return table.mutate(req);
      },
    });

    const watch = (name: string, table: DBCoreTable): DBCoreTable => ({
      ...table,
      async mutate(req) {
        zoneOf.set(req.trans, ZONES.PSD);
        const inModel = WATCHED.has(name) || WHOLE_TABLE_NAMES.has(name);
        if (req.type === 'deleteRange' && inModel) {
          return dropWith(req.trans, () => table.mutate(req));
        }
        // Not ready (a bulk load, a restore): nothing to follow until the next full build.
        const known = states.get(req.trans) ?? (await stateOf(req.trans));
        if (!known.ready) return inZone(req.trans, () => table.mutate(req));
        if (!WATCHED.has(name) || req.type === 'deleteRange') {
          // A table kept whole (a range delete of one drops the model above: a restore, rare), or
          // one outside the model (even a range delete): only the revision changes.
          const result = await inZone(req.trans, () => table.mutate(req));
          await serialised(req.trans, () => tableWritten(req.trans, name));
          return result;
        }
        const keys = req.type === 'delete' ? req.keys : null;
        const values = req.type === 'delete' ? [] : req.values;
        const before: unknown[] =
          req.type === 'add'
            ? []
            : await inZone(req.trans, () =>
                table.getMany({
                  trans: req.trans,
                  keys: keys ?? values.map((row) => (row as { id?: unknown }).id),
                }),
              );
        const result = await inZone(req.trans, () => table.mutate(req));
        // Only what was really written: a failed row of a bulk write keeps its old chunk entry.
        const failed = new Set(Object.keys(result.failures ?? {}).map(Number));
        const written = values.filter((_, index) => !failed.has(index));
        const gone = req.type === 'delete' ? before : before.filter((_, i) => !failed.has(i));
        await serialised(req.trans, () => update(req.trans, name, gone, written));
        return result;
      },
    });

    return {
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.some(revises) && !stores.includes(LEDGER_CHUNKS_TABLE)
            ? [...stores, LEDGER_CHUNKS_TABLE]
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === LEDGER_CHUNKS_TABLE) return watchChunks(table);
        return revises(name) ? watch(name, table) : table;
      },
    };
  },
};

/* ---- Reading the model ---- */

/** The marker and every client's invoices row, without the money rows (see FIRST_MONEY_KEY). */
function invoiceRows(db: CuentasDatabase): Promise<LedgerModelRow[]> {
  return db.ledgerChunks
    .where(':id')
    .below([...FIRST_MONEY_KEY])
    .toArray();
}

/**
 * Each client's invoices (`selection` of them) from a complete model, in client order; null when
 * the model is absent or a row does not unpack (the caller reads the tables, the model is rebuilt).
 */
function readInvoiceRows(
  rows: readonly LedgerModelRow[],
  selection: InvoiceSelection,
): { row: StoredInvoiceRow; invoices: CompactInvoice[] }[] | null {
  if (!rows.some(isCurrentMarker)) return null;
  const chunks: { row: StoredInvoiceRow; invoices: CompactInvoice[] }[] = [];
  for (const row of rows) {
    if (!isChunk(row)) continue;
    const invoices = readStoredInvoices(row, selection);
    if (!invoices) return null;
    chunks.push({ row, invoices });
  }
  return chunks;
}

/** The mirror's invoices of `selection`, in client then id order (made once per revision). */
function selectedInvoices(mirror: LedgerMirror, selection: InvoiceSelection): CompactInvoice[] {
  if (selection === 'all') return [...mirroredInvoiceList(mirror)];
  // Each client's part only: the other invoices of a row are not built for this.
  const chosen = derived(mirror, `invoices:${selection}`, () => {
    const all: CompactInvoice[] = [];
    for (const entry of mirror.invoices.values()) {
      for (const invoice of invoicesOf(entry, selection)) all.push(invoice);
    }
    return all;
  });
  return [...chosen];
}

/** Every invoice of the ledger, compact; from the model, or from the invoices (then rebuilt). */
export async function loadCompactInvoices(db: CuentasDatabase): Promise<CompactInvoice[]> {
  const mirror = await readMirror(db);
  if (mirror) return selectedInvoices(mirror, 'all');
  const chunks = readInvoiceRows(await invoiceRows(db), 'all');
  if (chunks) return chunks.flatMap((chunk) => chunk.invoices);
  const invoices = await db.invoices.toArray();
  scheduleRebuild(db);
  return invoices;
}

/**
 * Every open invoice (issued, money outstanding, an unpaid due), compact, in client then id order:
 * what Hoy works on. From the model; else through the `[lifecycle+nextDueDate]` index (then rebuilt).
 */
export async function loadOpenCompactInvoices(db: CuentasDatabase): Promise<CompactInvoice[]> {
  const mirror = await readMirror(db);
  if (mirror) return selectedInvoices(mirror, 'open');
  const chunks = readInvoiceRows(await invoiceRows(db), 'open');
  if (chunks) return chunks.flatMap((chunk) => chunk.invoices);
  scheduleRebuild(db);
  // nextDueDate is null once settled and IndexedDB skips nulls: this is the open set.
  const issued = await db.invoices
    .where('[lifecycle+nextDueDate]')
    .between(['issued', Dexie.minKey], ['issued', Dexie.maxKey])
    .toArray();
  return issued.filter((invoice) => invoice.outstandingCents > 0);
}

/**
 * Hoy's open invoices by client, each client's in id order; from the mirror, made once per
 * revision (the arrays are frozen: shared by every read of this revision).
 */
export async function loadOpenInvoicesByClient(
  db: CuentasDatabase,
): Promise<ReadonlyMap<string, readonly CompactInvoice[]>> {
  const mirror = await readMirror(db);
  if (mirror) {
    return derived(mirror, 'openByClient', () => {
      const byClient = new Map<string, readonly CompactInvoice[]>();
      for (const [clientId, entry] of mirror.invoices) {
        const open = invoicesOf(entry, 'open');
        if (open.length > 0) byClient.set(clientId, open);
      }
      return byClient;
    });
  }
  const byClient = new Map<string, CompactInvoice[]>();
  const open = (await loadOpenCompactInvoices(db)).sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  for (const invoice of open) {
    const list = byClient.get(invoice.clientId);
    if (list) list.push(invoice);
    else byClient.set(invoice.clientId, [invoice]);
  }
  return byClient;
}

/** Every client record in id order: from the mirror (read once per write to them), or the table. */
export async function loadClientRecords(db: CuentasDatabase): Promise<ClientRecord[]> {
  const mirror = await readMirror(db, { tables: ['clients'] });
  return mirror ? [...mirroredTable<ClientRecord>(mirror, 'clients')] : db.clients.toArray();
}

/** Every activity in id order: from the mirror (read once per write to them), or the table. */
export async function loadActivityRecords(db: CuentasDatabase): Promise<ActivityRecord[]> {
  const mirror = await readMirror(db, { tables: ['activities'] });
  return mirror
    ? [...mirroredTable<ActivityRecord>(mirror, 'activities')]
    : db.activities.toArray();
}

/** Every client by name, as the `name` index orders them (code units, then id). */
export async function loadClientsByName(db: CuentasDatabase): Promise<ClientRecord[]> {
  const mirror = await readMirror(db, { tables: ['clients'] });
  if (!mirror) return db.clients.orderBy('name').toArray();
  const sorted = derived(mirror, 'clientsByName', () =>
    [...mirroredTable<ClientRecord>(mirror, 'clients')].sort((a, b) =>
      a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    ),
  );
  return [...sorted];
}

/** One client's compact invoices (the model if complete, else that client's invoices). */
export async function loadClientCompact(
  db: CuentasDatabase,
  clientId: string,
): Promise<CompactInvoice[]> {
  const [marker, row] = await db.ledgerChunks.bulkGet([READY_KEY, clientId]);
  if (isCurrentMarker(marker)) {
    if (!row || !isChunk(row)) return [];
    const invoices = readStoredInvoices(row);
    if (invoices) return invoices;
  }
  scheduleRebuild(db);
  return db.invoices.where('clientId').equals(clientId).toArray();
}

/** Each client's compact invoices (clients without invoices are absent). */
export async function loadCompactByClient(
  db: CuentasDatabase,
): Promise<Map<string, CompactInvoice[]>> {
  const byClient = new Map<string, CompactInvoice[]>();
  const mirror = await readMirror(db);
  if (mirror) {
    for (const [clientId, entry] of mirror.invoices) {
      if (entry.invoices.length > 0) byClient.set(clientId, [...entry.invoices]);
    }
    return byClient;
  }
  const chunks = readInvoiceRows(await invoiceRows(db), 'all');
  if (chunks) {
    for (const { row, invoices } of chunks) byClient.set(row.clientId, invoices);
    return byClient;
  }
  scheduleRebuild(db);
  for (const invoice of await db.invoices.toArray()) {
    const list = byClient.get(invoice.clientId);
    if (list) list.push(invoice);
    else byClient.set(invoice.clientId, [invoice]);
  }
  return byClient;
}

/** What Clientes reads: each client's count of invoices and unapplied credit. */
export interface ClientModel {
  /** The receivables and the invoices in a plan (from the tables: every invoice). */
  invoices: CompactInvoice[];
  invoiceCountByClient: Map<string, number>;
  creditByClient: Map<string, number>;
}

/** Clientes' figures from the model (only what can owe is decoded), or from the tables. */
export async function loadClientModel(db: CuentasDatabase): Promise<ClientModel> {
  const creditByClient = new Map<string, number>();
  const invoiceCountByClient = new Map<string, number>();
  const mirror = await readMirror(db);
  if (mirror) {
    for (const [clientId, entry] of mirror.invoices) {
      if (entry.invoiceCount > 0) invoiceCountByClient.set(clientId, entry.invoiceCount);
      if (entry.creditCents !== 0) creditByClient.set(clientId, entry.creditCents);
    }
    return {
      invoices: selectedInvoices(mirror, 'receivable'),
      invoiceCountByClient,
      creditByClient,
    };
  }
  const chunks = readInvoiceRows(await invoiceRows(db), 'receivable');
  if (chunks) {
    for (const { row } of chunks) {
      invoiceCountByClient.set(row.clientId, row.invoiceCount);
      if (row.creditCents !== 0) creditByClient.set(row.clientId, row.creditCents);
    }
    return {
      invoices: chunks.flatMap((chunk) => chunk.invoices),
      invoiceCountByClient,
      creditByClient,
    };
  }
  scheduleRebuild(db);
  const [invoices, payments] = await Promise.all([db.invoices.toArray(), db.payments.toArray()]);
  for (const invoice of invoices) {
    invoiceCountByClient.set(
      invoice.clientId,
      (invoiceCountByClient.get(invoice.clientId) ?? 0) + 1,
    );
  }
  for (const payment of payments) {
    creditByClient.set(
      payment.clientId,
      (creditByClient.get(payment.clientId) ?? 0) + payment.unallocatedCents,
    );
  }
  return { invoices, invoiceCountByClient, creditByClient };
}

/** What the Panel reads: every compact invoice, payment and allocation (the model, or the tables). */
export interface PanelModel {
  invoices: CompactInvoice[];
  payments: ModelPayment[];
  allocations: ModelAllocation[];
}

/** The Panel's model from every stored row, or null when a row does not unpack. */
function panelModelOf(rows: readonly LedgerModelRow[]): PanelModel | null {
  const model: PanelModel = { invoices: [], payments: [], allocations: [] };
  for (const row of rows) {
    if (isChunk(row)) {
      const invoices = readStoredInvoices(row);
      if (!invoices) return null;
      for (const invoice of invoices) model.invoices.push(invoice);
    } else if (isMoneyRow(row)) {
      const money = readStoredMoney(row);
      if (!money) return null;
      for (const payment of money.payments) model.payments.push(payment);
      for (const allocation of money.allocations) model.allocations.push(allocation);
    }
  }
  return model;
}

/** Every payment and allocation of the mirror, in client then id order (once per revision). */
export function mirroredMoneyLists(mirror: LedgerMirror): {
  payments: readonly ModelPayment[];
  allocations: readonly ModelAllocation[];
} {
  return derived(mirror, 'money', () => {
    const payments: ModelPayment[] = [];
    const allocations: ModelAllocation[] = [];
    for (const entry of mirroredMoney(mirror).values()) {
      for (const payment of entry.payments) payments.push(payment);
      for (const allocation of entry.allocations) allocations.push(allocation);
    }
    return { payments, allocations };
  });
}

export async function loadPanelModel(db: CuentasDatabase): Promise<PanelModel> {
  const mirror = await readMirror(db, { money: true });
  if (mirror) {
    const money = mirroredMoneyLists(mirror);
    return {
      invoices: selectedInvoices(mirror, 'all'),
      payments: [...money.payments],
      allocations: [...money.allocations],
    };
  }
  const rows = await db.ledgerChunks.toArray();
  const model = rows.some(isCurrentMarker) ? panelModelOf(rows) : null;
  if (model) return model;
  scheduleRebuild(db);
  const [invoices, payments, allocations] = await Promise.all([
    db.invoices.toArray(),
    db.payments.toArray(),
    db.allocations.toArray(),
  ]);
  return { invoices, payments, allocations };
}

const rebuilding = new WeakSet<CuentasDatabase>();

function scheduleRebuild(db: CuentasDatabase): void {
  if (rebuilding.has(db)) return;
  rebuilding.add(db);
  // Outside the caller's (possibly live, read-only) query: a fresh read-write transaction.
  setTimeout(() => {
    void rebuildReadModel(db)
      .catch(() => undefined)
      .finally(() => rebuilding.delete(db));
  }, 0);
}

/** A new name for a build of the model (see ReadyMarker): a copy in memory of another is dropped. */
export function newEpoch(): string {
  return crypto.randomUUID();
}

/** Rebuilds the whole model from the invoices, payments and allocations, in one transaction. */
export async function rebuildReadModel(db: CuentasDatabase): Promise<void> {
  await db.transaction(
    'rw',
    [db.invoices, db.payments, db.allocations, db.ledgerChunks],
    async () => {
      const [invoices, payments, allocations] = await Promise.all([
        db.invoices.toArray(),
        db.payments.toArray(),
        db.allocations.toArray(),
      ]);
      await db.ledgerChunks.clear();
      await db.ledgerChunks.bulkPut([
        ...storedRowsOfAll(buildChunks(invoices, payments, allocations)),
        readyMarker(newEpoch()),
      ]);
    },
  );
}

/** The model built inside an upgrade or a bulk load's transaction (tables by name). */
export async function buildReadModelIn(
  invoices: { toArray(): Promise<CompactInvoice[]> },
  payments: { toArray(): Promise<CompactPayment[]> },
  chunks: { clear(): Promise<unknown>; bulkPut(rows: LedgerModelRow[]): Promise<unknown> },
  allocations?: { toArray(): Promise<CompactAllocation[]> },
): Promise<void> {
  const [allInvoices, allPayments, allAllocations] = await Promise.all([
    invoices.toArray(),
    payments.toArray(),
    allocations ? allocations.toArray() : [],
  ]);
  await chunks.clear();
  await chunks.bulkPut([
    ...storedRowsOfAll(buildChunks(allInvoices, allPayments, allAllocations)),
    readyMarker(newEpoch()),
  ]);
}
