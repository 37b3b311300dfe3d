// Loads a large demo data set (a million invoices) in many bounded transactions: generated and
// written a slice at a time, then the read model and the risk summaries built per client range.
// All or nothing by clearing: if any step fails, every data table is emptied before the error
// is rethrown. The app's own "load the demo" stays one transaction (demo-loader.ts).
import { streamDemoData } from '../../../shared/demo/generate-demo';
import {
  buildChunks,
  readyMarker,
  storedRowsOfAll,
} from '../../../shared/domain/ledger-read-model';
import type { ClientHistoryRecord } from '../../../shared/domain/records';
import { writeAudit } from './audit';
import { summariseHistory } from './client-history';
import { group } from './collections-data';
import type { CuentasDatabase } from './database';
import { newEpoch } from './ledger-read-model';
import { DatabaseNotEmptyError, type DemoLoadOptions, type DemoLoadResult } from './demo-loader';
import { ledgerTables } from './references';

/** Invoices generated and written per transaction (with their payments and activities). */
export const DEMO_SLICE_INVOICES = 20_000;
/** Clients whose read model and summaries are built per transaction (about 20 invoices each). */
export const DEMO_SLICE_CLIENTS = 1_000;

export type ChunkedLoadPhase = 'write' | 'model';

export interface ChunkedLoadOptions extends DemoLoadOptions {
  /** Called after each transaction: which pass, how far, out of how much. */
  onPhase?: (phase: ChunkedLoadPhase, done: number, total: number) => void;
  /** Slice sizes (tests make them small); DEMO_SLICE_INVOICES and DEMO_SLICE_CLIENTS otherwise. */
  sliceInvoices?: number;
  sliceClients?: number;
}

export interface ChunkedLoadResult extends DemoLoadResult {
  /** Time spent generating the data (inside the load), so a bench can take it out. */
  generateMs: number;
}

function clock(): number {
  return globalThis.performance.now();
}

/** The read model and risk summaries of clients `ids` (sorted), from what is stored for them. */
async function buildClientRange(db: CuentasDatabase, ids: readonly string[]): Promise<void> {
  const first = ids[0];
  const last = ids[ids.length - 1];
  if (first === undefined || last === undefined) return;
  await db.transaction(
    'rw',
    [db.invoices, db.payments, db.allocations, db.ledgerChunks, db.clientHistory],
    async () => {
      const [invoices, payments, allocations] = await Promise.all([
        db.invoices.where('clientId').between(first, last, true, true).toArray(),
        db.payments.where('clientId').between(first, last, true, true).toArray(),
        db.allocations.where('clientId').between(first, last, true, true).toArray(),
      ]);
      const paymentDate = new Map(payments.map((payment) => [payment.id, payment.date]));
      const invoicesOf = group(invoices, (row) => row.clientId);
      const allocationsOf = group(allocations, (row) => row.clientId);
      const histories: ClientHistoryRecord[] = ids.map((clientId) =>
        summariseHistory(
          clientId,
          invoicesOf.get(clientId) ?? [],
          allocationsOf.get(clientId) ?? [],
          paymentDate,
        ),
      );
      await db.ledgerChunks.bulkPut(storedRowsOfAll(buildChunks(invoices, payments, allocations)));
      await db.clientHistory.bulkPut(histories);
    },
  );
}

async function load(
  db: CuentasDatabase,
  options: ChunkedLoadOptions,
  counts: DemoLoadResult,
): Promise<number> {
  let generateMs = 0;
  let started = clock();
  const stream = streamDemoData(
    {
      invoices: options.invoices,
      today: options.today,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    },
    options.sliceInvoices ?? DEMO_SLICE_INVOICES,
  );
  generateMs += clock() - started;
  const dataTables = ledgerTables().map((name) => db.table(name));
  await db.transaction('rw', dataTables, async () => {
    const existing = await db.invoices.count();
    if (existing > 0 && !options.replace) throw new DatabaseNotEmptyError(existing);
    // Cleared, so the read model has no marker: the slices below write no chunk row by row.
    await Promise.all(dataTables.map((table) => table.clear()));
    await db.clients.bulkPut(stream.clients);
  });
  counts.clients = stream.clients.length;
  options.onProgress?.(0, options.invoices);
  const slices = stream.chunks();
  for (;;) {
    started = clock();
    const next = slices.next();
    generateMs += clock() - started;
    if (next.done) break;
    const slice = next.value;
    await db.transaction(
      'rw',
      [db.invoices, db.payments, db.allocations, db.activities],
      async () => {
        await db.invoices.bulkPut(slice.invoices);
        await db.payments.bulkPut(slice.payments);
        await db.allocations.bulkPut(slice.allocations);
        await db.activities.bulkPut(slice.activities);
      },
    );
    counts.invoices += slice.invoices.length;
    counts.payments += slice.payments.length;
    counts.allocations += slice.allocations.length;
    counts.activities += slice.activities.length;
    options.onProgress?.(counts.invoices, options.invoices);
    options.onPhase?.('write', counts.invoices, options.invoices);
  }
  // Client ids sort as they were made (zero-padded), so a range of them is a key range.
  const ids = stream.clients.map((client) => client.id).sort();
  const perRange = options.sliceClients ?? DEMO_SLICE_CLIENTS;
  for (let at = 0; at < ids.length; at += perRange) {
    await buildClientRange(db, ids.slice(at, at + perRange));
    options.onPhase?.('model', Math.min(ids.length, at + perRange), ids.length);
  }
  // The marker last: only now is every invoice in the model.
  await db.transaction('rw', [db.ledgerChunks, db.audit], async () => {
    await db.ledgerChunks.put(readyMarker(newEpoch()));
    await writeAudit(db, {
      entity: 'invoice',
      entityId: 'demo',
      action: 'create',
      summary: `Datos de demostración: ${counts.clients} clientes, ${counts.invoices} facturas, ${counts.payments} cobros`,
      before: null,
      after: { invoices: options.invoices, today: options.today, seed: options.seed ?? null },
    });
  });
  return generateMs;
}

/**
 * The demo data set written slice by slice (each slice one transaction), the read model built once
 * the data is stored. Memory stays bounded by a slice; on failure every data table is cleared.
 */
export async function loadDemoDataInChunks(
  db: CuentasDatabase,
  options: ChunkedLoadOptions,
): Promise<ChunkedLoadResult> {
  const counts: DemoLoadResult = {
    clients: 0,
    invoices: 0,
    payments: 0,
    allocations: 0,
    activities: 0,
  };
  try {
    const generateMs = await load(db, options, counts);
    return { ...counts, generateMs };
  } catch (error) {
    // A database refused for holding the user's invoices is left alone; anything else was ours.
    if (!(error instanceof DatabaseNotEmptyError)) {
      const dataTables = ledgerTables().map((name) => db.table(name));
      // One table after another: started all at once from this callback, the clears lost Dexie's
      // transaction zone in the sync change log's middleware (a TypeError) and none took place.
      await db
        .transaction('rw', dataTables, async () => {
          for (const table of dataTables) await table.clear();
        })
        .catch(() => undefined);
    }
    throw error;
  }
}
