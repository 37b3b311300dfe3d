import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import {
  createInvoice,
  deleteInvoice,
  updateInvoice,
  writeOffInvoice,
} from '../../../../renderer/src/db/invoices-repo';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import { listAudit } from '../../../../renderer/src/db/audit';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { clientInput, freshDb, invoiceInput, issueCodesOf, paymentInput } from './test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

async function withClient() {
  db = freshDb();
  return createClient(db, clientInput());
}

const twoDues = [
  { dueDate: '2026-03-16', amountCents: 605_00 },
  { dueDate: '2026-02-14', amountCents: 605_00 },
];

describe('invoices repository', () => {
  it('creates an invoice with two dues, sorted, with computed amounts and derived fields', async () => {
    const client = await withClient();
    const invoice = await createInvoice(db, invoiceInput(client.id, { dues: twoDues }));
    expect(invoice).toMatchObject({
      vatCents: 210_00,
      totalCents: 1_210_00,
      payableCents: 1_210_00,
      paidCents: 0,
      outstandingCents: 1_210_00,
      nextDueDate: '2026-02-14',
      lifecycle: 'issued',
      disputedCents: 0,
      planId: null,
    });
    expect(invoice.dues.map((due) => due.dueDate)).toEqual(['2026-02-14', '2026-03-16']);
    expect(await db.invoices.get(invoice.id)).toEqual(invoice);
    const audit = await listAudit(db, { entity: 'invoice', entityId: invoice.id });
    expect(audit).toHaveLength(1);
  });

  it('computes IRPF withholding: payable is total minus withholding', async () => {
    const client = await withClient();
    const invoice = await createInvoice(
      db,
      invoiceInput(client.id, {
        withholdingRatePercent: 15,
        dues: [{ dueDate: '2026-02-14', amountCents: 1_060_00 }],
      }),
    );
    expect(invoice).toMatchObject({ withholdingCents: 150_00, payableCents: 1_060_00 });
  });

  it('refuses dues that do not add up to the payable amount and stores nothing', async () => {
    const client = await withClient();
    const input = invoiceInput(client.id, {
      dues: [
        { dueDate: '2026-02-14', amountCents: 605_00 },
        { dueDate: '2026-03-16', amountCents: 600_00 },
      ],
    });
    expect(await issueCodesOf(createInvoice(db, input))).toEqual(['dues_sum_mismatch']);
    expect(await db.invoices.count()).toBe(0);
    expect(await listAudit(db, { entity: 'invoice' })).toEqual([]);
  });

  it('refuses a number the same client already used, but not for another client', async () => {
    const client = await withClient();
    await createInvoice(db, invoiceInput(client.id));
    const codes = await issueCodesOf(createInvoice(db, invoiceInput(client.id)));
    expect(codes).toEqual(['invoice_number_taken']);
    const other = await createClient(db, clientInput({ name: 'María López', taxId: '12345678Z' }));
    await createInvoice(db, invoiceInput(other.id));
    expect(await db.invoices.count()).toBe(2);
  });

  it('refuses an unknown client', async () => {
    db = freshDb();
    expect(await issueCodesOf(createInvoice(db, invoiceInput('nobody')))).toEqual(['not_found']);
  });

  it('recomputes derived fields from existing payments on update', async () => {
    const client = await withClient();
    const invoice = await createInvoice(db, invoiceInput(client.id));
    await recordPayment(db, paymentInput(client.id, { amountCents: 500_00 }));
    const updated = await updateInvoice(
      db,
      invoice.id,
      invoiceInput(client.id, {
        taxableBaseCents: 2_000_00,
        dues: [{ dueDate: '2026-02-14', amountCents: 2_420_00 }],
      }),
    );
    expect(updated).toMatchObject({ paidCents: 500_00, outstandingCents: 1_920_00 });
  });

  it('refuses an update that would make the invoice smaller than what was paid', async () => {
    const client = await withClient();
    const invoice = await createInvoice(db, invoiceInput(client.id));
    await recordPayment(db, paymentInput(client.id, { amountCents: 1_000_00 }));
    const smaller = invoiceInput(client.id, {
      taxableBaseCents: 500_00,
      dues: [{ dueDate: '2026-02-14', amountCents: 605_00 }],
    });
    expect(await issueCodesOf(updateInvoice(db, invoice.id, smaller))).toEqual([
      'payable_below_paid',
    ]);
    expect(await db.invoices.get(invoice.id)).toMatchObject({ payableCents: 1_210_00 });
  });

  it('refuses to delete an invoice with payments, and deletes one without', async () => {
    const client = await withClient();
    const paid = await createInvoice(db, invoiceInput(client.id));
    await recordPayment(db, paymentInput(client.id, { amountCents: 100_00 }));
    expect(await issueCodesOf(deleteInvoice(db, paid.id))).toEqual(['invoice_has_payments']);
    const unpaid = await createInvoice(db, invoiceInput(client.id, { number: '2026-0002' }));
    await deleteInvoice(db, unpaid.id);
    expect(await db.invoices.count()).toBe(1);
    const [entry] = await listAudit(db, { entity: 'invoice', entityId: unpaid.id });
    expect(entry?.action).toBe('delete');
  });

  it('writes an invoice off, keeping its payments', async () => {
    const client = await withClient();
    const invoice = await createInvoice(db, invoiceInput(client.id));
    await recordPayment(db, paymentInput(client.id, { amountCents: 210_00 }));
    const written = await writeOffInvoice(db, invoice.id);
    expect(written).toMatchObject({ lifecycle: 'written_off', paidCents: 210_00 });
    expect(await db.allocations.count()).toBe(1);
  });
});
