import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import {
  deletePayment,
  previewPayment,
  recordPayment,
} from '../../../../renderer/src/db/payments-repo';
import { listAudit } from '../../../../renderer/src/db/audit';
import { listClientsWithBalance } from '../../../../renderer/src/db/queries';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { deriveInvoiceStatus } from '../../../../shared/domain/invoice';
import { formatEuros } from '../../../../shared/domain/money';
import { clientInput, freshDb, invoiceInput, issueCodesOf, paymentInput } from './test-db';

let db: CuentasDatabase;
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** A client with 1.210,00 € due 2026-02-14 and, optionally, 605,00 € due 2026-03-16. */
async function setup(withSecond = false) {
  db = freshDb();
  const client = await createClient(db, clientInput());
  const first = await createInvoice(db, invoiceInput(client.id));
  const second = withSecond
    ? await createInvoice(
        db,
        invoiceInput(client.id, {
          number: '2026-0002',
          issueDate: '2026-02-14',
          taxableBaseCents: 500_00,
          dues: [{ dueDate: '2026-03-16', amountCents: 605_00 }],
        }),
      )
    : null;
  return { client, first, second };
}

async function snapshot() {
  return {
    invoices: await db.invoices.toArray(),
    payments: await db.payments.count(),
    allocations: await db.allocations.count(),
    audit: await db.audit.count(),
  };
}

describe('payments repository', () => {
  it('a partial payment leaves the rest outstanding: partial before the due date, overdue after', async () => {
    const { client, first } = await setup();
    await recordPayment(db, paymentInput(client.id, { amountCents: 500_00 }));
    const invoice = await db.invoices.get(first.id);
    expect(invoice).toMatchObject({ paidCents: 500_00, outstandingCents: 710_00 });
    expect(formatEuros(invoice?.outstandingCents ?? 0)).toBe('710,00\u00A0€');
    if (!invoice) throw new Error('missing invoice');
    expect(deriveInvoiceStatus(invoice, '2026-02-10')).toBe('partial');
    expect(deriveInvoiceStatus(invoice, '2026-02-20')).toBe('overdue');
  });

  it('allocates oldest first across two invoices', async () => {
    const { client, first, second } = await setup(true);
    const { allocations } = await recordPayment(
      db,
      paymentInput(client.id, { amountCents: 1_500_00 }),
    );
    expect(allocations.map((row) => [row.invoiceId, row.amountCents])).toEqual([
      [first.id, 1_210_00],
      [second?.id, 290_00],
    ]);
    expect(await db.invoices.get(first.id)).toMatchObject({
      outstandingCents: 0,
      nextDueDate: null,
    });
    expect(await db.invoices.get(second?.id ?? '')).toMatchObject({ outstandingCents: 315_00 });
  });

  it('refuses a payment larger than the debt unless the excess is kept as credit', async () => {
    const { client } = await setup();
    const before = await snapshot();
    const error = await recordPayment(db, paymentInput(client.id, { amountCents: 1_300_00 })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      issues: [
        {
          code: 'payment_exceeds_outstanding',
          params: { outstandingCents: 1_210_00, excessCents: 90_00 },
        },
      ],
    });
    expect(await snapshot()).toEqual(before);

    const { payment } = await recordPayment(
      db,
      paymentInput(client.id, { amountCents: 1_300_00, keepExcessAsCredit: true }),
    );
    expect(payment.unallocatedCents).toBe(90_00);
    const [row] = await listClientsWithBalance(db, '2026-03-01');
    expect(row).toMatchObject({ outstandingCents: 0, creditCents: 90_00, invoiceCount: 1 });
  });

  it('refuses a chosen allocation above an invoice’s outstanding and writes nothing', async () => {
    const { client, first } = await setup(true);
    const before = await snapshot();
    const input = paymentInput(client.id, {
      amountCents: 1_300_00,
      allocation: { mode: 'chosen', items: [{ invoiceId: first.id, amountCents: 1_300_00 }] },
    });
    expect(await issueCodesOf(recordPayment(db, input))).toContain('allocation_exceeds_invoice');
    expect(await snapshot()).toEqual(before);
  });

  it('applies a chosen allocation to the invoice the user picked', async () => {
    const { client, first, second } = await setup(true);
    await recordPayment(
      db,
      paymentInput(client.id, {
        amountCents: 605_00,
        allocation: {
          mode: 'chosen',
          items: [{ invoiceId: second?.id ?? '', amountCents: 605_00 }],
        },
      }),
    );
    expect(await db.invoices.get(first.id)).toMatchObject({ paidCents: 0 });
    expect(await db.invoices.get(second?.id ?? '')).toMatchObject({ outstandingCents: 0 });
  });

  it('deleting a payment restores the invoices and is audited', async () => {
    const { client, first, second } = await setup(true);
    const before = await db.invoices.toArray();
    const { payment } = await recordPayment(db, paymentInput(client.id, { amountCents: 1_500_00 }));
    await deletePayment(db, payment.id);
    const after = await db.invoices.toArray();
    const strip = (rows: typeof after) => rows.map(({ updatedAt: _u, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
    expect(await db.allocations.count()).toBe(0);
    const paymentAudit = await listAudit(db, { entity: 'payment', entityId: payment.id });
    expect(paymentAudit.map((entry) => entry.action)).toEqual(['delete', 'create']);
    const firstAudit = await listAudit(db, { entity: 'invoice', entityId: first.id });
    expect(firstAudit.map((entry) => entry.action)).toEqual(['update', 'update', 'create']);
    expect(await listAudit(db, { entity: 'invoice', entityId: second?.id ?? '' })).toHaveLength(3);
  });

  it('previews the allocation without writing', async () => {
    const { client, first, second } = await setup(true);
    const before = await snapshot();
    const preview = await previewPayment(db, paymentInput(client.id, { amountCents: 2_000_00 }));
    expect(preview).toMatchObject({
      allocations: [
        { invoiceId: first.id, amountCents: 1_210_00 },
        { invoiceId: second?.id, amountCents: 605_00 },
      ],
      unallocatedCents: 185_00,
      openOutstandingCents: 1_815_00,
      issues: [{ code: 'payment_exceeds_outstanding' }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a failure in the middle of the transaction leaves nothing written', async () => {
    const { client } = await setup(true);
    const before = await snapshot();
    vi.spyOn(db.audit, 'add').mockRejectedValue(new Error('disk full'));
    await expect(
      recordPayment(db, paymentInput(client.id, { amountCents: 1_500_00 })),
    ).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown client and a non-positive amount', async () => {
    const { client } = await setup();
    expect(await issueCodesOf(recordPayment(db, paymentInput('nobody')))).toEqual(['not_found']);
    const codes = await issueCodesOf(
      recordPayment(db, paymentInput(client.id, { amountCents: 0 })),
    );
    expect(codes).toEqual(['amount_not_positive']);
  });
});
