import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import { eraseClient, exportClientData } from '../../../../renderer/src/db/client-data-repo';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { clientInput, freshDb, invoiceInput, paymentInput } from './test-db';
import { createMandate } from '../../../../renderer/src/db/mandates-repo';
import { checkReferences } from '../../../../renderer/src/db/check-references';
import { backupTables } from '../../../../renderer/src/db/references';

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

  it('erases a client who only has a mandate: no row, no audit entry names them afterwards', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    await createMandate(
      db,
      {
        clientId: client.id,
        reference: 'MND-001',
        signatureDate: '2026-11-20',
        debtorIban: 'ES76 2077 0024 0031 0257 5766',
        debtorName: 'Talleres García',
      },
      '2026-11-30',
    );
    const exported = await exportClientData(db, client.id);
    expect(exported.tables.mandates).toHaveLength(1);
    await eraseClient(db, client.id);
    const everything = JSON.stringify(
      await Promise.all(backupTables().map((name) => db.table(name).toArray())),
    );
    expect(everything).not.toContain('Talleres García');
    expect(everything).not.toContain('MND-001');
    expect(await checkReferences(db)).toEqual([]);
  });

  it('keeps the bank movement of an erased payment, back in "por conciliar"', async () => {
    const { gone } = await twoClients();
    const payment = await db.payments.where('clientId').equals(gone.id).first();
    await db.bankStatements.add({
      id: 's1',
      fingerprint: 'f',
      format: 'norma43',
      accountIban: '',
      fromDate: '2026-02-01',
      toDate: '2026-02-28',
      fileName: 'febrero.n43',
      movementCount: 1,
      importedAt: '2026-03-01T00:00:00.000Z',
    });
    await db.bankMovements.add({
      id: 'm1',
      statementId: 's1',
      fingerprint: 'm1',
      date: '2026-02-10',
      valueDate: '2026-02-10',
      amountCents: 500_00,
      concept: 'TRANSF',
      references: [],
      commonCode: '02',
      counterpartyName: '',
      status: 'matched',
      paymentId: payment!.id,
    });
    expect((await exportClientData(db, gone.id)).tables.bankMovements).toHaveLength(1);
    await eraseClient(db, gone.id);
    expect(await db.bankMovements.get('m1')).toMatchObject({
      status: 'unmatched',
      paymentId: null,
    });
    expect(await checkReferences(db)).toEqual([]);
  });
});
