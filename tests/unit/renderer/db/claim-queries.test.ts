import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import { paymentsOfInvoices } from '../../../../renderer/src/db/claim-queries';
import { getClientLegal } from '../../../../renderer/src/db/legal-queries';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { clientInput, freshDb, invoiceInput, paymentInput } from './test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

describe('paymentsOfInvoices', () => {
  it('dates the allocations of the invoices asked for, and only those', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    const first = await createInvoice(db, invoiceInput(client.id));
    const second = await createInvoice(
      db,
      invoiceInput(client.id, {
        number: '2026-0002',
        dues: [{ dueDate: '2026-03-14', amountCents: 1_210_00 }],
      }),
    );
    // Oldest first: 1.210 € settle the first invoice, 100 € go to the second.
    await recordPayment(db, paymentInput(client.id, { date: '2026-02-20', amountCents: 1_310_00 }));
    await recordPayment(db, paymentInput(client.id, { date: '2026-03-20', amountCents: 200_00 }));

    const both = await paymentsOfInvoices(db, [first.id, second.id]);
    expect(both.get(first.id)).toEqual([{ date: '2026-02-20', amountCents: 1_210_00 }]);
    expect(both.get(second.id)?.sort((a, b) => a.date.localeCompare(b.date))).toEqual([
      { date: '2026-02-20', amountCents: 100_00 },
      { date: '2026-03-20', amountCents: 200_00 },
    ]);
    const one = await paymentsOfInvoices(db, [second.id]);
    expect([...one.keys()]).toEqual([second.id]);
    expect(await paymentsOfInvoices(db, [])).toEqual(new Map());
  });

  it('feeds the legal panel its invoices with their dated payments', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    const invoice = await createInvoice(db, invoiceInput(client.id));
    await recordPayment(db, paymentInput(client.id, { date: '2026-03-04', amountCents: 1_210_00 }));
    const legal = await getClientLegal(db, client.id, '2026-04-01');
    expect(legal?.claimInvoices.find((row) => row.id === invoice.id)?.payments).toEqual([
      { date: '2026-03-04', amountCents: 1_210_00 },
    ]);
    expect(legal?.contractRatePercent).toBeNull();
  });
});
