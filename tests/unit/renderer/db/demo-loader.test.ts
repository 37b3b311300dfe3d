import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseNotEmptyError, loadDemoData } from '../../../../renderer/src/db/demo-loader';
import { countAll } from '../../../../renderer/src/db/queries';
import { listAudit } from '../../../../renderer/src/db/audit';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { generateDemoData } from '../../../../shared/demo/generate-demo';
import { clientInput, freshDb, invoiceInput } from './test-db';

const today = '2026-05-15';
const opened: CuentasDatabase[] = [];
function track(db: CuentasDatabase) {
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

describe('loadDemoData', () => {
  it('stores exactly what the generator makes, reporting progress, with one audit entry', async () => {
    const db = track(freshDb());
    const progress: [number, number][] = [];
    const result = await loadDemoData(db, {
      invoices: 12_000,
      today,
      onProgress: (done, total) => progress.push([done, total]),
    });
    const data = generateDemoData({ invoices: 12_000, today });
    expect(result).toEqual({
      clients: data.clients.length,
      invoices: 12_000,
      payments: data.payments.length,
      allocations: data.allocations.length,
      activities: data.activities.length,
    });
    const counts = await countAll(db);
    expect(counts).toMatchObject(result);
    const total =
      result.clients + result.invoices + result.payments + result.allocations + result.activities;
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every(([done], i) => i === 0 || done >= (progress[i - 1]?.[0] ?? 0))).toBe(
      true,
    );
    expect(await listAudit(db)).toHaveLength(1);
  });

  it('is deterministic: two databases get the same records', async () => {
    const a = track(freshDb());
    const b = track(freshDb());
    await loadDemoData(a, { invoices: 300, today, seed: 3 });
    await loadDemoData(b, { invoices: 300, today, seed: 3 });
    expect(await b.invoices.toArray()).toEqual(await a.invoices.toArray());
    expect(await b.payments.toArray()).toEqual(await a.payments.toArray());
  });

  it('refuses to mix with existing invoices unless asked to replace them', async () => {
    const db = track(freshDb());
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    await expect(loadDemoData(db, { invoices: 100, today })).rejects.toBeInstanceOf(
      DatabaseNotEmptyError,
    );
    expect(await db.invoices.count()).toBe(1);
    await loadDemoData(db, { invoices: 100, today, replace: true });
    expect(await db.invoices.count()).toBe(100);
    expect(await db.clients.get(client.id)).toBeUndefined();
  });
});
