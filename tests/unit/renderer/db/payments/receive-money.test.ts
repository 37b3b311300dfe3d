import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../../../renderer/src/db/clients-repo';
import { createInvoice } from '../../../../../renderer/src/db/invoices-repo';
import { recordPayment } from '../../../../../renderer/src/db/payments-repo';
import { createMandate } from '../../../../../renderer/src/db/mandates-repo';
import {
  linkMovementToPayment,
  receiveMoney,
} from '../../../../../renderer/src/db/payments/receive-money';
import {
  confirmMatch,
  loadOpenItems,
  reconciliationList,
} from '../../../../../renderer/src/db/statements-repo';
import type { CuentasDatabase } from '../../../../../renderer/src/db/database';
import type { BankMovementRecord } from '../../../../../shared/domain/records';
import {
  clientInput,
  freshDb,
  invoiceInput,
  issueCodesOf,
  paymentInput,
  planInput,
  signedPlan,
} from '../test-db';

let db: CuentasDatabase;
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

function movement(overrides: Partial<BankMovementRecord>): BankMovementRecord {
  return {
    id: crypto.randomUUID(),
    statementId: 's1',
    fingerprint: crypto.randomUUID(),
    date: '2026-03-05',
    valueDate: '2026-03-05',
    amountCents: 300_00,
    concept: 'TRANSF TALLERES GARCIA 2026-0001',
    references: [],
    commonCode: '02',
    counterpartyName: '',
    status: 'unmatched',
    paymentId: null,
    ...overrides,
  };
}

async function snapshot() {
  return {
    invoices: await db.invoices.toArray(),
    movements: await db.bankMovements.toArray(),
    installments: await db.installments.toArray(),
    payments: await db.payments.count(),
    allocations: await db.allocations.count(),
    audit: await db.audit.count(),
  };
}

/** A 1.210,00 € invoice paid 300,00 € by hand on 2026-03-03, and the bank's 300,00 € credit. */
async function handPaymentThenBank() {
  db = freshDb();
  const client = await createClient(db, clientInput());
  const invoice = await createInvoice(db, invoiceInput(client.id));
  const { payment } = await recordPayment(
    db,
    paymentInput(client.id, { date: '2026-03-03', amountCents: 300_00 }),
  );
  const credit = movement({});
  await db.bankMovements.add(credit);
  return { client, invoice, payment, credit };
}

/** 760,00 € in a plan of four 190,00 € monthly installments from 2026-05-10. */
async function planOfFour() {
  db = freshDb();
  const client = await createClient(db, clientInput());
  const invoice = await createInvoice(
    db,
    invoiceInput(client.id, {
      number: '2026-0042',
      taxableBaseCents: 628_10,
      vatRatePercent: 21,
      dues: [{ dueDate: '2026-02-14', amountCents: 760_00 }],
    }),
  );
  const plan = await signedPlan(db, planInput(client.id, [invoice.id]));
  return { client, invoice, planId: plan.id };
}

