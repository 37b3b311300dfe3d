import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../renderer/src/db/invoices-repo';
import { confirmMatch } from '../../../../renderer/src/db/statements-repo';
import {
  dismissReturn,
  pendingReturns,
  processReturnedDebits,
  resolveReturn,
} from '../../../../renderer/src/db/returned-debits-repo';
import { getWorklist } from '../../../../renderer/src/db/collections-queries';
import { recordPayment } from '../../../../renderer/src/db/payments-repo';
import { createMandate } from '../../../../renderer/src/db/mandates-repo';
import {
  loadPlanDebits,
  markDebitsPresented,
  representInstallment,
} from '../../../../renderer/src/db/direct-debits-queries';
import type { BankMovementRecord } from '../../../../shared/domain/records';
import { clientInput, freshDb, invoiceInput, paymentInput, planInput, signedPlan } from './test-db';

function movement(overrides: Partial<BankMovementRecord>): BankMovementRecord {
  return {
    id: crypto.randomUUID(),
    statementId: 's1',
    fingerprint: crypto.randomUUID(),
    date: '2026-05-11',
    valueDate: '2026-05-11',
    amountCents: 0,
    concept: '',
    references: [],
    commonCode: '02',
    counterpartyName: '',
    status: 'unmatched',
    paymentId: null,
    ...overrides,
  };
}

async function collectedFirstInstallment() {
  const db = freshDb();
  const client = await createClient(db, clientInput());
  const invoice = await createInvoice(db, invoiceInput(client.id));
  const draft = await signedPlan(db, planInput(client.id, [invoice.id], { installments: 3 }));
  const [first] = await db.installments.where('planId').equals(draft.id).sortBy('seq');
  const amount = first?.amountCents ?? 0;
  const credit = movement({ amountCents: amount, concept: 'REMESA RECIBOS PP-2026-0001-1' });
  await db.bankMovements.add(credit);
  await confirmMatch(db, credit.id, { clientId: client.id, invoiceIds: [invoice.id] });
  return { db, client, planId: draft.id, amount, creditId: credit.id };
}

