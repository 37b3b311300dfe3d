// Loads the deterministic demo data set into a database in one transaction, in chunks. The app
// loads it into the sample database only (demo-mode.ts); the user's ledger never receives it.
import type { CalendarDate } from '../../../shared/domain/dates';
import { generateDemoData } from '../../../shared/demo/generate-demo';
import {
  buildChunks,
  readyMarker,
  storedRowsOfAll,
} from '../../../shared/domain/ledger-read-model';
import type { CuentasDatabase } from './database';
import { newEpoch } from './ledger-read-model';
import { writeAudit } from './audit';
import { summariseHistory } from './client-history';
import { group } from './collections-data';
import type { ClientHistoryRecord } from '../../../shared/domain/records';
import { ledgerTables } from './references';

export const DEMO_CHUNK_SIZE = 5_000;

/** Thrown when demo data would be mixed with the user's invoices. */
export class DatabaseNotEmptyError extends Error {
  readonly code = 'database_not_empty';
  readonly invoiceCount: number;

  constructor(invoiceCount: number) {
    super(`The database already has ${invoiceCount} invoices; pass { replace: true } to clear it`);
    this.name = 'DatabaseNotEmptyError';
    this.invoiceCount = invoiceCount;
  }
}

export interface DemoLoadOptions {
  invoices: number;
  today: CalendarDate;
  seed?: number;
  /** Clears every data table (settings are kept) before loading. */
  replace?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoLoadResult {
  clients: number;
  invoices: number;
  payments: number;
  allocations: number;
  activities: number;
}

interface BulkPutTable<T> {
  bulkPut(rows: readonly T[]): Promise<unknown>;
}

async function putInChunks<T>(
  table: BulkPutTable<T>,
  rows: readonly T[],
  report: (count: number) => void,
): Promise<void> {
  for (let start = 0; start < rows.length; start += DEMO_CHUNK_SIZE) {
    const chunk = rows.slice(start, start + DEMO_CHUNK_SIZE);
    await table.bulkPut(chunk);
    report(chunk.length);
  }
}

/** Hoy's risk summaries, computed from the generated rows so the first open reads no history. */
function demoHistories(data: ReturnType<typeof generateDemoData>): ClientHistoryRecord[] {
  const paymentDate = new Map(data.payments.map((payment) => [payment.id, payment.date]));
  const invoices = group(data.invoices, (row) => row.clientId);
  const allocations = group(data.allocations, (row) => row.clientId);
  return data.clients.map((client) =>
    summariseHistory(
      client.id,
      invoices.get(client.id) ?? [],
      allocations.get(client.id) ?? [],
      paymentDate,
    ),
  );
}

export async function loadDemoData(
  db: CuentasDatabase,
  options: DemoLoadOptions,
): Promise<DemoLoadResult> {
  const data = generateDemoData({
    invoices: options.invoices,
    today: options.today,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  // Every table of the ledger from the reference map (set-up tables and the audit trail kept).
  const dataTables = ledgerTables().map((name) => db.table(name));
  const counts = [data.clients, data.invoices, data.payments, data.allocations, data.activities];
  const total = counts.reduce((sum, rows) => sum + rows.length, 0);
  // One transaction: a failure half-way leaves the database as it was.
  await db.transaction('rw', [...dataTables, db.audit], async () => {
    const existing = await db.invoices.count();
    if (existing > 0 && !options.replace) throw new DatabaseNotEmptyError(existing);
    if (options.replace) await Promise.all(dataTables.map((table) => table.clear()));
    // The read model is built once at the end from the data in hand, not chunk by chunk.
    await db.ledgerChunks.clear();
    let done = 0;
    const report = (count: number) => {
      done += count;
      options.onProgress?.(done, total);
    };
    report(0);
    await putInChunks(db.clients, data.clients, report);
    await putInChunks(db.invoices, data.invoices, report);
    await putInChunks(db.payments, data.payments, report);
    await putInChunks(db.allocations, data.allocations, report);
    await putInChunks(db.activities, data.activities, report);
    // Written last: the writes above drop the summaries of the clients they touch.
    await db.clientHistory.bulkPut(demoHistories(data));
    await db.ledgerChunks.bulkPut([
      ...storedRowsOfAll(buildChunks(data.invoices, data.payments, data.allocations)),
      readyMarker(newEpoch()),
    ]);
    await writeAudit(db, {
      entity: 'invoice',
      entityId: 'demo',
      action: 'create',
      summary: `Datos de demostración: ${data.clients.length} clientes, ${data.invoices.length} facturas, ${data.payments.length} cobros`,
      before: null,
      after: { invoices: options.invoices, today: options.today, seed: options.seed ?? null },
    });
  });
  return {
    clients: data.clients.length,
    invoices: data.invoices.length,
    payments: data.payments.length,
    allocations: data.allocations.length,
    activities: data.activities.length,
  };
}
