import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../../renderer/src/db/clients-repo';
import {
  createInvoice,
  deleteInvoice,
  updateInvoice,
} from '../../../../../renderer/src/db/invoices-repo';
import {
  createCreditNote,
  deleteCreditNote,
  listCreditNotes,
} from '../../../../../renderer/src/db/invoices/credit-notes';
import { recordPayment } from '../../../../../renderer/src/db/payments-repo';
import { listAudit } from '../../../../../renderer/src/db/audit';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import { clientInput, freshDb, invoiceInput, issueCodesOf, paymentInput } from '../test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

const twoDues = [
  { dueDate: '2026-02-14', amountCents: 605_00 },
  { dueDate: '2026-03-16', amountCents: 605_00 },
];

async function twoDueInvoice() {
  db = freshDb();
  const client = await createClient(db, clientInput());
  const invoice = await createInvoice(db, invoiceInput(client.id, { dues: twoDues }));
  return { client, invoice };
}

const note = (invoiceId: string, amountCents: number, number = 'R-2026-0001') => ({
  invoiceId,
  number,
  date: '2026-02-01',
  amountCents,
  reason: 'Descuento por retraso en la entrega',
});

describe('credit notes (rectificativas)', () => {
  it('a partial credit note reduces outstanding and settles the oldest due first', async () => {
    const { invoice } = await twoDueInvoice();
    const { note: stored, invoice: after } = await createCreditNote(db, note(invoice.id, 700_00));
    expect(stored).toMatchObject({ invoiceId: invoice.id, amountCents: 700_00, source: 'manual' });
    expect(after).toMatchObject({
      creditedCents: 700_00,
      paidCents: 0,
      outstandingCents: 510_00,
      nextDueDate: '2026-03-16',
    });
    expect(await db.invoices.get(invoice.id)).toEqual(after);
  });

  it('credits settle dues after the payments already applied', async () => {
    const { client, invoice } = await twoDueInvoice();
    await recordPayment(db, paymentInput(client.id, { amountCents: 300_00 }));
    const { invoice: after } = await createCreditNote(db, note(invoice.id, 305_00));
    expect(after).toMatchObject({ paidCents: 300_00, outstandingCents: 605_00 });
    expect(after.nextDueDate).toBe('2026-03-16');
  });

  it('a total credit note leaves nothing outstanding and no next due', async () => {
    const { invoice } = await twoDueInvoice();
    const { invoice: after } = await createCreditNote(db, note(invoice.id, 1_210_00));
    expect(after).toMatchObject({ outstandingCents: 0, nextDueDate: null });
  });

  it('is refused over what is outstanding, and nothing is stored', async () => {
    const { client, invoice } = await twoDueInvoice();
    await recordPayment(db, paymentInput(client.id, { amountCents: 1_000_00 }));
    expect(await issueCodesOf(createCreditNote(db, note(invoice.id, 210_01)))).toEqual([
      'credit_exceeds_outstanding',
    ]);
    expect(await db.creditNotes.count()).toBe(0);
    expect((await db.invoices.get(invoice.id))?.outstandingCents).toBe(210_00);
  });

  it('refuses a number the client already used, a zero amount and a draft invoice', async () => {
    const { client, invoice } = await twoDueInvoice();
    await createCreditNote(db, note(invoice.id, 10_00));
    expect(await issueCodesOf(createCreditNote(db, note(invoice.id, 10_00)))).toEqual([
      'credit_number_taken',
    ]);
    expect(await issueCodesOf(createCreditNote(db, note(invoice.id, 0, 'R-2')))).toEqual([
      'amount_not_positive',
    ]);
    const draft = await createInvoice(
      db,
      invoiceInput(client.id, { number: 'B-1', lifecycle: 'draft' }),
    );
    expect(await issueCodesOf(createCreditNote(db, note(draft.id, 10_00, 'R-3')))).toEqual([
      'invoice_not_open',
    ]);
  });

  it('writes an audit entry for the note and one for the invoice it changes', async () => {
    const { invoice } = await twoDueInvoice();
    const { note: stored } = await createCreditNote(db, note(invoice.id, 100_00));
    const noteAudit = await listAudit(db, { entity: 'credit_note', entityId: stored.id });
    expect(noteAudit.map((entry) => entry.action)).toEqual(['create']);
    const invoiceAudit = await listAudit(db, { entity: 'invoice', entityId: invoice.id });
    expect(invoiceAudit[0]?.summary).toContain('R-2026-0001');
    expect(invoiceAudit[0]?.summary).toContain('1.110,00');
  });

  it('rolls everything back when the audit write fails', async () => {
    const { invoice } = await twoDueInvoice();
    db.audit.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(createCreditNote(db, note(invoice.id, 100_00))).rejects.toThrow('disk full');
    expect(await db.creditNotes.count()).toBe(0);
    expect(await db.invoices.get(invoice.id)).toEqual(invoice);
  });

  it('deleting a credit note makes the invoice owe it again', async () => {
    const { invoice } = await twoDueInvoice();
    const { note: stored } = await createCreditNote(db, note(invoice.id, 700_00));
    const after = await deleteCreditNote(db, stored.id);
    expect(after).toMatchObject({
      creditedCents: 0,
      outstandingCents: 1_210_00,
      nextDueDate: '2026-02-14',
    });
    expect(await listCreditNotes(db, invoice.id)).toEqual([]);
    const audit = await listAudit(db, { entity: 'credit_note', entityId: stored.id });
    expect(audit.map((entry) => entry.action)).toEqual(['delete', 'create']);
  });

  it('a payment recorded after a credit note only takes what is left', async () => {
    const { client, invoice } = await twoDueInvoice();
    await createCreditNote(db, note(invoice.id, 1_000_00));
    await recordPayment(db, paymentInput(client.id, { amountCents: 210_00 }));
    expect(await db.invoices.get(invoice.id)).toMatchObject({
      paidCents: 210_00,
      creditedCents: 1_000_00,
      outstandingCents: 0,
    });
  });

  it('an edit cannot lower the payable below paid plus credited; the invoice cannot be deleted', async () => {
    const { client, invoice } = await twoDueInvoice();
    await createCreditNote(db, note(invoice.id, 700_00));
    const smaller = invoiceInput(client.id, {
      taxableBaseCents: 500_00,
      dues: [{ dueDate: '2026-02-14', amountCents: 605_00 }],
    });
    expect(await issueCodesOf(updateInvoice(db, invoice.id, smaller))).toEqual([
      'payable_below_settled',
    ]);
    expect(await issueCodesOf(deleteInvoice(db, invoice.id))).toEqual(['invoice_has_credit_notes']);
    const larger = invoiceInput(client.id, {
      taxableBaseCents: 2_000_00,
      dues: [{ dueDate: '2026-02-14', amountCents: 2_420_00 }],
    });
    const edited = await updateInvoice(db, invoice.id, larger);
    expect(edited).toMatchObject({ creditedCents: 700_00, outstandingCents: 1_720_00 });
  });
});