describe('returned direct debits', () => {
  it('a returned receipt takes the payment back and the installment is unpaid again', async () => {
    const { db, planId, amount, creditId } = await collectedFirstInstallment();
    const paidBefore = (await db.installments.where('planId').equals(planId).sortBy('seq'))[0];
    expect(paidBefore?.paidCents).toBe(amount);

    const returned = movement({
      amountCents: -amount,
      commonCode: '14',
      concept: 'DEVOLUCION RECIBO PP-2026-0001-1',
      date: '2026-05-14',
      status: 'ignored',
    });
    await db.bankMovements.add(returned);
    expect(await processReturnedDebits(db)).toEqual({ reversed: 1, unexplained: 0 });

    const after = (await db.installments.where('planId').equals(planId).sortBy('seq'))[0];
    expect(after?.paidCents).toBe(0);
    expect(await db.payments.count()).toBe(0);
    expect((await db.bankMovements.get(returned.id))?.status).toBe('returned');
    // The credit that booked it cannot be matched a second time.
    expect((await db.bankMovements.get(creditId))?.status).toBe('ignored');

    const { worklist } = await getWorklist(db, '2026-05-15');
    const item = worklist.items.find((row) => row.kind === 'debit_returned');
    expect(item?.amountCents).toBe(amount);
    expect(item?.date).toBe('2026-05-14');

    // Running again finds nothing new.
    expect(await processReturnedDebits(db)).toEqual({ reversed: 0, unexplained: 0 });
  });

  it('a return with no payment of that amount is left for a person, nothing is undone', async () => {
    const { db, amount } = await collectedFirstInstallment();
    await db.bankMovements.add(
      movement({ amountCents: -(amount + 1), commonCode: '14', status: 'ignored' }),
    );
    expect(await processReturnedDebits(db)).toEqual({ reversed: 0, unexplained: 1 });
    expect(await db.payments.count()).toBe(1);
  });

  it('a return matching a payment recorded by hand as domiciliación takes it back', async () => {
    const db = freshDb();
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    await recordPayment(
      db,
      paymentInput(client.id, { method: 'direct_debit', amountCents: 1_210_00, reference: '' }),
    );
    const back = movement({
      amountCents: -1_210_00,
      commonCode: '14',
      concept: 'DEVOLUCION RECIBO',
      date: '2026-02-20',
      status: 'ignored',
    });
    await db.bankMovements.add(back);
    expect(await processReturnedDebits(db)).toEqual({ reversed: 1, unexplained: 0 });
    expect(await db.payments.count()).toBe(0);
    expect((await db.invoices.toArray())[0]?.outstandingCents).toBe(1_210_00);
  });

  it('a return matching nothing is listed to resolve and never reverses a later transfer', async () => {
    const db = freshDb();
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    // A transfer of the same amount, unrelated to any direct debit.
    const { payment } = await recordPayment(
      db,
      paymentInput(client.id, { amountCents: 1_210_00, reference: 'TRF 99', date: '2026-02-18' }),
    );
    const back = movement({
      amountCents: -1_210_00,
      commonCode: '14',
      concept: 'DEVOLUCION RECIBO',
      date: '2026-02-20',
      status: 'ignored',
    });
    await db.bankMovements.add(back);
    expect(await processReturnedDebits(db)).toEqual({ reversed: 0, unexplained: 1 });
    expect(await db.payments.count()).toBe(1);
    const [pending] = await pendingReturns(db);
    expect(pending?.movement.id).toBe(back.id);
    expect(pending?.candidates.map((row) => row.paymentId)).toEqual([payment.id]);
    // The person decides: it takes back nothing. It leaves the list.
    await dismissReturn(db, back.id);
    expect(await pendingReturns(db)).toEqual([]);
    expect(await processReturnedDebits(db)).toEqual({ reversed: 0, unexplained: 0 });
  });

  it('a person may say which payment a pending return takes back', async () => {
    const db = freshDb();
    const client = await createClient(db, clientInput());
    await createInvoice(db, invoiceInput(client.id));
    const { payment } = await recordPayment(
      db,
      paymentInput(client.id, { amountCents: 1_210_00, reference: 'TRF 99' }),
    );
    const back = movement({ amountCents: -1_210_00, commonCode: '14', date: '2026-02-20' });
    await db.bankMovements.add({ ...back, status: 'ignored' });
    await processReturnedDebits(db);
    await resolveReturn(db, back.id, payment.id);
    expect(await db.payments.count()).toBe(0);
    expect((await db.bankMovements.get(back.id))?.status).toBe('returned');
    expect(await pendingReturns(db)).toEqual([]);
  });

  it('a presented receipt comes back: marked returned, listed once in Hoy, presented again on request', async () => {
    const { db, client, planId, amount } = await collectedFirstInstallment();
    await createMandate(
      db,
      {
        clientId: client.id,
        reference: 'MND-1',
        signatureDate: '2026-04-20',
        debtorIban: 'ES7620770024003102575766',
        debtorName: 'Cliente',
      },
      '2026-04-20',
    );
    // The second installment (10/06) goes to the bank in a file made on 01/06.
    const first = await loadPlanDebits(db, '2026-06-01', '2026-06-30', '2026-06-01');
    expect(first.debits).toHaveLength(1);
    await markDebitsPresented(
      db,
      { fileName: 'remesa-1.xml', messageId: 'CC-1', presentedDate: '2026-06-01' },
      first.debits,
    );
    const again = await loadPlanDebits(db, '2026-06-01', '2026-06-30', '2026-06-01');
    expect(again.debits).toEqual([]);
    expect(again.presented).toHaveLength(1);

    const endToEndId = first.debits[0]?.endToEndId ?? '';
    const back = movement({
      amountCents: -(first.debits[0]?.amountCents ?? 0),
      commonCode: '14',
      concept: `DEVOLUCION RECIBO ${endToEndId}`,
      date: '2026-06-15',
      status: 'ignored',
    });
    await db.bankMovements.add(back);
    expect(await processReturnedDebits(db)).toEqual({ reversed: 1, unexplained: 0 });
    // Nothing was booked for that receipt: the earlier collected one stays paid.
    expect(await db.payments.count()).toBe(1);
    const rows = await db.installments.where('planId').equals(planId).sortBy('seq');
    expect(rows[0]?.paidCents).toBe(amount);
    expect(rows[1]?.presentations?.[0]?.returnedDate).toBe('2026-06-15');

    const { worklist } = await getWorklist(db, '2026-06-16');
    const mine = worklist.items.filter(
      (item) => item.refId === rows[1]?.id || item.kind === 'debit_returned',
    );
    expect(mine.map((item) => item.kind)).toEqual(['debit_returned']);
    expect(mine[0]?.represent).toEqual({ installmentId: rows[1]?.id, state: 'ready' });

    expect((await loadPlanDebits(db, '2026-06-01', '2026-06-30', '2026-06-16')).debits).toEqual([]);
    await representInstallment(db, rows[1]?.id ?? '');
    const represented = await loadPlanDebits(db, '2026-07-01', '2026-07-31', '2026-06-16');
    expect(represented.debits.map((debit) => [debit.endToEndId, debit.collectionDate])).toEqual([
      [endToEndId, '2026-06-17'],
      [expect.stringMatching(/-3$/), '2026-07-10'],
    ]);
  });
});
