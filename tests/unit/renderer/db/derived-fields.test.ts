import { describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import { createCreditNote } from '../../../../renderer/src/db/invoices/credit-notes';
import { openDispute } from '../../../../renderer/src/db/disputes-repo';
import { recomputeInvoicesInBulk } from '../../../../renderer/src/db/derived-fields';
import { clientInput, freshDb, invoiceInput, paymentInput } from './test-db';

describe('recomputeInvoicesInBulk', () => {
  it('gives every invoice the derived fields the use cases left, from its payments, credits and disputes', async () => {
    const db = freshDb();
    const client = await createClient(db, clientInput());
    const paid = await createInvoice(db, invoiceInput(client.id, { number: 'F-1' }));
    const credited = await createInvoice(db, invoiceInput(client.id, { number: 'F-2' }));
    const disputed = await createInvoice(db, invoiceInput(client.id, { number: 'F-3' }));
    await recordPayment(
      db,
      paymentInput(client.id, {
        amountCents: 1_500_00,
        allocation: {
          mode: 'chosen',
          items: [
            { invoiceId: paid.id, amountCents: 1_210_00 },
            { invoiceId: credited.id, amountCents: 290_00 },
          ],
        },
      }),
    );
    await createCreditNote(db, {
      invoiceId: credited.id,
      number: 'R-1',
      date: '2026-03-01',
      amountCents: 100_00,
      reason: 'Descuento',
    });
    await openDispute(db, {
      invoiceId: disputed.id,
      reason: 'quality',
      amountCents: 400_00,
      openedDate: '2026-03-01',
      note: '',
    });
    const expected = await db.invoices.orderBy('id').toArray();
    expect(expected.map((row) => [row.number, row.outstandingCents, row.disputedCents])).toEqual(
      expect.arrayContaining([
        ['F-1', 0, 0],
        ['F-2', 820_00, 0],
        ['F-3', 1_210_00, 400_00],
      ]),
    );
    // Derived fields gone wrong (as a pulled record's placeholders are), then recomputed.
    await db.invoices.bulkPut(
      expected.map((row) => ({
        ...row,
        paidCents: 0,
        outstandingCents: 0,
        ...(row.creditedCents === undefined ? {} : { creditedCents: 0 }),
        disputedCents: 0,
        nextDueDate: null,
      })),
    );
    await db.transaction('rw', [db.invoices, db.allocations, db.creditNotes, db.disputes], () =>
      recomputeInvoicesInBulk(
        db,
        expected.map((row) => row.id),
      ),
    );
    expect(await db.invoices.orderBy('id').toArray()).toEqual(expected);
    await db.delete();
  });
});
