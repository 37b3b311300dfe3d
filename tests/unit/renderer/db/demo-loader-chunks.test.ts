import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseNotEmptyError, loadDemoData } from '../../../../renderer/src/db/demo-loader';
import {
  loadDemoDataInChunks,
  type ChunkedLoadPhase,
} from '../../../../renderer/src/db/demo-loader-chunks';
import { listAudit } from '../../../../renderer/src/db/audit';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { rebuildReadModel } from '../../../../renderer/src/db/ledger-read-model';
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

const TABLES = [
  'clients',
  'invoices',
  'payments',
  'allocations',
  'activities',
  'ledgerChunks',
  'clientHistory',
] as const;

/** Each build of the read model has its own epoch (a random name); the rest must be equal. */
function withoutEpoch(row: unknown): unknown {
  if (typeof row !== 'object' || row === null || !('epoch' in row)) return row;
  const { epoch, ...rest } = row;
  expect(typeof epoch).toBe('string');
  return rest;
}

async function contents(db: CuentasDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLES) out[name] = (await db.table(name).toArray()).map(withoutEpoch);
  return out;
}

describe('loadDemoDataInChunks', () => {
  it('stores what the one-transaction loader stores: records, read model and summaries', async () => {
    const whole = track(freshDb());
    const sliced = track(freshDb());
    const phases: [ChunkedLoadPhase, number, number][] = [];
    await loadDemoData(whole, { invoices: 1_500, today, seed: 5 });
    const result = await loadDemoDataInChunks(sliced, {
      invoices: 1_500,
      today,
      seed: 5,
      sliceInvoices: 200,
      sliceClients: 20,
      onPhase: (phase, done, total) => phases.push([phase, done, total]),
    });
    expect(result.invoices).toBe(1_500);
    expect(result.clients).toBe(75);
    expect(result.generateMs).toBeGreaterThan(0);
    const expected = await contents(whole);
    expect(await contents(sliced)).toEqual(expected);
    // Eight slices of at most 200 invoices, then four ranges of at most 20 clients.
    expect(phases.filter(([phase]) => phase === 'write')).toHaveLength(8);
    expect(phases.at(7)).toEqual(['write', 1_500, 1_500]);
    expect(phases.slice(8)).toEqual([
      ['model', 20, 75],
      ['model', 40, 75],
      ['model', 60, 75],
      ['model', 75, 75],
    ]);
    expect(await listAudit(sliced)).toHaveLength(1);
  });

  it('leaves a read model equal to a full rebuild from the stored invoices', async () => {
    const db = track(freshDb());
    await loadDemoDataInChunks(db, { invoices: 800, today, sliceInvoices: 150, sliceClients: 7 });
    const built = (await db.ledgerChunks.toArray()).map(withoutEpoch);
    await rebuildReadModel(db);
    expect((await db.ledgerChunks.toArray()).map(withoutEpoch)).toEqual(built);
  });

  it('empties every data table when a step fails half-way', async () => {
    const db = track(freshDb());
    const failure = new Error('disk full');
    await expect(
      loadDemoDataInChunks(db, {
        invoices: 600,
        today,
        sliceInvoices: 100,
        sliceClients: 10,
        onPhase: (phase, done) => {
          if (phase === 'model' && done >= 20) throw failure;
        },
      }),
    ).rejects.toBe(failure);
    for (const [name, rows] of Object.entries(await contents(db))) {
      expect(rows, name).toEqual([]);
    }
    expect(await listAudit(db)).toEqual([]);
  });

  it('refuses to mix with existing invoices, and leaves them, unless asked to replace them', async () => {
    const db = track(freshDb());
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    await expect(
      loadDemoDataInChunks(db, { invoices: 100, today, sliceInvoices: 30 }),
    ).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    expect(await db.invoices.count()).toBe(1);
    await loadDemoDataInChunks(db, { invoices: 100, today, sliceInvoices: 30, replace: true });
    expect(await db.invoices.count()).toBe(100);
    expect(await db.clients.get(client.id)).toBeUndefined();
  });
});