describe('receiveMoney: a bank movement and the payment it is', () => {
  it('reconciliation proposes linking the hand payment first; linking records nothing new', async () => {
    const { client, payment, credit } = await handPaymentThenBank();
    const [entry] = await reconciliationList(db);
    const [best, ...rest] = entry!.suggestions;
    expect(best?.link?.paymentId).toBe(payment.id);
    expect(best?.reasons).toEqual(['recorded_payment', 'name_in_text']);
    expect(best?.confidence).toBeGreaterThanOrEqual(0.8);
    // Recording it again stays possible, but never as a confident proposal.
    expect(rest.length).toBeGreaterThan(0);
    expect(Math.max(...rest.map((row) => row.confidence))).toBeLessThan(0.5);

    await linkMovementToPayment(db, credit.id, payment.id);
    expect(await db.payments.count()).toBe(1);
    const linked = await db.bankMovements.get(credit.id);
    expect([linked?.status, linked?.paymentId]).toEqual(['matched', payment.id]);
    const invoice = (await db.invoices.where('clientId').equals(client.id).first())!;
    expect(invoice.outstandingCents).toBe(1_210_00 - 300_00);
    expect(await reconciliationList(db)).toEqual([]);
  });

  it('refuses a second link: a payment has one movement and a movement one payment', async () => {
    const { client, payment, credit } = await handPaymentThenBank();
    await linkMovementToPayment(db, credit.id, payment.id);
    const second = movement({ date: '2026-03-06', valueDate: '2026-03-06' });
    await db.bankMovements.add(second);
    expect(await issueCodesOf(linkMovementToPayment(db, second.id, payment.id))).toEqual([
      'payment_already_linked',
    ]);
    // The linked movement cannot be booked as a new payment either.
    const again = receiveMoney(db, {
      ...paymentInput(client.id, { date: '2026-03-05', amountCents: 300_00 }),
      source: 'bank_movement',
      movementId: credit.id,
    });
    expect(await issueCodesOf(again)).toEqual(['movement_already_linked']);
    expect(
      await issueCodesOf(confirmMatch(db, credit.id, { clientId: client.id, invoiceIds: [] })),
    ).toEqual(['movement_already_linked']);
    expect(await db.payments.count()).toBe(1);
    expect((await db.bankMovements.get(second.id))?.status).toBe('unmatched');
  });

  it('refuses to link a payment of another amount', async () => {
    const { payment } = await handPaymentThenBank();
    const other = movement({ amountCents: 301_00 });
    await db.bankMovements.add(other);
    expect(await issueCodesOf(linkMovementToPayment(db, other.id, payment.id))).toEqual([
      'amount_mismatch',
    ]);
  });

  it('does not propose a payment recorded more than a week away, nor one already linked', async () => {
    const { credit, payment } = await handPaymentThenBank();
    await db.bankMovements.put({ ...credit, date: '2026-03-11', valueDate: '2026-03-11' });
    expect((await reconciliationList(db))[0]?.suggestions.some((row) => row.link)).toBe(false);
    await db.bankMovements.put({ ...credit, date: '2026-03-10', valueDate: '2026-03-10' });
    expect((await reconciliationList(db))[0]?.suggestions[0]?.link?.paymentId).toBe(payment.id);
    const twin = movement({ date: '2026-03-04', valueDate: '2026-03-04' });
    await db.bankMovements.add(twin);
    await linkMovementToPayment(db, twin.id, payment.id);
    expect((await reconciliationList(db))[0]?.suggestions.some((row) => row.link)).toBe(false);
  });

  it('rolls everything back when a write fails half-way: no payment, movement still open', async () => {
    const { client } = await handPaymentThenBank();
    const credit = movement({ amountCents: 500_00 });
    await db.bankMovements.add(credit);
    const before = await snapshot();
    vi.spyOn(db.audit, 'add').mockRejectedValue(new Error('disk full'));
    await expect(
      confirmMatch(db, credit.id, {
        clientId: client.id,
        invoiceIds: before.invoices.map((i) => i.id),
      }),
    ).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect(await snapshot()).toEqual(before);
  });
});

