import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice, deleteInvoice } from '../../../../renderer/src/db/invoices-repo';
import { deletePayment } from '../../../../renderer/src/db/payments-repo';
import {
  confirmMatch,
  importStatements,
  reconciliationList,
} from '../../../../renderer/src/db/statements-repo';
import { listAudit } from '../../../../renderer/src/db/audit';
import { checkReferences } from '../../../../renderer/src/db/check-references';
import type { CuentasDatabase } from '../../../../renderer/src/db/database';
import { readBankStatement } from '../../../../shared/formats/bank-statement';
import { norma43File } from '../../shared/formats/norma43-fixture';
import { clientInput, freshDb, invoiceInput, issueCodesOf } from './test-db';

let db: CuentasDatabase;
afterEach(async () => {
  await db.delete();
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe('deleting by the reference map', () => {
  it('deleting a payment booked from the bank puts its movement back in "por conciliar", audited', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    const invoice = await createInvoice(db, invoiceInput(client.id));
    const credit = { date: '260305', amountCents: 121_000, concept: 'TRANSF 2026-0001' };
    await importStatements(db, readBankStatement(bytes(norma43File([credit]))), 'marzo.n43');
    const [entry] = await reconciliationList(db);
    await confirmMatch(db, entry!.movement.id, { clientId: client.id, invoiceIds: [invoice.id] });
    const matched = await db.bankMovements.get(entry!.movement.id);
    expect(matched?.status).toBe('matched');

    await deletePayment(db, matched!.paymentId!);
    expect(await db.bankMovements.get(matched!.id)).toMatchObject({
      status: 'unmatched',
      paymentId: null,
    });
    expect((await db.invoices.get(invoice.id))?.outstandingCents).toBe(121_000);
    expect(await checkReferences(db)).toEqual([]);
    const [audit] = await listAudit(db, { entity: 'bank_movement', entityId: matched!.id });
    expect(audit).toMatchObject({
      action: 'update',
      before: { status: 'matched', paymentId: matched!.paymentId },
      after: { status: 'unmatched', paymentId: null },
    });
    // The movement is offered for reconciliation again.
    expect((await reconciliationList(db)).map((row) => row.movement.id)).toEqual([matched!.id]);
  });

  it('deleting an invoice takes it out of promises and letters but keeps them for the client', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    const first = await createInvoice(db, invoiceInput(client.id));
    const second = await createInvoice(db, invoiceInput(client.id, { number: '2026-0002' }));
    await db.promises.add({
      id: 'pr1',
      clientId: client.id,
      invoiceIds: [first.id, second.id],
      amountCents: 100_00,
      promisedDate: '2026-03-01',
      activityId: null,
      status: 'open',
      createdAt: '2026-02-01T00:00:00.000Z',
    });
    await db.notifications.add({
      id: 'n1',
      eventKey: `due:${first.id}`,
      kind: 'due',
      title: 'Vence 2026-0001',
      body: '',
      target: { kind: 'invoice', id: first.id },
      firedAt: '2026-02-14T09:00:00.000Z',
      readAt: null,
    });
    await deleteInvoice(db, first.id);
    expect((await db.promises.get('pr1'))?.invoiceIds).toEqual([second.id]);
    expect(await db.notifications.count()).toBe(0);
    expect(await checkReferences(db)).toEqual([]);
  });

  it('refuses to delete an invoice a payment plan names, and writes nothing', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    const invoice = await createInvoice(db, invoiceInput(client.id));
    await db.plans.add({
      id: 'pl1',
      clientId: client.id,
      invoiceIds: [invoice.id],
      status: 'cancelled',
      totalCents: 1_210_00,
      downPaymentCents: 0,
      frequency: 'monthly',
      annualInterestPercent: 0,
      signedDate: null,
      createdAt: '2026-02-01T00:00:00.000Z',
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(await issueCodesOf(deleteInvoice(db, invoice.id))).toEqual(['invoice_in_plan']);
    expect(await db.invoices.count()).toBe(1);
  });
});
