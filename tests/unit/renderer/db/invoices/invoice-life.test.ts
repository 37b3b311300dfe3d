import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../../renderer/src/db/clients-repo';
import {
  createInvoice,
  previewInvoiceEdit,
  writeOffInvoice,
} from '../../../../../renderer/src/db/invoices-repo';
import { cancelInvoice, reopenInvoice } from '../../../../../renderer/src/db/invoices/invoice-life';
import { createCreditNote } from '../../../../../renderer/src/db/invoices/credit-notes';
import { deletePayment, recordPayment } from '../../../../../renderer/src/db/payments-repo';
import { listAudit } from '../../../../../renderer/src/db/audit';
import { listClientsWithBalance } from '../../../../../renderer/src/db/queries';
import { loadLedger } from '../../../../../renderer/src/db/ledger-queries';
import { ledgerTotals } from '../../../../../shared/domain/ledger-filter';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import { clientInput, freshDb, invoiceInput, issueCodesOf, paymentInput } from '../test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

const TODAY = '2026-03-01';
/** Amounts are formatted with a no-break space before the euro sign. */
const plain = (text: string | undefined) => text?.replace(/\u00a0/g, ' ');

async function setUp() {
  db = freshDb();
  const client = await createClient(db, clientInput());
  const first = await createInvoice(db, invoiceInput(client.id));
  const second = await createInvoice(
    db,
    invoiceInput(client.id, {
      number: '2026-0002',
      taxableBaseCents: 500_00,
      dues: [{ dueDate: '2026-02-20', amountCents: 605_00 }],
    }),
  );
  return { client, first, second };
}

async function figures() {
  const [balance] = await listClientsWithBalance(db, TODAY);
  const ledger = await loadLedger(db, TODAY);
  return {
    clientOutstanding: balance?.outstandingCents,
    clientOverdue: balance?.overdueCents,
    ledgerOutstanding: ledgerTotals(ledger.rows).outstandingCents,
  };
}

describe('cancel (anular)', () => {
  it('leaves every figure but stays in the ledger with its status', async () => {
    const { first, second } = await setUp();
    expect(await figures()).toEqual({
      clientOutstanding: 1_815_00,
      clientOverdue: 1_815_00,
      ledgerOutstanding: 1_815_00,
    });
    const cancelled = await cancelInvoice(db, second.id, { date: TODAY });
    expect(cancelled).toMatchObject({
      lifecycle: 'cancelled',
      closedDate: TODAY,
      outstandingCents: 0,
      nextDueDate: null,
      payableCents: 605_00,
    });
    expect(await figures()).toEqual({
      clientOutstanding: 1_210_00,
      clientOverdue: 1_210_00,
      ledgerOutstanding: 1_210_00,
    });
    const rows = (await loadLedger(db, TODAY)).rows;
    expect(rows.find((row) => row.id === second.id)?.status).toBe('cancelled');
    expect(rows.find((row) => row.id === first.id)?.status).toBe('overdue');
    const audit = await listAudit(db, { entity: 'invoice', entityId: second.id });
    expect(plain(audit[0]?.summary)).toBe('Factura 2026-0002 anulada (605,00 €)');
  });

  it('is refused while a payment is applied, and allowed once it is deleted', async () => {
    const { client, first } = await setUp();
    const { payment } = await recordPayment(db, paymentInput(client.id, { amountCents: 100_00 }));
    expect(await issueCodesOf(cancelInvoice(db, first.id))).toEqual(['cancel_has_payments']);
    expect((await db.invoices.get(first.id))?.lifecycle).toBe('issued');
    await deletePayment(db, payment.id);
    expect((await cancelInvoice(db, first.id)).lifecycle).toBe('cancelled');
  });

  it('is refused for an invoice in a payment plan', async () => {
    const { first } = await setUp();
    await db.invoices.update(first.id, { planId: 'plan-1' });
    expect(await issueCodesOf(cancelInvoice(db, first.id))).toEqual(['invoice_in_plan']);
  });

  it('reopen restores the figures, credit notes included', async () => {
    const { first } = await setUp();
    await createCreditNote(db, {
      invoiceId: first.id,
      number: 'R-1',
      date: '2026-02-01',
      amountCents: 210_00,
      reason: '',
    });
    await cancelInvoice(db, first.id);
    const reopened = await reopenInvoice(db, first.id);
    expect(reopened).toMatchObject({
      lifecycle: 'issued',
      closedDate: null,
      creditedCents: 210_00,
      outstandingCents: 1_000_00,
      nextDueDate: '2026-02-14',
    });
    expect((await figures()).clientOutstanding).toBe(1_605_00);
  });
});

describe('write off (incobrable) and reopen', () => {
  it('keeps the outstanding on the record, leaves the balance, and records the day', async () => {
    const { first } = await setUp();
    const written = await writeOffInvoice(db, first.id, { date: TODAY });
    expect(written).toMatchObject({
      lifecycle: 'written_off',
      closedDate: TODAY,
      outstandingCents: 1_210_00,
    });
    expect((await figures()).clientOutstanding).toBe(605_00);
    expect(await issueCodesOf(writeOffInvoice(db, first.id))).toEqual(['invoice_not_open']);
    const reopened = await reopenInvoice(db, first.id);
    expect(reopened).toMatchObject({ lifecycle: 'issued', closedDate: null });
    expect((await figures()).clientOutstanding).toBe(1_815_00);
    const audit = await listAudit(db, { entity: 'invoice', entityId: first.id });
    expect(audit.map((entry) => plain(entry.summary))).toEqual([
      'Factura 2026-0001 reabierta (pendiente 1.210,00 €)',
      'Factura 2026-0001 declarada incobrable (1.210,00 €)',
      'Factura 2026-0001 por 1.210,00 €',
    ]);
  });

  it('refuses to reopen an issued invoice and to write off a settled one', async () => {
    const { client, first } = await setUp();
    expect(await issueCodesOf(reopenInvoice(db, first.id))).toEqual(['invoice_not_open']);
    await recordPayment(db, paymentInput(client.id, { amountCents: 1_210_00 }));
    expect(await issueCodesOf(writeOffInvoice(db, first.id))).toEqual(['invoice_not_open']);
  });
});

describe('previewInvoiceEdit', () => {
  it('tells what an edit of a partly paid invoice changes', async () => {
    const { client, first } = await setUp();
    await recordPayment(db, paymentInput(client.id, { amountCents: 605_00 }));
    const effects = await previewInvoiceEdit(
      db,
      first.id,
      invoiceInput(client.id, {
        taxableBaseCents: 500_00,
        dues: [{ dueDate: '2026-02-14', amountCents: 605_00 }],
      }),
    );
    expect(effects).toEqual([
      { code: 'outstanding_changes', fromCents: 605_00, toCents: 0 },
      { code: 'becomes_settled' },
      { code: 'next_due_changes', from: '2026-02-14', to: null },
      { code: 'payments_stay', paidCents: 605_00 },
    ]);
  });

  it('says nothing for an invoice without payments, credits or plan', async () => {
    const { client, first } = await setUp();
    const effects = await previewInvoiceEdit(
      db,
      first.id,
      invoiceInput(client.id, { description: 'Otra cosa' }),
    );
    expect(effects).toEqual([]);
  });
});