describe('receiveMoney: a receipt for an invoice in a plan', () => {
  it('pays the plan installments oldest first, nothing as credit', async () => {
    const { client, invoice, planId } = await planOfFour();
    const credit = movement({
      date: '2026-05-12',
      valueDate: '2026-05-12',
      amountCents: 230_00,
      concept: `TRANSF B12345674 TALLERES GARCIA FRA 2026-0042`,
    });
    await db.bankMovements.add(credit);
    const [entry] = await reconciliationList(db);
    const best = entry!.suggestions[0]!;
    expect(best.clientId).toBe(client.id);
    expect(best.items.map((item) => item.label)).toEqual(['plazo 1', 'plazo 2']);
    expect(best.items.every((item) => item.planId === planId)).toBe(true);
    expect(best.amountCents).toBe(230_00);
    expect(best.reasons).toEqual(['number_in_text', 'tax_id_in_text', 'name_in_text']);

    await confirmMatch(db, credit.id, { clientId: client.id, invoiceIds: [], planIds: [planId] });
    const installments = await db.installments.where('planId').equals(planId).sortBy('seq');
    expect(installments.map((row) => row.paidCents)).toEqual([190_00, 40_00, 0, 0]);
    const [payment] = await db.payments.toArray();
    expect(payment?.unallocatedCents).toBe(0);
    expect((await db.invoices.get(invoice.id))?.outstandingCents).toBe(760_00 - 230_00);
    expect((await db.bankMovements.get(credit.id))?.paymentId).toBe(payment?.id);
  });

  it('lists the installments in date order with their plan, and refuses a receipt with nothing chosen', async () => {
    const { client } = await planOfFour();
    const credit = movement({ amountCents: 230_00, concept: 'INGRESO' });
    await db.bankMovements.add(credit);
    const [entry] = await reconciliationList(db);
    expect(entry?.suggestions).toEqual([]);
    const items = await loadOpenItems(db);
    expect(items.map((item) => [item.label, item.dueDate, item.outstandingCents])).toEqual([
      ['plazo 1', '2026-05-10', 190_00],
      ['plazo 2', '2026-06-10', 190_00],
      ['plazo 3', '2026-07-10', 190_00],
      ['plazo 4', '2026-08-10', 190_00],
    ]);
    expect(items.every((item) => /^PP-2026-\d{4}$/.test(item.planReference ?? ''))).toBe(true);
    const codes = await issueCodesOf(
      confirmMatch(db, credit.id, { clientId: client.id, invoiceIds: [] }),
    );
    expect(codes).toEqual(['nothing_chosen']);
    expect(await db.payments.count()).toBe(0);
    expect((await db.bankMovements.get(credit.id))?.status).toBe('unmatched');
  });

  it('a remittance credit for a client with a mandate is booked as a direct debit', async () => {
    const { client, planId } = await planOfFour();
    await createMandate(
      db,
      {
        clientId: client.id,
        reference: 'MANDATO-0001',
        signatureDate: '2026-04-20',
        debtorIban: 'ES91 2100 0418 4502 0005 1332',
        debtorName: 'Talleres Hermanos García S.L.',
      },
      '2026-04-20',
    );
    const credit = movement({ amountCents: 190_00, concept: 'REMESA RECIBOS PP-2026-0001-1' });
    const transfer = movement({ amountCents: 190_00, concept: 'TRANSF PP-2026-0001' });
    await db.bankMovements.bulkAdd([credit, transfer]);
    await confirmMatch(db, credit.id, { clientId: client.id, invoiceIds: [], planIds: [planId] });
    await confirmMatch(db, transfer.id, { clientId: client.id, invoiceIds: [], planIds: [planId] });
    const byMovement = async (id: string) =>
      (await db.payments.get((await db.bankMovements.get(id))!.paymentId!))?.method;
    expect(await byMovement(credit.id)).toBe('direct_debit');
    expect(await byMovement(transfer.id)).toBe('transfer');
    const installments = await db.installments.where('planId').equals(planId).sortBy('seq');
    expect(installments.map((row) => row.paidCents)).toEqual([190_00, 190_00, 0, 0]);
  });

  it('takes a receipt as credit when the client owes nothing', async () => {
    db = freshDb();
    const client = await createClient(db, clientInput());
    const credit = movement({ amountCents: 50_00 });
    await db.bankMovements.add(credit);
    await confirmMatch(db, credit.id, { clientId: client.id, invoiceIds: [] });
    const [payment] = await db.payments.toArray();
    expect(payment?.unallocatedCents).toBe(50_00);
  });
});
