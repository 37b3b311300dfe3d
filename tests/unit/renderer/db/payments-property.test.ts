import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import {
  deletePayment,
  previewPayment,
  recordPayment,
} from '../../../../renderer/src/db/payments-repo';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { clientInput, freshDb, invoiceInput, paymentInput } from './test-db';

type Step =
  | { kind: 'oldest'; amountCents: number; keep: boolean }
  | { kind: 'chosen'; invoice: number; amountCents: number }
  | { kind: 'delete'; payment: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('oldest' as const),
    amountCents: fc.integer({ min: 1, max: 3_000_00 }),
    keep: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('chosen' as const),
    invoice: fc.nat(2),
    amountCents: fc.integer({ min: 1, max: 1_500_00 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), payment: fc.nat(20) }),
);

async function checkInvariants(db: CuentasDatabase) {
  const allocations = await db.allocations.toArray();
  for (const invoice of await db.invoices.toArray()) {
    const allocated = allocations
      .filter((row) => row.invoiceId === invoice.id)
      .reduce((sum, row) => sum + row.amountCents, 0);
    expect(invoice.paidCents).toBe(allocated);
    expect(invoice.outstandingCents).toBe(invoice.payableCents - allocated);
    expect(invoice.paidCents).toBeLessThanOrEqual(invoice.payableCents);
  }
  for (const payment of await db.payments.toArray()) {
    const allocated = allocations
      .filter((row) => row.paymentId === payment.id)
      .reduce((sum, row) => sum + row.amountCents, 0);
    expect(allocated + payment.unallocatedCents).toBe(payment.amountCents);
  }
}

describe('payments property', () => {
  it('after any sequence of payments and deletions, outstanding = payable − allocations and paid ≤ payable', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const db = freshDb();
        try {
          const client = await createClient(db, clientInput());
          const invoiceIds: string[] = [];
          // Base → payable at 21 % VAT, in two equal dues.
          const amounts = [
            [1_000_00, 1_210_00],
            [500_00, 605_00],
            [2_000_00, 2_420_00],
          ] as const;
          for (const [index, [taxableBaseCents, payable]] of amounts.entries()) {
            const invoice = await createInvoice(
              db,
              invoiceInput(client.id, {
                number: `2026-000${index + 1}`,
                taxableBaseCents,
                dues: [
                  { dueDate: '2026-02-14', amountCents: payable / 2 },
                  { dueDate: '2026-03-16', amountCents: payable / 2 },
                ],
              }),
            );
            invoiceIds.push(invoice.id);
          }
          for (const current of steps) {
            if (current.kind === 'delete') {
              const payments = await db.payments.orderBy('id').toArray();
              const target = payments[current.payment % Math.max(1, payments.length)];
              if (target) await deletePayment(db, target.id);
            } else {
              const input =
                current.kind === 'oldest'
                  ? paymentInput(client.id, {
                      amountCents: current.amountCents,
                      keepExcessAsCredit: current.keep,
                    })
                  : paymentInput(client.id, {
                      amountCents: current.amountCents,
                      allocation: {
                        mode: 'chosen',
                        items: [
                          {
                            invoiceId: invoiceIds[current.invoice] ?? '',
                            amountCents: current.amountCents,
                          },
                        ],
                      },
                    });
              const preview = await previewPayment(db, input);
              const result = recordPayment(db, input);
              if (preview.issues.length > 0) await expect(result).rejects.toThrow();
              else await result;
            }
            await checkInvariants(db);
          }
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 40 },
    );
  });
});
