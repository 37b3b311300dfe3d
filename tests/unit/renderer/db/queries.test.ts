import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import {
  countAll,
  getClientDetail,
  listClientsWithBalance,
  listInvoicesForLedger,
} from '../../../../renderer/src/db/queries';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { clientInput, freshDb, invoiceInput, paymentInput } from './test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

async function setup() {
  db = freshDb();
  const garcia = await createClient(db, clientInput());
  const lopez = await createClient(
    db,
    clientInput({ name: 'Ana López Ruiz', taxId: '12345678Z', email: 'ana@correo.es' }),
  );
  const first = await createInvoice(
    db,
    invoiceInput(garcia.id, {
      dues: [
        { dueDate: '2026-02-14', amountCents: 605_00 },
        { dueDate: '2026-03-16', amountCents: 605_00 },
      ],
    }),
  );
  const second = await createInvoice(
    db,
    invoiceInput(garcia.id, {
      number: '2026-0002',
      issueDate: '2026-02-01',
      dues: [{ dueDate: '2026-04-01', amountCents: 1_210_00 }],
    }),
  );
  await recordPayment(db, paymentInput(garcia.id, { amountCents: 1_310_00 }));
  return { garcia, lopez, first, second };
}

describe('queries', () => {
  it('lists clients by name with outstanding, overdue, invoice count and credit', async () => {
    const { garcia, lopez } = await setup();
    const rows = await listClientsWithBalance(db, '2026-03-20');
    expect(rows.map((row) => row.id)).toEqual([lopez.id, garcia.id]);
    expect(rows[1]).toMatchObject({
      outstandingCents: 1_110_00,
      overdueCents: 0,
      invoiceCount: 2,
      creditCents: 0,
    });
    const later = await listClientsWithBalance(db, '2026-04-02');
    expect(later[1]?.overdueCents).toBe(1_110_00);
  });

  it('lists the ledger with client names, open invoices first by next due date', async () => {
    const { first, second } = await setup();
    const ledger = await listInvoicesForLedger(db);
    expect(ledger.map((row) => [row.id, row.clientName])).toEqual([
      [second.id, 'Talleres Hermanos García S.L.'],
      [first.id, 'Talleres Hermanos García S.L.'],
    ]);
  });

  it('gives a client’s detail newest first, payments with their allocations', async () => {
    const { garcia, first, second } = await setup();
    const detail = await getClientDetail(db, garcia.id);
    expect(detail?.invoices.map((row) => row.id)).toEqual([second.id, first.id]);
    expect(detail?.payments).toHaveLength(1);
    const allocated = detail?.payments[0]?.allocations.map((row) => row.invoiceId) ?? [];
    expect(allocated.sort()).toEqual([first.id, second.id].sort());
    expect(await getClientDetail(db, 'nobody')).toBeUndefined();
  });

  it('counts every table', async () => {
    await setup();
    expect(await countAll(db)).toEqual({
      clients: 2,
      invoices: 2,
      payments: 1,
      allocations: 2,
      activities: 0,
      promises: 0,
      plans: 0,
      disputes: 0,
    });
  });
});
