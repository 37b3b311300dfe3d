import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import { eraseClient, exportClientData } from '../../../../renderer/src/db/client-data-repo';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { clientInput, freshDb, invoiceInput, paymentInput } from './test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

async function twoClients() {
  db = freshDb();
  const gone = await createClient(db, clientInput());
  const kept = await createClient(db, clientInput({ name: 'Panadería Luna', taxId: '12345678Z' }));
  for (const client of [gone, kept]) {
    await createInvoice(db, invoiceInput(client.id));
    await recordPayment(db, paymentInput(client.id));
  }
  return { gone, kept };
}

describe('client data', () => {
  it('exports everything stored about one client and nothing about others', async () => {
    const { gone } = await twoClients();
    const data = await exportClientData(db, gone.id);
    expect(data.client.name).toBe(gone.name);
    expect(data.tables.invoices).toHaveLength(1);
    expect(data.tables.payments).toHaveLength(1);
    expect(data.tables.allocations).toHaveLength(1);
    const text = JSON.stringify(data);
    expect(text).not.toContain('Panadería Luna');
    expect(data.tables.audit!.length).toBeGreaterThan(0);
  });

  it('erases the client, their documents and history, and leaves the other client whole', async () => {
    const { gone, kept } = await twoClients();
    const keptBefore = await exportClientData(db, kept.id);
    await eraseClient(db, gone.id);
    expect(await db.clients.get(gone.id)).toBeUndefined();
    expect(await db.invoices.where('clientId').equals(gone.id).count()).toBe(0);
    expect(await db.payments.where('clientId').equals(gone.id).count()).toBe(0);
    const trail = JSON.stringify(await db.audit.toArray());
    expect(trail).not.toContain(gone.name);
    expect(trail).toContain('RGPD');
    const keptAfter = await exportClientData(db, kept.id);
    expect(keptAfter.tables.invoices).toEqual(keptBefore.tables.invoices);
  });
});
